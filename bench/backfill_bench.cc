// End-to-end backfill throughput against extraction alone, in one run.
//
//   backfill_bench [PAGES_DIR] [COPIES] [WORKERS]
//
// Loads the saved pages under PAGES_DIR (default: fixtures/demo/pages; the
// article-extraction eval pages are a heavier corpus), writes COPIES
// (default 20) distinct copies of each to a temp directory, then measures:
//   1. extraction only, WORKERS threads (default 2) over the pages in memory;
//   2. `newsx backfill` as the CLI runs it (SavedPageSource -> WORKERS extract
//      workers -> 1 store worker -> RocksDB in a temp dir).
// Prints pages/s of both, the ratio (target >= 80%), and peak RSS.
// Each copy gets its own URL (canonical links are neutralized) so that every
// page is really stored.

#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "newsx/extract/article_extractor.h"
#include "page_copies.h"
#include "newsx/pipelines/ingest_pipeline.h"

namespace fs = std::filesystem;
using namespace newsx;

namespace {

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double ExtractOnly(const extract::ArticleExtractor& extractor, const std::vector<RawDocument>& docs,
                   int workers, std::uint64_t* ok) {
  std::atomic<std::size_t> next{0};
  std::atomic<std::uint64_t> done{0};
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&] {
      for (std::size_t i; (i = next.fetch_add(1)) < docs.size();) {
        if (extractor.Extract(docs[i]).ok()) done.fetch_add(1);
      }
    });
  }
  for (auto& t : threads) t.join();
  *ok = done.load();
  return Seconds(start);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string pages_dir = argc > 1 ? argv[1] : std::string(NEWSX_FIXTURES_DIR) + "/demo/pages";
  const int copies = argc > 2 ? std::atoi(argv[2]) : 20;
  const int workers = argc > 3 ? std::atoi(argv[3]) : 2;

  auto extractor = extract::ArticleExtractor::Create({});
  if (!extractor.ok()) return 1;
  auto pages = bench::LoadExtractablePages(pages_dir, **extractor);
  if (!pages.ok()) {
    std::fprintf(stderr, "%s\n", pages.status().ToString().c_str());
    return 1;
  }
  const fs::path tmp = fs::temp_directory_path() / ("newsx-backfill-bench-" + std::to_string(::getpid()));
  std::vector<RawDocument> docs;
  std::uint64_t bytes = 0;
  bench::WriteCopies(*pages, copies, tmp / "pages", [&](const fs::path& path, const std::string& body) {
    RawDocument d;
    d.url = "file://" + path.string();
    d.source = path.string();
    d.body = body;
    bytes += d.body.size();
    docs.push_back(std::move(d));
  });
  std::printf("corpus: %zu pages (%d copies of %zu), %.1f MB, %d workers\n", docs.size(), copies,
              pages->size(), bytes / 1e6, workers);

  std::uint64_t extracted = 0;
  double best_extract = 1e30;
  for (int round = 0; round < 2; ++round) {
    best_extract = std::min(best_extract, ExtractOnly(**extractor, docs, workers, &extracted));
  }
  docs.clear();
  docs.shrink_to_fit();

  double best_e2e = 1e30;
  std::uint64_t stored = 0;
  for (int round = 0; round < 2; ++round) {
    const fs::path db = tmp / ("db" + std::to_string(round));
    auto store = store::ArticleStore::Open({.path = db.string()});
    auto pages_source = ingest::SavedPageSource::Open({(tmp / "pages").string()});
    if (!store.ok() || !pages_source.ok()) return 1;
    std::ostringstream sink;
    pipelines::Logger log(&sink, pipelines::LogLevel::kError, false);
    pipelines::IngestOptions options{.extract_workers = workers, .store_workers = 1,
                                     .checkpoint_name = "bench"};
    const auto start = std::chrono::steady_clock::now();
    auto report = pipelines::RunIngest(**pages_source, **extractor, **store, options, log,
                                       std::stop_token());
    const double elapsed = Seconds(start);
    if (!report.ok()) {
      std::fprintf(stderr, "%s\n", report.status().ToString().c_str());
      return 1;
    }
    stored = report->stored;
    best_e2e = std::min(best_e2e, elapsed);
  }
  const double extract_rate = extracted / best_extract;
  const double e2e_rate = stored / best_e2e;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("extract only : %8.1f pages/s (%llu pages, best of 2)\n", extract_rate,
              static_cast<unsigned long long>(extracted));
  std::printf("backfill e2e : %8.1f pages/s (%llu stored, best of 2)\n", e2e_rate,
              static_cast<unsigned long long>(stored));
  std::printf("ratio        : %8.1f%% of extraction (target >= 80%%)\n",
              100.0 * e2e_rate / extract_rate);
  std::printf("peak RSS     : %8.1f MB\n", usage.ru_maxrss / 1024.0);
  std::error_code ec;
  fs::remove_all(tmp, ec);
  return 0;
}
