#include "newsx/ingest/http_fetcher.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <vector>

#include "ingest/http_test_server.h"
#include "support/gzip.h"

namespace newsx::ingest {
namespace {

using Clock = std::chrono::steady_clock;

// Politeness off and short timeouts: each test turns on what it checks.
FetchOptions FastOptions() {
  FetchOptions o;
  o.user_agent = "newsx-test/1.0";
  o.per_host_concurrency = 0;
  o.per_host_delay_ms = 0;
  o.respect_robots = false;
  o.timeout_ms = 3000;
  o.connect_timeout_ms = 1000;
  o.retry_base_delay_ms = 50;
  return o;
}

std::vector<FetchResponse> FetchAll(const FetchOptions& options, std::vector<std::string> urls) {
  REQUIRE(InitHttpGlobal().ok());
  auto fetcher = HttpFetcher::Create(options);
  REQUIRE(fetcher.ok());
  std::vector<FetchRequest> requests;
  for (std::size_t i = 0; i < urls.size(); ++i) requests.push_back(FetchRequest{urls[i], "", "", i});
  std::vector<FetchResponse> responses(urls.size());
  (*fetcher)->FetchAll(std::move(requests), [&](FetchResponse&& r) {
    responses[r.request.tag] = std::move(r);
  });
  return responses;
}

FetchResponse FetchOne(const FetchOptions& options, const std::string& url) {
  return std::move(FetchAll(options, {url}).front());
}

TEST_CASE("HttpFetcher fetches a page with its headers", "[ingest][http]") {
  testing::HttpTestServer server;
  server.server().Get("/page", [](const httplib::Request& req, httplib::Response& res) {
    res.set_header("ETag", "\"v1\"");
    res.set_content("<p>hello " + req.get_header_value("User-Agent") + "</p>",
                    "text/html; charset=windows-1251");
  });
  REQUIRE(server.Start());
  const FetchResponse r = FetchOne(FastOptions(), server.Url("/page"));
  REQUIRE(r.status.ok());
  CHECK(r.http_status == 200);
  CHECK(r.document.body == "<p>hello newsx-test/1.0</p>");
  CHECK(r.document.content_type == "text/html; charset=windows-1251");
  CHECK(r.document.url == server.Url("/page"));
  CHECK(r.document.fetched_unix_ms > 0);
  CHECK(r.etag == "\"v1\"");
}

TEST_CASE("HttpFetcher sends validators and reports 304", "[ingest][http]") {
  testing::HttpTestServer server;
  server.server().Get("/feed", [](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("If-None-Match") == "\"abc\"" ||
        req.get_header_value("If-Modified-Since") == "Wed, 28 Jan 2026 09:30:00 GMT") {
      res.status = 304;
      return;
    }
    res.set_header("ETag", "\"abc\"");
    res.set_header("Last-Modified", "Wed, 28 Jan 2026 09:30:00 GMT");
    res.set_content("<rss/>", "application/rss+xml");
  });
  REQUIRE(server.Start());
  REQUIRE(InitHttpGlobal().ok());
  auto fetcher = HttpFetcher::Create(FastOptions());
  REQUIRE(fetcher.ok());
  std::vector<FetchResponse> got;
  auto collect = [&](FetchResponse&& r) { got.push_back(std::move(r)); };
  (*fetcher)->FetchAll({FetchRequest{server.Url("/feed"), "", "", 1}}, collect);
  REQUIRE(got.size() == 1);
  REQUIRE(got[0].status.ok());
  CHECK_FALSE(got[0].not_modified);
  const FetchRequest etag_only{server.Url("/feed"), got[0].etag, "", 2};
  const FetchRequest date_only{server.Url("/feed"), "", got[0].last_modified, 3};
  (*fetcher)->FetchAll({etag_only, date_only}, collect);
  REQUIRE(got.size() == 3);
  for (int i = 1; i < 3; ++i) {
    CHECK(got[i].status.ok());
    CHECK(got[i].not_modified);
    CHECK(got[i].http_status == 304);
    CHECK(got[i].document.body.empty());
  }
}

TEST_CASE("HttpFetcher follows redirects and detects loops", "[ingest][http]") {
  testing::HttpTestServer server;
  server.server().Get("/a", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/b", 301); });
  server.server().Get("/b", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/c", 302); });
  server.server().Get("/c", [](const httplib::Request&, httplib::Response& res) { res.set_content("final", "text/plain"); });
  server.server().Get("/loop1", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop2", 302); });
  server.server().Get("/loop2", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop1", 302); });
  server.server().Get(R"(/chain/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
    res.set_redirect("/chain/" + std::to_string(std::stoi(req.matches[1]) + 1), 307);
  });
  REQUIRE(server.Start());
  const auto r = FetchAll(FastOptions(), {server.Url("/a"), server.Url("/loop1"), server.Url("/chain/0")});
  REQUIRE(r[0].status.ok());
  CHECK(r[0].document.body == "final");
  CHECK(r[0].document.url == server.Url("/c"));
  CHECK(r[0].document.source == server.Url("/a"));
  CHECK(r[0].redirects == 2);
  CHECK(r[1].status.code() == StatusCode::kInvalidArgument);
  CHECK(r[1].status.message().find("redirect loop") != std::string::npos);
  CHECK(r[2].status.code() == StatusCode::kResourceExhausted);
  CHECK(r[2].redirects == 5);
}

TEST_CASE("HttpFetcher retries 429 after Retry-After and 5xx with backoff", "[ingest][http]") {
  testing::HttpTestServer server;
  std::mutex mu;
  std::vector<Clock::time_point> busy_times;
  int flaky_calls = 0;
  server.server().Get("/busy", [&](const httplib::Request&, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mu);
    busy_times.push_back(Clock::now());
    if (busy_times.size() == 1) {
      res.status = 429;
      res.set_header("Retry-After", "1");
      return;
    }
    res.set_content("ok", "text/plain");
  });
  server.server().Get("/flaky", [&](const httplib::Request&, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mu);
    if (++flaky_calls < 3) {
      res.status = 503;
      return;
    }
    res.set_content("recovered", "text/plain");
  });
  server.server().Get("/down", [](const httplib::Request&, httplib::Response& res) { res.status = 500; });
  server.server().Get("/patience", [](const httplib::Request&, httplib::Response& res) {
    res.status = 503;
    res.set_header("Retry-After", "3600");
  });
  REQUIRE(server.Start());
  FetchOptions options = FastOptions();
  const auto r = FetchAll(options, {server.Url("/busy"), server.Url("/flaky"), server.Url("/down"),
                                    server.Url("/patience")});
  REQUIRE(r[0].status.ok());
  CHECK(r[0].attempts == 2);
  REQUIRE(busy_times.size() == 2);
  CHECK(busy_times[1] - busy_times[0] >= std::chrono::milliseconds(950));
  REQUIRE(r[1].status.ok());
  CHECK(r[1].document.body == "recovered");
  CHECK(r[1].attempts == 3);
  CHECK(r[2].status.code() == StatusCode::kUnavailable);
  CHECK(r[2].attempts == options.max_retries + 1);
  CHECK(r[2].http_status == 500);
  CHECK(r[3].status.code() == StatusCode::kUnavailable);
  CHECK(r[3].attempts == 1);
  CHECK(r[3].retry_after_s == 3600);
}

TEST_CASE("HttpFetcher enforces the timeout and the body size cap", "[ingest][http]") {
  testing::HttpTestServer server;
  server.server().Get("/slow", [](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/plain", [](std::size_t offset, httplib::DataSink& sink) {
      if (offset >= 20) {
        sink.done();
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      return sink.write("x", 1);
    });
  });
  server.server().Get("/big", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(100000, 'a'), "application/octet-stream");
  });
  server.server().Get("/big-chunked", [](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("application/octet-stream", [](std::size_t offset, httplib::DataSink& sink) {
      if (offset >= 100000) {
        sink.done();
        return true;
      }
      return sink.write(std::string(10000, 'b').data(), 10000);
    });
  });
  REQUIRE(server.Start());
  FetchOptions options = FastOptions();
  options.timeout_ms = 500;
  options.max_body_bytes = 50000;
  const auto start = Clock::now();
  const auto r = FetchAll(options, {server.Url("/slow"), server.Url("/big"), server.Url("/big-chunked")});
  CHECK(Clock::now() - start < std::chrono::milliseconds(1800));
  CHECK(r[0].status.code() == StatusCode::kDeadlineExceeded);
  INFO(r[1].status.ToString() << " / " << r[2].status.ToString());
  CHECK(r[1].status.code() == StatusCode::kResourceExhausted);
  CHECK(r[2].status.code() == StatusCode::kResourceExhausted);
}

TEST_CASE("HttpFetcher decodes gzip and brotli bodies", "[ingest][http]") {
  const std::string text = "<html><body>" + std::string(5000, 'z') + "</body></html>";
  testing::HttpTestServer server;
  server.server().Get("/gz", [&](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Encoding", "gzip");
    res.set_content(testing::Gzip(text), "application/octet-stream");
  });
  // httplib compresses text responses itself when the client accepts it.
  server.server().Get("/auto", [&](const httplib::Request& req, httplib::Response& res) {
    res.set_header("X-Seen-Accept-Encoding", req.get_header_value("Accept-Encoding"));
    res.set_content(text, "text/html");
  });
  server.server().Get("/bad-gz", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Encoding", "gzip");
    res.set_content("this is not gzip at all", "application/octet-stream");
  });
  REQUIRE(server.Start());
  const auto r = FetchAll(FastOptions(), {server.Url("/gz"), server.Url("/auto"), server.Url("/bad-gz")});
  REQUIRE(r[0].status.ok());
  CHECK(r[0].document.body == text);
  REQUIRE(r[1].status.ok());
  CHECK(r[1].document.body == text);
  CHECK_FALSE(r[2].status.ok());
}

TEST_CASE("HttpFetcher obeys robots.txt", "[ingest][http][robots]") {
  testing::HttpTestServer server;
  std::atomic<int> robots_fetches{0};
  std::atomic<int> secret_hits{0};
  server.server().Get("/robots.txt", [&](const httplib::Request&, httplib::Response& res) {
    ++robots_fetches;
    res.set_content("User-agent: *\nDisallow: /\n\nUser-agent: newsx-test\nDisallow: /secret\n",
                    "text/plain");
  });
  server.server().Get("/secret/x", [&](const httplib::Request&, httplib::Response& res) {
    ++secret_hits;
    res.set_content("no", "text/plain");
  });
  server.server().Get("/public", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("yes", "text/plain");
  });
  REQUIRE(server.Start());
  FetchOptions options = FastOptions();
  options.respect_robots = true;
  const auto r = FetchAll(options, {server.Url("/secret/x"), server.Url("/public"), server.Url("/public?2")});
  CHECK(r[0].status.code() == StatusCode::kFailedPrecondition);
  CHECK(r[0].status.message().find("robots.txt") != std::string::npos);
  CHECK(r[1].status.ok());
  CHECK(r[2].status.ok());
  CHECK(secret_hits == 0);
  CHECK(robots_fetches == 1);  // Cached per host.
}

TEST_CASE("HttpFetcher treats robots.txt 4xx as allow and 5xx as disallow", "[ingest][http][robots]") {
  testing::HttpTestServer missing;
  missing.server().Get("/page", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("ok", "text/plain");
  });
  REQUIRE(missing.Start());
  testing::HttpTestServer broken;
  std::atomic<int> page_hits{0};
  broken.server().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) { res.status = 503; });
  broken.server().Get("/page", [&](const httplib::Request&, httplib::Response& res) {
    ++page_hits;
    res.set_content("ok", "text/plain");
  });
  REQUIRE(broken.Start());
  FetchOptions options = FastOptions();
  options.respect_robots = true;
  const auto r = FetchAll(options, {missing.Url("/page"), broken.Url("/page")});
  CHECK(r[0].status.ok());
  CHECK(r[1].status.code() == StatusCode::kFailedPrecondition);
  CHECK(page_hits == 0);
}

// RFC 9309 2.5: crawlers parse at least the first 500 KiB; a longer file
// must not turn into "nothing allowed". Both with a Content-Length that
// announces the size and with a chunked body that does not.
TEST_CASE("HttpFetcher parses the first 500 KiB of an oversized robots.txt",
          "[ingest][http][robots][reliability]") {
  const bool chunked = GENERATE(false, true);
  // The rules first, then ~1 MiB of comments, then a rule past the limit
  // that a full parse would apply.
  std::string robots = "User-agent: *\nDisallow: /secret\n";
  while (robots.size() < (1u << 20)) robots += "# padding padding padding padding padding padding\n";
  robots += "Disallow: /late\n";
  testing::HttpTestServer server;
  server.server().Get("/robots.txt", [&](const httplib::Request&, httplib::Response& res) {
    if (!chunked) {
      res.set_content(robots, "text/plain");
      return;
    }
    res.set_chunked_content_provider("text/plain", [&](std::size_t offset, httplib::DataSink& sink) {
      if (offset >= robots.size()) {
        sink.done();
        return true;
      }
      const std::size_t n = std::min<std::size_t>(64 << 10, robots.size() - offset);
      sink.write(robots.data() + offset, n);
      return true;
    });
  });
  for (const char* path : {"/public", "/secret/x", "/late"}) {
    server.server().Get(path, [](const httplib::Request&, httplib::Response& res) {
      res.set_content("ok", "text/plain");
    });
  }
  REQUIRE(server.Start());
  FetchOptions options = FastOptions();
  options.respect_robots = true;
  INFO("chunked: " << chunked);
  const auto r = FetchAll(options, {server.Url("/public"), server.Url("/secret/x"), server.Url("/late")});
  CHECK(r[0].status.ok());
  CHECK(r[1].status.code() == StatusCode::kFailedPrecondition);
  CHECK(r[2].status.ok());  // Past the first 500 KiB: not read.
}

// A cut after 500 KiB must not leave half a rule: "Disallow: /private" cut
// to "Disallow: /" would ban the whole site.
TEST_CASE("HttpFetcher drops the line cut by the robots.txt limit", "[ingest][http][robots][reliability]") {
  std::string robots = "User-agent: *\n";
  while (robots.size() < 500 * 1024 - 12) robots += "#\n";
  robots += "Disallow: /private\n";  // Straddles the 500 KiB mark.
  testing::HttpTestServer server;
  server.server().Get("/robots.txt", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(robots, "text/plain");
  });
  server.server().Get("/public", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("ok", "text/plain");
  });
  REQUIRE(server.Start());
  FetchOptions options = FastOptions();
  options.respect_robots = true;
  CHECK(FetchOne(options, server.Url("/public")).status.ok());
}

TEST_CASE("HttpFetcher holds per-host concurrency and delay, measured at the server", "[ingest][http]") {
  testing::HttpTestServer server;
  std::mutex mu;
  int in_flight = 0, max_in_flight = 0;
  std::vector<Clock::time_point> starts;
  server.server().Get(R"(/slow/(\d+))", [&](const httplib::Request&, httplib::Response& res) {
    {
      std::lock_guard<std::mutex> lock(mu);
      max_in_flight = std::max(max_in_flight, ++in_flight);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    {
      std::lock_guard<std::mutex> lock(mu);
      --in_flight;
    }
    res.set_content("ok", "text/plain");
  });
  server.server().Get(R"(/quick/(\d+))", [&](const httplib::Request&, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mu);
    starts.push_back(Clock::now());
    res.set_content("ok", "text/plain");
  });
  REQUIRE(server.Start());

  SECTION("concurrency") {
    FetchOptions options = FastOptions();
    options.per_host_concurrency = 2;
    std::vector<std::string> urls;
    for (int i = 0; i < 8; ++i) urls.push_back(server.Url("/slow/" + std::to_string(i)));
    for (const FetchResponse& r : FetchAll(options, urls)) CHECK(r.status.ok());
    CHECK(max_in_flight == 2);
  }
  SECTION("delay") {
    FetchOptions options = FastOptions();
    options.per_host_concurrency = 2;
    options.per_host_delay_ms = 200;
    std::vector<std::string> urls;
    for (int i = 0; i < 5; ++i) urls.push_back(server.Url("/quick/" + std::to_string(i)));
    for (const FetchResponse& r : FetchAll(options, urls)) CHECK(r.status.ok());
    REQUIRE(starts.size() == 5);
    for (std::size_t i = 1; i < starts.size(); ++i) {
      CHECK(starts[i] - starts[i - 1] >= std::chrono::milliseconds(190));
    }
  }
}

TEST_CASE("HttpFetcher honors robots.txt Crawl-delay up to the cap", "[ingest][http][robots]") {
  testing::HttpTestServer server;
  std::mutex mu;
  std::vector<Clock::time_point> starts;
  server.server().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: *\nCrawl-delay: 0.3\n", "text/plain");
  });
  server.server().Get(R"(/p/(\d+))", [&](const httplib::Request&, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mu);
    starts.push_back(Clock::now());
    res.set_content("ok", "text/plain");
  });
  REQUIRE(server.Start());
  FetchOptions options = FastOptions();
  options.respect_robots = true;
  const auto r = FetchAll(options, {server.Url("/p/1"), server.Url("/p/2"), server.Url("/p/3")});
  for (const FetchResponse& x : r) CHECK(x.status.ok());
  REQUIRE(starts.size() == 3);
  for (std::size_t i = 1; i < starts.size(); ++i) {
    CHECK(starts[i] - starts[i - 1] >= std::chrono::milliseconds(290));
  }
}

TEST_CASE("HttpFetcher reports bad URLs, refused connections and 404", "[ingest][http]") {
  testing::HttpTestServer server;
  REQUIRE(server.Start());
  FetchOptions options = FastOptions();
  options.max_retries = 1;
  const auto r = FetchAll(options, {"ftp://example.invalid/x", "not a url", server.Url("/missing"),
                                    "http://127.0.0.1:1/"});
  CHECK(r[0].status.code() == StatusCode::kInvalidArgument);
  CHECK(r[1].status.code() == StatusCode::kInvalidArgument);
  CHECK(r[2].status.code() == StatusCode::kNotFound);
  CHECK(r[3].status.code() == StatusCode::kUnavailable);
  CHECK(r[3].attempts == 2);
}

TEST_CASE("FetchOptions::Validate rejects nonsense", "[ingest][http]") {
  FetchOptions o;
  CHECK(o.Validate().ok());
  o.max_concurrent_transfers = 0;
  CHECK(o.Validate().code() == StatusCode::kInvalidArgument);
  REQUIRE(InitHttpGlobal().ok());
  CHECK(HttpFetcher::Create(o).status().code() == StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace newsx::ingest
