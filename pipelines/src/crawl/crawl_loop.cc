#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>

#include "newsx/core/time_format.h"
#include "newsx/pipelines/crawl.h"

namespace newsx::pipelines {

namespace {

// Sleeps until `until_unix_s` or a stop request; false if stopped. The
// mutex guards nothing: condition_variable_any needs one to wait on.
bool SleepUntil(std::int64_t until_unix_s, std::stop_token stop) {
  std::mutex mu;
  std::condition_variable_any cv;
  std::unique_lock<std::mutex> lock(mu);
  const auto until = std::chrono::system_clock::time_point(std::chrono::seconds(until_unix_s));
  cv.wait_until(lock, stop, until, [] { return false; });
  return !stop.stop_requested();
}

}  // namespace

bool RepeatCrawlPasses(const std::function<bool(std::int64_t* next_due_unix_s)>& pass,
                       bool watch, std::int64_t max_wait_s, Logger& log,
                       std::stop_token stop) {
  while (true) {
    std::int64_t next_due = 0;
    if (!pass(&next_due) || !watch || stop.stop_requested()) return true;
    const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    // Wake for the next due feed; at least 1 s apart, at most the longest interval.
    const std::int64_t wake = std::clamp<std::int64_t>(next_due, now + 1, now + max_wait_s);
    log.Info("waiting for the next due feed", {{"until", FormatIsoUtc(wake)}});
    if (!SleepUntil(wake, stop)) return false;
  }
}

}  // namespace newsx::pipelines
