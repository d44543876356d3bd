#include "newsx/pipelines/periodic_task.h"

#include <utility>

#include "newsx/pipelines/stop_wait.h"

namespace newsx::pipelines {

PeriodicTask::PeriodicTask(std::chrono::milliseconds period, std::function<void()> task)
    : thread_([period, task = std::move(task)](std::stop_token stop) {
        while (SleepUnlessStopped(stop, period.count())) task();
      }) {}

}  // namespace newsx::pipelines
