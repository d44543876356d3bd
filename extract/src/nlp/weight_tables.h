#pragma once

// Compact, read-only weight tables of the trained classifiers: 64-bit
// feature ids map to int16 weights (one scale per table; only argmax
// matters). Each table is an array of 64-byte buckets (one cache line):
// eight 16-bit checks, then the slots. A feature may sit in either of two
// buckets (cuckoo hashing: bits 0-31 and 16-47 of its id pick them; bits
// 48-63 are its check), so a lookup reads exactly two lines and compares
// the checks with one vector instruction each, without branches: the
// processor can then overlap the lookups of one decision. An absent
// feature matches a stored one with probability about 12 / 2^16 and adds
// its weights; the models tolerate that noise. Callers compute all feature
// ids of a decision first and Prefetch() them.

#include <cstdint>
#include <span>
#include <vector>

#include "nlp/huge_pages.h"
#include "nlp/model_format.h"
#include "nlp/perceptron_trainer.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsx::extract::nlp {

// Quantization scale mapping float weights to int16: 32767 over a high
// quantile of |w| (the few larger weights saturate).
float QuantizationScale(std::span<const AveragedWeight> weights);

namespace table_internal {

inline std::uint16_t Check(std::uint64_t f) { return static_cast<std::uint16_t>(f >> 48) | 1u; }
inline std::size_t Bucket1(std::uint64_t f, std::size_t n) {
  return static_cast<std::size_t>(((f & 0xFFFFFFFFULL) * n) >> 32);
}
inline std::size_t Bucket2(std::uint64_t f, std::size_t n) {
  return static_cast<std::size_t>((((f >> 16) & 0xFFFFFFFFULL) * n) >> 32);
}

// Bit 2i set when checks[i] == check (i < 8).
inline unsigned MatchMask(const std::uint16_t* checks, std::uint16_t check) {
#if defined(__SSE2__)
  const __m128i c = _mm_load_si128(reinterpret_cast<const __m128i*>(checks));
  return static_cast<unsigned>(
      _mm_movemask_epi8(_mm_cmpeq_epi16(c, _mm_set1_epi16(static_cast<short>(check)))));
#else
  unsigned m = 0;
  for (int i = 0; i < 8; ++i) m |= (checks[i] == check ? 3u : 0u) << (2 * i);
  return m;
#endif
}

// Slot of the first match in `mask`, or 0 if none (callers mask the
// result with Found()).
inline unsigned FirstSlot(unsigned mask) {
  return static_cast<unsigned>(__builtin_ctz(mask | 0x10000u)) >> 1 & 7u;
}

}  // namespace table_internal

// Features -> a short list of (class, weight): for many classes of which a
// feature weighs only a few (tags, labels). Thread-safe once built.
class SparseWeightTable {
 public:
  // Builds from `weights` sorted by (feature, class), multiplied by `scale`
  // and rounded; weights below `min_weight` in magnitude (before scaling),
  // or that round to 0, are dropped (pruning). REQUIRES: num_classes <= 256.
  static SparseWeightTable Build(std::span<const AveragedWeight> weights,
                                 std::uint32_t num_classes, float scale, float min_weight = 0);

  void Serialize(ModelWriter* w) const;
  // False (with r->Fail) if the table is malformed.
  static bool Deserialize(ModelReader* r, SparseWeightTable* out);

  void Prefetch(std::uint64_t f) const {
    __builtin_prefetch(&buckets_[table_internal::Bucket1(f, buckets_.size())]);
    __builtin_prefetch(&buckets_[table_internal::Bucket2(f, buckets_.size())]);
  }

  // The row of f (offset << 8 | count), or 0.
  std::uint32_t Find(std::uint64_t f) const {
    using namespace table_internal;
    const std::uint16_t check = Check(f);
    const Bucket& a = buckets_[Bucket1(f, buckets_.size())];
    const Bucket& b = buckets_[Bucket2(f, buckets_.size())];
    const unsigned ma = MatchMask(a.check, check), mb = MatchMask(b.check, check);
    const std::uint32_t ra = a.ref[FirstSlot(ma)], rb = b.ref[FirstSlot(mb)];
    return ma != 0 ? ra : (mb != 0 ? rb : 0);
  }
  void PrefetchRow(std::uint32_t ref) const { __builtin_prefetch(pairs_.data() + (ref >> 8)); }

  // scores[c] += w(f, c) for the classes of `ref` (from Find()).
  void AddRow(std::uint32_t ref, std::int32_t* scores) const {
    const std::uint32_t* p = pairs_.data() + (ref >> 8);
    const std::uint32_t* end = p + (ref & 0xFF);
    for (; p != end; ++p) scores[*p >> 16] += static_cast<std::int16_t>(*p & 0xFFFF);
  }
  void AddTo(std::uint64_t f, std::int32_t* scores) const { AddRow(Find(f), scores); }

  std::uint32_t num_classes() const { return num_classes_; }
  std::size_t num_features() const { return num_features_; }
  std::size_t bytes() const { return buckets_.size() * sizeof(Bucket) + pairs_.size() * 4; }

 private:
  struct alignas(64) Bucket {
    std::uint16_t check[8];  // 0 = empty.
    std::uint32_t ref[8];    // offset << 8 | count.
    std::uint32_t unused[4];
  };
  static constexpr int kSlots = 8;

  std::uint32_t num_classes_ = 0;
  std::size_t num_features_ = 0;
  HugePageVector<Bucket> buckets_ = HugePageVector<Bucket>(1);
  HugePageVector<std::uint32_t> pairs_;  // class << 16 | uint16(weight).
};

// Features -> all of K (<= 4) classes' weights inline (the parser's
// transitions). Thread-safe once built.
template <int K>
class DenseWeightTable {
  static_assert(K >= 1 && K <= 4);

 public:
  static DenseWeightTable Build(std::span<const AveragedWeight> weights, float scale,
                                float min_weight = 0);

  void Serialize(ModelWriter* w) const;
  static bool Deserialize(ModelReader* r, DenseWeightTable* out);

  void Prefetch(std::uint64_t f) const {
    __builtin_prefetch(&buckets_[table_internal::Bucket1(f, buckets_.size())]);
    __builtin_prefetch(&buckets_[table_internal::Bucket2(f, buckets_.size())]);
  }

  // scores[c] += w(f, c); nothing for an absent f. Branch-free.
  void AddTo(std::uint64_t f, std::int32_t* scores) const {
    using namespace table_internal;
    const std::uint16_t check = Check(f);
    const Bucket& a = buckets_[Bucket1(f, buckets_.size())];
    const Bucket& b = buckets_[Bucket2(f, buckets_.size())];
    const unsigned ma = MatchMask(a.check, check) & kSlotBits;
    const unsigned mb = MatchMask(b.check, check) & kSlotBits;
    const std::int16_t* wa = a.w[FirstSlot(ma) % kSlots];
    const std::int16_t* wb = b.w[FirstSlot(mb) % kSlots];
    const std::int32_t use_a = -static_cast<std::int32_t>(ma != 0);
    const std::int32_t use_b = -static_cast<std::int32_t>(ma == 0 && mb != 0);
    for (int c = 0; c < K; ++c) scores[c] += (wa[c] & use_a) | (wb[c] & use_b);
  }

  std::size_t num_features() const { return num_features_; }
  std::size_t bytes() const { return buckets_.size() * sizeof(Bucket); }

 private:
  static constexpr int kSlots = 48 / (2 * K) < 8 ? 48 / (2 * K) : 8;
  static constexpr unsigned kSlotBits = (1u << (2 * kSlots)) - 1;
  struct alignas(64) Bucket {
    std::uint16_t check[8];  // 0 = empty; only the first kSlots are used.
    std::int16_t w[kSlots][K];
  };

  std::size_t num_features_ = 0;
  HugePageVector<Bucket> buckets_ = HugePageVector<Bucket>(1);
};

}  // namespace newsx::extract::nlp
