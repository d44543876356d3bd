#include "nlp/weight_tables.h"

#include <algorithm>
#include <cmath>

namespace newsx::extract::nlp {
namespace {

using table_internal::Bucket1;
using table_internal::Bucket2;
using table_internal::Check;

constexpr double kLoad = 0.9;      // Share of slots filled.
constexpr int kMaxKicks = 500;     // Cuckoo displacements before dropping a feature.

std::int16_t Quantize(float w, float scale) {
  const float q = std::round(w * scale);
  return static_cast<std::int16_t>(std::clamp(q, -32767.0f, 32767.0f));
}

// Where each of `features` goes: bucket * slots + slot, or -1 if it could
// not be placed (then it is dropped, like a pruned feature). Cuckoo
// insertion with a deterministic choice of victims.
std::vector<std::int64_t> Place(const std::vector<std::uint64_t>& features, std::size_t buckets,
                                int slots) {
  const auto s = static_cast<std::size_t>(slots);
  std::vector<std::int64_t> owner(buckets * s, -1);  // Feature index in each slot.
  std::vector<std::int64_t> where(features.size(), -1);
  // True if bucket b holds another feature with e's check (lookups could
  // not tell them apart), ignoring slot `except`.
  auto blocked = [&](std::size_t b, std::size_t e, std::size_t except) {
    for (std::size_t i = b * s; i < b * s + s; ++i) {
      const std::int64_t o = owner[i];
      if (i != except && o >= 0 && Check(features[static_cast<std::size_t>(o)]) == Check(features[e])) {
        return true;
      }
    }
    return false;
  };
  auto free_slot = [&](std::size_t b) -> std::int64_t {
    for (std::size_t i = b * s; i < b * s + s; ++i) {
      if (owner[i] < 0) return static_cast<std::int64_t>(i);
    }
    return -1;
  };
  std::uint64_t turn = 0;
  for (std::size_t start = 0; start < features.size(); ++start) {
    std::size_t e = start;
    std::size_t last = buckets;  // Bucket e was just evicted from.
    for (int kick = 0; kick <= kMaxKicks; ++kick) {
      const std::size_t choices[2] = {Bucket1(features[e], buckets), Bucket2(features[e], buckets)};
      bool placed = false;
      for (const std::size_t b : choices) {
        const std::int64_t slot = free_slot(b);
        if (slot >= 0 && !blocked(b, e, buckets * s)) {
          owner[static_cast<std::size_t>(slot)] = static_cast<std::int64_t>(e);
          where[e] = slot;
          placed = true;
          break;
        }
      }
      if (placed || kick == kMaxKicks) break;  // Else e is dropped.
      // Evict a victim from the bucket e did not come from.
      const std::size_t b = choices[0] != last ? choices[0] : choices[1];
      const std::size_t slot = b * s + static_cast<std::size_t>(turn++ % s);
      if (blocked(b, e, slot)) break;  // Cannot go there at all: drop e.
      const auto victim = static_cast<std::size_t>(owner[slot]);
      owner[slot] = static_cast<std::int64_t>(e);
      where[e] = static_cast<std::int64_t>(slot);
      where[victim] = -1;
      e = victim;
      last = b;
    }
  }
  return where;
}

std::size_t BucketCount(std::size_t entries, int slots) {
  return static_cast<std::size_t>(static_cast<double>(entries) / (kLoad * slots)) + 1;
}

// Sizes `buckets` for `features`, places them and calls set(bucket, slot,
// e) for each placed feature e; returns how many were placed.
template <typename Bucket, typename A, typename Set>
std::size_t Fill(const std::vector<std::uint64_t>& features, int slots,
                 std::vector<Bucket, A>* buckets, Set&& set) {
  buckets->assign(BucketCount(features.size(), slots), Bucket{});
  const std::vector<std::int64_t> where = Place(features, buckets->size(), slots);
  std::size_t placed = 0;
  for (std::size_t e = 0; e < features.size(); ++e) {
    if (where[e] < 0) continue;
    const auto at = static_cast<std::size_t>(where[e]);
    Bucket& b = (*buckets)[at / static_cast<std::size_t>(slots)];
    const std::size_t slot = at % static_cast<std::size_t>(slots);
    b.check[slot] = Check(features[e]);
    set(b, slot, e);
    ++placed;
  }
  return placed;
}

bool SizeOk(std::size_t buckets) { return buckets != 0 && buckets < (1ULL << 32); }

}  // namespace

float QuantizationScale(std::span<const AveragedWeight> weights) {
  if (weights.empty()) return 1;
  std::vector<float> mags;
  mags.reserve(weights.size());
  for (const AveragedWeight& w : weights) mags.push_back(std::fabs(w.weight));
  const std::size_t k = mags.size() - 1 - mags.size() / 100000;
  std::nth_element(mags.begin(), mags.begin() + static_cast<std::ptrdiff_t>(k), mags.end());
  const float top = mags[k];
  return top > 0 ? 32767.0f / top : 1.0f;
}

SparseWeightTable SparseWeightTable::Build(std::span<const AveragedWeight> weights,
                                           std::uint32_t num_classes, float scale,
                                           float min_weight) {
  SparseWeightTable t;
  t.num_classes_ = num_classes;
  std::vector<std::uint64_t> features;
  std::vector<std::uint32_t> refs;
  for (std::size_t i = 0; i < weights.size();) {
    std::size_t j = i;
    const auto offset = static_cast<std::uint32_t>(t.pairs_.size());
    for (; j < weights.size() && weights[j].feature == weights[i].feature; ++j) {
      const std::int16_t q = Quantize(weights[j].weight, scale);
      if (q == 0 || weights[j].cls >= num_classes) continue;
      if (std::fabs(weights[j].weight) < min_weight) continue;
      t.pairs_.push_back(weights[j].cls << 16 | static_cast<std::uint16_t>(q));
    }
    const auto count = static_cast<std::uint32_t>(t.pairs_.size()) - offset;
    if (count > 0 && offset < (1u << 24)) {
      features.push_back(weights[i].feature);
      refs.push_back(offset << 8 | count);
    }
    i = j;
  }
  t.num_features_ = Fill(features, kSlots, &t.buckets_,
                         [&](Bucket& b, std::size_t slot, std::size_t e) { b.ref[slot] = refs[e]; });
  return t;
}

void SparseWeightTable::Serialize(ModelWriter* w) const {
  w->U32(num_classes_);
  w->U64(num_features_);
  w->Array(buckets_);
  w->Array(pairs_);
}

bool SparseWeightTable::Deserialize(ModelReader* r, SparseWeightTable* out) {
  std::uint64_t features = 0;
  if (!r->U32(&out->num_classes_) || !r->U64(&features) || !r->Array(&out->buckets_) ||
      !r->Array(&out->pairs_)) {
    return false;
  }
  out->num_features_ = static_cast<std::size_t>(features);
  if (out->num_classes_ == 0 || out->num_classes_ > 256 || !SizeOk(out->buckets_.size())) {
    return r->Fail("bad sparse weight table");
  }
  for (Bucket& b : out->buckets_) {
    for (int s = 0; s < kSlots; ++s) {
      // An empty slot must add nothing, whatever the file says.
      if (b.check[s] == 0) b.ref[s] = 0;
      const std::uint32_t ref = b.ref[s];
      if ((ref >> 8) + (ref & 0xFF) > out->pairs_.size()) return r->Fail("bad weight row");
    }
  }
  for (const std::uint32_t p : out->pairs_) {
    if ((p >> 16) >= out->num_classes_) return r->Fail("bad weight class");
  }
  return true;
}

template <int K>
DenseWeightTable<K> DenseWeightTable<K>::Build(std::span<const AveragedWeight> weights,
                                               float scale, float min_weight) {
  DenseWeightTable t;
  struct Row {
    std::int16_t w[K];
  };
  std::vector<std::uint64_t> features;
  std::vector<Row> rows;
  for (std::size_t i = 0; i < weights.size();) {
    Row row{};
    bool any = false;
    std::size_t j = i;
    for (; j < weights.size() && weights[j].feature == weights[i].feature; ++j) {
      if (weights[j].cls >= static_cast<std::uint32_t>(K)) continue;
      if (std::fabs(weights[j].weight) < min_weight) continue;
      row.w[weights[j].cls] = Quantize(weights[j].weight, scale);
      any |= row.w[weights[j].cls] != 0;
    }
    if (any) {
      features.push_back(weights[i].feature);
      rows.push_back(row);
    }
    i = j;
  }
  t.num_features_ = Fill(features, kSlots, &t.buckets_, [&](Bucket& b, std::size_t slot, std::size_t e) {
    for (int c = 0; c < K; ++c) b.w[slot][c] = rows[e].w[c];
  });
  return t;
}

template <int K>
void DenseWeightTable<K>::Serialize(ModelWriter* w) const {
  w->U32(K);
  w->U64(num_features_);
  w->Array(buckets_);
}

template <int K>
bool DenseWeightTable<K>::Deserialize(ModelReader* r, DenseWeightTable* out) {
  std::uint32_t k = 0;
  std::uint64_t features = 0;
  if (!r->U32(&k) || !r->U64(&features) || !r->Array(&out->buckets_)) return false;
  if (k != static_cast<std::uint32_t>(K) || !SizeOk(out->buckets_.size())) {
    return r->Fail("bad dense weight table");
  }
  out->num_features_ = static_cast<std::size_t>(features);
  for (Bucket& b : out->buckets_) {
    for (int s = kSlots; s < 8; ++s) b.check[s] = 0;  // Unused slots never match.
    for (int s = 0; s < kSlots; ++s) {
      if (b.check[s] == 0) {
        for (int c = 0; c < K; ++c) b.w[s][c] = 0;
      }
    }
  }
  return true;
}

template class DenseWeightTable<4>;

}  // namespace newsx::extract::nlp
