#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

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
    std::lock_guard<std::mutex> lock(mu_);
    pending_.emplace(seq, Pending{std::move(checkpoint_after), false});
  }

  // REQUIRES: `seq` was registered.
  void MarkDone(std::uint64_t seq) {
    std::lock_guard<std::mutex> lock(mu_);
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
    std::lock_guard<std::mutex> lock(mu_);
    return watermark_;
  }

  // Items completed in sequence (those covered by the watermark).
  std::uint64_t completed() const {
    std::lock_guard<std::mutex> lock(mu_);
    return completed_;
  }

 private:
  struct Pending {
    std::string checkpoint_after;
    bool done;
  };
  mutable std::mutex mu_;
  std::map<std::uint64_t, Pending> pending_;  // Guarded by mu_.
  std::optional<std::string> watermark_;      // Guarded by mu_.
  std::uint64_t completed_ = 0;               // Guarded by mu_.
};

}  // namespace newsx::pipelines
