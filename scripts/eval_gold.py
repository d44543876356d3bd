#!/usr/bin/env python3
"""Scores `newsx extract --text` on the real-text gold set (../shared/eval/gold).

A copy of that set's score.py (same matching rules) with three additions:
  * event precision: an output event counts as right when it matches a gold
    `must` or `may` event of its document (issue 14's figure);
  * --half A|B: score one half of the documents (A: the 1st, 3rd, 5th... file
    in name order; B: the others), so that tuning on one half can be checked on
    the other;
  * --show: per document, the gold entities and events that were missed and
    the output entities and events that match no gold item.

usage: eval_gold.py NEWSX [GOLD_DIR] [--half A|B] [--show] [--json]
GOLD_DIR defaults to ../shared/eval/gold next to the repository.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
from collections import Counter


def norm(s):
    s = re.sub(r"['’]s\b", "", str(s).lower())
    s = re.sub(r"[^\w]+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def names_of(e):
    out = {norm(e.get("name", "")),
           norm(e.get("id", "").split(":")[-1].replace("/", " ").replace("-", " "))}
    for a in e.get("aliases", []) or []:
        out.add(norm(a))
    for m in e.get("mentions", []) or []:
        if isinstance(m, dict) and m.get("text"):
            out.add(norm(m["text"]))
    return {n for n in out if n}


def gold_names(g):
    out = {norm(g["name"])} | {norm(a) for a in g.get("aliases_seen", [])}
    return {n for n in out if n}


def ent_match(g, e):
    return e.get("type") == g["type"] and bool(gold_names(g) & names_of(e))


def num_close(a, b):
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 0.01 * max(abs(a), abs(b), 1e-9)


def qty_match(g, q):
    gt, qt = norm(g["text"]), norm(q.get("text", ""))
    if not qt or not (gt in qt or qt in gt or set(gt.split()) & set(qt.split()) and
                      len(set(gt.split()) & set(qt.split())) >= max(1, len(gt.split()) // 2)):
        return False
    for k in ("value", "low", "high"):
        if k in g and g[k] is not None:
            cands = [q.get(k), q.get("value")] if k != "value" else [q.get("value"), q.get("low")]
            if not any(num_close(g[k], c) for c in cands if c is not None):
                return False
    op = g.get("op")
    if op in (">", ">=") and q.get("op") not in (">", ">=") and q.get("high") not in (None, "", 0):
        return False
    if op in (">", ">=") and q.get("op") not in (">", ">=") and q.get("high") in (None, "", 0) and q.get("low") is None:
        return False
    if op in ("<", "<=") and q.get("op") not in ("<", "<=") and q.get("high") is None:
        return False
    unit = str(g.get("unit", "")).lower()
    have = " ".join(str(q.get(k, "")) for k in ("unit", "currency")).lower()
    if unit == "multiple" and not any(w in have for w in ("multiple", "times", "fold", "ratio", "x")):
        return False
    if unit == "percent" and not any(w in have for w in ("percent", "%", "pct")):
        return False
    currency = str(g.get("currency") or (g.get("unit") if unit in ("usd", "cny", "eur", "gbp", "jpy", "krw", "twd") else "")).upper()
    if currency and currency not in have.upper() and not (currency == "USD" and ("$" in have or "DOLLAR" in have.upper())):
        return False
    return True


def flat_values(v, ents):
    if isinstance(v, dict):
        return [y for x in v.values() for y in flat_values(x, ents)]
    if isinstance(v, list):
        return [y for x in v for y in flat_values(x, ents)]
    s = str(v)
    return [s, ents[s]] if s in ents else [s]


STOP = {"the", "and", "for", "chinese", "companies", "company", "technology", "internet", "large"}


def event_args(ev):
    """The event's arguments as the scorer reads them: the contract's list of
    {role, entity, text, quantity} or the older role -> value map."""
    args = ev.get("args", {})
    if isinstance(args, list):
        out = {}
        for a in args:
            vals = [a.get("entity") or "", a.get("text") or ""]
            out.setdefault(a.get("role", ""), []).extend(v for v in vals if v)
        return out
    return args


def sentence_text(ev):
    s = ev.get("sentence") or ""
    return s.get("text", "") if isinstance(s, dict) else str(s)


def ev_match(g, ev, ents):
    if ev.get("type") not in (g["type"], g["type"].removeprefix("other:")):
        return False
    have = norm(" ".join(flat_values(event_args(ev), ents)))
    for val in g.get("args", {}).values():
        for v in (val if isinstance(val, list) else [val]):
            toks = [t for t in norm(re.sub(r"\(.*?\)", "", str(v))).split() if len(t) >= 3 and t not in STOP]
            if toks and not any(t in have for t in toks):
                return False
    return True


def extract(newsx, text):
    p = subprocess.run([newsx, "extract", "--text", "-"], input=text.encode(), capture_output=True, timeout=120)
    try:
        return json.loads(p.stdout)
    except Exception:
        return {}


def docs(gold_dir):
    for f in sorted(glob.glob(os.path.join(gold_dir, "*.gold.json"))):
        g = json.load(open(f, encoding="utf-8"))
        path = os.path.join(gold_dir, g["source_text_file"])
        text = open(path, encoding="utf-8").read()
        if g.get("annotated_chars"):
            text = text[: g["annotated_chars"]]
        yield g.get("doc", os.path.basename(f)), g, text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("newsx")
    ap.add_argument("gold_dir", nargs="?",
                    default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval", "gold"))
    ap.add_argument("--half", choices=["A", "B"])
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    a = ap.parse_args()
    if not os.path.isdir(a.gold_dir):
        sys.exit(f"eval_gold: no gold directory at {a.gold_dir}")

    need, got = Counter(), Counter()
    n_out = n_spurious = q_need = q_got = e_need = e_got = bad = n_docs = 0
    ev_out = ev_right = 0
    for k, (name, g, text) in enumerate(docs(a.gold_dir)):
        if a.half and (k % 2 == 0) != (a.half == "A"):
            continue
        n_docs += 1
        out = extract(a.newsx, text)
        ents = [e for e in out.get("entities", []) if e.get("type") in ("chip", "org", "person", "place")]
        names = {e.get("id", ""): e.get("name", "") for e in out.get("entities", [])}
        must = g.get("entities", {}).get("must", [])
        may = g.get("entities", {}).get("may", [])
        missed, spurious, bad_hits = [], [], []
        for ge in must:
            need[ge["type"]] += 1
            hit = any(ent_match(ge, e) for e in ents)
            got[ge["type"]] += hit
            if not hit:
                missed.append(f'{ge["type"]}:{ge["name"]}')
        n_out += len(ents)
        for e in ents:
            if not any(ent_match(ge, e) for ge in must + may):
                n_spurious += 1
                spurious.append(f'{e.get("id")} "{e.get("name")}"')
        for m in g.get("entities", {}).get("must_not", []):
            if any(e.get("type") == m["type"] and e.get("name", "").lower() == m["name"].lower() for e in ents):
                bad += 1
                bad_hits.append(f'{m["type"]}:{m["name"]}')
        gq = g.get("quantities", {}).get("must", [])
        q_need += len(gq)
        q_missed = [x["text"] for x in gq if not any(qty_match(x, q) for q in out.get("quantities", []))]
        q_got += len(gq) - len(q_missed)
        gev = g.get("events", {}).get("must", [])
        gmay = g.get("events", {}).get("may", [])
        e_need += len(gev)
        ev_missed = [x for x in gev if not any(ev_match(x, ev, names) for ev in out.get("events", []))]
        e_got += len(gev) - len(ev_missed)
        ev_wrong = []
        for ev in out.get("events", []):
            ev_out += 1
            if any(ev_match(x, ev, names) for x in gev + gmay):
                ev_right += 1
            else:
                ev_wrong.append(ev)
        if a.show:
            print(f"== {name}")
            for m in missed:
                print(f"  missed   {m}")
            for s in spurious:
                print(f"  spurious {s}")
            for b in bad_hits:
                print(f"  MUST_NOT {b}")
            for q in q_missed:
                print(f"  qty miss {q!r}")
            for x in ev_missed:
                print(f"  ev miss  {x['type']} {json.dumps(x.get('args', {}), ensure_ascii=False)}")
            for ev in ev_wrong:
                print(f"  ev wrong {ev.get('type')} {json.dumps(event_args(ev), ensure_ascii=False)} | {sentence_text(ev)[:100]!r}")
    figures = {
        "docs": n_docs,
        "entity_recall": sum(got.values()) / max(1, sum(need.values())),
        "entity_precision": (n_out - n_spurious) / n_out if n_out else 0.0,
        "per_type": {t: [got[t], need[t]] for t in sorted(need)},
        "quantity": [q_got, q_need],
        "event_recall": [e_got, e_need],
        "event_precision": [ev_right, ev_out],
        "must_not": bad,
    }
    if a.json:
        print(json.dumps(figures))
        return
    for t in sorted(need):
        print(f"{t}: recall {got[t]}/{need[t]} = {got[t] / need[t]:.3f}")
    print(f"docs={n_docs} entity R={figures['entity_recall']:.3f} P={figures['entity_precision']:.3f} "
          f"quantity R={q_got}/{q_need} event R={e_got}/{e_need} "
          f"event P={ev_right}/{ev_out} must_not={bad}")


if __name__ == "__main__":
    main()
