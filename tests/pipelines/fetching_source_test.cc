#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <thread>

#include "ingest/http_test_server.h"
#include "newsx/ingest/http_fetcher.h"
#include "newsx/pipelines/ingest_pipeline.h"
#include "newsx/pipelines/source_factory.h"
#include "pipelines/stop_after_source.h"
#include "pipelines/ingest_fixture.h"
#include "temp_dir.h"

using namespace newsx;
using namespace newsx::pipelines;

namespace {

std::string Page(const std::string& title) {
  return "<html><head><title>" + title + "</title></head><body><article><p>" + title +
         ": Nvidia shipped H200 chips to cloud customers this quarter, the company said in "
         "a statement on Monday.</p></article></body></html>";
}

// Serves /page-N.html (N < 100) and 404 for anything else.
void ServePages(testing::HttpTestServer& server) {
  server.server().Get(R"(/page-(\d+)\.html)", [](const httplib::Request& req,
                                                  httplib::Response& res) {
    res.set_content(Page("Story " + std::string(req.matches[1])), "text/html; charset=utf-8");
  });
}

SourceOpenOptions LoopbackOptions() {
  SourceOpenOptions o;
  o.fetch.per_host_concurrency = 0;
  o.fetch.per_host_delay_ms = 0;
  o.fetch.respect_robots = false;
  o.fetch.max_retries = 0;
  o.fetch.timeout_ms = 5000;
  o.fetching.max_in_flight = 4;
  return o;
}

}  // namespace

TEST_CASE("a URL list is fetched over loopback, extracted and stored; 404s are dead letters",
          "[pipelines][fetch]") {
  REQUIRE(ingest::InitHttpGlobal().ok());
  testing::HttpTestServer server;
  ServePages(server);
  REQUIRE(server.Start());
  testing::IngestFixture f;
  {
    std::ofstream list(f.input.File("urls.txt"));
    list << "# pages\n";
    for (int i = 0; i < 10; ++i) list << server.Url("/page-" + std::to_string(i) + ".html") << "\n";
    list << server.Url("/missing.html") << "\n";
  }
  auto source = OpenSource({f.input.File("urls.txt")}, LoopbackOptions());
  REQUIRE(source.ok());
  auto store = store::ArticleStore::Open({.path = f.db.path()});
  REQUIRE(store.ok());
  IngestOptions options{.checkpoint_name = "urls"};
  auto report = RunIngest(**source, *f.extractor, **store, options, f.log, std::stop_token());
  REQUIRE(report.ok());
  CHECK(report->read == 11);
  CHECK(report->stored == 10);
  CHECK(report->failed == 1);
  auto stats = (*store)->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->articles == 10);
  CHECK(stats->dead_letters_by_reason["fetch/not_found"] == 1);
  CHECK(f.log_sink.str().find("missing.html") != std::string::npos);
}


TEST_CASE("an interrupted URL-list backfill resumes without losing pages still in flight",
          "[pipelines][fetch]") {
  REQUIRE(ingest::InitHttpGlobal().ok());
  testing::HttpTestServer server;
  // Even pages answer slowly, so that fetches complete out of order.
  server.server().Get(R"(/page-(\d+)\.html)", [](const httplib::Request& req,
                                                  httplib::Response& res) {
    const int n = std::stoi(req.matches[1]);
    if (n % 2 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(30));
    res.set_content(Page("Story " + std::to_string(n)), "text/html");
  });
  REQUIRE(server.Start());
  testing::IngestFixture f;
  {
    std::ofstream list(f.input.File("urls.txt"));
    for (int i = 0; i < 30; ++i) list << server.Url("/page-" + std::to_string(i) + ".html") << "\n";
  }
  auto store = store::ArticleStore::Open({.path = f.db.path()});
  REQUIRE(store.ok());
  IngestOptions options{.queue_capacity = 2, .checkpoint_name = "urls",
                        .checkpoint_every_items = 1};
  {
    auto inner = OpenSource({f.input.File("urls.txt")}, LoopbackOptions());
    REQUIRE(inner.ok());
    std::stop_source stop;
    testing::StopAfterSource source(std::move(inner).value(), 9, &stop);
    auto report = RunIngest(source, *f.extractor, **store, options, f.log, stop.get_token());
    REQUIRE(report.ok());
    CHECK(report->interrupted);
    CHECK(report->stored == 9);
  }
  auto source = OpenSource({f.input.File("urls.txt")}, LoopbackOptions());
  REQUIRE(source.ok());
  options.resume = true;
  auto report = RunIngest(**source, *f.extractor, **store, options, f.log, std::stop_token());
  REQUIRE(report.ok());
  CHECK(!report->interrupted);
  auto stats = (*store)->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->articles == 30);
}

TEST_CASE("URL-only items outside the since/until window are not fetched", "[pipelines][fetch]") {
  REQUIRE(ingest::InitHttpGlobal().ok());
  testing::HttpTestServer server;
  int hits = 0;
  server.server().Get(R"(/page-(\d+)\.html)", [&hits](const httplib::Request& req,
                                                       httplib::Response& res) {
    ++hits;
    res.set_content(Page("Story " + std::string(req.matches[1])), "text/html");
  });
  REQUIRE(server.Start());
  testing::IngestFixture f;
  {
    std::ofstream sitemap(f.input.File("sitemap.xml"));
    sitemap << R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>)" << server.Url("/page-1.html") << R"(</loc><news:news><news:publication_date>2024-03-01</news:publication_date><news:title>Old</news:title></news:news></url>
<url><loc>)" << server.Url("/page-2.html") << R"(</loc><news:news><news:publication_date>2026-01-10</news:publication_date><news:title>New</news:title></news:news></url>
</urlset>)";
  }
  SourceOpenOptions open = LoopbackOptions();
  open.fetching.since_unix_s = 1767225600;  // 2026-01-01.
  auto source = OpenSource({f.input.File("sitemap.xml")}, open);
  REQUIRE(source.ok());
  auto store = store::ArticleStore::Open({.path = f.db.path()});
  REQUIRE(store.ok());
  auto report = RunIngest(**source, *f.extractor, **store, IngestOptions{}, f.log,
                          std::stop_token());
  REQUIRE(report.ok());
  CHECK(report->stored == 1);
  CHECK(hits == 1);
}
