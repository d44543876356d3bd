#pragma once

// What the tagger, parser and lemmatizer know of a word by itself: hashes
// of its normalized spelling, affixes and shape, computed once per token.
//
// Normalization makes the models robust to the text they will see: case is
// folded (Unicode-aware) for the main identity, digits become "0" (rare
// numbers share statistics), and typographic quotes and apostrophes become
// ASCII ones ("don’t" = "don't").

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace newsx::extract::nlp {

// Case of a word's letters.
enum class WordCase : std::uint8_t {
  kLower,        // "plans", "3rd"
  kCapitalized,  // "Micron", "McDonald"
  kUpper,        // "NASA", "U.S."
  kMixed,        // "iPhone", "eBay"
  kNoLetters,    // "2019", ",", "$"
};

// Case style of a whole sentence: headlines in capitals or title case look
// unlike the treebanks' prose, so case features are conjoined with it.
enum class SentenceCase : std::uint8_t { kNormal, kUpper, kTitle };

inline constexpr int kPrefixes = 3;  // 1..3 characters.
inline constexpr int kSuffixes = 4;  // 1..4 characters.

struct WordAtoms {
  std::uint64_t lower = 0;  // Normalized, case-folded form.
  std::uint64_t form = 0;   // Normalized form, case kept.
  std::uint64_t prefix[kPrefixes] = {};
  std::uint64_t suffix[kSuffixes] = {};
  std::uint64_t shape = 0;  // "Xx", "d,d", "X.X.", ... hashed.
  WordCase word_case = WordCase::kLower;
  bool has_digit = false;
  bool has_hyphen = false;
};

// How AppendNormalized() rewrites a word; typographic quotes and
// apostrophes always become ASCII ones.
enum NormalizeFlags : unsigned {
  kFoldCase = 1u << 0,    // Unicode lower case.
  kZeroDigits = 1u << 1,  // ASCII digits to '0'.
};

// Appends the normalized form of `word` to `out`.
void AppendNormalized(std::string_view word, unsigned flags, std::string* out);

// Fills `out[i]` for each of `words`. `scratch` is reused between calls to
// avoid allocation. Linear in the total length of the words.
// REQUIRES: out.size() == words.size().
void ComputeWordAtoms(std::span<const std::string_view> words, std::string* scratch,
                      std::span<WordAtoms> out);

// The case style of a sentence from its words' cases.
SentenceCase ClassifySentenceCase(std::span<const WordAtoms> words,
                                  std::span<const std::string_view> forms);

}  // namespace newsx::extract::nlp
