// The overhead of the NATS JetStream path against the in-process pipeline,
// on the same pages, in the same run (docs/scaleout.md):
//
//   cluster_bench [PAGES_DIR] [COPIES] [ROUNDS]
//
// Writes COPIES (default 30) distinct copies of each page of PAGES_DIR
// that extracts (default fixtures/demo/pages; the article-extraction eval
// pages are a heavier corpus) to a temp directory, then, ROUNDS times
// (default 3) in turn, stores them all into a fresh RocksDB store:
//   in-process  RunIngest, 1 extract worker, 1 store worker (`newsx -j 1 backfill`)
//   nats x1     PublishSource -> 1 extract worker -> 1 store worker over a
//               nats-server -js of its own on loopback (fresh per round)
//   nats x2     the same with 2 extract workers (2 connections, as 2 processes)
// Each rate is pages stored per second from the first page read to the last
// article stored, best of the rounds. Prints the ratios to the in-process
// rate (issue 18's target for nats x1: >= 85%), and the messages and payload
// bytes per article on the streams. Needs nats-server (scripts/setup.sh).

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "nats_test_server.h"
#include "newsx/extract/article_extractor.h"
#include "newsx/pipelines/cluster/cluster_producer.h"
#include "newsx/pipelines/cluster/cluster_status.h"
#include "newsx/pipelines/cluster/cluster_worker.h"
#include "newsx/pipelines/ingest_pipeline.h"
#include "newsx/pipelines/source_factory.h"
#include "page_copies.h"

namespace fs = std::filesystem;
using namespace newsx;
namespace cluster = newsx::pipelines::cluster;

namespace {

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

struct Run {
  double seconds = 0;
  std::uint64_t stored = 0;
  std::uint64_t messages = 0;  // Page and record stream messages (NATS runs).
  std::uint64_t bytes = 0;     // Their payload bytes.
};

Result<Run> InProcess(const fs::path& pages, const fs::path& db,
                      const extract::ArticleExtractor& extractor, pipelines::Logger& log) {
  NEWSX_ASSIGN_OR_RETURN(auto store, store::ArticleStore::Open({.path = db.string()}));
  NEWSX_ASSIGN_OR_RETURN(auto source, pipelines::OpenSource({pages.string()}));
  pipelines::IngestOptions options;
  options.extract_workers = 1;
  options.store_workers = 1;
  const auto start = std::chrono::steady_clock::now();
  NEWSX_ASSIGN_OR_RETURN(pipelines::IngestReport report,
                         pipelines::RunIngest(*source, extractor, *store, options, log,
                                              std::stop_token()));
  return Run{Seconds(start), report.stored, 0, 0};
}

Result<Run> OverNats(const fs::path& pages, const fs::path& db, std::uint64_t expected,
                     int extract_workers, const extract::ArticleExtractor& extractor,
                     pipelines::Logger& log) {
  testing::NatsTestServer server;
  if (!server.running()) return UnavailableError("nats-server did not start");
  cluster::ClusterOptions options;
  options.urls = server.url();
  NEWSX_RETURN_IF_ERROR(cluster::CreateTopology(options));
  NEWSX_ASSIGN_OR_RETURN(auto store, store::ArticleStore::Open({.path = db.string()}));
  NEWSX_ASSIGN_OR_RETURN(auto source, pipelines::OpenSource({pages.string()}));

  std::stop_source stop;
  std::vector<cluster::WorkerCounters> extract_counters(static_cast<std::size_t>(extract_workers));
  cluster::WorkerCounters store_counters;
  std::vector<std::jthread> workers;
  for (auto& counters : extract_counters) {
    workers.emplace_back([&, c = &counters] {
      cluster::RunExtractWorker(options, cluster::WorkerOptions{.threads = 1}, extractor, log,
                                stop.get_token(), c)
          .IgnoreError();
    });
  }
  workers.emplace_back([&] {
    cluster::RunStoreWorker(options, *store, log, stop.get_token(), &store_counters).IgnoreError();
  });

  const auto start = std::chrono::steady_clock::now();
  NEWSX_ASSIGN_OR_RETURN(cluster::ProduceReport produced,
                         cluster::PublishSource(*source, options, log, std::stop_token()));
  // Every page extracts: done when all are handed to the store, as
  // RunIngest counts `stored` (a counter: the stream state costs a request).
  auto stored = [&store_counters] {
    return store_counters.new_articles.load() + store_counters.changed.load() +
           store_counters.unchanged.load() + store_counters.duplicates.load();
  };
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(30);
  // A dead letter (none expected) also counts, so that a mismatch ends the
  // run with an error instead of waiting.
  while (stored() + store_counters.dead_letters.load() < expected &&
         std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  Run run{Seconds(start), stored(), 0, produced.bytes};
  NEWSX_ASSIGN_OR_RETURN(bool drained, cluster::WaitUntilDrained(options, 60'000, {}));
  stop.request_stop();
  workers.clear();
  if (!drained) return DeadlineExceededError("streams not drained");
  NEWSX_ASSIGN_OR_RETURN(cluster::ClusterStatus status, cluster::GetClusterStatus(options));
  for (const auto& s : status.streams) run.messages += s.last_seq;
  for (const auto& c : extract_counters) run.bytes += c.payload_bytes_out.load();
  return run;
}

void Keep(Run* best, const Run& run) {
  if (best->seconds == 0 || run.seconds < best->seconds) *best = run;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string pages_dir = argc > 1 ? argv[1] : std::string(NEWSX_FIXTURES_DIR) + "/demo/pages";
  const int copies = argc > 2 ? std::atoi(argv[2]) : 30;
  const int rounds = argc > 3 ? std::atoi(argv[3]) : 3;
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // Rounds show as they finish.

  auto extractor = extract::ArticleExtractor::Create({});
  if (!extractor.ok()) return 1;
  auto pages = bench::LoadExtractablePages(pages_dir, **extractor);
  if (!pages.ok()) {
    std::fprintf(stderr, "%s\n", pages.status().ToString().c_str());
    return 1;
  }
  testing::TempDir tmp;
  const fs::path corpus = fs::path(tmp.path()) / "pages";
  std::uint64_t files = 0;
  std::uint64_t bytes = 0;
  bench::WriteCopies(*pages, copies, corpus, [&](const fs::path&, const std::string& body) {
    ++files;
    bytes += body.size();
  });
  std::printf("corpus: %llu pages (%d copies of %zu), %.1f MB, best of %d rounds\n",
              static_cast<unsigned long long>(files), copies, pages->size(), bytes / 1e6, rounds);

  std::ostringstream sink;
  pipelines::Logger log(&sink, pipelines::LogLevel::kError, false);
  Run in_process;
  Run nats1;
  Run nats2;
  for (int round = 0; round < rounds; ++round) {
    // In turn, so that a machine busy with other work slows all three alike.
    const fs::path db = fs::path(tmp.path()) / ("db" + std::to_string(round));
    auto a = InProcess(corpus, db.string() + "-local", **extractor, log);
    auto b = OverNats(corpus, db.string() + "-nats1", files, 1, **extractor, log);
    auto c = OverNats(corpus, db.string() + "-nats2", files, 2, **extractor, log);
    for (const auto* r : {&a, &b, &c}) {
      if (!r->ok()) {
        std::fprintf(stderr, "cluster_bench: %s\n", r->status().ToString().c_str());
        return 1;
      }
    }
    if (a->stored != files || b->stored != files || c->stored != files) {
      std::fprintf(stderr, "cluster_bench: stored %llu / %llu / %llu of %llu pages\n",
                   static_cast<unsigned long long>(a->stored),
                   static_cast<unsigned long long>(b->stored),
                   static_cast<unsigned long long>(c->stored),
                   static_cast<unsigned long long>(files));
      return 1;
    }
    Keep(&in_process, *a);
    Keep(&nats1, *b);
    Keep(&nats2, *c);
    std::printf("round %d: in-process %.2f s, nats x1 %.2f s, nats x2 %.2f s\n", round + 1,
                a->seconds, b->seconds, c->seconds);
  }
  const double base = files / in_process.seconds;
  const double rate1 = files / nats1.seconds;
  const double rate2 = files / nats2.seconds;
  std::printf("in-process -j 1 : %8.1f pages/s\n", base);
  std::printf("nats, 1 extract : %8.1f pages/s  %5.1f%% of in-process (target >= 85%%)\n", rate1,
              100.0 * rate1 / base);
  std::printf("nats, 2 extract : %8.1f pages/s  %5.1f%% of in-process, %.2fx one worker\n", rate2,
              100.0 * rate2 / base, rate2 / rate1);
  std::printf("per article     : %.2f messages, %.1f KB payload (page %.1f KB)\n",
              static_cast<double>(nats1.messages) / files, nats1.bytes / 1e3 / files,
              bytes / 1e3 / files);
  return 0;
}
