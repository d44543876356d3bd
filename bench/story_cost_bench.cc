// The cost of story and happening assignment (issue 20) as the store grows:
// N articles (default 20,000) built from real pages, written by one writer,
// with checkpoints at N/4, N/2 and N (5k, 10k, 20k by default).
//
//   story_cost_bench [PAGES_DIR] [ARTICLES (default 20000)]
//
// The articles are realistic in what stories see: most are distinct texts
// (a copy of a page with every third word replaced by a copy-specific word,
// so no 4-word shingle survives) and one in ten is a syndicated copy of an
// earlier article (its text with the last paragraphs cut and a dateline),
// which joins that story; events keep their entities, spread over 60 days,
// so the happening indexes see busy entities as a real archive's do.
//
// Prints, at each checkpoint, for the last N/8 articles written:
//   - the time per article spent choosing stories and happenings (measured
//     inside the store: signature, index reads, choice) and its share of the
//     pipeline time per article (extraction on one core + store write);
//   - the store write time per article with stories and without them
//     (StoreOptions::index_stories = false, a second database), whose
//     difference also counts writing the extra index entries.

#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "newsx/store/article_store.h"
#include "scale_corpus.h"

namespace fs = std::filesystem;
using namespace newsx;
using Clock = std::chrono::steady_clock;
using bench::Base;
using bench::SecondsSince;

namespace {

// Article `n`: a distinct rewrite of a base page, or (one in ten) a
// syndicated copy of article n - 10 (cut, with a dateline).
void MakeArticle(const std::vector<Base>& bases, int n, ExtractedArticle* x, RawDocument* raw) {
  const bool syndicated = n % 10 == 9;
  const int origin = syndicated ? n - 10 + 1 : n;  // The article it copies (not itself a copy).
  bench::MakeCopy(bases[static_cast<std::size_t>(origin) % bases.size()], origin, x, raw, 60);
  // Every third word replaced by a word of this origin: another text.
  std::string text;
  int word = 0;
  bool in_word = false;
  for (char c : x->article.text) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter && !in_word && ++word % 3 == 0) text += "w" + std::to_string(origin) + "x";
    in_word = letter;
    if (!(letter && word % 3 == 0)) text += c;
  }
  if (syndicated) {
    // Another URL, a dateline, the last fifth cut.
    ExtractedArticle copy;
    RawDocument copy_raw;
    bench::MakeCopy(bases[static_cast<std::size_t>(origin) % bases.size()], n, &copy, &copy_raw,
                    60);
    x->article.url = copy.article.url;
    x->article.canonical_url = copy.article.url;
    x->article.id = copy.article.id;
    for (Event& e : x->events) e.article = x->article.id;
    *raw = copy_raw;
    text = "CITY (Wire) - " + text.substr(0, text.size() * 4 / 5);
  }
  x->article.text = text;
  x->article.content_hash = ContentHash(text);
}

struct Checkpoint {
  int articles = 0;
  double write_s = 0;  // Write time of the last window.
  double story_s = 0;  // Story and happening assignment of the last window.
  int window = 0;
};

std::vector<Checkpoint> Write(const fs::path& db, const std::vector<Base>& bases, int articles,
                              bool stories) {
  fs::remove_all(db);
  auto store = store::ArticleStore::Open({.path = db.string(), .index_stories = stories});
  if (!store.ok()) std::exit(1);
  const int window = articles / 8;
  std::vector<Checkpoint> out;
  ExtractedArticle x;
  RawDocument raw;
  double write_s = 0, story_before = 0;
  for (int checkpoint : {articles / 4, articles / 2, articles}) {
    for (int i = out.empty() ? 0 : out.back().articles; i < checkpoint; ++i) {
      if (i == checkpoint - window) {
        write_s = 0;
        story_before = (*store)->StorySeconds();
      }
      MakeArticle(bases, i, &x, &raw);
      const auto start = Clock::now();
      if (!(*store)->Put(x, raw).ok()) std::exit(1);
      write_s += SecondsSince(start);
    }
    out.push_back({checkpoint, write_s, (*store)->StorySeconds() - story_before, window});
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const bench::ScaleRun run = bench::LoadScaleRun(argc, argv);
  const std::vector<Base>& bases = run.bases;
  const int articles = run.articles;
  if (bases.empty()) return 1;
  const double extract_per_article = run.extract_seconds / bases.size();
  std::printf("%d articles from %zu pages of %s; extraction %.2f ms/page (one core)\n", articles,
              bases.size(), run.dir.c_str(), extract_per_article * 1e3);

  const fs::path work = bench::MakeWorkDir("story-cost");
  const auto with = Write(work / "with", bases, articles, true);
  fs::remove_all(work / "with");
  const auto without = Write(work / "without", bases, articles, false);
  fs::remove_all(work);
  std::printf("%8s %14s %14s %14s %16s %12s\n", "articles", "story ms/art", "write ms/art",
              "no-story ms/art", "pipeline ms/art", "story share");
  for (std::size_t i = 0; i < with.size() && i < without.size(); ++i) {
    const Checkpoint& c = with[i];
    const double story = c.story_s / c.window, write = c.write_s / c.window;
    const double bare = without[i].write_s / without[i].window;
    const double pipeline = extract_per_article + write;
    std::printf("%8d %14.3f %14.3f %14.3f %16.3f %11.2f%%\n", c.articles, story * 1e3,
                write * 1e3, bare * 1e3, pipeline * 1e3, 100.0 * story / pipeline);
  }
  std::printf("(per article over the last %d articles before each checkpoint; story share = "
              "story assignment / (extraction + store write))\n",
              articles / 8);
  return 0;
}
