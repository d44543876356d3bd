// Cost of storing extracted articles, against extraction alone, in one run.
//
// Pages: the .html/.html.gz files of a folder (default: the demo fixture
// pages; the article-extraction evaluation pages are real-world sized), each
// copied `copies` times under distinct hosts so that every copy is its own
// article. On one
// core it measures, in articles per second:
//   extract only      ArticleExtractor::Extract over every page (the baseline);
//   extract + store   the same, plus ArticleStore::Put of the article, its raw
//                     page, mentions, events and every index, into a fresh
//                     RocksDB (the end-to-end rate; target >= 80% of baseline);
//   store only        Put of already extracted articles (1 and 2 writers);
//   store again       Put of unchanged articles (the idempotent path).
// Then the database's size on disk per stored article, after reopening
// (which flushes the write-ahead log into compressed tables).
//
//   store_bench [pages-dir] [copies (default 60)] [rounds (default 2; best is kept)]

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "newsx/extract/article_extractor.h"
#include "newsx/ingest/saved_page_source.h"
#include "newsx/store/article_store.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

// Wall time and CPU time of the whole process (RocksDB's background
// flushes and compactions included), since `start`.
struct Stopwatch {
  Clock::time_point wall = Clock::now();
  double cpu = ProcessCpuSeconds();

  static double ProcessCpuSeconds() {
    timespec ts{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
  }
  double WallSeconds() const { return std::chrono::duration<double>(Clock::now() - wall).count(); }
  double CpuSeconds() const { return ProcessCpuSeconds() - cpu; }
};

std::vector<newsx::RawDocument> LoadPages(const fs::path& dir, int copies) {
  std::vector<newsx::RawDocument> docs;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() &&
        (name.ends_with(".html") || name.ends_with(".html.gz") || name.ends_with(".htm"))) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    auto page = newsx::ingest::ReadMaybeGzippedFile(file.string(), 64ull << 20);
    if (!page.ok()) continue;
    for (int i = 0; i < copies; ++i) {
      // Distinct hosts give every copy its own canonical URL, hence its own id.
      newsx::RawDocument doc;
      const std::string host = "https://c" + std::to_string(i) + "-";
      doc.body = *page;
      for (std::size_t at = doc.body.find("https://"); at != std::string::npos;
           at = doc.body.find("https://", at + host.size())) {
        doc.body.replace(at, 8, host);
      }
      doc.url = host + "bench.example/" + file.filename().string();
      doc.source = file.string();
      doc.fetched_unix_ms = 1769904000000 + i;
      docs.push_back(std::move(doc));
    }
  }
  return docs;
}

std::uint64_t DirBytes(const fs::path& dir) {
  std::uint64_t total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) total += entry.file_size();
  }
  return total;
}

std::unique_ptr<newsx::store::ArticleStore> OpenFresh(const fs::path& path) {
  fs::remove_all(path);
  auto store = newsx::store::ArticleStore::Open({.path = path.string()});
  if (!store.ok()) {
    std::fprintf(stderr, "open: %s\n", store.status().ToString().c_str());
    std::exit(1);
  }
  return std::move(store).value();
}

void Check(const newsx::Status& s) {
  if (!s.ok()) {
    std::fprintf(stderr, "store: %s\n", s.ToString().c_str());
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::path(NEWSX_FIXTURES_DIR) / "demo/pages";
  const int copies = argc > 2 ? std::atoi(argv[2]) : 60;
  const int rounds = argc > 3 ? std::atoi(argv[3]) : 2;
  const std::vector<newsx::RawDocument> docs = LoadPages(dir, copies);
  auto extractor = newsx::extract::ArticleExtractor::Create({});
  if (!extractor.ok() || docs.empty()) {
    std::fprintf(stderr, "setup failed: %s\n", extractor.status().ToString().c_str());
    return 1;
  }
  std::string tmpl = (fs::temp_directory_path() / "newsx-store-bench-XXXXXX").string();
  const fs::path work = ::mkdtemp(tmpl.data());
  const double n = static_cast<double>(docs.size());

  // Each figure is kept as (wall, cpu) seconds; the best round is kept, as
  // the machine may be shared.
  struct Timing {
    double wall = 1e9, cpu = 1e9;
    void Keep(const Stopwatch& w) {
      wall = std::min(wall, w.WallSeconds());
      cpu = std::min(cpu, w.CpuSeconds());
    }
  };
  std::vector<newsx::ExtractedArticle> extracted;
  std::vector<const newsx::RawDocument*> sources;
  Timing extract_t, end_to_end_t, store1_t, again_t, store2_t;
  for (int round = 0; round < rounds; ++round) {
    extracted.clear();
    sources.clear();
    Stopwatch extract_w;
    for (const auto& doc : docs) {
      auto x = (*extractor)->Extract(doc);
      if (x.ok()) {
        extracted.push_back(std::move(x).value());
        sources.push_back(&doc);
      }
    }
    extract_t.Keep(extract_w);

    auto store = OpenFresh(work / "e2e");
    Stopwatch e2e_w;
    for (const auto& doc : docs) {
      auto x = (*extractor)->Extract(doc);
      if (x.ok()) Check(store->Put(*x, doc));
    }
    end_to_end_t.Keep(e2e_w);
    store.reset();

    // The store alone, with one writer, again unchanged, then two writers.
    store = OpenFresh(work / "store1");
    Stopwatch store1_w;
    for (std::size_t i = 0; i < extracted.size(); ++i) Check(store->Put(extracted[i], *sources[i]));
    store1_t.Keep(store1_w);
    Stopwatch again_w;
    for (std::size_t i = 0; i < extracted.size(); ++i) Check(store->Put(extracted[i], *sources[i]));
    again_t.Keep(again_w);
    store.reset();

    store = OpenFresh(work / "store2");
    Stopwatch store2_w;
    {
      std::vector<std::jthread> writers;
      for (std::size_t w = 0; w < 2; ++w) {
        writers.emplace_back([&, w] {
          for (std::size_t i = w; i < extracted.size(); i += 2) {
            Check(store->Put(extracted[i], *sources[i]));
          }
        });
      }
    }
    store2_t.Keep(store2_w);
  }
  std::uint64_t mentions = 0, events = 0;
  for (const auto& x : extracted) {
    for (const auto& e : x.entities) mentions += e.mentions.size();
    events += x.events.size();
  }
  const double stored = static_cast<double>(extracted.size());

  // Size on disk once the log is flushed into compressed tables.
  const std::uint64_t with_log = DirBytes(work / "store1");
  { auto reopened = newsx::store::ArticleStore::Open({.path = (work / "store1").string()}); }
  const std::uint64_t tables = DirBytes(work / "store1");
  std::uint64_t html_bytes = 0, text_bytes = 0;
  for (std::size_t i = 0; i < extracted.size(); ++i) {
    html_bytes += sources[i]->body.size();
    text_bytes += extracted[i].article.text.size();
  }
  fs::remove_all(work);

  std::printf("%s\npages %zu (stored %zu; %.1f mentions and %.1f events per article), best of %d;\n"
              "rates per second of wall time and [of process CPU time]\n",
              dir.c_str(), docs.size(), extracted.size(), mentions / stored, events / stored, rounds);
  std::printf("extract only      %8.1f pages/s    [%8.1f]  (baseline)\n", n / extract_t.wall,
              n / extract_t.cpu);
  std::printf("extract + store   %8.1f pages/s    [%8.1f]  %.1f%% [%.1f%%] of extract only "
              "(target >= 80%%)\n",
              n / end_to_end_t.wall, n / end_to_end_t.cpu,
              100.0 * extract_t.wall / end_to_end_t.wall, 100.0 * extract_t.cpu / end_to_end_t.cpu);
  std::printf("store only        %8.1f articles/s [%8.1f]  1 writer\n", stored / store1_t.wall,
              stored / store1_t.cpu);
  std::printf("                  %8.1f articles/s [%8.1f]  2 writers\n", stored / store2_t.wall,
              stored / store2_t.cpu);
  std::printf("store again       %8.1f articles/s [%8.1f]  unchanged: nothing written\n",
              stored / again_t.wall, stored / again_t.cpu);
  std::printf("disk per article  %8.1f KB (after reopen; %.1f KB with the write-ahead log); "
              "page %.1f KB, text %.1f KB\n",
              tables / stored / 1024, with_log / stored / 1024, html_bytes / stored / 1024,
              text_bytes / stored / 1024);
  return 0;
}
