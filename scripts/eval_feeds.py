#!/usr/bin/env python3
"""Scores `newsx feed` against feedparser's test expectations.

Usage: scripts/eval_feeds.py [--newsx build/pipelines/newsx]
                             [--cases /work/shared/eval/feeds/feedparser] [-v]

Runs the built binary on every feed of cases.jsonl and interprets each
check (path, op, value) against our JSON output, mapping feedparser's field
names to ours (title_detail.value -> title, tags[i].term -> categories[i],
description -> summary, ...). Checks are grouped:
  core       title, link, id, published/updated, author, summary/content,
             categories, enclosures (the issue's target: >= 95%);
  wellformed feedparser's `bozo` flag vs. our well_formed;
  other      fields we deliberately do not model (rights, source, cloud...),
             counted as failures.
Prints pass rates per group and per format.
"""
import argparse
import calendar
import collections
import json
import os
import subprocess
import sys
import time
from html.parser import HTMLParser

CORE = {"title", "title_detail", "link", "id", "guid", "published", "published_parsed",
        "updated", "updated_parsed", "created", "author", "author_detail", "authors",
        "summary", "summary_detail", "description", "content", "tags", "category",
        "enclosures"}
UNSUPPORTED = object()


def person_string(p):
    if p.get("name") and p.get("email"):
        return "%s (%s)" % (p["name"], p["email"])
    return p.get("name") or p.get("email") or ""


def to_tuple(iso):
    t = time.gmtime(calendar.timegm(time.strptime(iso, "%Y-%m-%dT%H:%M:%SZ")))
    return [t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, 0]


def resolve(obj, keys):
    """Walks our record along feedparser's keys; UNSUPPORTED when unmapped."""
    if not keys:
        return obj
    k, rest = keys[0], keys[1:]
    if k in ("title_detail", "summary_detail", "subtitle_detail"):
        if rest == ["value"]:
            base = {"title_detail": "title", "summary_detail": "summary",
                    "subtitle_detail": "description"}[k]
            return obj.get(base, UNSUPPORTED)
        return UNSUPPORTED
    if k in ("title", "link", "id", "language"):
        return resolve(obj.get(k), rest) if k in obj else None
    if k == "guid":
        return obj.get("id")
    if k in ("summary", "description", "subtitle", "tagline"):
        # feedparser's summary falls back to the content.
        for key in ("summary", "description", "content"):
            if obj.get(key):
                return obj[key]
        return "" if ("summary" in obj or "description" in obj) else None
    if k in ("published", "updated", "created"):
        return obj.get("published" if k == "created" else k)
    if k in ("published_parsed", "updated_parsed"):
        v = obj.get(k.replace("_parsed", "")) or obj.get("updated") or obj.get("published")
        return {"tuple": to_tuple(v)} if v else None
    if k == "author":
        return person_string(obj["authors"][0]) if obj.get("authors") else None
    if k == "author_detail":
        if not obj.get("authors"):
            return None
        return resolve(obj["authors"][0], rest)
    if k == "authors":
        return resolve(obj.get("authors", []), rest)
    if k == "content":
        if not rest or rest[0] != 0:
            return UNSUPPORTED
        if rest[1:] != ["value"]:
            return UNSUPPORTED
        return obj.get("content") or None
    if k in ("tags", "category"):
        cats = obj.get("categories", [])
        if k == "category":
            return cats[0] if cats else None
        if len(rest) == 2 and isinstance(rest[0], int) and rest[1] == "term":
            return cats[rest[0]] if rest[0] < len(cats) else None
        return UNSUPPORTED
    if k == "enclosures":
        encs = obj.get("enclosures", [])
        if len(rest) == 2 and isinstance(rest[0], int):
            if rest[0] >= len(encs):
                return None
            e = encs[rest[0]]
            field = {"href": "url", "url": "url", "type": "type", "length": "length"}.get(rest[1])
            if field is None:
                return UNSUPPORTED
            v = e.get(field)
            return str(v) if field == "length" else v
        return UNSUPPORTED
    if isinstance(obj, list) and isinstance(k, int):
        return resolve(obj[k], rest) if k < len(obj) else None
    if isinstance(obj, dict) and k in ("name", "email", "url", "href"):
        return obj.get("url" if k == "href" else k)
    return UNSUPPORTED


class _Tokens(HTMLParser):
    """Markup as comparable tokens: start tags without namespace prefixes or
    xmlns attributes (attributes sorted), and whitespace-collapsed text.
    End tags are ignored, so "<br/>", "<br />" and "<br></br>" compare equal."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens = []

    def handle_starttag(self, tag, attrs):
        attrs = sorted((k, v) for k, v in attrs if not k.startswith("xmlns"))
        self.tokens.append(("<", tag.split(":")[-1], tuple(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        text = " ".join(data.split())
        if text:
            self.tokens.append(("t", text))


def markup_equal(a, b):
    """feedparser re-serializes HTML through its sanitizer (sorted attributes,
    "&amp;" re-escaped, "<br />"); compare what a reader would see instead."""
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    ta, tb = _Tokens(), _Tokens()
    ta.feed(a)
    tb.feed(b)
    return ta.tokens == tb.tokens


def group_of(path):
    if path == ["bozo"]:
        return "wellformed"
    keys = [p for p in path if isinstance(p, str) and p not in ("feed", "entries")]
    if not keys:
        return "other"
    first = keys[0]
    if first in ("title_detail", "summary_detail") and keys[-1] != "value":
        return "other"
    if first == "content" and keys[-1] != "value":
        return "other"
    if first == "tags" and keys[-1] != "term":
        return "other"
    if first == "enclosures" or first in CORE:
        return "core"
    return "other"


def evaluate(check, doc):
    path, op = check["path"], check["op"]
    if path == ["bozo"]:
        actual = not doc["feed"]["well_formed"]
    elif path == ["version"]:
        actual = doc["feed"]["format"]
    elif path[0] == "feed":
        actual = resolve(doc["feed"], path[1:])
    elif path[0] == "entries":
        if not isinstance(path[1], int) or path[1] >= len(doc["entries"]):
            actual = None
        else:
            actual = resolve(doc["entries"][path[1]], path[2:])
    else:
        actual = UNSUPPORTED
    if actual is UNSUPPORTED:
        return False, "unsupported"
    expected = check.get("value")
    if op == "==":
        if actual == expected:
            return True, actual
        return ("markup" if markup_equal(actual, expected) else False), actual
    if op == "!=":
        return actual != expected, actual
    if op == "has_key":
        return actual is not None, actual
    if op == "lacks_key":
        return actual is None, actual
    return False, "unknown op"


def run_newsx(newsx, path):
    proc = subprocess.run([newsx, "-q", "feed", path], capture_output=True)
    if proc.returncode != 0:
        return None
    lines = proc.stdout.decode("utf-8").splitlines()
    return {"feed": json.loads(lines[0]), "entries": [json.loads(l) for l in lines[1:]]}


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser()
    ap.add_argument("--newsx", default=os.path.join(root, "build", "pipelines", "newsx"))
    ap.add_argument("--cases", default="/work/shared/eval/feeds/feedparser")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    totals = collections.defaultdict(lambda: [0, 0])
    exact = collections.defaultdict(lambda: [0, 0])
    with open(os.path.join(args.cases, "cases.jsonl")) as f:
        cases = [json.loads(line) for line in f]
    for case in cases:
        path = os.path.join(args.cases, case["subset_file"].replace("subset/", "", 1))
        doc = run_newsx(args.newsx, path)
        for check in case["checks"]:
            group = group_of(check["path"])
            if doc is None:
                ok, actual = False, "newsx failed"
            else:
                ok, actual = evaluate(check, doc)
            for key in ((group, case["format"]), (group, "all"), ("all", case["format"]), ("all", "all")):
                totals[key][0] += bool(ok)
                totals[key][1] += 1
                exact[key][0] += ok is True
                exact[key][1] += 1
            if ok is not True and args.verbose:
                print("%s %-10s %s %s %s expected=%r got=%r" % (
                    "MARKUP" if ok else "FAIL", group, os.path.basename(path), check["path"], check["op"],
                    check.get("value"), actual), file=sys.stderr)
    print("%-11s %-8s %9s %7s   %s" % ("group", "format", "passed", "rate", "exact-string rate"))
    for (group, fmt), (ok, n) in sorted(totals.items()):
        print("%-11s %-8s %4d/%-4d %6.1f%%   %6.1f%%" % (group, fmt, ok, n, 100.0 * ok / n,
                                                   100.0 * exact[(group, fmt)][0] / n))


if __name__ == "__main__":
    main()
