#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "newsx/core/mutex.h"

namespace newsx::pipelines {

// Turns out-of-order completions into a safe resume point. The source
// registers each item's checkpoint (the position just after it) in order;
// workers mark items done in any order. The watermark is the checkpoint of
// the last item such that it and every item before it are done: resuming
// there loses nothing (later, already-done items are redone idempotently).
// Memory is proportional to the items in flight. Thread-safe.
class CompletionTracker {
 public:
  // REQUIRES: seqs are registered in increasing order, each once.
  void Register(std::uint64_t seq, std::string checkpoint_after) {
    MutexLock lock(mu_);
    pending_.emplace(seq, Pending{std::move(checkpoint_after), false});
  }

  // REQUIRES: `seq` was registered.
  void MarkDone(std::uint64_t seq) {
    MutexLock lock(mu_);
    const auto it = pending_.find(seq);
    if (it == pending_.end()) return;
    it->second.done = true;
    while (!pending_.empty() && pending_.begin()->second.done) {
      watermark_ = std::move(pending_.begin()->second.checkpoint_after);
      ++completed_;
      pending_.erase(pending_.begin());
    }
  }

  // Checkpoint to resume from, or nullopt if nothing has completed yet.
  std::optional<std::string> Watermark() const {
    MutexLock lock(mu_);
    return watermark_;
  }

  // Items completed in sequence (those covered by the watermark).
  std::uint64_t completed() const {
    MutexLock lock(mu_);
    return completed_;
  }

 private:
  struct Pending {
    std::string checkpoint_after;
    bool done;
  };
  mutable Mutex mu_;
  std::map<std::uint64_t, Pending> pending_ NEWSX_GUARDED_BY(mu_);
  std::optional<std::string> watermark_ NEWSX_GUARDED_BY(mu_);
  std::uint64_t completed_ NEWSX_GUARDED_BY(mu_) = 0;
};

}  // namespace newsx::pipelines
