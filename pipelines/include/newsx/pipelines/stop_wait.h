#pragma once

#include <cstdint>
#include <stop_token>

namespace newsx::pipelines {

// Sleeps `ms` milliseconds unless a stop is requested first, which ends the
// sleep at once; false when stopped. The one interruptible wait of the
// pipelines' loops (crawl --watch, periodic reports, cluster retries).
bool SleepUnlessStopped(std::stop_token stop, std::int64_t ms);

}  // namespace newsx::pipelines
