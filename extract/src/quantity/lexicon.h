#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsx/core/result.h"
#include "quantity/vocabulary.h"

namespace newsx::extract::internal {

// How a cardinal word combines with its neighbours in a number phrase.
enum class NumClass : std::uint8_t {
  kNone,
  kUnit,     // zero..nine
  kTeen,     // ten..nineteen
  kTens,     // twenty..ninety
  kHundred,  // hundred
  kScale,    // thousand, million, lakh, crore...
  kDozen,    // dozen: a multiplier that ends the phrase
};

// Everything the quantity grammar knows about one lower-case word.
struct WordInfo {
  NumClass cardinal_class = NumClass::kNone;
  double cardinal = 0;        // "twenty" -> 20, "million" -> 1e6.
  NumClass ordinal_class = NumClass::kNone;
  double ordinal = 0;         // "twentieth" -> 20, "thirds" -> 3.
  bool ordinal_plural = false;     // "thirds": only a fraction denominator.
  bool denominator_only = false;   // "half", "quarter": not an ordinal.
  bool plural_magnitude = false;   // "hundreds", "billions", "dozens", "tens".
  double suffix_magnitude = 0;     // "bn" -> 1e9, "k" -> 1e3 (after numerals).
  double vague_low = 0;            // "several" -> 3..9, "few" -> 2..5.
  double vague_high = 0;
  std::string_view currency;       // ISO 4217 code of a currency word/code.
  double currency_scale = 1;       // "cents" -> 0.01 of the currency.
  bool currency_code = false;      // "usd", "rmb": may precede the amount.
  bool currency_needs_amount = false;  // "won", "real": ambiguous alone.
  bool month = false;
  bool change_verb = false;        // "rose", "fell": "from X to Y" is a change.
  bool determiner = false;         // "this", "that", "the": "that one" is no number.
  bool stop = false;               // Ends a counted noun phrase ("of", "said").
  std::string_view singular;       // Irregular plural's lemma ("people" -> "person").
  double multiplier = 0;           // "twice" -> 2, "sixfold" -> 6.
  bool starts_number = false;      // May open a number phrase (set by BuildLexicon).
};

// FNV-1a: lexicon keys are short words, for which it beats std::hash.
struct WordHash {
  std::size_t operator()(std::string_view word) const {
    std::uint64_t h = 14695981039346656037ull;
    for (char c : word) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return static_cast<std::size_t>(h);
  }
};

using Lexicon = std::unordered_map<std::string_view, WordInfo, WordHash>;

// Builds the English word table (number words, magnitudes, currencies...)
// from the rows of the quantity vocabulary files (ReadVocabulary()); rows
// of other tables are left to BuildModifierTables(). With
// `relative_ordinals`, "last", "next"... may open a number phrase. The keys
// point into the rows' files, which must outlive the lexicon.
Result<Lexicon> BuildLexicon(const std::vector<VocabularyRow>& rows, bool relative_ordinals);

// Returns the lemma of a lower-case plural noun ("companies" -> "company");
// unchanged when it does not look plural.
std::string Singularize(std::string_view lower, const Lexicon& lexicon);

}  // namespace newsx::extract::internal
