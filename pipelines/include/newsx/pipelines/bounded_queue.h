#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <optional>
#include <utility>

#include "newsx/core/mutex.h"

namespace newsx::pipelines {

// A FIFO with a fixed capacity connecting two pipeline stages. Push blocks
// while the queue is full (backpressure: a slow consumer slows its
// producers instead of growing memory); Pop blocks while it is empty.
// Close() ends the stream: pushes fail, pops drain what is left, then return
// nullopt. Thread-safe.
template <typename T>
class BoundedQueue {
 public:
  // REQUIRES: capacity > 0.
  explicit BoundedQueue(std::size_t capacity) : capacity_(capacity) {}

  BoundedQueue(const BoundedQueue&) = delete;
  BoundedQueue& operator=(const BoundedQueue&) = delete;

  // Blocks until there is room. Returns false (and drops `item`) if the
  // queue is or becomes closed.
  bool Push(T item) {
    MutexLock lock(mu_);
    while (!closed_ && items_.size() >= capacity_) mu_.Wait(not_full_);
    if (closed_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }

  // Blocks until an item is available; nullopt once closed and drained.
  std::optional<T> Pop() {
    MutexLock lock(mu_);
    while (!closed_ && items_.empty()) mu_.Wait(not_empty_);
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }

  // Idempotent. Wakes every waiter.
  void Close() {
    MutexLock lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

  std::size_t size() const {
    MutexLock lock(mu_);
    return items_.size();
  }

  std::size_t capacity() const { return capacity_; }

 private:
  const std::size_t capacity_;
  mutable Mutex mu_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
  std::deque<T> items_ NEWSX_GUARDED_BY(mu_);
  bool closed_ NEWSX_GUARDED_BY(mu_) = false;
};

}  // namespace newsx::pipelines
