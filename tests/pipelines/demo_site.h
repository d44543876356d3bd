#pragma once

#include <catch2/catch.hpp>

#include <map>
#include <mutex>
#include <string>

#include "ingest/http_test_server.h"
#include "newsx/pipelines/crawl.h"

namespace newsx::testing {

// The offline demo's fixtures on a loopback server that counts requests
// and supports conditional GET on the feeds.
struct DemoSite {
  HttpTestServer server;
  std::mutex mu;
  std::map<std::string, int> hits;  // Guarded by mu.
  bool feed_broken = false;         // Guarded by mu.

  DemoSite() {
    server.server().set_mount_point("/articles", NEWSX_FIXTURES_DIR "/demo/pages");
    server.server().set_mount_point("/", NEWSX_FIXTURES_DIR "/crawl");
    server.server().set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mu);
      ++hits[req.path];
      if (req.path == "/feed.xml" && feed_broken) {
        res.status = 503;
        return httplib::Server::HandlerResponse::Handled;
      }
      if (req.path == "/feed.xml" && req.get_header_value("If-None-Match") == "\"feed-v1\"") {
        res.status = 304;
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    server.server().set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
      if (req.path == "/feed.xml") res.set_header("ETag", "\"feed-v1\"");
    });
    REQUIRE(server.Start());
  }
  int Hits(const std::string& path) {
    std::lock_guard<std::mutex> lock(mu);
    return hits[path];
  }
};

// A crawl of both demo feeds, politely but quickly, one extract worker.
inline pipelines::CrawlOptions DemoCrawlOptions(const DemoSite& site) {
  pipelines::CrawlOptions o;
  o.feeds = {site.server.Url("/feed.xml"), site.server.Url("/atom.xml")};
  o.fetch.per_host_delay_ms = 20;
  o.fetch.timeout_ms = 5000;
  o.fetch.retry_base_delay_ms = 20;
  o.fetch.max_retries = 0;
  o.ingest.extract_workers = 1;
  return o;
}

}  // namespace newsx::testing
