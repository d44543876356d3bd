// Fetch workers over a real nats-server (nats_test_server.h) against a
// loopback HTTP server that counts the requests it is serving at once: the
// per-host concurrency limit holds across all fetch workers, not per worker.

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <mutex>
#include <thread>

#include "ingest/http_test_server.h"
#include "nats_test_server.h"
#include "newsx/ingest/http_fetcher.h"
#include "newsx/ingest/url_list_source.h"
#include "newsx/pipelines/cluster/cluster_messages.h"
#include "newsx/pipelines/cluster/cluster_producer.h"
#include "newsx/pipelines/cluster/cluster_status.h"
#include "newsx/pipelines/cluster/cluster_worker.h"
#include "pipelines/ingest_fixture.h"

namespace newsx::pipelines::cluster {
namespace {

// Requests in service at once, and the most seen. Thread-safe.
class ConcurrencyMeter {
 public:
  void Enter() {
    std::lock_guard<std::mutex> lock(mu_);
    ++now_;
    max_ = std::max(max_, now_);
    ++served_;
  }
  void Leave() {
    std::lock_guard<std::mutex> lock(mu_);
    --now_;
  }
  int max() const {
    std::lock_guard<std::mutex> lock(mu_);
    return max_;
  }
  int served() const {
    std::lock_guard<std::mutex> lock(mu_);
    return served_;
  }

 private:
  mutable std::mutex mu_;
  int now_ = 0;
  int max_ = 0;
  int served_ = 0;
};

TEST_CASE("URLs of one host partition together", "[pipelines][cluster]") {
  CHECK(FetchPartition("https://example.com/a") == FetchPartition("http://www.example.com:8080/b"));
  CHECK(FetchPartition("https://example.com/a") >= 0);
  CHECK(FetchPartition("https://example.com/a") < kFetchPartitions);
  CHECK(FetchSubject(3) == "newsx.fetch.3");
}

TEST_CASE("Per-host concurrency holds across fetch workers, measured at the server",
          "[pipelines][cluster]") {
  testing::NatsTestServer nats;
  if (!nats.installed()) {
    WARN("nats-server is not installed (scripts/setup.sh installs it): test skipped");
    return;
  }
  REQUIRE(nats.running());
  REQUIRE(ingest::InitHttpGlobal().ok());
  ConcurrencyMeter meter;
  testing::HttpTestServer http;
  http.server().Get(R"(/story-(\d+)\.html)", [&meter](const httplib::Request& req,
                                                      httplib::Response& res) {
    meter.Enter();
    // Holding each request a while makes overlapping requests likely, so
    // that a limit kept per worker only would show as 3 or 4 at once.
    std::this_thread::sleep_for(std::chrono::milliseconds(40));
    res.set_content("<html><head><title>Story " + std::string(req.matches[1]) +
                        "</title></head><body><article><p>Story " +
                        std::string(req.matches[1]) +
                        ": the port reopened on Monday after the storm, officials said.</p>"
                        "</article></body></html>",
                    "text/html; charset=utf-8");
    meter.Leave();
  });
  REQUIRE(http.Start());

  testing::IngestFixture f;
  constexpr int kUrls = 40;
  {
    std::ofstream list(f.input.File("urls.txt"));
    for (int i = 0; i < kUrls; ++i) list << http.Url("/story-" + std::to_string(i) + ".html") << "\n";
  }
  ClusterOptions options;
  options.urls = nats.url();
  options.lease_ms = 1500;  // Workers rebalance every 0.5 s.
  REQUIRE(CreateTopology(options).ok());

  FetchWorkerOptions worker;
  worker.fetch.per_host_concurrency = 2;
  worker.fetch.per_host_delay_ms = 0;
  worker.fetch.respect_robots = false;
  worker.fetch.max_retries = 0;
  worker.fetch.timeout_ms = 10'000;
  worker.max_in_flight = 8;
  std::stop_source stop;
  WorkerCounters a;
  WorkerCounters b;
  Status a_status;
  Status b_status;
  {
    std::jthread wa([&] { a_status = RunFetchWorker(options, worker, f.log, stop.get_token(), &a); });
    std::jthread wb([&] { b_status = RunFetchWorker(options, worker, f.log, stop.get_token(), &b); });
    // The producer publishes the URL-only items to their host's partition.
    auto source = ingest::UrlListSource::Open({f.input.File("urls.txt")});
    REQUIRE(source.ok());
    auto produced = PublishSource(**source, options, f.log, std::stop_token());
    REQUIRE(produced.ok());
    CHECK(produced->published == static_cast<std::uint64_t>(kUrls));
    // Until every URL is fetched and its page published (bounded; a
    // passing run never waits that long).
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    bool done = false;
    while (!done && std::chrono::steady_clock::now() < give_up) {
      auto status = GetClusterStatus(options);
      REQUIRE(status.ok());
      done = status->streams[2].messages == 0 &&
             status->streams[0].last_seq == static_cast<std::uint64_t>(kUrls);
      if (!done) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    INFO(f.log_sink.str());
    REQUIRE(done);
    stop.request_stop();
  }
  INFO(f.log_sink.str());
  CHECK(a_status.ok());
  CHECK(b_status.ok());
  CHECK(meter.served() >= kUrls);
  CHECK(meter.max() <= worker.fetch.per_host_concurrency);
  CHECK(a.published.load() + b.published.load() == static_cast<std::uint64_t>(kUrls));
  CHECK(a.dead_letters.load() + b.dead_letters.load() == 0);
  auto status = GetClusterStatus(options);
  REQUIRE(status.ok());
  CHECK(status->streams[0].last_seq == static_cast<std::uint64_t>(kUrls));  // Each page once.
}

}  // namespace
}  // namespace newsx::pipelines::cluster
