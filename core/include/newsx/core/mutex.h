#pragma once

#include <condition_variable>
#include <mutex>

#include "newsx/core/thread_annotations.h"

namespace newsx {

// A std::mutex the thread-safety analysis knows (thread_annotations.h).
// Members it guards say so with NEWSX_GUARDED_BY(mu_).
class NEWSX_CAPABILITY("mutex") Mutex {
 public:
  Mutex() = default;
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  void lock() NEWSX_ACQUIRE() { mu_.lock(); }
  void unlock() NEWSX_RELEASE() { mu_.unlock(); }
  bool try_lock() NEWSX_TRY_ACQUIRE(true) { return mu_.try_lock(); }

  // Blocks on `cv` with this mutex held: releases it while waiting and holds
  // it again on return (wake-ups may be spurious: wait in a loop).
  void Wait(std::condition_variable& cv) NEWSX_REQUIRES(this) {
    std::unique_lock<std::mutex> lock(mu_, std::adopt_lock);
    cv.wait(lock);
    lock.release();  // Still held: the caller's MutexLock releases it.
  }

 private:
  std::mutex mu_;
};

// Holds a Mutex for its lifetime, like std::lock_guard.
class NEWSX_SCOPED_CAPABILITY MutexLock {
 public:
  explicit MutexLock(Mutex& mu) NEWSX_ACQUIRE(mu) : mu_(mu) { mu_.lock(); }
  ~MutexLock() NEWSX_RELEASE() { mu_.unlock(); }
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;

 private:
  Mutex& mu_;
};

}  // namespace newsx
