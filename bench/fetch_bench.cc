// fetch_bench: HttpFetcher throughput and politeness against loopback
// servers posing as many hosts (127.0.0.1 ... 127.0.0.N, one cpp-httplib
// server each, in this process).
//
//   fetch_bench [--hosts 50] [--pages 20000] [--concurrency 64]
//
// 1. Baseline: one libcurl easy handle fetching pages sequentially from one
//    host over a kept-alive connection (the simplest client there is).
// 2. Politeness off: every page of every host through one HttpFetcher in
//    one thread; pages/s by wall clock and per client CPU second.
// 3. Politeness on (per host: 2 at a time, 100 ms between starts,
//    robots.txt): the servers record, per host, the most requests in flight
//    and the shortest gap between request starts; any excess is a violation.

#include <curl/curl.h>
#include <httplib.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "newsx/ingest/http_fetcher.h"

namespace {

using Clock = std::chrono::steady_clock;

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

// Per-host politeness as seen by the server.
struct HostLog {
  std::mutex mu;
  int in_flight = 0;
  int max_in_flight = 0;
  std::vector<Clock::time_point> starts;
  int robots = 0;
};

struct Host {
  std::string address;
  int port = 0;
  httplib::Server server;
  HostLog log;
  std::thread thread;
};

std::string Page(int n) {
  std::string html = "<!doctype html><html><head><title>Page " + std::to_string(n) +
                     "</title></head><body><article>";
  for (int i = 0; i < 40; ++i) html += "<p>Paragraph " + std::to_string(i) + " of a loopback page, some text to make it realistic.</p>";
  return html + "</article></body></html>";
}

std::size_t Discard(char*, std::size_t size, std::size_t n, void*) { return size * n; }

}  // namespace

int main(int argc, char** argv) {
  int host_count = 50, pages = 20000, concurrency = 64;  // Defaults used in the README.
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--hosts") == 0) host_count = std::atoi(argv[i + 1]);
    else if (std::strcmp(argv[i], "--pages") == 0) pages = std::atoi(argv[i + 1]);
    else if (std::strcmp(argv[i], "--concurrency") == 0) concurrency = std::atoi(argv[i + 1]);
  }
  if (!newsx::ingest::InitHttpGlobal().ok()) return 1;
  const std::string body = Page(1);
  std::vector<std::unique_ptr<Host>> hosts;
  for (int i = 0; i < host_count; ++i) {
    auto host = std::make_unique<Host>();
    host->address = "127.0.0." + std::to_string(i + 1);
    host->server.new_task_queue = [] { return new httplib::ThreadPool(32); };
    host->server.set_keep_alive_timeout(2);
    host->server.set_tcp_nodelay(true);
    host->server.set_keep_alive_max_count(100000);
    HostLog* log = &host->log;
    host->server.Get("/robots.txt", [log](const httplib::Request&, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(log->mu);
      ++log->robots;
      res.set_content("User-agent: *\nDisallow: /private/\n", "text/plain");
    });
    host->server.Get(R"(/(page|polite)/(\d+))", [log, &body](const httplib::Request& req, httplib::Response& res) {
      if (req.matches[1] == "page") {  // Throughput runs: no bookkeeping.
        res.set_content(body, "application/octet-stream");
        return;
      }
      {
        std::lock_guard<std::mutex> lock(log->mu);
        log->starts.push_back(Clock::now());
        log->max_in_flight = std::max(log->max_in_flight, ++log->in_flight);
      }
      res.set_content(body, "application/octet-stream");  // Not compressed: measures the client.
      std::lock_guard<std::mutex> lock(log->mu);
      --log->in_flight;
    });
    host->port = host->server.bind_to_any_port(host->address);
    if (host->port <= 0) {
      std::fprintf(stderr, "fetch_bench: cannot bind %s\n", host->address.c_str());
      return 1;
    }
    Host* raw = host.get();
    host->thread = std::thread([raw] { raw->server.listen_after_bind(); });
    hosts.push_back(std::move(host));
  }
  for (auto& h : hosts) {
    while (!h->server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  auto url = [&](int host, int page, const char* kind = "page") {
    return "http://" + hosts[host]->address + ":" + std::to_string(hosts[host]->port) + "/" + kind + "/" + std::to_string(page);
  };
  std::printf("fetch_bench: %d hosts, %zu-byte pages\n", host_count, body.size());

  // 1. Baseline.
  const int baseline_pages = std::min(pages, 5000);
  CURL* easy = curl_easy_init();
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Discard);
  auto t0 = Clock::now();
  double c0 = ThreadCpuSeconds();
  int baseline_ok = 0;
  for (int i = 0; i < baseline_pages; ++i) {
    const std::string u = url(0, i);
    curl_easy_setopt(easy, CURLOPT_URL, u.c_str());
    baseline_ok += curl_easy_perform(easy) == CURLE_OK;
  }
  const double baseline_s = std::chrono::duration<double>(Clock::now() - t0).count();
  const double baseline_cpu = ThreadCpuSeconds() - c0;
  curl_easy_cleanup(easy);
  const double baseline_rate = baseline_ok / baseline_s;
  std::printf("baseline  sequential easy handle, 1 host: %6d pages in %.2f s = %7.0f pages/s (client CPU %.2f s)\n",
              baseline_ok, baseline_s, baseline_rate, baseline_cpu);

  // 2. Politeness off.
  newsx::ingest::FetchOptions off;
  off.per_host_concurrency = 0;
  off.per_host_delay_ms = 0;
  off.respect_robots = false;
  off.max_concurrent_transfers = concurrency;
  auto fetcher = newsx::ingest::HttpFetcher::Create(off);
  if (!fetcher.ok()) return 1;
  std::vector<newsx::ingest::FetchRequest> requests;
  for (int i = 0; i < pages; ++i) requests.push_back({url(i % host_count, i), "", "", 0});
  std::size_t ok = 0, bytes = 0;
  t0 = Clock::now();
  c0 = ThreadCpuSeconds();
  (*fetcher)->FetchAll(std::move(requests), [&](newsx::ingest::FetchResponse&& r) {
    ok += r.status.ok();
    bytes += r.document.body.size();
  });
  const double off_s = std::chrono::duration<double>(Clock::now() - t0).count();
  const double off_cpu = ThreadCpuSeconds() - c0;
  std::printf("HttpFetcher politeness off, %d hosts:   %6zu pages in %.2f s = %7.0f pages/s (%.2fx baseline); "
              "client CPU %.2f s = %.0f pages per CPU-second; %.1f MB\n",
              host_count, ok, off_s, ok / off_s, (ok / off_s) / baseline_rate, off_cpu, ok / off_cpu, bytes / 1e6);

  // 3. Politeness on.
  newsx::ingest::FetchOptions on;
  on.per_host_concurrency = 2;
  on.per_host_delay_ms = 100;
  on.respect_robots = true;
  on.max_concurrent_transfers = concurrency;
  auto polite = newsx::ingest::HttpFetcher::Create(on);
  if (!polite.ok()) return 1;
  const int per_host = 10;
  requests.clear();
  for (int p = 0; p < per_host; ++p) {
    for (int h = 0; h < host_count; ++h) requests.push_back({url(h, p, "polite"), "", "", 0});
  }
  ok = 0;
  t0 = Clock::now();
  (*polite)->FetchAll(std::move(requests), [&](newsx::ingest::FetchResponse&& r) { ok += r.status.ok(); });
  const double on_s = std::chrono::duration<double>(Clock::now() - t0).count();
  int violations = 0, max_in_flight = 0, robots_extra = 0;
  double min_gap_ms = 1e9;
  for (auto& h : hosts) {
    std::lock_guard<std::mutex> lock(h->log.mu);
    std::sort(h->log.starts.begin(), h->log.starts.end());
    max_in_flight = std::max(max_in_flight, h->log.max_in_flight);
    violations += h->log.max_in_flight > on.per_host_concurrency;
    robots_extra += h->log.robots != 1;
    for (std::size_t i = 1; i < h->log.starts.size(); ++i) {
      const double gap = std::chrono::duration<double, std::milli>(h->log.starts[i] - h->log.starts[i - 1]).count();
      min_gap_ms = std::min(min_gap_ms, gap);
      // 2 ms of slack: the server notes the time when its handler thread runs,
      // which lags the packet by scheduling jitter on a loaded machine.
      violations += gap < on.per_host_delay_ms - 2;
    }
  }
  std::printf("HttpFetcher politeness on (2/host, 100 ms, robots): %zu pages in %.2f s (ideal >= %.2f s); "
              "max in flight per host %d, min gap %.1f ms, robots.txt fetched once per host: %s, violations: %d\n",
              ok, on_s, (per_host - 1) * on.per_host_delay_ms / 1000.0, max_in_flight, min_gap_ms,
              robots_extra == 0 ? "yes" : "no", violations);
  for (auto& h : hosts) h->server.stop();
  for (auto& h : hosts) h->thread.join();
  return violations == 0 ? 0 : 1;
}
