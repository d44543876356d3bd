// Ranges ("between 20 and 30", "10-20%", "$5-7bn", "from 5 to 10"),
// paired bounds ("above 1000 and below 1500") and suffix bounds ("or more").
#include <string_view>

#include "quantity/quantity_builder.h"

namespace newsx::extract::internal {
namespace {

bool IsDash(char32_t c) { return c == '-' || c == 0x2013 || c == 0x2014; }

}  // namespace

bool IsLowerBound(std::string_view op) { return op == ">" || op == ">="; }
bool IsUpperBound(std::string_view op) { return op == "<" || op == "<="; }

bool QuantityBuilder::PrecededByChangeVerb(std::size_t i, std::size_t floor) const {
  // "rose from 5% to 7%", "sales grew 4% to $1bn": a change, not a range.
  for (std::size_t k = i; k > floor && k + 4 > i; --k) {
    const Token& t = tt_.tokens[k - 1];
    if (t.info != nullptr && t.info->change_verb) return true;
    if (t.kind == TokenKind::kSymbol && t.symbol != '$') return false;
  }
  return false;
}

QuantityBuilder::Bound QuantityBuilder::OrdinalRangeOpener(std::size_t first,
                                                           std::size_t floor) const {
  std::size_t k = first;
  if (k > floor && tt_.IsWord(k - 1, "the")) --k;
  if (k <= floor) return Bound{};
  if (tt_.IsWord(k - 1, "between")) return Bound{k - 1, "between", false};
  if (tt_.IsWord(k - 1, "from")) return Bound{k - 1, "from", false};
  return Bound{};
}

bool QuantityBuilder::RangeSeparator(std::size_t k, bool between, bool from,
                                     std::size_t* next) const {
  const auto& toks = tt_.tokens;
  if (k >= toks.size()) return false;
  if (between) {
    if (!tt_.IsWord(k, "and")) return false;
    *next = k + 1;
    return true;
  }
  if (tt_.IsWord(k, "to") || tt_.IsWord(k, "through") || tt_.IsWord(k, "until") ||
      (from && tt_.IsWord(k, "till"))) {
    *next = k + 1;
    return true;
  }
  if (toks[k].kind == TokenKind::kSymbol && IsDash(toks[k].symbol)) {
    const bool glued_before = !toks[k].space_before;
    const bool glued_after = k + 1 < toks.size() && !toks[k + 1].space_before;
    if (glued_before != glued_after) return false;
    *next = k + 1;
    return true;
  }
  return false;
}

void QuantityBuilder::ShareUnits(Amount* low, Amount* high) const {
  // "10-20%", "$5-7bn", "5 to 10 million yuan": units written once apply to both.
  if (high->phrase->has_magnitude && !low->phrase->has_magnitude && !low->vague &&
      low->value * high->phrase->magnitude <= high->value) {
    low->value *= high->phrase->magnitude;
  }
  if (low->kind == "number" && high->kind != "number") {
    low->kind = high->kind;
    low->unit = high->unit;
    low->currency = high->currency;
  } else if (high->kind == "number" && low->kind == "money") {
    if (!low->phrase->has_magnitude || high->phrase->has_magnitude) {
      high->kind = low->kind;
      high->unit = low->unit;
      high->currency = low->currency;
    }
  }
}

bool QuantityBuilder::TryRange(const std::vector<NumberPhrase>& phrases, std::size_t k,
                               std::size_t floor, Draft* d) const {
  const auto& toks = tt_.tokens;
  Amount& a = d->a;
  const bool between = d->bound.op == "between";
  const bool from = d->bound.op == "from";
  std::size_t next = 0;
  if (k + 1 >= phrases.size() || a.vague || d->bound.op == "=" ||
      !RangeSeparator(a.last + 1, between, from, &next)) {
    return false;
  }
  const bool dash = !tt_.IsWord(a.last + 1, "to") && !between;
  // Ordinals make a range only when the words say so: "between the 3rd and
  // the 10th", "from the first to the fifth", "3rd-5th" ("the first to
  // leave" is no range).
  const bool ordinal = a.kind == "ordinal";
  if (ordinal) {
    const bool said = between || from || (dash && !toks[a.last + 1].space_before);
    if (!said || a.phrase->relative_to != nullptr) return false;
    if (tt_.IsWord(next, "the")) ++next;
  }
  const NumberPhrase& second = phrases[k + 1];
  Amount hi;
  ReadAmount(second, next, &hi);
  if (hi.first != next || hi.kind.empty() || (hi.kind == "ordinal") != ordinal || hi.vague ||
      (ordinal && second.relative_to != nullptr)) {
    return false;
  }
  Amount lo = a;
  ShareUnits(&lo, &hi);
  if (lo.kind != hi.kind || lo.value >= hi.value) return false;
  if (dash && !toks[a.last + 1].space_before) {
    // "+1-222-2222" and "1995-01" are not ranges.
    const bool chain_before = a.first >= 1 && !toks[a.first].space_before &&
                              toks[a.first - 1].kind == TokenKind::kSymbol;
    const std::size_t s = second.last;
    const bool chain_after = s + 2 < toks.size() && tt_.Attached(s) &&
                             (tt_.IsSymbol(s + 1, '-') || tt_.IsSymbol(s + 1, '/')) &&
                             toks[s + 2].kind == TokenKind::kNumeral;
    if (chain_before || chain_after || toks[second.first].leading_zero) return false;
  }
  // "rose from 5% to 7%", "grew 4% to $1bn": changes, not ranges.
  if (!between && (from || !dash) && PrecededByChangeVerb(from ? d->bound.first : a.first, floor)) {
    return false;
  }
  // Plain "20 to 30" needs both written alike ("five to 10" is likelier two counts).
  if (!between && !from && !dash && hi.kind == "number" && a.phrase->words != hi.phrase->words) {
    return false;
  }
  // "more than 10 and less than 40" is a paired bound, not "10 and 40".
  const std::string_view op = d->bound.op;
  if (!between && !from && !op.empty() && op != "~" && !dash) return false;
  a = lo;
  d->hi = hi;
  d->range = true;
  d->last = hi.last;
  return true;
}

bool QuantityBuilder::TryPairedBounds(const std::vector<NumberPhrase>& phrases, std::size_t k,
                                      Draft* d) const {
  const std::string_view op = d->bound.op;
  // "above 10 and below 20", "less than 30 but more than 20".
  if (d->range || !(IsLowerBound(op) || IsUpperBound(op)) || k + 1 >= phrases.size() ||
      !(tt_.IsWord(d->a.last + 1, "and") || tt_.IsWord(d->a.last + 1, "but"))) {
    return false;
  }
  const std::size_t start = d->a.last + 2;
  Amount hi;
  ReadAmount(phrases[k + 1], start, &hi);
  const Bound b2 = hi.first == 0 ? Bound{} : MatchPrefix(hi.first - 1, start);
  const bool pair =
      !b2.op.empty() && b2.first == start && hi.kind == d->a.kind &&
      ((IsLowerBound(op) && IsUpperBound(b2.op) && d->a.value < hi.value) ||
       (IsUpperBound(op) && IsLowerBound(b2.op) && hi.value < d->a.value));
  if (!pair) return false;
  d->hi = hi;
  d->second_op = b2.op;
  d->paired = true;
  d->last = hi.last;
  return true;
}

void QuantityBuilder::ApplySuffixBound(Draft* d) const {
  // "five hundred or more", "less than 5000 or equal", "200 or so".
  std::string_view op;
  bool approx = false;
  const std::size_t n = MatchSuffix(d->last + 1, &op, &approx);
  if (n == 0) return;
  d->last += n;
  if (op == "or=") {
    if (d->bound.op == ">") d->bound.op = ">=";
    if (d->bound.op == "<") d->bound.op = "<=";
    return;
  }
  // "about five hundred or more": the suffix decides the bound.
  if (d->bound.op == "~") d->first = d->a.first;
  d->bound.op = op;
  d->bound.approx |= approx;
}

}  // namespace newsx::extract::internal
