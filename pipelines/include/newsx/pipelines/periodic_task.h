#pragma once

#include <chrono>
#include <functional>
#include <thread>

namespace newsx::pipelines {

// Calls `task` every `period` on a thread of its own (not at start), until
// destroyed: the destructor stops the thread at once (a call in progress
// finishes) and joins it. For progress and rate lines of long-running
// commands. `task` must be safe to call from that thread.
class PeriodicTask {
 public:
  PeriodicTask(std::chrono::milliseconds period, std::function<void()> task);
  ~PeriodicTask() = default;  // jthread: stop request, then join.
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

 private:
  std::jthread thread_;
};

}  // namespace newsx::pipelines
