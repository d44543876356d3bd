#pragma once

#include <cstddef>
#include <vector>

#include "newsx/extract/quantity_extractor.h"
#include "quantity/number_parser_internal.h"
#include "quantity/tokenizer.h"

namespace newsx::extract::internal {

// One number phrase: "1,234.5", "two million", "1.5bn", "twenty-first",
// "two thirds", "several hundred thousand", "hundreds of thousands".
struct NumberPhrase {
  std::size_t first = 0;  // Token indices, inclusive.
  std::size_t last = 0;
  double value = 0;
  // Vague amounts: value unset, low (and maybe high) set.
  bool vague = false;
  double low = 0;
  double high = 0;  // 0 when open-ended ("billions").
  bool ordinal = false;
  bool fraction = false;
  bool words = false;          // Written (at least partly) in words.
  bool has_magnitude = false;  // Ends in a magnitude ("million", "bn", "k").
  double magnitude = 1;        // That magnitude's factor.
  bool multiplier = false;     // "twice", "sixfold".
  bool attached_letters = false;  // A numeral glued to non-magnitude letters ("5nm").
  const char* relative_to = nullptr;  // Relative ordinals: "end", "current".
};

// Finds number phrases in tokenized text.
// Thread-compatible; holds references to its inputs.
class NumberParser {
 public:
  NumberParser(const TokenizedText& text, const QuantityOptions& options)
      : tt_(text), options_(options) {}

  // Appends the number phrases of the text, in order, non-overlapping.
  void FindAll(std::vector<NumberPhrase>* out) const;

  // Parses the longest number phrase starting exactly at token i.
  bool ParseAt(std::size_t i, NumberPhrase* out) const;

 private:
  using Element = NumberParserElement;
  bool MaybeStart(std::size_t i) const;
  bool ReadElement(std::size_t p, bool first, Element* e) const;
  bool AppendDenominator(std::size_t p, bool hyphen, std::vector<Element>* elems) const;
  // `nested` runs (a denominator or a fraction after "and") do not look
  // ahead again, which keeps the work per start token bounded.
  std::size_t CollectRun(std::size_t i, std::vector<Element>* elems, bool nested = false) const;
  bool ParseWordsOrNumerals(std::size_t i, NumberPhrase* out) const;
  bool ParseVague(std::size_t i, NumberPhrase* out) const;
  bool ParseRelative(std::size_t i, NumberPhrase* out) const;
  bool ParseSigned(std::size_t i, NumberPhrase* out) const;
  bool ParseMultiplierWord(std::size_t i, NumberPhrase* out) const;
  bool EvaluateOrdinalRun(const std::vector<Element>& elems, NumberPhrase* out) const;
  void ApplyNumeralForms(NumberPhrase* out) const;
  void ApplyTails(const std::vector<Element>& elems, NumberPhrase* out) const;
  bool ParseFractionAfterAnd(std::size_t p, double* fraction, std::size_t* last) const;
  bool IsIdentifierPart(std::size_t i) const;
  bool IsNamePart(std::size_t i) const;
  bool NounFollows(std::size_t i) const;
  bool IsDateOrTime(std::size_t i) const;

  const TokenizedText& tt_;
  const QuantityOptions& options_;
};

}  // namespace newsx::extract::internal
