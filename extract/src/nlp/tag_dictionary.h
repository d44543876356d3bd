#pragma once

// Which tags a word can take, learned from the training data: a frequent
// word is only scored for the tags it was seen with ("the": DET; "plans":
// NOUN NNS, VERB VBZ), a rare or unknown one for the open-class tags plus
// any it was seen with. This keeps the tagger from absurd tags and skips
// scoring altogether for words with a single possible tag.

#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "nlp/hash_index.h"
#include "nlp/model_format.h"
#include "nlp/word_atoms.h"

namespace newsx::extract::nlp {

using TagMask = std::array<std::uint64_t, 2>;  // Bit t = tag t (kMaxTags = 128).

inline void SetTag(TagMask* m, std::size_t tag) { (*m)[tag >> 6] |= 1ULL << (tag & 63); }
inline bool HasTag(const TagMask& m, std::size_t tag) { return (m[tag >> 6] >> (tag & 63)) & 1; }
inline TagMask Or(const TagMask& a, const TagMask& b) { return {a[0] | b[0], a[1] | b[1]}; }
inline int CountTags(const TagMask& m) {
  return __builtin_popcountll(m[0]) + __builtin_popcountll(m[1]);
}

// Thread-safe once built.
class TagDictionary {
 public:
  // Counts words and their tags, then builds the dictionary. Not
  // thread-safe.
  class Builder {
   public:
    void Add(const WordAtoms& word, std::size_t tag);
    // Words seen at least `frequent` times (as exact form or folded) are
    // restricted to their tags; `proper_tags` are allowed for capitalized
    // words known only in lower case.
    TagDictionary Build(std::uint32_t frequent, const TagMask& proper_tags) const;

   private:
    struct Counts {
      std::uint32_t count = 0;
      TagMask tags = {};
    };
    std::unordered_map<std::uint64_t, Counts> forms_;
    std::unordered_map<std::uint64_t, Counts> lowers_;
    std::vector<std::pair<std::uint64_t, std::size_t>> seen_;  // (lower, tag) occurrences.
  };

  // The tags to score for `word` (never empty).
  TagMask Candidates(const WordAtoms& word) const;

  void Serialize(ModelWriter* w) const;
  static bool Deserialize(ModelReader* r, TagDictionary* out);
  std::size_t bytes() const { return index_.bytes() + masks_.size() * sizeof(TagMask); }

 private:
  // Value: index into masks_, with kFrequent set for frequent words.
  static constexpr std::uint32_t kFrequent = 1u << 31;

  HashIndex index_;  // Keys are form or lower hashes.
  std::vector<TagMask> masks_;
  TagMask open_ = {};
  TagMask proper_ = {};
};

}  // namespace newsx::extract::nlp
