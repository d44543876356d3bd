#pragma once

// A small deterministic random generator (splitmix64) for training: the
// same seed gives the same models on every platform and standard library,
// which std::shuffle and the std distributions do not promise.

#include <cstdint>
#include <utility>
#include <vector>

#include "nlp/hashing.h"

namespace newsx::extract::nlp {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t Next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return Mix64(state_);
  }
  // Uniform in [0, n). REQUIRES: n > 0.
  std::uint64_t Below(std::uint64_t n) { return Next() % n; }
  // Uniform in [0, 1).
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

  template <typename T>
  void Shuffle(std::vector<T>* v) {
    for (std::size_t i = v->size(); i > 1; --i) {
      std::swap((*v)[i - 1], (*v)[static_cast<std::size_t>(Below(i))]);
    }
  }

 private:
  std::uint64_t state_;
};

}  // namespace newsx::extract::nlp
