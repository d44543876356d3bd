#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "newsx/core/result.h"
#include "quantity/tokenizer.h"
#include "quantity/vocabulary.h"

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
  std::string word;  // Lower case.
  std::string unit;  // Canonical: "km", "nm", "GB"; "sq " for a prefix.
  std::string kind;  // "dimension", "temperature", "time", "prefix".
};

// "HK" glued before "$": HKD.
struct DollarPrefix {
  std::string_view glued;  // Lower case.
  std::string_view iso;
};

// "<nationality> <currency word>": "canadian" + dollar (USD) -> CAD.
struct NationalCurrencyRow {
  std::string_view nationality;
  std::string_view currency;  // ISO code of the bare currency word.
  std::string_view iso;
};

struct ModifierTables {
  std::vector<BoundPhrase> prefixes;  // Longest first.
  std::vector<BoundSuffix> suffixes;  // Longest first.
  // Last words of the prefixes: most amounts have none before them, so one
  // lookup saves matching every phrase.
  std::unordered_set<std::string> prefix_last_words;
  std::vector<DollarPrefix> dollar_prefixes;  // File order: the first match wins.
  std::vector<NationalCurrencyRow> nationals;
  std::vector<UnitWord> units;
};

// Builds the tables from the rows of the quantity vocabulary files
// (ReadVocabulary()); rows of other tables are left to BuildLexicon(). The
// tables point into the rows' files, which must outlive them.
Result<ModifierTables> BuildModifierTables(const std::vector<VocabularyRow>& rows);

// Currency written before the amount as a symbol (with an optional country
// prefix glued to it: "US$", "HK$", "C$") or a code ("USD", "RMB").
// On a match ending at token `before`, sets *first and returns the ISO code;
// returns empty otherwise. Never reads tokens below `floor`.
std::string_view CurrencyPrefix(const ModifierTables& tables, const TokenizedText& tt,
                                std::size_t before, std::size_t floor, std::size_t* first);

// ISO code of a currency symbol token ("$" -> USD, "€" -> EUR), or empty.
std::string_view CurrencySymbolCode(char32_t symbol);

// ISO code for "<nationality> <currency word>" ("canadian dollars" -> CAD),
// or empty when the pair is unknown.
std::string_view NationalCurrency(const ModifierTables& tables, std::string_view nationality,
                                  std::string_view currency_iso);

// Words that may stand between an amount and its currency word ("hong
// kong", "u.s.", "canadian").
bool IsNationalityWord(const ModifierTables& tables, std::string_view lower);

// Dimension, temperature and similar unit words, or nullptr.
const UnitWord* FindUnitWord(const ModifierTables& tables, std::string_view lower);

}  // namespace newsx::extract::internal
