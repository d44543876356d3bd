// Composition of amounts into quantities: bounds ("more than"), ranges
// ("between 20 and 30", "10-20%", "$5-7bn"), combined bounds ("above 1000
// and below 1500") and the counted noun.
#include "quantity/quantity_builder.h"

#include <algorithm>

namespace newsx::extract::internal {
namespace {

bool IsDash(char32_t c) { return c == '-' || c == 0x2013 || c == 0x2014; }

bool IsLowerBound(std::string_view op) { return op == ">" || op == ">="; }
bool IsUpperBound(std::string_view op) { return op == "<" || op == "<="; }

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
  Bound bound;
  if (before == static_cast<std::size_t>(-1) || before < floor) return bound;
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
    // "equal to 5000 or less than 5000" is two quantities.
    NumberParser parser(tt_, options_);
    NumberPhrase next;
    if (end < tt_.tokens.size() && parser.ParseAt(end, &next)) return 0;
    if (s.words.back() == "than" && end < tt_.tokens.size()) {
      std::size_t ignored = 0;
      if (!CurrencyPrefix(tt_, end, end, &ignored).empty()) return 0;
    }
    *op = s.op;
    *approx = s.approx;
    return s.words.size();
  }
  return 0;
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

bool QuantityBuilder::PrecededByChangeVerb(std::size_t i, std::size_t floor) const {
  // "rose from 5% to 7%", "sales grew 4% to $1bn": a change, not a range.
  for (std::size_t k = i; k > floor && k + 4 > i; --k) {
    const Token& t = tt_.tokens[k - 1];
    if (t.info != nullptr && t.info->change_verb) return true;
    if (t.kind == TokenKind::kSymbol && t.symbol != '$') return false;
  }
  return false;
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

void QuantityBuilder::Build(const std::vector<NumberPhrase>& phrases,
                            std::vector<QuantityMatch>* out) const {
  const auto& toks = tt_.tokens;
  std::size_t floor = 0;
  for (std::size_t k = 0; k < phrases.size(); ++k) {
    const NumberPhrase& phrase = phrases[k];
    if (phrase.first < floor || IsPronounOne(phrase)) continue;
    Amount a;
    ReadAmount(phrase, floor, &a);
    if (a.kind.empty()) continue;
    Bound bound = a.first == 0 ? Bound{} : MatchPrefix(a.first - 1, floor);
    if (a.kind == "ordinal") bound = Bound{};
    // "percent of 10": the unit written first.
    if (a.kind == "number" && a.first >= 2 && a.first - 2 >= floor && tt_.IsWord(a.first - 1, "of")) {
      const std::size_t p = a.first - 2;
      const bool per_cent = tt_.IsWord(p, "cent") && p >= 1 && tt_.IsWord(p - 1, "per");
      if (tt_.IsWord(p, "percent") || per_cent) {
        const std::size_t start = per_cent ? p - 1 : p;
        if (start >= floor && (start == 0 || toks[start - 1].kind != TokenKind::kNumeral)) {
          a.kind = "percent";
          a.unit = "percent";
          a.first = start;
          bound = Bound{};
        }
      }
    }
    QuantityMatch m;
    Quantity& q = m.quantity;
    std::size_t first = bound.op.empty() ? a.first : bound.first;
    std::size_t last = a.last;
    bool range = false;
    Amount hi;
    // Ranges.
    std::size_t next = 0;
    const bool between = bound.op == "between";
    const bool from = bound.op == "from";
    if (k + 1 < phrases.size() && a.kind != "ordinal" && !a.vague && bound.op != "=" &&
        RangeSeparator(a.last + 1, between, from, &next)) {
      const NumberPhrase& second = phrases[k + 1];
      ReadAmount(second, next, &hi);
      const bool dash = !tt_.IsWord(a.last + 1, "to") && !between;
      bool ok = hi.first == next && !hi.kind.empty() && hi.kind != "ordinal" && !hi.vague;
      if (ok) ShareUnits(&a, &hi);
      ok = ok && a.kind == hi.kind && a.value < hi.value;
      if (ok && dash && !toks[a.last + 1].space_before) {
        // "+1-222-2222" and "1995-01" are not ranges.
        const bool chain_before = a.first >= 1 && !toks[a.first].space_before &&
                                  toks[a.first - 1].kind == TokenKind::kSymbol;
        const std::size_t s = second.last;
        const bool chain_after = s + 2 < toks.size() && tt_.Attached(s) &&
                                 (tt_.IsSymbol(s + 1, '-') || tt_.IsSymbol(s + 1, '/')) &&
                                 toks[s + 2].kind == TokenKind::kNumeral;
        ok = !chain_before && !chain_after && !toks[second.first].leading_zero;
      }
      if (ok && !between && !dash) {
        ok = !PrecededByChangeVerb(from ? bound.first : a.first, floor) &&
             (from || hi.kind != "number" || a.phrase->words == hi.phrase->words);
      }
      if (ok && from && dash) ok = !PrecededByChangeVerb(bound.first, floor);
      // "more than 10 and less than 40" is a combined bound, not "10 and 40".
      if (ok && !between && !from && !bound.op.empty() && bound.op != "~" && !dash) ok = false;
      if (ok) {
        range = true;
        last = hi.last;
        ++k;
      }
    }
    if (!range && (between || from)) {
      first = a.first;
      bound = Bound{};
    }
    // Combined bounds: "greater than 100 and smaller than 300".
    if (!range && (IsLowerBound(bound.op) || IsUpperBound(bound.op)) && k + 1 < phrases.size() &&
        tt_.IsWord(a.last + 1, "and")) {
      const NumberPhrase& second = phrases[k + 1];
      ReadAmount(second, a.last + 2, &hi);
      const Bound b2 = hi.first == 0 ? Bound{} : MatchPrefix(hi.first - 1, a.last + 2);
      const bool pair = !b2.op.empty() && b2.first == a.last + 2 && hi.kind == a.kind &&
                        ((IsLowerBound(bound.op) && IsUpperBound(b2.op) && a.value < hi.value) ||
                         (IsUpperBound(bound.op) && IsLowerBound(b2.op) && hi.value < a.value));
      if (pair) {
        const bool lower_first = IsLowerBound(bound.op);
        const Amount& lo = lower_first ? a : hi;
        const Amount& up = lower_first ? hi : a;
        q.low = lo.value;
        q.high = up.value;
        m.low_inclusive = (lower_first ? bound.op : b2.op) == ">=";
        m.high_inclusive = (lower_first ? b2.op : bound.op) == "<=";
        q.kind = a.kind == "number" ? "range" : std::string(a.kind);
        last = hi.last;
        ++k;
        range = true;
        bound.op = "range";
      }
    }
    // Suffix bounds: "five hundred or more", "less than 5000 or equal".
    std::string_view suffix_op;
    bool suffix_approx = false;
    if (!range || bound.op == "range") {
      const std::size_t n = range ? 0 : MatchSuffix(last + 1, &suffix_op, &suffix_approx);
      if (n > 0) {
        last += n;
        if (suffix_op == "or=") {
          if (bound.op == ">") bound.op = ">=";
          if (bound.op == "<") bound.op = "<=";
        } else {
          // "about five hundred or more": the suffix decides the bound.
          if (bound.op == "~") first = a.first;
          bound.op = suffix_op;
          bound.approx |= suffix_approx;
        }
      }
    }
    // Values.
    if (bound.op == "range") {
      // Set above.
    } else if (range) {
      q.low = a.value;
      q.high = hi.value;
      m.high_inclusive = false;
      q.kind = a.kind == "number" ? "range" : std::string(a.kind);
    } else if (a.vague) {
      q.low = a.low;
      if (a.high != 0) q.high = a.high;
      q.op = IsLowerBound(bound.op) || IsUpperBound(bound.op) ? std::string(bound.op) : "~";
    } else if (IsLowerBound(bound.op)) {
      q.low = a.value;
      q.op = std::string(bound.op);
      m.low_inclusive = bound.op == ">=";
    } else if (IsUpperBound(bound.op)) {
      q.high = a.value;
      q.op = std::string(bound.op);
      m.high_inclusive = bound.op == "<=";
    } else {
      q.value = a.value;
      if (bound.op == "~") q.op = "~";
      if (bound.op == "=") {
        q.low = a.value;
        q.high = a.value;
      }
    }
    if (q.kind.empty()) q.kind = std::string(a.kind);
    if (a.kind == "ordinal" && a.phrase->relative_to != nullptr) {
      m.relative_to = a.phrase->relative_to;
    }
    q.approx = a.approx || bound.approx || hi.approx;
    q.unit = a.unit;
    q.currency = std::string(a.currency);
    m.bounded_span = CpSpan(first, last);
    m.amount_span = CpSpan(a.first, range ? hi.last : a.last);
    std::size_t text_last = last;
    if (a.kind == "number" || a.kind == "ordinal") {
      const std::size_t limit = k + 1 < phrases.size() ? phrases[k + 1].first : toks.size();
      Amount anchor = range ? hi : a;
      anchor.last = last;  // After "or more" and the range's second amount.
      FindCountedNoun(anchor, limit, &m, &text_last);
      if (range) text_last = std::max(text_last, last);
    }
    q.span = CpSpan(first, text_last);
    q.text = std::string(tt_.text.substr(toks[first].begin, toks[text_last].end - toks[first].begin));
    floor = std::max(text_last, last) + 1;
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
    if (t.kind == TokenKind::kSymbol && t.symbol == '%') {
      m.quantity.kind = "percent";
      m.quantity.unit = "percent";
    } else if (t.kind == TokenKind::kWord && t.info != nullptr && !t.info->currency.empty() &&
               !t.info->currency_needs_amount && t.info->currency_scale == 1) {
      m.quantity.kind = "money";
      m.quantity.currency = std::string(t.info->currency);
      m.quantity.unit = m.quantity.currency;
    } else {
      continue;
    }
    m.unit_only = true;
    m.quantity.span = m.amount_span = m.bounded_span = CpSpan(i, i);
    m.quantity.text = std::string(tt_.Raw(t));
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
