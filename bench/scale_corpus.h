#pragma once

// A large test database from a few real pages: every page is extracted
// once, then stored many times as distinct articles (its own URL and the
// copy number in its text, so content dedup keeps each). Shared by
// store_scale_bench, story_cost_bench and serve_bench.

#include <stdlib.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "newsx/core/hash.h"
#include "newsx/core/time_format.h"
#include "newsx/extract/article_extractor.h"
#include "newsx/ingest/saved_page_source.h"

namespace newsx::bench {

struct Base {
  ExtractedArticle x;
  std::string html;
};

// Extracts every page under `dir`; empty when it cannot be read.
inline std::vector<Base> LoadBases(const extract::ArticleExtractor& extractor,
                                   const std::string& dir) {
  std::vector<Base> bases;
  auto source = ingest::SavedPageSource::Open({dir});
  if (!source.ok()) return bases;
  while (true) {
    auto next = (*source)->Next();
    if (!next.ok() || !next->has_value()) break;
    auto x = extractor.Extract((**next).document);
    if (x.ok()) bases.push_back({std::move(x).value(), std::move((**next).document.body)});
  }
  return bases;
}

// Seconds since `start`.
inline double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A scale benchmark's command line, `BENCH [PAGES_DIR] [ARTICLES]`, and its
// base pages extracted once.
struct ScaleRun {
  std::string dir = "/work/shared/eval/article-extraction/html";
  int articles = 20000;
  std::vector<Base> bases;       // Empty when no page could be read or extracted.
  double extract_seconds = 0;    // Extracting all of `bases`, one core.
};

inline ScaleRun LoadScaleRun(int argc, char** argv) {
  ScaleRun run;
  if (argc > 1) run.dir = argv[1];
  if (argc > 2) run.articles = std::atoi(argv[2]);
  auto extractor = extract::ArticleExtractor::Create({});
  if (!extractor.ok()) return run;
  const auto start = std::chrono::steady_clock::now();
  run.bases = LoadBases(**extractor, run.dir);
  run.extract_seconds = SecondsSince(start);
  return run;
}

// A fresh directory under $TMPDIR named after `name`, for the databases.
inline std::filesystem::path MakeWorkDir(const std::string& name) {
  std::string pattern =
      (std::filesystem::temp_directory_path() / ("newsx-" + name + "-XXXXXX")).string();
  return ::mkdtemp(pattern.data());
}

// Copy `n` of a base page: another URL, and the copy number in its text, so
// that content dedup sees a distinct article. With `spread_days` > 0 the
// copy's publication date moves back by n % spread_days days, so that the
// articles spread over a time range as a real archive's do.
inline void MakeCopy(const Base& base, int n, ExtractedArticle* x, RawDocument* raw,
                     int spread_days = 0) {
  *x = base.x;
  const std::string url = "https://c" + std::to_string(n) + ".bench.example/" + base.x.article.id;
  x->article.url = url;
  x->article.canonical_url = url;
  x->article.id = ArticleId(url);
  x->article.text += "\nCopy " + std::to_string(n) + ".";
  x->article.content_hash = ContentHash(x->article.text);
  if (spread_days > 0) {
    const std::int64_t base_time = ParseDateTime(base.x.article.published).value_or(1769904000);
    x->article.published = FormatIsoUtc(base_time - std::int64_t{86'400} * (n % spread_days));
  }
  for (Event& e : x->events) {
    e.id.clear();
    e.article = x->article.id;
    if (spread_days > 0) {
      // The event's own time moves with the article's.
      e.time_start.clear();
      e.time_end.clear();
      e.time_value.clear();
    }
  }
  raw->url = url;
  raw->source = "bench";
  raw->body = base.html + "<!-- copy " + std::to_string(n) + " -->";
  raw->fetched_unix_ms = 1769904000000 + n;
}

}  // namespace newsx::bench
