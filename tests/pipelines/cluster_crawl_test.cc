// `crawl --nats` and the producers' checkpoints over a real nats-server
// (nats_test_server.h): the feeds are read by the producer, the articles
// fetched, extracted and stored by workers, and the result equals an
// in-process crawl of the same loopback site.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cluster_test_workers.h"
#include "demo_pages.h"
#include "newsx/ingest/http_fetcher.h"
#include "newsx/pipelines/cluster/cluster_crawl.h"
#include "newsx/pipelines/cluster/cluster_producer.h"
#include "newsx/pipelines/cluster/cluster_status.h"
#include "newsx/pipelines/source_factory.h"
#include "pipelines/demo_site.h"
#include "run_command.h"
#include "stop_after_source.h"
#include "temp_dir.h"

namespace newsx::pipelines::cluster {
namespace {

using testing::Available;
using testing::Contents;
using testing::DemoSite;
using testing::IngestFixture;
using testing::NatsTestServer;
using testing::StoreContents;
using testing::Workers;

// Bounds only a broken test reaches.
constexpr int kDrainTimeoutMs = 60'000;


// The fetch workers' settings matching DemoCrawlOptions'.
FetchWorkerOptions SiteFetch(const CrawlOptions& crawl) {
  FetchWorkerOptions o;
  o.fetch = crawl.fetch;
  o.max_in_flight = 4;
  return o;
}

StoreContents InProcessCrawl(const CrawlOptions& options, IngestFixture& f) {
  testing::TempDir db;
  auto store = store::ArticleStore::Open({.path = db.path()});
  REQUIRE(store.ok());
  auto report = RunCrawlPass(options, *f.extractor, **store, f.log, std::stop_token());
  REQUIRE(report.ok());
  CHECK(report->ingest.stored == 4);
  return Contents(**store);
}

TEST_CASE("A crawl over the cluster stores what an in-process crawl stores",
          "[pipelines][cluster][crawl]") {
  NatsTestServer nats;
  if (!Available(nats)) return;
  REQUIRE(ingest::InitHttpGlobal().ok());
  DemoSite site;
  IngestFixture f;
  CrawlOptions crawl = testing::DemoCrawlOptions(site);
  const StoreContents expected = InProcessCrawl(crawl, f);
  const int article_hits = site.Hits("/articles/h200-imports.html");

  ClusterOptions options;
  options.urls = nats.url();
  REQUIRE(CreateTopology(options).ok());
  auto first = RunClusterCrawlPass(crawl, options, f.log, std::stop_token());
  INFO(f.log_sink.str());
  REQUIRE(first.ok());
  CHECK(first->crawl.feeds_fetched == 2);
  CHECK(first->crawl.entries_new == 5);  // 4 + 2 entries, one shared by both feeds.
  CHECK(first->produce.published == 5);  // The robots-disallowed draft too: a fetch worker's call.
  CHECK(site.Hits("/articles/h200-imports.html") == article_hits);  // Nothing fetched here.

  auto store = store::ArticleStore::Open({.path = f.db.path()});
  REQUIRE(store.ok());
  {
    Workers workers(options, f, store->get(), 1, SiteFetch(crawl));
    auto drained = WaitUntilDrained(options, kDrainTimeoutMs, std::stop_token());
    REQUIRE(drained.ok());
    REQUIRE(*drained);
    workers.Stop();
    CHECK(workers.fetch_status_.ok());
    CHECK(workers.fetched.published.load() == 4);
    CHECK(workers.fetched.dead_letters.load() == 1);
  }
  const StoreContents got = Contents(**store);
  CHECK(got.articles == expected.articles);
  CHECK(got.dead_letters.size() == expected.dead_letters.size());
  CHECK(site.Hits("/private/draft.html") == 0);

  SECTION("the feed states live on the cluster: the next pass finds nothing new") {
    crawl.force = true;
    auto second = RunClusterCrawlPass(crawl, options, f.log, std::stop_token());
    REQUIRE(second.ok());
    CHECK(second->crawl.feeds_not_modified == 1);  // The ETag kept on the cluster.
    CHECK(second->crawl.entries_new == 0);
    CHECK(second->produce.published == 0);
    crawl.force = false;
    auto third = RunClusterCrawlPass(crawl, options, f.log, std::stop_token());
    REQUIRE(third.ok());
    CHECK(third->crawl.feeds_due == 0);
  }
}

// A log that asks for a stop when a line with `text` is written: the
// crawl logs "feed fetched" once a feed's entries are read and saved as
// pending, before any is handed on, so the stop lands exactly there.
class StopOnLogLine : public std::stringbuf {
 public:
  StopOnLogLine(std::string text, std::stop_source* stop) : text_(std::move(text)), stop_(stop) {}

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (std::string_view(s, static_cast<std::size_t>(n)).find(text_) != std::string_view::npos) {
      stop_->request_stop();
    }
    return std::stringbuf::xsputn(s, n);
  }

 private:
  const std::string text_;
  std::stop_source* const stop_;
};

TEST_CASE("A crawl over the cluster stopped after reading a feed publishes the rest next pass",
          "[pipelines][cluster][crawl][reliability]") {
  NatsTestServer nats;
  if (!Available(nats)) return;
  REQUIRE(ingest::InitHttpGlobal().ok());
  DemoSite site;
  std::stop_source stop;
  StopOnLogLine stopping_buf("feed fetched", &stop);
  std::ostream stopping_out(&stopping_buf);
  Logger stopping_log(&stopping_out, LogLevel::kInfo, false);
  IngestFixture f;
  CrawlOptions crawl = testing::DemoCrawlOptions(site);
  crawl.feeds = {site.server.Url("/feed.xml")};
  ClusterOptions options;
  options.urls = nats.url();
  REQUIRE(CreateTopology(options).ok());
  auto first = RunClusterCrawlPass(crawl, options, stopping_log, stop.get_token());
  INFO(stopping_buf.str());
  REQUIRE(first.ok());
  CHECK(first->produce.interrupted);
  CHECK(first->crawl.entries_new == 4);
  CHECK(first->produce.published <= 1);

  auto second = RunClusterCrawlPass(crawl, options, f.log, std::stop_token());
  REQUIRE(second.ok());
  CHECK(second->crawl.feeds_due == 0);  // Not due: its unpublished entries are resumed anyway.
  CHECK(second->crawl.entries_resumed == 4);
  CHECK(first->produce.published + second->produce.published == 4);
  auto status = GetClusterStatus(options);
  REQUIRE(status.ok());
  CHECK(status->streams[2].last_seq == 4);  // Each URL once on the fetch stream.

  auto third = RunClusterCrawlPass(crawl, options, f.log, std::stop_token());
  REQUIRE(third.ok());
  CHECK(third->crawl.entries_resumed == 0);
  CHECK(third->produce.read == 0);
}

TEST_CASE("A producer resumes from its checkpoint on the cluster, without a gap",
          "[pipelines][cluster][reliability]") {
  NatsTestServer nats;
  if (!Available(nats)) return;
  IngestFixture f;
  const int good = testing::WriteDemoPages(f.input.path(), 3);
  const std::uint64_t files = static_cast<std::uint64_t>(good) + 4;  // + demo/pages/bad
  ClusterOptions options;
  options.urls = nats.url();
  ProduceOptions produce;
  produce.checkpoint_name = "backfill:" + f.input.path();
  produce.checkpoint_every_items = 1;

  std::stop_source stop;
  auto opened = OpenSource({f.input.path()});
  REQUIRE(opened.ok());
  testing::StopAfterSource stopping(std::move(opened).value(), 5, &stop);
  auto first = PublishSource(stopping, options, f.log, stop.get_token(), nullptr, produce);
  REQUIRE(first.ok());
  CHECK(first->interrupted);
  CHECK(first->read == 5);

  produce.resume = true;
  auto source = OpenSource({f.input.path()});
  REQUIRE(source.ok());
  auto second = PublishSource(**source, options, f.log, std::stop_token(), nullptr, produce);
  REQUIRE(second.ok());
  CHECK(second->resumed);
  // The fifth item again at most (its publish may have been cut short).
  CHECK(second->read >= files - 5);
  CHECK(second->read <= files - 4);
  CHECK(first->published + first->failed + second->published + second->failed == files);

  // A finished run's checkpoint is at the end: resuming it reads nothing.
  auto again = OpenSource({f.input.path()});
  REQUIRE(again.ok());
  auto third = PublishSource(**again, options, f.log, std::stop_token(), nullptr, produce);
  REQUIRE(third.ok());
  CHECK(third->read == 0);

}

TEST_CASE("A producer's host filter leaves other hosts' URLs out", "[pipelines][cluster]") {
  NatsTestServer nats;
  if (!Available(nats)) return;
  IngestFixture f;
  {
    std::ofstream list(f.input.File("urls.txt"));
    list << "https://www.a.example/1.html\nhttps://news.a.example/2.html\n"
            "https://b.example/3.html\nhttps://notana.example/4.html\n";
  }
  ClusterOptions options;
  options.urls = nats.url();
  ProduceOptions produce;
  produce.hosts = {"a.example"};
  SourceOpenOptions open;
  open.fetch_urls = false;  // As `backfill --nats`: the fetch workers fetch them.
  auto source = OpenSource({f.input.File("urls.txt")}, open);
  REQUIRE(source.ok());
  auto report = PublishSource(**source, options, f.log, std::stop_token(), nullptr, produce);
  REQUIRE(report.ok());
  CHECK(report->published == 2);
  CHECK(report->filtered == 2);
  auto status = GetClusterStatus(options);
  REQUIRE(status.ok());
  CHECK(status->streams[2].last_seq == 2);  // On the fetch stream, unfetched.
  CHECK(status->streams[0].last_seq == 0);
}

TEST_CASE("newsx crawl --nats publishes the new entries; backfill --nats refuses date filters",
          "[pipelines][cluster][cli]") {
  NatsTestServer nats;
  if (!Available(nats)) return;
  DemoSite site;
  testing::TempDir dir;
  const std::string newsx = NEWSX_BINARY;
  auto crawl = testing::RunCommand({newsx, "--db", dir.File("db"), "crawl", "--nats", nats.url(),
                                    "--feed", site.server.Url("/feed.xml")});
  INFO(crawl.err);
  CHECK(crawl.exit_code == 0);
  CHECK(crawl.out.find("4 new entries: 4 URLs published to the fetch workers") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.File("db")));  // No store opened here.
  auto again = testing::RunCommand({newsx, "crawl", "--nats", nats.url(), "--feed",
                                    site.server.Url("/feed.xml")});
  CHECK(again.exit_code == 0);
  CHECK(again.out.find("0 feeds due") != std::string::npos);

  auto dated = testing::RunCommand({newsx, "backfill", "--nats", nats.url(), "--since",
                                    "2026-01-01", NEWSX_FIXTURES_DIR "/demo/pages"});
  CHECK(dated.exit_code == 2);
  CHECK(dated.err.find("--since/--until are not applied with --nats") != std::string::npos);
}

}  // namespace
}  // namespace newsx::pipelines::cluster
