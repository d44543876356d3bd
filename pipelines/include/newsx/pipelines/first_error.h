#pragma once

#include <atomic>

#include "newsx/core/mutex.h"
#include "newsx/core/status.h"
#include "newsx/core/thread_annotations.h"

namespace newsx::pipelines {

// The first failure among the threads of one run (later ones are dropped),
// with a flag the others poll to stop taking work. Thread-safe.
class FirstError {
 public:
  // Keeps `s` if no failure was kept before; OK statuses are ignored.
  void Set(const Status& s) {
    if (s.ok()) return;
    MutexLock lock(mu_);
    if (first_.ok()) first_ = s;
    failed_.store(true);
  }
  // Whether any failure was set (cheap: no lock).
  bool failed() const { return failed_.load(); }
  // The first failure, or OK.
  Status Get() const {
    MutexLock lock(mu_);
    return first_;
  }

 private:
  mutable Mutex mu_;
  Status first_ NEWSX_GUARDED_BY(mu_);
  std::atomic<bool> failed_{false};
};

}  // namespace newsx::pipelines
