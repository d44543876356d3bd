#pragma once

#include <cstdint>
#include <string>

#include "newsx/core/status.h"

namespace newsx::ingest {

// How HttpFetcher behaves. Politeness is per host (scheme, host and port):
// set per_host_concurrency = 0, per_host_delay_ms = 0 and
// respect_robots = false to turn it off (benchmarks, trusted mirrors).
struct FetchOptions {
  // Sent with every request, robots.txt included. Its product token (up to
  // the first '/' or space) is matched against robots.txt user-agent lines.
  std::string user_agent = "newsx/0.1 (+https://github.com/newsx/newsx)";

  // Transfers in flight at once, all hosts together. Default: 32.
  int max_concurrent_transfers = 32;
  // Transfers in flight to one host; 0 means unlimited. Default: 2.
  int per_host_concurrency = 2;
  // Minimum time between the starts of two requests to one host; robots.txt
  // Crawl-delay raises it. Default: 1000.
  int per_host_delay_ms = 1000;

  // Fetch and obey robots.txt (RFC 9309). Default: true.
  bool respect_robots = true;
  // Cap on a robots.txt Crawl-delay. Default: 30.
  int max_crawl_delay_s = 30;
  // How long a fetched robots.txt is trusted. Default: 86400 (RFC 9309's maximum).
  int robots_cache_s = 86400;
  // After a 5xx or network failure on robots.txt the host is treated as
  // fully disallowed for this long, then robots.txt is tried again. Default: 600.
  int robots_unavailable_s = 600;

  // Redirects followed per request; each hop is a request to its own host
  // (robots and politeness apply). Default: 5.
  int max_redirects = 5;
  int connect_timeout_ms = 10000;  // Default: 10000.
  int timeout_ms = 30000;          // Whole transfer. Default: 30000.
  // A transfer slower than low_speed_bytes_per_s for low_speed_window_s
  // seconds is aborted (kDeadlineExceeded). Defaults: 100 and 15.
  int low_speed_bytes_per_s = 100;
  int low_speed_window_s = 15;

  // Retries after 429, 5xx or a failed connection, waiting
  // retry_base_delay_ms * 2^attempt or the server's Retry-After. Defaults: 2 and 1000.
  int max_retries = 2;
  int retry_base_delay_ms = 1000;
  // A Retry-After longer than this ends the request instead of waiting
  // (kResourceExhausted / kUnavailable). Default: 120.
  int max_retry_after_s = 120;

  // Decoded body size limit; larger bodies fail with kResourceExhausted.
  // Default: 16 MiB.
  std::int64_t max_body_bytes = std::int64_t{16} << 20;
  // Offer HTTP/2 (ALPN over TLS). Default: true.
  bool http2 = true;

  // Returns kInvalidArgument naming the first bad field.
  Status Validate() const;
};

}  // namespace newsx::ingest
