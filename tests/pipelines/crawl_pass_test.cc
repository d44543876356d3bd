#include "newsx/pipelines/crawl.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <map>
#include <mutex>
#include <sstream>

#include "ingest/http_test_server.h"
#include "pipelines/demo_site.h"
#include "pipelines/gated_news_site.h"
#include "newsx/ingest/http_fetcher.h"
#include "temp_dir.h"

namespace newsx::pipelines {
namespace {

using testing::DemoSite;

// A fresh database, an extractor and a logger for one crawl test.
struct PassFixture {
  testing::TempDir dir;
  std::unique_ptr<store::ArticleStore> store =
      std::move(store::ArticleStore::Open({.path = dir.File("db")})).value();
  std::unique_ptr<extract::ArticleExtractor> extractor =
      std::move(extract::ArticleExtractor::Create({})).value();
  std::ostringstream log_text;
  Logger log{&log_text, LogLevel::kDebug, false};

  Result<CrawlReport> Pass(const CrawlOptions& options, std::stop_token stop = {}) {
    return RunCrawlPass(options, *extractor, *store, log, std::move(stop));
  }
};


TEST_CASE("A crawl pass stores each new article once, conditionally and politely", "[pipelines][crawl]") {
  REQUIRE(ingest::InitHttpGlobal().ok());
  DemoSite site;
  PassFixture f;
  CrawlOptions options = testing::DemoCrawlOptions(site);

  auto first = f.Pass(options);
  REQUIRE(first.ok());
  CHECK(first->feeds_due == 2);
  CHECK(first->feeds_fetched == 2);
  CHECK(first->entries_new == 5);  // 4 + 2 entries, one shared by both feeds.
  CHECK(first->articles_fetched == 4);
  CHECK(first->ingest.stored == 4);
  CHECK(first->ingest.failed == 1);  // The robots-disallowed draft, as a dead letter.
  CHECK(site.Hits("/private/draft.html") == 0);
  CHECK(site.Hits("/articles/h200-imports.html") == 1);
  CHECK(site.Hits("/robots.txt") == 1);

  auto state_json = f.store->GetFeedState(options.feeds[0]);
  REQUIRE(state_json.ok());
  REQUIRE(state_json->has_value());
  auto state = ingest::FeedStateFromJson(**state_json);
  REQUIRE(state.ok());
  CHECK(state->etag == "\"feed-v1\"");
  CHECK(state->next_due_unix_s > first->next_due_unix_s - 1);
  CHECK(state->seen_urls.size() == 4);

  SECTION("nothing is due right after a pass") {
    auto second = f.Pass(options);
    REQUIRE(second.ok());
    CHECK(second->feeds_due == 0);
    CHECK(site.Hits("/feed.xml") == 1);
  }
  SECTION("a forced pass gets 304 for the feed with an ETag and fetches nothing twice") {
    options.force = true;
    auto second = f.Pass(options);
    REQUIRE(second.ok());
    CHECK(second->feeds_not_modified == 1);
    CHECK(second->feeds_fetched == 1);
    CHECK(second->entries_new == 0);
    CHECK(site.Hits("/articles/h200-imports.html") == 1);
  }
  SECTION("a failing feed backs off and keeps its state") {
    options.force = true;
    {
      std::lock_guard<std::mutex> lock(site.mu);
      site.feed_broken = true;
    }
    auto second = f.Pass(options);
    REQUIRE(second.ok());
    CHECK(second->feeds_failed == 1);
    auto failed = ingest::FeedStateFromJson(**f.store->GetFeedState(options.feeds[0]));
    REQUIRE(failed.ok());
    CHECK(failed->consecutive_failures == 1);
    CHECK(failed->last_error.find("503") != std::string::npos);
    CHECK(failed->etag == "\"feed-v1\"");
  }
}

TEST_CASE("A stopped crawl pass leaves the unfetched entries for the next pass", "[pipelines][crawl]") {
  REQUIRE(ingest::InitHttpGlobal().ok());
  DemoSite site;
  std::stop_source stop;
  // The first article request asks the crawl to stop, as SIGTERM would.
  site.server.server().set_pre_routing_handler([&](const httplib::Request& req, httplib::Response&) {
    if (req.path.rfind("/articles/", 0) == 0) stop.request_stop();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  PassFixture f;
  CrawlOptions options = testing::DemoCrawlOptions(site);
  options.feeds = {site.server.Url("/feed.xml")};
  options.fetch.per_host_delay_ms = 200;  // The stop lands while articles wait.
  auto first = f.Pass(options, stop.get_token());
  REQUIRE(first.ok());
  CHECK(first->ingest.interrupted);
  CHECK(first->ingest.stored < 3);
  auto second = f.Pass(options);
  REQUIRE(second.ok());
  CHECK(second->feeds_due == 0);  // Not due: its unfinished entries are resumed anyway.
  CHECK(second->entries_resumed > 0);
  CHECK(first->ingest.stored + second->ingest.stored == 3);
  auto stats = f.store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->articles == 3);
}

// A stop that lands while an article is being served: the article comes
// back, the pipeline takes it and then sees the stop, without asking the
// source for more. The entries after it used to be lost: marked seen, never
// fetched, the feed not due.
TEST_CASE("A crawl pass stopped right after an article arrives leaves the rest pending",
          "[pipelines][crawl][reliability]") {
  REQUIRE(ingest::InitHttpGlobal().ok());
  std::stop_source stop;
  testing::GatedNewsSite site(12, 4, /*hold=*/false, [&stop] { stop.request_stop(); });
  REQUIRE(site.started());
  PassFixture f;
  CrawlOptions options;
  options.feeds = {site.FeedUrl()};
  options.fetch.per_host_concurrency = 1;  // One article at a time, in feed order.
  options.fetch.per_host_delay_ms = 0;
  options.fetch.respect_robots = false;
  options.fetch.timeout_ms = 10000;
  options.ingest.extract_workers = 1;
  auto first = f.Pass(options, stop.get_token());
  REQUIRE(first.ok());
  CHECK(first->ingest.interrupted);
  // Articles 0..4 (0..3 if the fetcher's poll happened to end between the
  // stop and the response).
  CHECK(first->ingest.stored >= 4);
  auto state = ingest::FeedStateFromJson(**f.store->GetFeedState(site.FeedUrl()));
  REQUIRE(state.ok());
  CHECK(first->ingest.stored + state->pending.size() == 12);

  auto second = f.Pass(options);
  REQUIRE(second.ok());
  CHECK(second->feeds_due == 0);
  CHECK(second->entries_resumed == 12 - first->ingest.stored);
  CHECK(first->ingest.stored + second->ingest.stored == 12);
  auto stats = f.store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->articles == 12);
  for (int n = 0; n < 4; ++n) CHECK(site.Hits("/a/" + std::to_string(n) + ".html") == 1);
  state = ingest::FeedStateFromJson(**f.store->GetFeedState(site.FeedUrl()));
  REQUIRE(state.ok());
  CHECK(state->pending.empty());
}

TEST_CASE("A crawl pass survives unreachable feeds and junk", "[pipelines][crawl]") {
  REQUIRE(ingest::InitHttpGlobal().ok());
  DemoSite site;
  PassFixture f;
  CrawlOptions options = testing::DemoCrawlOptions(site);
  options.feeds = {"http://127.0.0.1:1/feed.xml", site.server.Url("/robots.txt"), "not a url"};
  auto report = f.Pass(options);
  REQUIRE(report.ok());
  CHECK(report->feeds_failed == 3);
  CHECK(report->ingest.stored == 0);
}

}  // namespace
}  // namespace newsx::pipelines
