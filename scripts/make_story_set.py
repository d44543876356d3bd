#!/usr/bin/env python3
"""Builds fixtures/stories: the near-duplicate (syndication) test set.

Real pages from the article-extraction evaluation set (MIT licence) are
copied as they are; each group's article body (the human-checked body from
ground-truth.json) is then republished in three other page templates with
the edits syndication makes: new headlines, bylines and datelines, cut or
added paragraphs, merged paragraphs, small wording changes, newsletter and
copyright boilerplate, "most read" lists naming other stories. Real
articles on the same topic as a group (other outlets' own reports) are
added as singletons. The seed story gets two syndicated variants of the
demo page fixtures/demo/pages/h200-imports.html.

Deterministic (random.Random with fixed seeds). Usage:
    scripts/make_story_set.py ../shared/eval/article-extraction fixtures/stories
"""

import gzip
import html
import json
import os
import random
import re
import shutil
import sys

# Base articles: each becomes a group (original page + 3 variants).
GROUPS = ["4a44ab3e", "5a822960", "51374560", "7916ecca", "776a1c04", "7a457a4f",
          "06e5123e", "51d066b0", "14cc2a0c", "359fee22", "7de52419", "232a43fb"]
# Other outlets' own reports on the topic of a group: distinct articles.
SAME_TOPIC = {"6ebac05f": "7a457a4f", "1ace8c85": "06e5123e", "2c46804d": "51d066b0",
              "686bb170": "14cc2a0c", "65bf3048": "232a43fb"}

TEMPLATES = {
    "wire": """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Wireline</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}">
<link rel="canonical" href="{url}"></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/tech">Technology</a></li></ul></nav></header>
<main><article><h1>{title}</h1><p class="byline">{byline}</p>
<div class="article-body">{body}</div></article>
<aside><h3>Most read</h3><ul>{most_read}</ul></aside></main>
<footer><p>&copy; 2019 Wireline Media. All rights reserved.</p>
<p><a href="/terms">Terms</a> | <a href="/privacy">Privacy</a></p></footer></body></html>
""",
    "regional": """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{title} - The Valley Courier</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle",
"headline":{title_json},"datePublished":"{published}","author":{{"@type":"Person","name":"{author}"}}}}</script>
</head><body><div id="top"><a href="/">The Valley Courier</a> <a href="/subscribe">Subscribe</a></div>
<div class="wrap"><div class="col-main"><h1 class="headline">{title}</h1>
<div class="meta">By {author} | {published_text}</div>
<div class="story">{body}</div>
<div class="share">Share this story: Facebook Twitter Email</div></div>
<div class="col-side"><h4>Trending</h4><ol>{most_read}</ol>
<div class="ad">Advertisement</div></div></div>
<div id="foot">The Valley Courier, 12 Main Street. Contact us. Advertise with us.</div>
</body></html>
""",
    "aggregator": """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{title}</title><meta name="date" content="{published}"></head><body>
<div class="topbar">NewsPile - all the news in one place</div>
<div class="container"><section class="post"><h2>{title}</h2>
<span class="source">Source: {site}</span>
<section class="post-content">{body}</section>
<p class="more">Read the full story at {site}.</p></section>
<section class="related"><h3>Related stories</h3><ul>{most_read}</ul></section></div>
<div class="bottom">NewsPile aggregates headlines from publishers. Cookie settings.</div>
</body></html>
""",
}

BOILERPLATE = [
    "Sign up for our daily newsletter to get the top stories in your inbox.",
    "This story has been updated with additional details.",
    "Local officials did not immediately respond to a request for comment.",
    "Follow us on social media for the latest updates.",
]
NAMES = ["Dana Whitfield", "Omar Haddad", "Lucia Romano", "Peter Lindqvist", "Grace Okoye"]
WORD_EDITS = [(" said ", " says "), (" on Tuesday", ""), (" on Monday", ""), ("percent", "per cent"),
              (" U.S. ", " US "), ("’", "'")]


def paragraphs(body):
    return [p.strip() for p in body.split("\n") if p.strip()]


def first_sentence(text, limit=80):
    s = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    return s[:limit].rstrip(" ,;:")


def edit_words(p, rng):
    for old, new in WORD_EDITS:
        if old in p and rng.random() < 0.6:
            p = p.replace(old, new)
    return p


def variant(kind, paras, rng):
    """The edited paragraphs of one republication."""
    out = list(paras)
    n = len(out)
    if kind == "wire":
        out = out[: max(2, n - max(1, n // 4))]          # the tail cut
        out[0] = "NEW YORK (Wireline) - " + out[0]       # a dateline
        out.append("(Reporting by %s; Editing by %s)" % tuple(rng.sample(NAMES, 2)))
    elif kind == "regional":
        if n > 4:
            del out[rng.randrange(1, n - 1)]             # a middle paragraph cut
        out = [edit_words(p, rng) for p in out]
        if len(out) > 3:                                 # two paragraphs merged
            i = rng.randrange(0, len(out) - 1)
            out[i:i + 2] = [out[i] + " " + out[i + 1]]
        out.insert(len(out) // 2, BOILERPLATE[0])
        out.append(rng.choice(BOILERPLATE[1:]))
    else:  # aggregator: the first part only
        out = out[: max(2, (n * 2 + 2) // 3)]
    return out


def render(kind, title, paras, site, published, url, most_read, rng):
    author = rng.choice(NAMES)
    body = "\n".join("<p>%s</p>" % html.escape(p) for p in paras)
    items = "\n".join("<li><a href=\"/s/%d\">%s</a></li>" % (i, html.escape(t))
                      for i, t in enumerate(most_read))
    return TEMPLATES[kind].format(
        title=html.escape(title), title_json=json.dumps(title), published=published,
        published_text=published[:10], url=url, byline="By " + author + ", Wireline",
        author=author, body=body, most_read=items, site=html.escape(site))


def main():
    eval_dir, out_dir = sys.argv[1], sys.argv[2]
    truth = json.load(open(os.path.join(eval_dir, "ground-truth.json")))
    by_prefix = {k[:8]: (k, v) for k, v in truth.items()}
    pages = os.path.join(out_dir, "pages")
    os.makedirs(pages, exist_ok=True)
    rows = []
    headlines = [first_sentence(paragraphs(by_prefix[g][1]["articleBody"])[0], 60) for g in GROUPS]
    for gi, g in enumerate(GROUPS):
        full, entry = by_prefix[g]
        shutil.copy(os.path.join(eval_dir, "html", full + ".html.gz"),
                    os.path.join(pages, g + "-original.html.gz"))
        rows.append((g + "-original.html.gz", g, entry["url"]))
        paras = paragraphs(entry["articleBody"])
        site = re.sub(r"^https?://(www\.)?", "", entry["url"]).split("/")[0]
        for vi, kind in enumerate(["wire", "regional", "aggregator"]):
            rng = random.Random("%s-%s" % (g, kind))
            title = first_sentence(rng.choice(paras), 90)
            others = [h for j, h in enumerate(headlines) if j != gi]
            most_read = rng.sample(others, 5)
            url = "https://%s.example/2019/11/%s-%s" % (kind, g, kind)
            text = render(kind, title, variant(kind, paras, rng), site,
                          "2019-11-%02dT%02d:00:00Z" % (18 + vi, 8 + gi % 10), url, most_read, rng)
            name = "%s-%s.html" % (g, kind)
            with open(os.path.join(pages, name), "w", encoding="utf-8") as f:
                f.write(text)
            rows.append((name, g, url))
    for d, topic in SAME_TOPIC.items():
        full, entry = by_prefix[d]
        name = d + "-sametopic.html.gz"
        shutil.copy(os.path.join(eval_dir, "html", full + ".html.gz"), os.path.join(pages, name))
        rows.append((name, d, entry["url"]))
    # The seed story: the demo page (a third variant) and two republications.
    seed_dir = os.path.join(out_dir, "seed")
    os.makedirs(seed_dir, exist_ok=True)
    seed_text = open(os.path.join(os.path.dirname(out_dir.rstrip("/")), "extract/seed/h200-imports.txt"),
                     encoding="utf-8").read()
    seed_paras = paragraphs(seed_text)[3:]  # Without the headline lines.
    for vi, kind in enumerate(["wire", "aggregator"]):
        rng = random.Random("seed-" + kind)
        title = ["China clears first Nvidia H200 imports: sources",
                 "Beijing approves Nvidia H200 chip imports"][vi]
        url = "https://%s.example/2026/01/china-h200-imports" % kind
        text = render(kind, title, variant(kind, seed_paras, rng), "Tech Ledger",
                      "2026-01-28T%02d:00:00Z" % (10 + vi), url, headlines[:4], rng)
        with open(os.path.join(seed_dir, "h200-imports-%s.html" % kind), "w", encoding="utf-8") as f:
            f.write(text)
    with open(os.path.join(out_dir, "groups.tsv"), "w") as f:
        f.write("# page\tgroup\turl\n")
        for row in rows:
            f.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
