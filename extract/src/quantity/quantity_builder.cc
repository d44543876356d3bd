// Composition of amounts into quantities: bounds ("more than"), ranges
// ("between 20 and 30", "10-20%", "$5-7bn"), combined bounds ("above 1000
// and below 1500") and the counted noun.
#include "quantity/quantity_builder.h"

#include <algorithm>

namespace newsx::extract::internal {
namespace {


}  // namespace

Span QuantityBuilder::CpSpan(std::size_t first, std::size_t last) const {
  return Span{tt_.tokens[first].cp_begin, tt_.tokens[last].cp_end};
}

bool QuantityBuilder::MatchWords(std::size_t start, const std::vector<std::string>& words) const {
  if (start + words.size() > tt_.tokens.size()) return false;
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (tt_.Lower(tt_.tokens[start + k]) != words[k]) return false;
  }
  return true;
}

QuantityBuilder::Bound QuantityBuilder::MatchPrefix(std::size_t before, std::size_t floor) const {
  Bound bound = MatchOnePrefix(before, floor);
  // A bound over a hedge, an article or "the equivalent of": "up to
  // roughly 1,700", "up to a 25% credit", "up to the equivalent of 50,000".
  std::size_t inner_first = before + 1;
  if (!bound.op.empty() && (bound.op == "~" || bound.op == "=")) {
    inner_first = bound.first;
  } else if (bound.op.empty() && before != static_cast<std::size_t>(-1) && before >= floor &&
             (tt_.IsWord(before, "a") || tt_.IsWord(before, "an"))) {
    inner_first = before;
  }
  if (inner_first <= before && inner_first >= 1 && inner_first - 1 >= floor) {
    const Bound outer = MatchOnePrefix(inner_first - 1, floor);
    if (!outer.op.empty() && outer.op != "~" && outer.op != "=" && outer.op != "between" &&
        outer.op != "from") {
      const bool approx = bound.approx || outer.approx;
      bound = outer;
      bound.approx = approx;
    }
  }
  return bound;
}

QuantityBuilder::Bound QuantityBuilder::MatchOnePrefix(std::size_t before,
                                                       std::size_t floor) const {
  Bound bound;
  if (before == static_cast<std::size_t>(-1) || before < floor) return bound;
  const std::string_view last_word = tt_.Lower(tt_.tokens[before]);
  if (!tables_.prefix_last_words.contains(std::string(last_word))) return bound;
  for (const auto& p : tables_.prefixes) {
    const std::size_t n = p.words.size();
    if (before + 1 < n || before + 1 - n < floor) continue;
    if (!MatchWords(before + 1 - n, p.words)) continue;
    bound.first = before + 1 - n;
    bound.op = p.op;
    bound.approx = p.approx;
    break;
  }
  // "=>30" and "x>=10" glued to other symbols are not bounds.
  const Token& head = tt_.tokens[bound.first];
  if (!bound.op.empty() && head.kind == TokenKind::kSymbol && bound.first >= 1 &&
      !head.space_before && tt_.tokens[bound.first - 1].kind == TokenKind::kSymbol) {
    return Bound{};
  }
  return bound;
}

std::size_t QuantityBuilder::MatchSuffix(std::size_t after, std::string_view* op,
                                         bool* approx) const {
  for (const auto& s : tables_.suffixes) {
    if (!MatchWords(after, s.words)) continue;
    if (s.words[0] == "+" && tt_.tokens[after].space_before) continue;  // "10+", not "10 + 5"
    std::size_t end = after + s.words.size();
    // "more than 40 and less than 10", "more than 20 and up to 30" are two
    // bounds, not "40 and less", "20 and up".
    if (s.words.back() != "than" &&
        (tt_.IsWord(end, "than") || tt_.IsWord(end, "then") || tt_.IsWord(end, "to"))) {
      continue;
    }
    // "equal to 5000 or less than 5000" is two quantities.
    NumberParser parser(tt_, options_);
    NumberPhrase next;
    if (end < tt_.tokens.size() && parser.ParseAt(end, &next)) return 0;
    if (s.words.back() == "than" && end < tt_.tokens.size()) {
      std::size_t ignored = 0;
      if (!CurrencyPrefix(tables_, tt_, end, end, &ignored).empty()) return 0;
    }
    *op = s.op;
    *approx = s.approx;
    return s.words.size();
  }
  return 0;
}

bool QuantityBuilder::IsTimeSecond(const NumberPhrase& phrase) const {
  // "every second", "per second", "a split second" are durations.
  if (!phrase.ordinal || phrase.first != phrase.last || phrase.first == 0) return false;
  if (tt_.Lower(tt_.tokens[phrase.first]) != "second") return false;
  const std::string_view prev = tt_.Lower(tt_.tokens[phrase.first - 1]);
  return prev == "every" || prev == "per" || prev == "each" || prev == "split";
}

bool QuantityBuilder::IsPronounOne(const NumberPhrase& phrase) const {
  if (phrase.first != phrase.last || phrase.ordinal) return false;
  const Token& t = tt_.tokens[phrase.first];
  if (t.kind != TokenKind::kWord || tt_.Lower(t) != "one") return false;
  if (phrase.first >= 1) {
    const Token& prev = tt_.tokens[phrase.first - 1];
    if (prev.info != nullptr && prev.info->determiner) return true;
  }
  return tt_.IsWord(phrase.first + 1, "another") || tt_.IsWord(phrase.first + 1, "you");
}

void QuantityBuilder::ReadPercentOf(std::size_t floor, Draft* d) const {
  // "percent of 10": the unit written first.
  const std::size_t f = d->a.first;
  if (d->a.kind != "number" || f < 2 || f - 2 < floor || !tt_.IsWord(f - 1, "of")) return;
  const std::size_t p = f - 2;
  const bool per_cent = tt_.IsWord(p, "cent") && p >= 1 && tt_.IsWord(p - 1, "per");
  if (!tt_.IsWord(p, "percent") && !per_cent) return;
  const std::size_t start = per_cent ? p - 1 : p;
  if (start < floor || (start > 0 && tt_.tokens[start - 1].kind == TokenKind::kNumeral)) return;
  d->a.kind = "percent";
  d->a.unit = "percent";
  d->a.first = start;
  d->bound = Bound{};
}

void QuantityBuilder::FillValues(const Draft& d, QuantityMatch* m) const {
  Quantity& q = m->quantity;
  const Amount& a = d.a;
  const std::string_view op = d.bound.op;
  q.kind = std::string((d.range || d.paired) && a.kind == "number" ? "range" : a.kind);
  if (d.paired) {
    const bool lower_first = IsLowerBound(op);
    q.low = lower_first ? a.value : d.hi.value;
    q.high = lower_first ? d.hi.value : a.value;
    m->low_inclusive = (lower_first ? op : d.second_op) == ">=";
    m->high_inclusive = (lower_first ? d.second_op : op) == "<=";
  } else if (d.range) {
    q.low = a.value;
    q.high = d.hi.value;
    m->high_inclusive = false;  // "between 20 and 30" is [20, 30).
  } else if (a.vague) {
    q.low = a.low;
    if (a.high != 0) q.high = a.high;
    q.op = IsLowerBound(op) || IsUpperBound(op) ? std::string(op) : "~";
  } else if (IsLowerBound(op)) {
    q.low = a.value;
    q.op = std::string(op);
    m->low_inclusive = op == ">=";
  } else if (IsUpperBound(op) && !(d.bound.approx && a.value == 0)) {
    q.high = a.value;
    q.op = std::string(op);
    m->high_inclusive = op == "<=";
  } else if (IsUpperBound(op)) {
    // "nearly 0%", "almost zero": nothing lies just under zero of a count
    // or share; the hedge says about zero.
    q.value = 0;
    q.op = "~";
  } else {
    q.value = a.value;
    if (op == "~") q.op = "~";
    if (op == "=") q.low = q.high = a.value;  // "equal to 20" is [20, 20].
  }
  if (a.kind == "ordinal" && a.phrase->relative_to != nullptr) {
    m->relative_to = a.phrase->relative_to;
  }
  q.approx = a.approx || d.bound.approx || d.hi.approx;
  q.unit = a.unit;
  q.currency = std::string(a.currency);
}

void QuantityBuilder::Build(const std::vector<NumberPhrase>& phrases,
                            std::vector<QuantityMatch>* out) const {
  const auto& toks = tt_.tokens;
  std::size_t floor = 0;  // Tokens before it belong to earlier quantities.
  for (std::size_t k = 0; k < phrases.size(); ++k) {
    const NumberPhrase& phrase = phrases[k];
    if (phrase.first < floor || IsPronounOne(phrase) || IsTimeSecond(phrase)) continue;
    Draft d;
    ReadAmount(phrase, floor, &d.a);
    if (d.a.kind.empty()) continue;
    if (d.a.kind != "ordinal" && d.a.first > 0) d.bound = MatchPrefix(d.a.first - 1, floor);
    if (d.a.kind == "ordinal") d.bound = OrdinalRangeOpener(d.a.first, floor);
    ReadPercentOf(floor, &d);
    d.first = d.bound.op.empty() ? d.a.first : d.bound.first;
    d.last = d.a.last;
    if (TryRange(phrases, k, floor, &d) || TryPairedBounds(phrases, k, &d)) ++k;
    if (!d.range && (d.bound.op == "between" || d.bound.op == "from")) {
      d.first = d.a.first;
      d.bound = Bound{};
    }
    if (!d.range && !d.paired) ApplySuffixBound(&d);
    QuantityMatch m;
    FillValues(d, &m);
    const std::size_t amount_last = d.range || d.paired ? d.hi.last : d.a.last;
    m.bounded_span = CpSpan(d.first, d.last);
    m.amount_span = CpSpan(d.a.first, amount_last);
    std::size_t text_last = d.last;
    if (d.a.kind == "number" || d.a.kind == "ordinal") {
      const std::size_t limit = k + 1 < phrases.size() ? phrases[k + 1].first : toks.size();
      Amount anchor = d.range ? d.hi : d.a;
      anchor.last = d.last;  // After "or more" and the range's second amount.
      FindCountedNoun(anchor, limit, &m, &text_last);
      text_last = std::max(text_last, d.last);
    }
    m.quantity.span = CpSpan(d.first, text_last);
    m.quantity.text = std::string(
        tt_.text.substr(toks[d.first].begin, toks[text_last].end - toks[d.first].begin));
    floor = text_last + 1;
    out->push_back(std::move(m));
  }
}

void QuantityBuilder::AddUnitMentions(std::vector<QuantityMatch>* matches) const {
  std::vector<QuantityMatch> mentions;
  std::size_t next_match = 0;
  for (std::size_t i = 0; i < tt_.tokens.size(); ++i) {
    const Token& t = tt_.tokens[i];
    while (next_match < matches->size() &&
           (*matches)[next_match].quantity.span.end <= t.cp_begin) {
      ++next_match;
    }
    if (next_match < matches->size() && (*matches)[next_match].quantity.span.begin <= t.cp_begin) {
      continue;
    }
    QuantityMatch m;
    const std::size_t first = i;
    const UnitWord* unit = t.kind == TokenKind::kWord ? FindUnitWord(tables_, tt_.Lower(t)) : nullptr;
    const UnitWord* next_unit = unit != nullptr && unit->unit == "degree" &&
                                        i + 1 < tt_.tokens.size()
                                    ? FindUnitWord(tables_, tt_.Lower(tt_.tokens[i + 1]))
                                    : nullptr;
    if (t.kind == TokenKind::kSymbol && t.symbol == '%') {
      m.quantity.kind = "percent";
      m.quantity.unit = "percent";
    } else if (next_unit != nullptr && next_unit->kind == "temperature") {
      m.quantity.kind = "temperature";  // "degrees celsius"
      m.quantity.unit = std::string(next_unit->unit);
      ++i;
    } else if (unit != nullptr && unit->kind == "temperature" && unit->unit != "degree") {
      m.quantity.kind = "temperature";  // "celsius"
      m.quantity.unit = std::string(unit->unit);
    } else if (t.kind == TokenKind::kWord && t.info != nullptr && !t.info->currency.empty() &&
               !t.info->currency_needs_amount && t.info->currency_scale == 1) {
      m.quantity.kind = "money";
      m.quantity.currency = std::string(t.info->currency);
      m.quantity.unit = m.quantity.currency;
    } else {
      continue;
    }
    m.unit_only = true;
    m.quantity.span = m.amount_span = m.bounded_span = CpSpan(first, i);
    m.quantity.text = std::string(
        tt_.text.substr(tt_.tokens[first].begin, tt_.tokens[i].end - tt_.tokens[first].begin));
    mentions.push_back(std::move(m));
  }
  if (mentions.empty()) return;
  matches->insert(matches->end(), mentions.begin(), mentions.end());
  std::stable_sort(matches->begin(), matches->end(), [](const auto& x, const auto& y) {
    return x.quantity.span.begin < y.quantity.span.begin;
  });
}

void QuantityBuilder::BuildNumbers(const std::vector<NumberPhrase>& phrases,
                                   std::vector<Quantity>* out) const {
  for (std::size_t k = 0; k < phrases.size(); ++k) {
    const NumberPhrase& p = phrases[k];
    if (p.ordinal || p.multiplier || p.vague || p.attached_letters || IsPronounOne(p)) continue;
    Quantity q;
    q.kind = "number";
    q.value = p.value;
    std::size_t last = p.last;
    // "1 over three", "one out of three" (options_.math_fractions).
    if (options_.math_fractions && k + 1 < phrases.size()) {
      std::size_t after = p.last + 1;
      if (tt_.IsWord(after, "over")) {
        ++after;
      } else if (tt_.IsWord(after, "out") && tt_.IsWord(after + 1, "of")) {
        after += 2;
      }
      const NumberPhrase& d = phrases[k + 1];
      const bool out_of = tt_.IsWord(p.last + 1, "out");
      if (after > p.last + 1 && d.first == after && !d.ordinal && d.value != 0 &&
          (!out_of || p.value <= d.value)) {
        q.value = p.value / d.value;
        last = d.last;
        ++k;
      }
    }
    q.span = CpSpan(p.first, last);
    const auto& toks = tt_.tokens;
    q.text = std::string(tt_.text.substr(toks[p.first].begin, toks[last].end - toks[p.first].begin));
    out->push_back(std::move(q));
  }
}

}  // namespace newsx::extract::internal
