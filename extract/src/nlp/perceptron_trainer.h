#pragma once

// Weights of an averaged multi-class perceptron while it is trained
// (Collins 2002), keyed by (feature, class) so that memory grows with the
// updates made, not with features x classes. Averaging uses the "u"
// accumulator trick (Daume III): each update at step t adds t * delta to u,
// and the average is w - u / t at the end, so no per-weight timestamps are
// needed. Training only; the runtime reads the compact tables built from
// Averaged() (weight_tables.h).

#include <cstdint>
#include <span>
#include <vector>

namespace newsx::extract::nlp {

struct AveragedWeight {
  std::uint64_t feature = 0;
  std::uint32_t cls = 0;
  float weight = 0;
};

// Not thread-safe.
class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(std::uint32_t num_classes);

  std::uint32_t num_classes() const { return num_classes_; }

  // scores[c] += current weight of (f, c) for every f in `features` and
  // every c in `classes`. REQUIRES: scores.size() >= num_classes().
  void Score(std::span<const std::uint64_t> features, std::span<const std::uint16_t> classes,
             std::span<float> scores) const;

  // Adds `delta` to the weight of (f, cls) for every f in `features`.
  void Update(std::span<const std::uint64_t> features, std::uint32_t cls, float delta);

  // Counts one training example (the averaging clock).
  void Tick() { ++step_; }

  // The averaged weights that are not zero, sorted by (feature, class).
  std::vector<AveragedWeight> Averaged() const;

  std::size_t size() const { return used_; }

 private:
  struct Slot {
    std::uint64_t feature = 0;
    std::uint32_t cls = kEmpty;
    float w = 0;
    double u = 0;
  };
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;

  std::size_t Index(std::uint64_t feature, std::uint32_t cls) const;
  Slot* FindOrInsert(std::uint64_t feature, std::uint32_t cls);
  void Grow();

  std::uint32_t num_classes_;
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
  std::uint64_t step_ = 1;
};

}  // namespace newsx::extract::nlp
