#pragma once

// Token tests shared by the numeral forms (number_forms.cc) and the date,
// name and identifier filters (number_filters.cc) of the number grammar.

#include <cstddef>
#include <string_view>

#include "quantity/modifiers.h"
#include "quantity/tokenizer.h"

namespace newsx::extract::internal {

// '-', en dash, em dash, minus sign.
inline bool IsDash(char32_t c) { return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2212; }

inline bool IsCommonDenominator(double d) {
  return d == 2 || d == 3 || d == 4 || d == 5 || d == 8 || d == 10 || d == 16 || d == 100;
}

// True when token k is a currency symbol ("$2019" is an amount, not a year).
inline bool CurrencySymbolAt(const TokenizedText& tt, std::size_t k) {
  const Token& t = tt.tokens[k];
  return t.kind == TokenKind::kSymbol && !CurrencySymbolCode(t.symbol).empty();
}

// True when the integer at p, a glued '/' and the numeral at p + 2 read as a
// fraction ("1/4", "3/8"): a common denominator above the numerator, and no
// second '/' after it ("1/4/2024" is a date). The caller checks the '/'.
inline bool IsCommonFraction(const TokenizedText& tt, std::size_t p) {
  const Token& numerator = tt.tokens[p];
  const Token& denominator = tt.tokens[p + 2];
  return numerator.integer && numerator.value < denominator.value &&
         IsCommonDenominator(denominator.value) && !(tt.Attached(p + 2) && tt.IsSymbol(p + 3, '/'));
}

// "st", "nd", "rd", "th" after a numeral ("21st").
inline bool IsOrdinalSuffix(std::string_view lower) {
  return lower == "st" || lower == "nd" || lower == "rd" || lower == "th";
}

}  // namespace newsx::extract::internal
