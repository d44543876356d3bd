#pragma once

#include <functional>
#include <stop_token>
#include <thread>

namespace newsx::pipelines {

// Turns SIGINT and SIGTERM into a stop request: the first signal requests a
// graceful stop (stop intake, drain, checkpoint); a second one calls
// `on_second_signal` (the CLI exits at once with status 130).
//
// Construct it before starting any other thread: it blocks the two signals
// in the calling thread so that every thread created afterwards inherits the
// mask, and one watcher thread receives them with sigwait(). Restores the
// previous mask on destruction. Not copyable; one per process.
class ShutdownSignal {
 public:
  explicit ShutdownSignal(std::function<void()> on_second_signal);
  ~ShutdownSignal();

  ShutdownSignal(const ShutdownSignal&) = delete;
  ShutdownSignal& operator=(const ShutdownSignal&) = delete;

  std::stop_token token() const { return stop_.get_token(); }
  bool requested() const { return stop_.stop_requested(); }

  // Requests a stop as a signal would (tests, internal failures).
  void Request() { stop_.request_stop(); }

 private:
  std::stop_source stop_;
  std::function<void()> on_second_signal_;
  std::jthread watcher_;
};

}  // namespace newsx::pipelines
