#include "newsx/pipelines/stop_wait.h"

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace newsx::pipelines {

bool SleepUnlessStopped(std::stop_token stop, std::int64_t ms) {
  // The mutex guards nothing: condition_variable_any needs one to wait on.
  std::mutex mu;
  std::condition_variable_any cv;
  std::unique_lock<std::mutex> lock(mu);
  cv.wait_for(lock, stop, std::chrono::milliseconds(ms), [] { return false; });
  return !stop.stop_requested();
}

}  // namespace newsx::pipelines
