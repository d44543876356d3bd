#!/usr/bin/env python3
"""Scores `newsx extract` output on trafilatura's evaluation set, and compares
the language of each article with the page's declared <html lang>.

    build/pipelines/newsx extract $E/eval $E/cache > /tmp/traf.jsonl
    python3 scripts/eval_trafilatura.py $E /tmp/traf.jsonl [--lang] [--split]

Scoring is trafilatura's own (its README): whitespace normalized, tp = `with`
snippets found in the text, fn = the rest, fp = `without` snippets found;
micro-averaged over the pages. Pages that newsx rejects count with an empty
text. --split also reports the two halves of the pages (by a hash of the
URL, fixed), so that a change tuned on one half can be checked on the other.
--lang prints the agreement of `lang` with the declared language and lists
the disagreements.
"""
import argparse
import gzip
import hashlib
import json
import os
import re
import sys


def norm(s):
    return " ".join(s.split())


def declared_lang(path):
    head = gzip.open(path).read()[:200000].decode("utf-8", "replace")
    m = re.search(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", head, re.I)
    return m.group(1).lower() if m else ""


def half(url):
    return hashlib.sha1(url.encode()).digest()[0] % 2


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("evaldir")
    ap.add_argument("predictions")
    ap.add_argument("--lang", action="store_true")
    ap.add_argument("--split", action="store_true")
    ap.add_argument("--pages", help="write per-page tp/fn/fp as JSON lines here")
    args = ap.parse_args()
    data = json.load(open(os.path.join(args.evaldir, "evaldata.json")))
    by_source = {}
    for line in open(args.predictions):
        a = json.loads(line)["article"]
        by_source[a["source"]] = a
    totals = {0: [0, 0, 0], 1: [0, 0, 0], "all": [0, 0, 0]}
    lang_rows = []
    pages = []
    for url, v in data.items():
        src = None
        for sub in ("eval", "cache"):
            name = v["file"] if v["file"].endswith(".gz") else v["file"] + ".gz"
            p = os.path.join(args.evaldir, sub, name)
            if os.path.exists(p):
                src = p
                break
        if src is None:
            continue
        rel = os.path.relpath(src, args.evaldir)
        a = by_source.get(rel) or by_source.get(src) or {}
        text = norm(a.get("text", ""))
        tp = sum(1 for s in v.get("with", []) if norm(s) in text)
        fn = len(v.get("with", [])) - tp
        fp = sum(1 for s in v.get("without", []) if norm(s) in text)
        for k in (half(url), "all"):
            totals[k][0] += tp
            totals[k][1] += fn
            totals[k][2] += fp
        pages.append({"url": url, "file": rel, "tp": tp, "fn": fn, "fp": fp,
                      "lang": a.get("lang")})
        if args.lang and a:
            lang_rows.append((rel, declared_lang(src), a.get("lang") or "",
                              a.get("lang_confidence"), len(a.get("text", ""))))

    def report(name, t):
        tp, fn, fp = t
        p = tp / (tp + fp) if tp + fp else 0
        r = tp / (tp + fn) if tp + fn else 0
        f = 2 * p * r / (p + r) if p + r else 0
        print(f"{name}: precision {p:.3f} recall {r:.3f} F1 {f:.3f} (tp {tp} fn {fn} fp {fp})")

    report("all pages", totals["all"])
    if args.split:
        report("half A", totals[0])
        report("half B", totals[1])
    if args.pages:
        with open(args.pages, "w") as out:
            for p in pages:
                out.write(json.dumps(p, ensure_ascii=False) + "\n")
    if args.lang:
        declared = [r for r in lang_rows if r[1]]
        agree = [r for r in declared if r[1] == r[2]]
        from_text = [r for r in lang_rows if r[3]]
        print(f"lang: {len(lang_rows)} articles, {len(from_text)} identified from the text, "
              f"{len(lang_rows) - len(from_text)} too short (declared language or none)")
        print(f"lang: {len(declared)} declare <html lang>; {len(agree)} agree "
              f"({len(agree) / max(1, len(declared)):.3f})")
        for r in declared:
            if r[1] != r[2]:
                print(f"  declared {r[1]:3} detected {r[2] or '-':3} conf {r[3]} chars {r[4]} {r[0]}")


if __name__ == "__main__":
    sys.exit(main())
