#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "newsx/core/result.h"
#include "newsx/pipelines/bounded_queue.h"

namespace newsx::pipelines {

// An item travelling between stages, with what is needed to checkpoint it
// and to name it in a dead letter.
template <typename T>
struct Envelope {
  std::uint64_t seq = 0;  // Order assigned by the source, from 0.
  std::string position;   // Path, "file.warc.gz@offset" or URL.
  T payload;
};

// Live counters of one stage. Read them with Snapshot(); updated by workers.
struct StageCounters {
  std::atomic<std::uint64_t> in{0};
  std::atomic<std::uint64_t> out{0};
  std::atomic<std::uint64_t> failed{0};
  std::atomic<std::uint64_t> busy_ns{0};
};

struct StageSnapshot {
  std::string name;
  std::uint64_t in = 0;
  std::uint64_t out = 0;
  std::uint64_t failed = 0;
  std::size_t queue_depth = 0;  // Items waiting at the stage's input.
  double busy_s = 0;            // Summed over workers.
};

// Called once per item a stage could not process: the error is recorded
// (dead letter) and the pipeline goes on. Called from worker threads.
using FailureSink =
    std::function<void(const std::string& stage, std::uint64_t seq, const std::string& position,
                       const Status& error)>;

// `workers` threads pop envelopes from `input`, apply `fn`, and push the
// results to `output` (nullptr for a final stage). fn returns:
//   a value      -> forwarded downstream;
//   nullopt      -> the item is done here (filtered or consumed);
//   an error     -> reported to `on_failure`, counted as failed.
// An exception escaping fn is caught and reported as kInternal. When the
// input is closed and drained, the last worker closes `output`.
// Thread-safe; Join() (or the destructor) waits for the workers.
template <typename In, typename Out>
class Stage {
 public:
  using Fn = std::function<Result<std::optional<Out>>(Envelope<In>&)>;

  // REQUIRES: workers > 0; `input`, `output` and `on_failure` outlive the stage.
  Stage(std::string name, int workers, BoundedQueue<Envelope<In>>* input,
        BoundedQueue<Envelope<Out>>* output, Fn fn, FailureSink on_failure)
      : name_(std::move(name)), input_(input), output_(output), fn_(std::move(fn)),
        on_failure_(std::move(on_failure)), running_(workers) {
    threads_.reserve(workers);
    for (int i = 0; i < workers; ++i) threads_.emplace_back([this] { Work(); });
  }

  ~Stage() { Join(); }

  Stage(const Stage&) = delete;
  Stage& operator=(const Stage&) = delete;

  void Join() {
    for (std::thread& t : threads_) {
      if (t.joinable()) t.join();
    }
  }

  StageSnapshot Snapshot() const {
    return StageSnapshot{name_, counters_.in.load(), counters_.out.load(),
                         counters_.failed.load(), input_->size(),
                         static_cast<double>(counters_.busy_ns.load()) / 1e9};
  }

 private:
  void Work() {
    while (std::optional<Envelope<In>> item = input_->Pop()) {
      counters_.in.fetch_add(1);
      const auto start = std::chrono::steady_clock::now();
      Result<std::optional<Out>> result = Apply(*item);
      counters_.busy_ns.fetch_add(static_cast<std::uint64_t>(
          std::chrono::duration_cast<std::chrono::nanoseconds>(
              std::chrono::steady_clock::now() - start).count()));
      if (!result.ok()) {
        counters_.failed.fetch_add(1);
        on_failure_(name_, item->seq, item->position, result.status());
        continue;
      }
      if (!result->has_value()) continue;
      counters_.out.fetch_add(1);
      if (output_ != nullptr) {
        output_->Push(Envelope<Out>{item->seq, std::move(item->position),
                                    std::move(**result)});
      }
    }
    if (running_.fetch_sub(1) == 1 && output_ != nullptr) output_->Close();
  }

  Result<std::optional<Out>> Apply(Envelope<In>& item) {
    try {
      return fn_(item);
    } catch (const std::exception& e) {
      return InternalError(std::string("unexpected exception: ") + e.what());
    } catch (...) {
      return InternalError("unexpected non-standard exception");
    }
  }

  const std::string name_;
  BoundedQueue<Envelope<In>>* const input_;
  BoundedQueue<Envelope<Out>>* const output_;
  const Fn fn_;
  const FailureSink on_failure_;
  StageCounters counters_;
  std::atomic<int> running_;
  std::vector<std::thread> threads_;
};

}  // namespace newsx::pipelines
