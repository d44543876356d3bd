#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "quantity/tokenizer.h"

namespace newsx::extract::internal {

// A bound or hedge written before an amount: "more than", "at least",
// "up to", "about", "between", "from".
struct BoundPhrase {
  std::vector<std::string> words;  // Lower-case tokens ("more", "than"; ">", "=").
  std::string_view op;             // ">", ">=", "<", "<=", "~", "=", or "between"/"from".
  bool approx = false;
};

// Written after an amount: "or more", "or less", "or so".
struct BoundSuffix {
  std::vector<std::string> words;
  std::string_view op;
  bool approx = false;
};

// A unit written after an amount: dimensions, ages, temperatures.
struct UnitWord {
  std::string_view word;  // Lower case.
  std::string_view unit;  // Canonical: "km", "nm", "GB".
  std::string_view kind;  // "dimension", "temperature".
};

struct ModifierTables {
  std::vector<BoundPhrase> prefixes;  // Longest first.
  std::vector<BoundSuffix> suffixes;  // Longest first.
  // Last words of the prefixes: most amounts have none before them, so one
  // lookup saves matching every phrase.
  std::unordered_set<std::string> prefix_last_words;
};

ModifierTables BuildModifierTables();

// Currency written before the amount as a symbol (with an optional country
// prefix glued to it: "US$", "HK$", "C$") or a code ("USD", "RMB").
// On a match ending at token `before`, sets *first and returns the ISO code;
// returns empty otherwise. Never reads tokens below `floor`.
std::string_view CurrencyPrefix(const TokenizedText& tt, std::size_t before, std::size_t floor,
                                std::size_t* first);

// ISO code of a currency symbol token ("$" -> USD, "€" -> EUR), or empty.
std::string_view CurrencySymbolCode(char32_t symbol);

// ISO code for "<nationality> <currency word>" ("canadian dollars" -> CAD),
// or empty when the pair is unknown.
std::string_view NationalCurrency(std::string_view nationality, std::string_view currency_iso);

// Words that may stand between an amount and its currency word ("hong
// kong", "u.s.", "canadian").
bool IsNationalityWord(std::string_view lower);

// Dimension, temperature and similar unit words, or nullptr.
const UnitWord* FindUnitWord(std::string_view lower);

}  // namespace newsx::extract::internal
