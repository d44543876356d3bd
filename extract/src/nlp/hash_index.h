#pragma once

// A read-only map from 64-bit keys to 32-bit values: open addressing over
// 8-byte slots (a 32-bit check of the key and the value), at most 75%
// full. A lookup of an absent key may, with probability about 2^-32,
// return another key's value; the models tolerate that.

#include <cstdint>
#include <utility>
#include <vector>

#include "nlp/hashing.h"
#include "nlp/huge_pages.h"
#include "nlp/model_format.h"

namespace newsx::extract::nlp {

// Thread-safe once built.
class HashIndex {
 public:
  static constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;

  // Builds from (key, value) pairs in the given order; for keys with the
  // same check on one probe path the first pair wins. REQUIRES: no value
  // is kAbsent.
  static HashIndex Build(const std::vector<std::pair<std::uint64_t, std::uint32_t>>& entries);

  std::uint32_t Find(std::uint64_t key) const {
    const auto check = static_cast<std::uint32_t>(key >> 32);
    std::size_t i = BucketIndex(key, slots_.size());
    for (std::size_t probes = 0; probes < slots_.size(); ++probes) {
      const Slot& s = slots_[i];
      if (s.value == kAbsent) return kAbsent;
      if (s.check == check) return s.value;
      if (++i == slots_.size()) i = 0;
    }
    return kAbsent;
  }

  std::size_t size() const { return size_; }
  std::size_t bytes() const { return slots_.size() * sizeof(Slot); }
  // True if every stored value, without `flag_bits`, is below `limit` (for
  // the owner to validate what it reads).
  bool ValuesBelow(std::uint32_t limit, std::uint32_t flag_bits = 0) const {
    for (const Slot& s : slots_) {
      if (s.value != kAbsent && (s.value & ~flag_bits) >= limit) return false;
    }
    return true;
  }

  void Serialize(ModelWriter* w) const;
  static bool Deserialize(ModelReader* r, HashIndex* out);

 private:
  struct Slot {
    std::uint32_t check = 0;
    std::uint32_t value = kAbsent;
  };
  HugePageVector<Slot> slots_ = HugePageVector<Slot>(1);
  std::size_t size_ = 0;
};

}  // namespace newsx::extract::nlp
