#include <algorithm>
#include <chrono>

#include "newsx/core/time_format.h"
#include "newsx/pipelines/crawl.h"
#include "newsx/pipelines/stop_wait.h"

namespace newsx::pipelines {


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
    if (!SleepUnlessStopped(stop, (wake - now) * 1000)) return false;
  }
}

}  // namespace newsx::pipelines
