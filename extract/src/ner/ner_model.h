#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ner/ner_features.h"
#include "ner/ner_labels.h"
#include "newsx/core/result.h"
#include "nlp/huge_pages.h"

namespace newsx::extract::ner {

// The trained weights of the name tagger: a linear model over the features
// of FeatureExtractor and label bigrams, decoded by Viterbi under the BILOU
// constraints (a structured perceptron, Collins 2002).
//
// File format (little-endian), versioned by its magic:
//   "NXNER001"  u32 labels (17)  u32 word-list entries, each u64 hash, u32 bits
//   f32 transitions[18][18] (row: previous label or 17 = sentence start;
//                            column: label or 17 = sentence end)
//   u32 features, each: u64 id, u8 n, n x (u8 label, f32 weight); ids ascending
// Immutable after Load(); thread-safe.
class NerModel {
 public:
  // Returns kInvalidArgument (naming what is wrong) for bytes that are not
  // a model file of this version or are truncated.
  static Result<std::unique_ptr<NerModel>> Load(std::string_view bytes);

  // What a trainer hands over to be written as a model file.
  struct Weights {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> word_lists;  // Sorted by hash.
    std::vector<float> transitions;  // (kNerLabels + 1)^2, as in the file.
    // Feature id -> weight per label (kNerLabels each), any order.
    std::vector<std::pair<std::uint64_t, std::vector<float>>> features;
  };
  // The file bytes of `w`; zero weights are left out, features sorted.
  static std::string Serialize(const Weights& w);

  const WordLists& word_lists() const { return lists_; }
  std::size_t feature_count() const { return slots_.size() - empty_slots_; }

  // Best label sequence for the tokens of `f` (one label per token,
  // written to *labels). `scores` is scratch reused across calls.
  void Decode(const FeatureExtractor& f, std::vector<std::uint8_t>* labels,
              std::vector<float>* scores) const;

  // Adds the weights of the features `ids` to score[0..kNerLabels).
  void Score(std::span<const std::uint64_t> ids, float* score) const {
    for (const std::uint64_t id : ids) AddRow(Find(id), score);
  }
  const std::vector<float>& transitions() const { return transitions_; }

 private:
  struct Entry {
    std::uint8_t label;
    float weight;
  };
  // A feature's key and its row of entries (offset << 8 | count) side by
  // side, so that a lookup touches one cache line.
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t row = 0;
  };
  std::uint64_t SlotOf(std::uint64_t id) const { return (id == 0 ? 1 : id) & mask_; }
  void Prefetch(std::uint64_t id) const { __builtin_prefetch(&slots_[SlotOf(id)]); }
  // The row of feature `id`, or 0 if it has no weights.
  std::uint32_t Find(std::uint64_t id) const {
    if (id == 0) id = 1;
    for (std::uint64_t slot = id & mask_;; slot = (slot + 1) & mask_) {
      const Slot& s = slots_[slot];
      if (s.key == id) return s.row;
      if (s.key == 0) return 0;
    }
  }
  void AddRow(std::uint32_t row, float* score) const {
    const Entry* e = entries_.data() + (row >> 8);
    const Entry* end = e + (row & 0xFF);
    for (; e != end; ++e) score[e->label] += e->weight;
  }

  WordLists lists_;
  std::vector<float> transitions_;
  // Open addressing, linear probing; key 0 marks an empty slot (a feature
  // id of 0 is remapped to 1 when loading; the odds of a clash are 2^-64).
  nlp::HugePageVector<Slot> slots_;
  nlp::HugePageVector<Entry> entries_;
  std::size_t empty_slots_ = 0;
  std::uint64_t mask_ = 0;
};

// Viterbi over per-token label scores (n x kNerLabels) and transitions
// ((kNerLabels+1)^2 as in NerModel) under the BILOU constraints. Shared by
// the model and the trainer.
void Viterbi(const std::vector<float>& scores, std::size_t n, const std::vector<float>& transitions,
             std::vector<std::uint8_t>* labels);

}  // namespace newsx::extract::ner
