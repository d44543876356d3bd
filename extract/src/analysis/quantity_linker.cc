#include "analysis/quantity_linker.h"

#include <algorithm>

namespace newsx::extract::analysis {

namespace {

// First token that ends after code point `cp`.
std::uint32_t TokenAtOrAfter(const DocState& d, std::size_t cp) {
  const auto& tokens = d.tt.tokens;
  const auto it = std::partition_point(tokens.begin(), tokens.end(),
                                       [cp](const Token& t) { return t.cp_end <= cp; });
  return static_cast<std::uint32_t>(it - tokens.begin());
}

// First token that starts at or after code point `cp`.
std::uint32_t TokenStartingAt(const DocState& d, std::size_t cp) {
  const auto& tokens = d.tt.tokens;
  const auto it = std::partition_point(tokens.begin(), tokens.end(),
                                       [cp](const Token& t) { return t.cp_begin < cp; });
  return static_cast<std::uint32_t>(it - tokens.begin());
}

}  // namespace

std::vector<Quantity> FindQuantities(DocState* d, const QuantityExtractor& extractor) {
  std::vector<QuantityMatch> matches = extractor.ExtractMatches(d->tt.text);
  std::vector<Quantity> out;
  out.reserve(matches.size());
  for (QuantityMatch& m : matches) {
    Quantity& q = m.quantity;
    const std::uint32_t first = TokenAtOrAfter(*d, q.span.begin);
    const std::uint32_t end = std::max(first, TokenStartingAt(*d, q.span.end));
    // The counted entity: between the amount and the counted noun, else
    // the mention right after the amount.
    const std::uint32_t from = TokenStartingAt(*d, m.amount_span.end);
    std::uint32_t to = from + 1;
    if (m.unit_span.end > m.unit_span.begin)
      to = std::max(to, TokenStartingAt(*d, m.unit_span.begin));
    std::string of;
    const bool counts = q.kind != "ordinal";  // "first batch" ranks, it does not count.
    for (std::uint32_t i = from; counts && i < to && i < d->size() && of.empty(); ++i) {
      const std::int32_t e = d->EntityAt(i);
      if (e >= 0 && d->entities[static_cast<std::size_t>(e)].type == EntityType::kChip) {
        of = d->entities[static_cast<std::size_t>(e)].id;
      }
    }
    if (!of.empty()) {
      q.of = of;
      if (q.unit.empty()) q.unit = "chip";
    }
    const std::uint32_t unit = TokenStartingAt(*d, m.unit_span.begin);
    const bool chip_noun = unit < d->size() && (d->tok(unit).classes & kChipNoun);
    const bool counts_other = m.unit_span.end > m.unit_span.begin && of.empty() && !chip_noun;
    if (first < end) {
      d->quantities.push_back(
          QuantityHit{first, end, static_cast<std::uint32_t>(out.size()), counts_other});
    }
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace newsx::extract::analysis
