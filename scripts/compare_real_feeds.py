#!/usr/bin/env python3
"""Compares `newsx feed` with Python's feedparser on real-world feeds.

Usage: scripts/compare_real_feeds.py [--newsx build/pipelines/newsx]
                                     [--feeds /work/shared/eval/feeds/real] [-v]

Needs Debian's python3-feedparser (run with /usr/bin/python3); a development
cross-check only. For every feed file (.xml .rss .atom .rdf .json; HTML and
OPML files are not feeds) it compares the number of entries and the entry
links, and prints one line per disagreement and a summary.
"""
import argparse
import json
import os
import subprocess
import sys

import feedparser

FEED_EXTENSIONS = (".xml", ".rss", ".atom", ".rdf", ".json")


def ours(newsx, path):
    proc = subprocess.run([newsx, "-q", "feed", path], capture_output=True)
    if proc.returncode != 0:
        return None, proc.stderr.decode("utf-8", "replace").strip()
    lines = proc.stdout.decode("utf-8").splitlines()
    return [json.loads(l) for l in lines[1:]], json.loads(lines[0])


def theirs(path):
    """feedparser's entry links; for JSON Feed, which this feedparser
    version does not read, the items' url (else external_url) as written."""
    if path.endswith(".json"):
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
            items = doc.get("items", []) if "jsonfeed.org" in str(doc.get("version", "")) else []
            return [i.get("url") or i.get("external_url") or "" for i in items], None
        except ValueError:
            return [], None
    parsed = feedparser.parse(path)
    return [e.get("link", "") for e in parsed.entries], parsed


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser()
    ap.add_argument("--newsx", default=os.path.join(root, "build", "pipelines", "newsx"))
    ap.add_argument("--feeds", default="/work/shared/eval/feeds/real")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(args.feeds) for f in fs
                   if f.endswith(FEED_EXTENSIONS))
    agree = 0
    for path in files:
        entries, header = ours(args.newsx, path)
        links, parsed = theirs(path)
        name = os.path.relpath(path, args.feeds)
        if entries is None and not links:
            agree += 1
            print("both-empty %s: ours: %s" % (name, header[-120:]))
            continue
        if entries is None:
            print("PARSE-FAIL %s: %s (feedparser: %d entries)" % (name, header, len(links)))
            continue
        our_links = [e["link"] for e in entries]
        if len(our_links) == len(links) and our_links == links:
            agree += 1
            if args.verbose:
                print("ok %s: %d entries" % (name, len(links)))
            continue
        diffs = [(a, b) for a, b in zip(our_links, links) if a != b]
        print("DIFF %s: ours %d entries, feedparser %d; %d links differ%s" % (
            name, len(our_links), len(links), len(diffs),
            (": e.g. ours %r vs %r" % diffs[0]) if diffs else ""))
    print("agree on entry count and links: %d/%d feeds" % (agree, len(files)))


if __name__ == "__main__":
    main()
