#include "newsx/pipelines/periodic_task.h"

#include <condition_variable>
#include <mutex>
#include <utility>

namespace newsx::pipelines {

PeriodicTask::PeriodicTask(std::chrono::milliseconds period, std::function<void()> task)
    : thread_([period, task = std::move(task)](std::stop_token stop) {
        // The mutex guards nothing: condition_variable_any needs one to
        // wait on, and the wait ends at once on a stop request.
        std::mutex mu;
        std::condition_variable_any cv;
        std::unique_lock<std::mutex> lock(mu);
        while (!cv.wait_for(lock, stop, period, [] { return false; }) &&
               !stop.stop_requested()) {
          task();
        }
      }) {}

}  // namespace newsx::pipelines
