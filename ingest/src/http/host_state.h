#pragma once

#include <chrono>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "newsx/ingest/http_fetcher.h"
#include "newsx/ingest/robots_rules.h"

namespace newsx::ingest::internal {

using Clock = std::chrono::steady_clock;

// One logical request, across its retries and redirect hops.
struct Job {
  FetchRequest request;
  std::string url;                    // The hop being fetched.
  std::vector<std::string> visited;   // Hops so far, to detect loops.
  int attempts = 0;                   // HTTP requests made.
  int failures = 0;                   // Consecutive retryable failures of this hop.
  int redirects = 0;
  Clock::time_point not_before{};     // Retry backoff.
  bool is_robots = false;             // An internal robots.txt fetch.
  std::optional<std::int64_t> retry_after_s;
};

enum class RobotsState { kUnknown, kFetching, kReady };

// Politeness state of one origin (scheme://host:port).
struct HostState {
  std::deque<std::unique_ptr<Job>> waiting;  // Not started yet, in order.
  int active = 0;                            // Transfers in flight.
  Clock::time_point next_start{};            // Earliest start of the next request.
  RobotsState robots_state = RobotsState::kUnknown;
  RobotsRules robots;
  Clock::time_point robots_expiry{};
  std::chrono::milliseconds delay{0};        // Max of per_host_delay_ms and Crawl-delay.
};

// "http://host:port" with the default port made explicit, lower-cased; ""
// for a URL that is not absolute http(s).
std::string OriginOf(std::string_view url);

// Path and query of an absolute URL ("/" when empty), for robots matching.
std::string PathAndQuery(std::string_view url);

}  // namespace newsx::ingest::internal
