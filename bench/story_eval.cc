// Near-duplicate grouping on the syndication test set (issue 20):
// fixtures/stories (real pages and their republications in other templates
// with syndication edits, mixed with other outlets' reports on the same
// topics; see fixtures/stories/SOURCES.md).
//
//   story_eval [STORY_SET_DIR (default fixtures/stories)]
//
// Prints, in one run:
//   - the overlap of same-group pairs (lowest) and of other pairs (highest);
//   - pair precision/recall of "overlap >= t" for a sweep of thresholds t,
//     and the share of same-group pairs that LSH makes candidates;
//   - the grouping the store makes (story ids) with its default settings,
//     in three arrival orders: pair precision, recall and groups.

#include <stdlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "newsx/core/text_signature.h"
#include "newsx/extract/article_extractor.h"
#include "newsx/ingest/saved_page_source.h"
#include "newsx/store/article_store.h"

using namespace newsx;

namespace {

struct Page {
  std::string file;
  std::string group;
  ExtractedArticle x;
  std::string html;
};

std::vector<Page> LoadSet(const std::string& dir, const extract::ArticleExtractor& extractor) {
  std::vector<Page> pages;
  std::ifstream tsv(dir + "/groups.tsv");
  for (std::string line; std::getline(tsv, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Page page;
    std::string url;
    std::getline(fields, page.file, '\t');
    std::getline(fields, page.group, '\t');
    std::getline(fields, url, '\t');
    auto source = ingest::SavedPageSource::Open({dir + "/pages/" + page.file});
    if (!source.ok()) continue;
    auto next = (*source)->Next();
    if (!next.ok() || !next->has_value()) continue;
    RawDocument doc = std::move((**next).document);
    doc.url = url;
    auto x = extractor.Extract(doc);
    if (!x.ok()) {
      std::fprintf(stderr, "%s: %s\n", page.file.c_str(), x.status().message().c_str());
      continue;
    }
    page.x = std::move(x).value();
    page.html = std::move(doc.body);
    pages.push_back(std::move(page));
  }
  return pages;
}

struct PairScore {
  double precision = 1, recall = 1;
};

// Pair precision/recall of a predicted partition against the groups.
PairScore Score(const std::vector<Page>& pages, const std::vector<std::string>& predicted) {
  long tp = 0, fp = 0, fn = 0;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    for (std::size_t j = i + 1; j < pages.size(); ++j) {
      const bool same = pages[i].group == pages[j].group;
      const bool together = predicted[i] == predicted[j];
      tp += same && together;
      fp += !same && together;
      fn += same && !together;
    }
  }
  return {tp + fp ? double(tp) / (tp + fp) : 1.0, tp + fn ? double(tp) / (tp + fn) : 1.0};
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : std::string(NEWSX_FIXTURES_DIR) + "/stories";
  auto extractor = extract::ArticleExtractor::Create({});
  if (!extractor.ok()) return 1;
  std::vector<Page> pages = LoadSet(dir, **extractor);
  std::set<std::string> groups;
  for (const Page& p : pages) groups.insert(p.group);
  std::printf("%zu pages in %zu groups (%s)\n", pages.size(), groups.size(), dir.c_str());

  for (int w : {3, 4, 5}) {
    SignatureOptions options;
    options.shingle_words = w;
    std::vector<TextSignature> sigs;
    for (const Page& p : pages) sigs.push_back(ComputeTextSignature(p.x.article.text, options));
    double lowest_same = 1, highest_other = 0;
    std::vector<std::pair<double, bool>> pairs;  // (overlap, same group)
    long same_pairs = 0, lsh_found = 0;
    for (std::size_t i = 0; i < pages.size(); ++i) {
      const auto bi = SignatureBandKeys(sigs[i], options);
      for (std::size_t j = i + 1; j < pages.size(); ++j) {
        const double o = EstimateOverlap(sigs[i], sigs[j]);
        const bool same = pages[i].group == pages[j].group;
        pairs.push_back({o, same});
        if (same) {
          lowest_same = std::min(lowest_same, o);
          ++same_pairs;
          const auto bj = SignatureBandKeys(sigs[j], options);
          bool shared = false;
          for (std::size_t b = 0; b < bi.size() && b < bj.size(); ++b) shared |= bi[b] == bj[b];
          lsh_found += shared;
        } else {
          highest_other = std::max(highest_other, o);
        }
      }
    }
    std::printf("\n%d-word shingles: same-story pairs overlap >= %.3f; other pairs <= %.3f; "
                "LSH candidates for %.1f%% of same-story pairs\n",
                w, lowest_same, highest_other, 100.0 * lsh_found / std::max(1L, same_pairs));
    std::printf("  threshold  pair-precision  pair-recall\n");
    for (double t : {0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8}) {
      long tp = 0, fp = 0, fn = 0;
      for (const auto& [o, same] : pairs) {
        tp += same && o >= t;
        fp += !same && o >= t;
        fn += same && o < t;
      }
      std::printf("  %9.1f  %14.3f  %11.3f\n", t, tp + fp ? double(tp) / (tp + fp) : 1.0,
                  tp + fn ? double(tp) / (tp + fn) : 1.0);
    }
  }

  std::printf("\nstore grouping (default settings), by arrival order:\n");
  std::vector<std::size_t> order(pages.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(20);
  for (const char* name : {"file order", "reversed", "shuffled"}) {
    if (std::string(name) == "reversed") std::reverse(order.begin(), order.end());
    if (std::string(name) == "shuffled") std::shuffle(order.begin(), order.end(), rng);
    char tmpl[] = "/tmp/newsx-story-eval-XXXXXX";
    const std::string db = ::mkdtemp(tmpl);
    auto store = store::ArticleStore::Open({.path = db});
    if (!store.ok()) return 1;
    for (std::size_t i : order) {
      if (!(*store)->Put(pages[i].x, pages[i].html).ok()) return 1;
    }
    std::vector<std::string> predicted;
    std::set<std::string> stories;
    for (const Page& p : pages) {
      auto story = (*store)->StoryOf(p.x.article.id);
      predicted.push_back(story.ok() && story->has_value() ? **story : p.x.article.id);
      stories.insert(predicted.back());
    }
    const PairScore s = Score(pages, predicted);
    std::printf("  %-10s  precision %.3f  recall %.3f  stories %zu (groups %zu)\n", name,
                s.precision, s.recall, stories.size(), groups.size());
    store->reset();
    std::filesystem::remove_all(db);
  }
  return 0;
}
