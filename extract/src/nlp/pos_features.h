#pragma once

// The tagger's features for one word: its spelling, affixes and shape, the
// words two either side, and the tags already given to the two words
// before it. Shared by training and tagging, so that both see exactly the
// same features.

#include <cstdint>
#include <span>

#include "nlp/tag_dictionary.h"
#include "nlp/word_atoms.h"

namespace newsx::extract::nlp {

inline constexpr int kMaxTaggerFeatures = 40;
// The "tag" before the first word.
inline constexpr std::uint32_t kStartTag = 0xFFFF;

// Writes the features of word `i` to `out` and returns how many.
// `candidates` are the words' possible tags (their "ambiguity classes"),
// `prev1` and `prev2` the tags of words i-1 and i-2 (kStartTag before the
// sentence). REQUIRES: i < words.size() == candidates.size().
int TaggerFeatures(std::span<const WordAtoms> words, std::span<const TagMask> candidates,
                   SentenceCase mode, std::size_t i, std::uint32_t prev1, std::uint32_t prev2,
                   std::uint64_t* out);

// The two parts of TaggerFeatures(): those that do not depend on earlier
// tags (the tagger looks them up for many words at once), and those that do.
inline constexpr int kMaxStaticTaggerFeatures = 32;
inline constexpr int kMaxDynamicTaggerFeatures = 8;
int StaticTaggerFeatures(std::span<const WordAtoms> words, std::span<const TagMask> candidates,
                         SentenceCase mode, std::size_t i, std::uint64_t* out);
int DynamicTaggerFeatures(std::span<const WordAtoms> words, std::span<const TagMask> candidates,
                          std::size_t i, std::uint32_t prev1, std::uint32_t prev2,
                          std::uint64_t* out);

}  // namespace newsx::extract::nlp
