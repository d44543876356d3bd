// The cardinal/ordinal/fraction grammar over number words and numerals.
//
// A number phrase is a run of elements (number words, numerals, "a") whose
// classes follow English composition rules: a unit may follow a tens word
// ("twenty-one"), "hundred" follows a unit, a scale ("thousand") follows
// anything smaller than itself. A run may end in an ordinal word, which makes
// it an ordinal ("twenty-first") or a fraction ("two thirds").
#include "quantity/number_parser.h"

#include <cmath>
#include <limits>

#include "quantity/number_parser_internal.h"

namespace newsx::extract::internal {
namespace {

bool IsDash(char32_t c) { return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2212; }

// Value of a run of (non-ordinal) elements, or NaN when a numeral is mixed in
// where it cannot be.
double Accumulate(const NumberParserElement* e, std::size_t n) {
  double total = 0;
  double current = 0;
  double since_hundred = 0;  // Units and tens after the last "hundred".
  double max_scale = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const NumClass cls = e[k].cls;
    const double v = e[k].value;
    switch (cls) {
      case NumClass::kHundred:
        current = (current == 0 ? 1 : current) * v;
        since_hundred = 0;
        break;
      case NumClass::kScale:
        if (v > max_scale && total > 0 && current == 0) {
          total *= v;  // "three lakh crore"
        } else {
          total += (current == 0 ? 1 : current) * v;
        }
        current = 0;
        since_hundred = 0;
        if (v > max_scale) max_scale = v;
        break;
      case NumClass::kDozen:  // "three hundred and two dozens" is 300 + 24.
        if (since_hundred > 0 && since_hundred != current) {
          current += since_hundred * (v - 1);
        } else {
          current = (current == 0 ? 1 : current) * v;
        }
        break;
      default:
        current += v;
        since_hundred += v;
        break;
    }
  }
  return total + current;
}

// Can an element of class `next` (value v) follow one of class `prev`?
bool Follows(const NumberParserElement& prev, const NumberParserElement& next,
             const RunState& state) {
  const NumClass p = prev.cls;
  const NumClass c = next.cls;
  if (next.numeral && !next.integer) return false;
  switch (c) {
    case NumClass::kUnit:
    case NumClass::kTeen:
    case NumClass::kTens:
      if (next.numeral) {
        if (p == NumClass::kHundred) return next.value < 100;
        if (p == NumClass::kScale) return next.value < 1000;
        return false;
      }
      if (c == NumClass::kUnit && p == NumClass::kTens) return next.value > 0;
      return p == NumClass::kHundred || p == NumClass::kScale;
    case NumClass::kHundred:
      return !state.group_has_hundred &&
             (p == NumClass::kUnit || p == NumClass::kTeen || p == NumClass::kTens);
    case NumClass::kScale:
      if (p == NumClass::kScale) return next.value > state.max_scale;
      if (p == NumClass::kDozen) return false;
      return state.min_scale == 0 || next.value < state.min_scale;
    case NumClass::kDozen:
      return p == NumClass::kUnit || p == NumClass::kTeen || p == NumClass::kTens;
    case NumClass::kNone:
      return false;
  }
  return false;
}

void Advance(const NumberParserElement& e, RunState* state) {
  if (e.cls == NumClass::kHundred) state->group_has_hundred = true;
  if (e.cls == NumClass::kScale) {
    state->group_has_hundred = false;
    if (state->min_scale == 0 || e.value < state->min_scale) state->min_scale = e.value;
    if (e.value > state->max_scale) state->max_scale = e.value;
  }
}

// Is elems[from, to) a well-formed cardinal (or ordinal, when the last one
// is) on its own?
bool ValidRun(const std::vector<NumberParserElement>& elems, std::size_t from, std::size_t to) {
  if (from >= to) return false;
  const auto& head = elems[from];
  if ((head.cls == NumClass::kHundred || head.cls == NumClass::kScale) && to - from > 1) {
    return false;
  }
  RunState state;
  Advance(head, &state);
  for (std::size_t k = from + 1; k < to; ++k) {
    if (!Follows(elems[k - 1], elems[k], state)) return false;
    Advance(elems[k], &state);
  }
  return true;
}

}  // namespace

bool NumberParser::ReadElement(std::size_t p, bool first, Element* e) const {
  const auto& toks = tt_.tokens;
  if (p >= toks.size()) return false;
  const Token& t = toks[p];
  *e = Element{};
  e->first = e->last = p;
  if (t.kind == TokenKind::kNumeral) {
    if (!t.valid || IsIdentifierPart(p) || IsNamePart(p) || IsDateOrTime(p)) return false;
    if (!first && !t.integer) return false;
    e->numeral = true;
    e->integer = t.integer;
    e->value = t.value;
    e->cls = t.value < 10 ? NumClass::kUnit : NumClass::kTeen;  // Refined by Follows().
    if (t.value >= 20) e->cls = NumClass::kTens;
    return true;
  }
  if (t.kind != TokenKind::kWord) return false;
  const WordInfo* info = t.info;
  const std::string_view w = tt_.Lower(t);
  if (first && (w == "a" || w == "an")) {
    const Token* next = p + 1 < toks.size() ? &toks[p + 1] : nullptr;
    if (next == nullptr || next->kind != TokenKind::kWord || next->info == nullptr) return false;
    const WordInfo& n = *next->info;
    const bool ok = n.cardinal_class == NumClass::kHundred ||
                    n.cardinal_class == NumClass::kScale ||
                    (n.cardinal_class == NumClass::kDozen && tt_.Lower(*next) == "dozen") ||
                    n.denominator_only || n.cardinal_class == NumClass::kTens ||
                    (n.ordinal_class != NumClass::kNone && n.ordinal > 2);
    if (!ok) return false;
    e->cls = NumClass::kUnit;
    e->value = 1;
    e->article = true;
    return true;
  }
  if (info == nullptr) return false;
  if (info->cardinal_class != NumClass::kNone) {
    e->cls = info->cardinal_class;
    e->value = info->cardinal;
    return true;
  }
  if (info->ordinal_class != NumClass::kNone) {
    e->cls = info->ordinal_class;
    e->value = info->ordinal;
    e->ordinal = true;
    e->plural_ordinal = info->ordinal_plural;
    e->denominator_only = info->denominator_only;
    return true;
  }
  return false;
}

std::size_t NumberParser::CollectRun(std::size_t i, std::vector<Element>* elems,
                                     bool nested) const {
  const auto& toks = tt_.tokens;
  RunState state;
  Element e;
  if (!ReadElement(i, true, &e)) return i;
  if (!e.numeral && !e.article && !e.ordinal &&
      (e.cls == NumClass::kScale || e.cls == NumClass::kDozen)) {
    return i;
  }
  elems->push_back(e);
  Advance(e, &state);
  std::size_t pos = i + 1;
  while (pos < toks.size() && !e.ordinal && e.cls != NumClass::kDozen) {
    std::size_t p = pos;
    bool hyphen = false;
    bool and_joined = false;
    if (toks[p].kind == TokenKind::kSymbol && IsDash(toks[p].symbol)) {
      // Attached on both sides ("twenty-one") or spaced on both ("ninety - five").
      const bool after_attached = p + 1 < toks.size() && !toks[p + 1].space_before;
      if (toks[p].space_before != after_attached) {
        hyphen = true;
        ++p;
      } else {
        break;
      }
    } else if (tt_.IsWord(p, "and") && !nested) {
      // "one hundred and three fifths": the fraction is added, not joined.
      double fraction = 0;
      std::size_t fraction_last = 0;
      if (!nested && ParseFractionAfterAnd(p + 1, &fraction, &fraction_last)) break;
      and_joined = true;
      ++p;
    }
    Element next;
    if (!ReadElement(p, false, &next)) break;
    const Element& prev = elems->back();
    if (next.ordinal) {
      // "one hundred and first"; but "two and a third" is a fraction tail.
      if (and_joined && (next.denominator_only ||
                         !(prev.cls == NumClass::kHundred || prev.cls == NumClass::kScale))) {
        break;
      }
      next.hyphen_joined = hyphen;
      elems->push_back(next);
      pos = p + 1;
      break;
    }
    if (next.numeral && prev.numeral) break;
    // "twenty-one"; "$1.5-billion".
    if (hyphen && !(prev.cls == NumClass::kTens && next.cls == NumClass::kUnit && !next.numeral) &&
        !(next.cls == NumClass::kScale && !next.numeral && !toks[p - 1].space_before)) {
      break;
    }
    if (and_joined && !(prev.cls == NumClass::kHundred || prev.cls == NumClass::kScale ||
                        (prev.cls == NumClass::kTens && next.cls == NumClass::kUnit))) {
      break;
    }
    // A numeral is a unit of its own only before "hundred" or a scale word.
    if (prev.numeral && !(next.cls == NumClass::kHundred || next.cls == NumClass::kScale ||
                          next.cls == NumClass::kDozen)) {
      break;
    }
    if (prev.article && !(next.cls == NumClass::kHundred || next.cls == NumClass::kScale ||
                          next.cls == NumClass::kDozen)) {
      // "a twenty-first": only a fraction denominator may follow.
      if (!nested && AppendDenominator(p, hyphen, elems)) return elems->back().last + 1;
      break;
    }
    if (!Follows(prev, next, state)) {
      // "three twenty-firsts", "twenty twenty fifths": a denominator run.
      if (!nested && !hyphen && !and_joined && AppendDenominator(p, false, elems)) {
        return elems->back().last + 1;
      }
      break;
    }
    next.hyphen_joined = hyphen;
    elems->push_back(next);
    Advance(next, &state);
    pos = p + 1;
    e = next;
  }
  return pos;
}

bool NumberParser::AppendDenominator(std::size_t p, bool hyphen,
                                     std::vector<Element>* elems) const {
  std::vector<Element> tail;
  CollectRun(p, &tail, /*nested=*/true);
  if (tail.size() < 2 || !tail.back().ordinal || tail[0].numeral || tail[0].article) {
    return false;
  }
  tail[0].hyphen_joined = hyphen;
  elems->insert(elems->end(), tail.begin(), tail.end());
  return true;
}

bool NumberParser::NounFollows(std::size_t i) const {
  const auto& toks = tt_.tokens;
  if (i + 1 >= toks.size() || toks[i + 1].kind != TokenKind::kWord) return false;
  const WordInfo* info = toks[i + 1].info;
  return info == nullptr || !(info->stop || info->cardinal_class != NumClass::kNone ||
                              info->ordinal_class != NumClass::kNone);
}

bool NumberParser::EvaluateOrdinalRun(const std::vector<Element>& elems, NumberPhrase* out) const {
  const std::size_t n = elems.size();
  const Element& ord = elems.back();
  if (n == 1) {
    if (ord.denominator_only) {
      // "half million", "quarter billion"; "half" alone is no amount.
      std::size_t next = ord.last + 1;
      const auto& toks = tt_.tokens;
      // "half a million", "half a dozen".
      if (tt_.IsWord(next, "a") || tt_.IsWord(next, "an")) ++next;
      const bool dozen = tt_.IsWord(next, "dozen");
      if (next >= toks.size() || toks[next].info == nullptr || ord.plural_ordinal ||
          !(toks[next].info->cardinal_class == NumClass::kScale || dozen)) {
        return false;
      }
      if (dozen) {
        out->value = 12 / ord.value;
        out->first = ord.first;
        out->last = next;
        return true;
      }
      out->fraction = true;
      out->value = 1 / ord.value;
      out->last = next - 1;  // ApplyTails multiplies by the scale word.
      return true;
    }
    out->ordinal = true;
    out->value = ord.value;
    out->last = ord.last;
    return true;
  }
  bool has_numeral = false;
  for (const auto& e : elems) has_numeral |= e.numeral;
  // Fraction: numerator elems[0,k), denominator elems[k,n). The denominator
  // is the longest valid suffix; a hyphen-joined word is never split off
  // unless the denominator is the ordinal alone ("one-fourth").
  for (std::size_t k = 1; k < n && !has_numeral; ++k) {
    if (elems[k].hyphen_joined && k != n - 1) continue;
    if (!ValidRun(elems, 0, k)) continue;
    if (k < n - 1 && !ValidRun(elems, k, n)) continue;
    if (k == n - 1 && !ord.denominator_only && ord.cls == NumClass::kUnit && ord.value <= 2) {
      continue;  // "a second", "one first": not fractions.
    }
    const double numerator = Accumulate(elems.data(), k);
    const double denominator = Accumulate(elems.data() + k, n - k);
    const bool one = k == 1 && numerator == 1;
    if (!(ord.plural_ordinal || ord.denominator_only || one)) break;
    if (denominator == 0) return false;
    if (!ord.plural_ordinal && !ord.denominator_only && elems[0].article &&
        NounFollows(ord.last)) {
      // "a third round of tariffs" counts rounds; "a third of them" is 1/3.
      out->ordinal = true;
      out->value = denominator;
      out->first = elems[1].first;
      out->last = ord.last;
      return true;
    }
    out->fraction = true;
    out->value = numerator / denominator;
    out->last = ord.last;
    return true;
  }
  if (!has_numeral && !ord.denominator_only && ValidRun(elems, 0, n) &&
      !(elems[0].article && n == 2 && elems[1].ordinal)) {
    out->ordinal = true;
    out->value = Accumulate(elems.data(), n);
    out->last = ord.last;
    return true;
  }
  // The ordinal does not belong to the number: keep the cardinal before it.
  std::vector<Element> cardinal(elems.begin(), elems.end() - 1);
  if (cardinal.empty() || cardinal.back().article) return false;
  if (cardinal.size() == 1 && cardinal[0].article) return false;
  out->value = Accumulate(cardinal.data(), cardinal.size());
  out->last = cardinal.back().last;
  return true;
}

bool NumberParser::ParseWordsOrNumerals(std::size_t i, NumberPhrase* out) const {
  std::vector<Element> elems;
  CollectRun(i, &elems);
  // A trailing article or an "and" never ends a phrase.
  while (!elems.empty() && elems.back().article) elems.pop_back();
  if (elems.empty()) return false;
  if (elems[0].article && !elems.back().ordinal && elems.size() > 1 &&
      !(elems[1].cls == NumClass::kHundred || elems[1].cls == NumClass::kScale ||
        elems[1].cls == NumClass::kDozen)) {
    return false;
  }
  *out = NumberPhrase{};
  out->first = i;
  for (const auto& e : elems) out->words |= !e.numeral;
  if (elems.back().ordinal) {
    if (!EvaluateOrdinalRun(elems, out)) return false;
  } else {
    if (elems.size() == 1 && elems[0].cls == NumClass::kHundred && !elems[0].numeral) {
      // A bare "hundred" counts only before a scale ("hundred thousand").
      return false;
    }
    out->value = Accumulate(elems.data(), elems.size());
    out->last = elems.back().last;
    const NumClass last_cls = elems.back().numeral ? NumClass::kNone : elems.back().cls;
    if (last_cls == NumClass::kScale || last_cls == NumClass::kDozen ||
        (last_cls == NumClass::kHundred && elems.size() > 1 && elems[0].numeral)) {
      out->has_magnitude = true;
      out->magnitude = elems.back().value;
    }
    if (elems.size() == 1 && elems[0].numeral) ApplyNumeralForms(out);
  }
  ApplyTails(elems, out);
  return true;
}

bool NumberParser::ParseAt(std::size_t i, NumberPhrase* out) const {
  if (!MaybeStart(i)) return false;
  const Token& t = tt_.tokens[i];
  if (t.kind == TokenKind::kWord) {
    const std::string_view w = tt_.Lower(t);
    if ((w == "minus" || w == "negative") && !t.capitalized) {
      if (!ParseWordsOrNumerals(i + 1, out) || out->ordinal) return false;
      out->first = i;
      out->value = -out->value;
      return true;
    }
    if (ParseVague(i, out)) return true;
    if (ParseMultiplierWord(i, out)) return true;
    if (options_.relative_ordinals && ParseRelative(i, out)) return true;
  }
  if (t.kind == TokenKind::kSymbol) return ParseSigned(i, out);
  return ParseWordsOrNumerals(i, out);
}

void NumberParser::FindAll(std::vector<NumberPhrase>* out) const {
  const std::size_t n = tt_.tokens.size();
  NumberPhrase phrase;
  for (std::size_t i = 0; i < n;) {
    if (ParseAt(i, &phrase)) {
      out->push_back(phrase);
      i = phrase.last + 1;
    } else {
      ++i;
    }
  }
}

}  // namespace newsx::extract::internal
