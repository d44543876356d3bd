#!/usr/bin/env python3
"""Builds the seed corpora of the fuzz targets (fuzz/corpus/<target>/) from
the repository's fixtures, deterministically: each seed is named after the
SHA-1 of its bytes, as libFuzzer names the inputs it adds. Seeds over
64 KiB are left out (short CI runs do better on small inputs). Inputs that
once crashed a target are kept beside the seeds under crash-<sha1> names and
are never removed by this script.

    python3 scripts/make_fuzz_corpus.py          # rewrites the seed-* files
"""
import glob
import gzip
import hashlib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIX = os.path.join(ROOT, "fixtures")
OUT = os.path.join(ROOT, "fuzz", "corpus")
MAX = 64 * 1024


def read(path):
    with open(path, "rb") as f:
        return f.read()


def fixtures(*patterns):
    out = []
    for pattern in patterns:
        out += sorted(glob.glob(os.path.join(FIX, pattern), recursive=True))
    return [read(p) for p in out if os.path.isfile(p)]


def jsonl_texts(path, key="text"):
    texts = []
    with open(os.path.join(FIX, path), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                value = json.loads(line).get(key)
                if isinstance(value, str):
                    texts.append(value.encode("utf-8"))
    return texts


def warc_record(uri, block, length=None):
    head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
            "WARC-Date: 2026-01-28T09:30:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
            "Content-Length: %d\r\n\r\n" % (uri, len(block) if length is None else length))
    return head.encode() + block + b"\r\n\r\n"


def http(body):
    return (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n"
            % len(body)) + body


def seeds():
    s = {}
    page = b"<html><body><p>Nvidia shipped 400,000 H200 chips.</p></body></html>"
    s["warc"] = fixtures("ingest/warc/*.warc", "ingest/warc/*.warc.gz", "ingest/warc/*.arc",
                         "ingest/warc/*.arc.gz", "ingest/warc/*.lz4") + [
        warc_record("http://a/", http(page)) + warc_record("http://b/", http(page), 99999999) +
        warc_record("http://c/", http(page)),
        gzip.compress(warc_record("http://a/", http(page)), mtime=0),
    ]
    attrs = b"<div" + b"".join(b" a%d" % i for i in range(1200)) + b"><p>text</p></div>"
    s["html"] = fixtures("extract/html/*.html", "demo/pages/*.html", "crawl/private/*.html") + [
        b"text/html; charset=windows-1251\0<p>\xcf\xf0\xe8\xe2\xe5\xf2</p>",
        b"<html><body>" + attrs + b"</body></html>",
        b"<html><body>" + b"<div>" * 500 + b"<p>deep</p></body></html>",
        b"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"x\","
        b"\"articleBody\":\"Body text.\"}</script><p>Loading</p>",
    ]
    s["feed"] = fixtures("ingest/feeds/*.xml", "ingest/feeds/*.rss", "ingest/feeds/*.atom",
                         "ingest/feeds/*.json", "crawl/*.xml") + [
        b"application/rss+xml; charset=koi8-r\0<?xml version=\"1.0\"?><rss><channel>"
        b"<item><title>\xf0\xd2\xc9\xd7\xc5\xd4</title><link>/a</link></item></channel></rss>",
        b"<rss><channel><item><title>bare & amp &nbsp; <b>x</b></title><link>/a</link>",
        b"<?xml version=\"1.0\"?><opml version=\"2.0\"><body><outline xmlUrl=\"https://a/feed\"/>"
        b"</body></opml>",
        b"https://a.example/feed.xml\n# comment\nhttps://b.example/atom\n",
    ]
    s["sitemap"] = fixtures("ingest/sitemaps/*.xml", "ingest/sitemaps/mirror/*.xml",
                            "ingest/sitemaps/mirror/robots.txt", "crawl/robots.txt") + [
        b"User-agent: *\nDisallow: /private\nAllow: /private/ok$\nCrawl-delay: 2\n"
        b"Sitemap: https://a.example/sitemap.xml\n\0/private/ok",
        b"User-agent: newsx\nDisallow: /*.pdf$\n\0/a/b.pdf",
    ]
    urls = [b"http://a/b/c/d;p?q\0../g", b"http://a/b/c/d;p?q\0//g", b"https://WWW.Reuters.com:443/world#x",
            b"https://example.com/x?utm_source=a&fbclid=1&id=7", b"ftp://example.com/x",
            b"http://a/b/c/d;p?q\0g;x?y#s", b"  https://example.com/%7Euser/a/./b/../c  ",
            b"https://[::1]:8080/x", b"https://user:pw@host/p?q", b"mailto:someone@example.com"]
    s["url"] = urls
    s["date"] = [b"2026-01-28", b"2026-01-28T09:30:00.123+08:00", b"2026-01-28T09:30-0500",
                 b"20260128093000", b"Wed, 28 Jan 2026 09:30:00 GMT", b"28 Jan 2026 09:30 EST",
                 b"Wednesday, 28-Jan-26 09:30:00 PDT", b"Jan 28, 2026 3:15 PM",
                 b"Thu Jan 01 00:00:00 1970", b"Sat, 1 Nov 2025 7:05:00 -0000", b"yesterday",
                 b"9999-12-31T23:59:59Z"]
    s["quantity"] = (jsonl_texts("extract/entities/cases.jsonl") +
                     jsonl_texts("extract/quantities/news_cases.jsonl")[:60] +
                     [read(os.path.join(FIX, "extract/seed/h200-imports.txt"))])
    lexicons = []
    kinds = ["chips", "orgs", "places", "persons", "titles", "words", "events"]
    for i, kind in enumerate(kinds):
        path = os.path.join(ROOT, "lexicons", kind + ".tsv")
        if not os.path.exists(path):
            continue
        lines = [l for l in read(path).split(b"\n") if l and not l.startswith(b"#")][:8]
        comments = [l for l in read(path).split(b"\n") if l.startswith(b"#")][:6]
        text = "Nvidia shipped 400,000 H200 chips to China last week, Reuters said.".encode()
        lexicons.append(bytes([i]) + b"\n".join(comments + lines) + b"\n\0" + text)
    s["lexicon"] = lexicons
    readme = read(os.path.join(ROOT, "README.md")).decode("utf-8")
    toml = readme.split("```toml\n", 1)[1].split("```", 1)[0].encode() if "```toml\n" in readme else b""
    s["config"] = [toml, b"[workers]\nextract = 0\n", b"[politeness]\nper_host_delay_ms = \"x\"\n",
                   b"[crawl]\nfeeds = [\"https://a/feed\", 3]\n", b"[unknown]\nkey = 1\n"]
    return s


def main():
    total = 0
    for target, inputs in seeds().items():
        folder = os.path.join(OUT, target)
        os.makedirs(folder, exist_ok=True)
        for name in os.listdir(folder):
            if name.startswith("seed-"):
                os.remove(os.path.join(folder, name))
        for data in inputs:
            if not data or len(data) > MAX:
                continue
            name = "seed-" + hashlib.sha1(data).hexdigest()
            with open(os.path.join(folder, name), "wb") as f:
                f.write(data)
            total += len(data)
        print("%-9s %3d seeds" % (target, len([n for n in os.listdir(folder) if n.startswith("seed-")])))
    print("total %d KB" % (total // 1024))


if __name__ == "__main__":
    sys.exit(main())
