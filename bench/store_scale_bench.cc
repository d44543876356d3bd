// The store at backfill scale (issue 15): N articles (default 20,000) built
// from real pages, each copy a distinct article (its own URL and a changed
// word in the text), generated at run time.
//
//   store_scale_bench [PAGES_DIR] [ARTICLES (default 20000)]
//
// Prints, in one run:
//   - writing: articles/s with 1 writer and with 2 and 4 writers (threads
//     calling Put concurrently), into fresh databases; the extraction rate of
//     one core on the same pages, so that "4 extract workers" is comparable;
//   - size on disk per article after the writer closed (log flushed) and the
//     write-ahead log left behind (should be ~0);
//   - read latency right after the backfill (a fresh read-only open + an
//     events query + top entities) against the same commands once warm
//     (best of 5), as a ratio.

#include <sys/wait.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "newsx/store/article_store.h"
#include "scale_corpus.h"

namespace fs = std::filesystem;
using namespace newsx;
using Clock = std::chrono::steady_clock;
using bench::Base;
using bench::MakeCopy;
using bench::SecondsSince;

namespace {

std::uint64_t DirBytes(const fs::path& dir, const char* ext = nullptr) {
  std::uint64_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && (ext == nullptr || e.path().extension() == ext)) total += e.file_size();
  }
  return total;
}

double Write(const fs::path& db, const std::vector<Base>& bases, int articles, int writers) {
  fs::remove_all(db);
  auto store = store::ArticleStore::Open({.path = db.string()});
  if (!store.ok()) std::exit(1);
  std::atomic<int> next{0};
  const auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int w = 0; w < writers; ++w) {
    threads.emplace_back([&] {
      ExtractedArticle x;
      RawDocument raw;
      for (int i; (i = next.fetch_add(1)) < articles;) {
        MakeCopy(bases[static_cast<std::size_t>(i) % bases.size()], i, &x, &raw);
        if (!(*store)->Put(x, raw).ok()) std::exit(1);
      }
    });
  }
  for (auto& t : threads) t.join();
  (*store).reset();  // Close: flushes the log, as the end of a backfill does.
  return SecondsSince(start);
}

// A read command as `newsx query`/`stats` runs it: open read-only, query.
double ReadCommand(const fs::path& db) {
  const auto start = Clock::now();
  auto store = store::ArticleStore::Open({.path = db.string(), .read_only = true});
  if (!store.ok()) std::exit(1);
  int n = 0;
  store::EventQuery q;
  q.type = "order";
  (void)(*store)->FindEvents(q, [&](const Event&) { return ++n < 20; });
  (void)(*store)->TopEntities(store::kMinTime, store::kMaxTime, 10);
  return SecondsSince(start);
}

}  // namespace

int main(int argc, char** argv) {
  const bench::ScaleRun run = bench::LoadScaleRun(argc, argv);
  const std::vector<Base>& bases = run.bases;
  const int articles = run.articles;
  const std::string& dir = run.dir;
  if (bases.empty()) return 1;
  const double extract_rate = bases.size() / run.extract_seconds;
  std::uint64_t html = 0;
  for (const Base& b : bases) html += b.html.size();
  std::printf("%d articles from %zu pages of %s (%.1f KB HTML each)\n", articles, bases.size(),
              dir.c_str(), html / 1024.0 / bases.size());
  std::printf("extraction, one core: %.1f pages/s (4 extract workers: ~%.0f/s on 4 cores)\n",
              extract_rate, 4 * extract_rate);

  const fs::path work = bench::MakeWorkDir("scale");
  const fs::path db = work / "db1";
  const double one = Write(db, bases, articles, 1);
  std::printf("write, 1 writer : %8.1f articles/s (%.1f s)\n", articles / one, one);
  const std::uint64_t bytes = DirBytes(db);
  std::printf("disk per article: %8.1f KB (write-ahead log left: %llu bytes)\n",
              bytes / 1024.0 / articles, static_cast<unsigned long long>(DirBytes(db, ".log")));
  const double cold = ReadCommand(db);
  double warm = 1e9;
  for (int i = 0; i < 5; ++i) warm = std::min(warm, ReadCommand(db));
  std::printf("read command    : %.3f s right after the backfill, %.3f s warm (ratio %.2f)\n",
              cold, warm, cold / warm);
  for (int writers : {2, 4}) {
    const double t = Write(work / ("db" + std::to_string(writers)), bases, articles, writers);
    std::printf("write, %d writers: %8.1f articles/s (%.2fx one writer)\n", writers, articles / t,
                one / t);
    fs::remove_all(work / ("db" + std::to_string(writers)));
  }
  fs::remove_all(work);
  return 0;
}
