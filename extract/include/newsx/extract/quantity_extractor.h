#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/core/analysis.h"
#include "newsx/core/result.h"

namespace newsx::extract {

struct QuantityOptions {
  // Numbers that look like years ("in 2019", "2024,"), days of a month
  // ("March 5"), clock times ("10:30"), slash dates ("3/12/2024", "24/7") or
  // dash-joined codes ("+1-202-555-0100", "2024-01-05") are not amounts:
  // skipped when false. Default: false.
  bool include_date_numbers = false;
  // Numbers that are part of a name ("Windows 11", "Section 301", "No. 2")
  // are skipped when false. Default: false.
  bool include_name_numbers = false;
  // Arithmetic phrasing ("2000 over 3", "one out of three") read as
  // fractions. In news "over 3" is a bound and "3 out of 4" two counts.
  // Default: false.
  bool math_fractions = false;
  // Relative ordinals ("last", "next", "previous", "penultimate") as
  // ordinals with an offset (see QuantityMatch::relative_to). Default: false.
  bool relative_ordinals = false;
  // Currency, percent or temperature-scale mentions without an amount ("the
  // dollar", "the % of increase", "in celsius"), returned by ExtractMatches() only (never by Extract(), whose
  // Quantity always has a value). Default: false.
  bool unit_mentions = false;
};

// One quantity with the extra positions a linker needs.
struct QuantityMatch {
  // The normalized quantity. quantity.span/text cover the amount and its
  // modifiers ("more than two million"), extended over the counted noun
  // phrase when that phrase holds only common words ("two anonymous
  // sources"); quantity.of is always empty.
  Quantity quantity;
  // The amount with its unit markers but without bounds, hedges or the
  // counted noun phrase: "$ 14 million" in "about $ 14 million", "two" in
  // "more than two sources". For ranges, from the first amount to the last.
  Span amount_span;
  // amount_span plus bound and hedge words ("more than two", "between 20
  // and 30", "five hundred or more"), without the counted noun phrase.
  Span bounded_span;
  // The counted noun's head word as written ("sources"), or empty span when
  // no counted noun follows. quantity.unit holds its singular lemma. The
  // tokens between amount_span.end and unit_span.begin (e.g. "Nvidia H200
  // AI") are where the counted entity is named.
  Span unit_span;
  // Lower/upper bound inclusive? Meaningful only when low/high are set
  // ("between 20 and 30" is [20, 30); "more than 30" is (30, ...)).
  bool low_inclusive = true;
  bool high_inclusive = true;
  // Relative ordinals only: "start", "end" or "current"; value is the offset.
  std::string relative_to;
  // True for a unit/currency mention without an amount (unit_mentions).
  bool unit_only = false;
};

// Finds and normalizes quantities in English text: numerals ("1,234.5",
// "1.2m"), number words ("twenty-one", "a dozen"), magnitudes ("$1.5bn"),
// currencies, percentages and percentage points, ranges, bounds ("more
// than"), vague amounts ("several hundred thousand", "billions of dollars"),
// multiples ("sixfold"), ordinals and the counted noun ("two anonymous
// sources" counts "source").
// Spans are Unicode code-point offsets [begin, end) into the text passed in.
// Invalid UTF-8 bytes count as one code point each.
// Thread-safe: tables are built once in Create(); the extract calls only
// read them.
class QuantityExtractor {
 public:
  // Builds the word and phrase tables. Does not fail today (the tables are
  // built in); returns a Result so that user-supplied tables can report
  // errors without an API change.
  static Result<std::unique_ptr<QuantityExtractor>> Create(const QuantityOptions& options);
  ~QuantityExtractor();

  // The quantities in `utf8_text`, in text order, non-overlapping. Never
  // fails; runs in time linear in the text's length. `utf8_text` need only
  // live for the call.
  std::vector<Quantity> Extract(std::string_view utf8_text) const;

  // As Extract(), with the counted-noun positions.
  std::vector<QuantityMatch> ExtractMatches(std::string_view utf8_text) const;

  // Bare numbers only (no currency, percent, bound or range composition;
  // no ordinals): "$10000 in 3 years" gives 10000 and 3. Each has kind
  // "number". Used for evaluation against number-only references.
  std::vector<Quantity> ExtractNumbers(std::string_view utf8_text) const;

 private:
  struct Impl;
  explicit QuantityExtractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsx::extract
