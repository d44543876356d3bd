#include "newsx/pipelines/shutdown.h"

#include <pthread.h>
#include <signal.h>

#include <utility>

namespace newsx::pipelines {

namespace {

sigset_t ShutdownSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGUSR1);  // Private wake-up used by the destructor.
  return set;
}

}  // namespace

ShutdownSignal::ShutdownSignal(std::function<void()> on_second_signal)
    : on_second_signal_(std::move(on_second_signal)) {
  const sigset_t set = ShutdownSignals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  watcher_ = std::jthread([this](std::stop_token own) {
    const sigset_t waited = ShutdownSignals();
    while (!own.stop_requested()) {
      int sig = 0;
      if (sigwait(&waited, &sig) != 0) continue;
      if (own.stop_requested() || sig == SIGUSR1) break;
      if (stop_.stop_requested()) {
        if (on_second_signal_) on_second_signal_();
      } else {
        stop_.request_stop();
      }
    }
  });
}

ShutdownSignal::~ShutdownSignal() {
  watcher_.request_stop();
  pthread_kill(watcher_.native_handle(), SIGUSR1);
  watcher_.join();
  const sigset_t set = ShutdownSignals();
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

}  // namespace newsx::pipelines
