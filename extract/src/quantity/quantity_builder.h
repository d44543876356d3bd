#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/extract/quantity_extractor.h"
#include "quantity/lexicon.h"
#include "quantity/modifiers.h"
#include "quantity/number_parser.h"
#include "quantity/tokenizer.h"

namespace newsx::extract::internal {

// An amount with its unit markers ("$1.5bn", "20%", "six times"), before
// bounds and ranges are applied. Token indices are inclusive.
struct Amount {
  std::size_t first = 0;
  std::size_t last = 0;
  const NumberPhrase* phrase = nullptr;
  double value = 0;
  bool vague = false;
  double low = 0;
  double high = 0;
  bool approx = false;
  std::string_view kind = "number";
  std::string unit;
  std::string_view currency;
};

// Bound operators: ">", ">=" and "<", "<=".
bool IsLowerBound(std::string_view op);
bool IsUpperBound(std::string_view op);

// Composes number phrases into quantities: units, currencies, bounds,
// ranges and counted nouns. Thread-compatible; references its inputs.
class QuantityBuilder {
 public:
  QuantityBuilder(const TokenizedText& text, const Lexicon& lexicon,
                  const ModifierTables& tables, const QuantityOptions& options)
      : tt_(text), lexicon_(lexicon), tables_(tables), options_(options) {}

  // Appends the quantities built from `phrases` (text order) to *out.
  void Build(const std::vector<NumberPhrase>& phrases, std::vector<QuantityMatch>* out) const;

  // Adds currency and percent mentions without an amount ("the dollar",
  // "the % of increase") not inside *matches, keeping text order.
  void AddUnitMentions(std::vector<QuantityMatch>* matches) const;

  // Appends bare numbers (kind "number") for number-only evaluation.
  void BuildNumbers(const std::vector<NumberPhrase>& phrases, std::vector<Quantity>* out) const;

 private:
  struct Bound {
    std::size_t first = 0;  // First token of the bound phrase.
    std::string_view op;    // Empty when none.
    bool approx = false;
  };

  // A quantity being composed from one amount, or two for ranges.
  struct Draft {
    Amount a;               // The first (or only) amount.
    Amount hi;              // The second amount of a range or paired bound.
    Bound bound;            // The prefix bound, adjusted by suffixes.
    std::size_t first = 0;  // First token, bound words included.
    std::size_t last = 0;   // Last token, suffix bound included.
    bool range = false;     // "10-20", "between 20 and 30".
    bool paired = false;    // "above 1000 and below 1500".
    std::string_view second_op;  // The paired bound's operator.
  };

  void ReadAmount(const NumberPhrase& phrase, std::size_t floor, Amount* a) const;
  bool ReadPercent(Amount* a) const;
  bool ReadCurrencySuffix(Amount* a) const;
  void ReadCents(Amount* a) const;
  bool ReadUnitSuffix(Amount* a) const;
  void ReadCompoundUnit(Amount* a) const;
  Bound MatchPrefix(std::size_t before, std::size_t floor) const;
  // One bound phrase ending at token `before`, without stacking.
  Bound MatchOnePrefix(std::size_t before, std::size_t floor) const;
  // "between (the)" or "from (the)" before an ordinal at `first`, else none.
  Bound OrdinalRangeOpener(std::size_t first, std::size_t floor) const;
  std::size_t MatchSuffix(std::size_t after, std::string_view* op, bool* approx) const;
  bool MatchWords(std::size_t start, const std::vector<std::string>& words) const;
  bool IsPronounOne(const NumberPhrase& phrase) const;
  bool IsTimeSecond(const NumberPhrase& phrase) const;
  bool PrecededByChangeVerb(std::size_t i, std::size_t floor) const;
  void ReadPercentOf(std::size_t floor, Draft* d) const;
  bool TryRange(const std::vector<NumberPhrase>& phrases, std::size_t k, std::size_t floor,
                Draft* d) const;
  bool TryPairedBounds(const std::vector<NumberPhrase>& phrases, std::size_t k, Draft* d) const;
  void ApplySuffixBound(Draft* d) const;
  void FillValues(const Draft& d, QuantityMatch* m) const;
  bool RangeSeparator(std::size_t k, bool between, bool from, std::size_t* next) const;
  void ShareUnits(Amount* low, Amount* high) const;
  void FindCountedNoun(const Amount& a, std::size_t limit, QuantityMatch* m,
                       std::size_t* text_last) const;
  Span CpSpan(std::size_t first, std::size_t last) const;

  const TokenizedText& tt_;
  const Lexicon& lexicon_;
  const ModifierTables& tables_;
  const QuantityOptions& options_;
};

}  // namespace newsx::extract::internal
