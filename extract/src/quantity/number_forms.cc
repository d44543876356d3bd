// Numeral forms (suffix magnitudes, powers, mixed fractions), signs and the
// tails of word numbers ("point five", "and a half"). The filters that keep
// dates, names and identifiers out are in number_filters.cc.
#include <cmath>
#include <string_view>

#include "quantity/number_parser.h"
#include "quantity/number_tokens.h"

namespace newsx::extract::internal {
namespace {

double VulgarFraction(char32_t c) {
  switch (c) {
    case 0xBC: return 0.25;
    case 0xBD: return 0.5;
    case 0xBE: return 0.75;
    case 0x2153: return 1.0 / 3;
    case 0x2154: return 2.0 / 3;
    case 0x2155: return 0.2;
    case 0x2156: return 0.4;
    case 0x2157: return 0.6;
    case 0x2158: return 0.8;
    case 0x2159: return 1.0 / 6;
    case 0x215A: return 5.0 / 6;
    case 0x215B: return 0.125;
    case 0x215C: return 0.375;
    case 0x215D: return 0.625;
    case 0x215E: return 0.875;
    default: return 0;
  }
}

// Words glued to a numeral that multiply it ("10k", "1.5bn"), by raw spelling
// so that "M" (million) differs from "m" (metre).
double AttachedMagnitude(std::string_view raw, std::string_view lower, const WordInfo* info,
                         bool decimal, bool after_currency) {
  if (raw == "M" || (raw == "m" && (decimal || after_currency))) return 1e6;
  if (raw == "G" || raw == "B") return 1e9;
  if (raw == "T" && after_currency) return 1e12;
  if (lower == "m" || lower == "g" || lower == "t") return 0;
  return info != nullptr ? info->suffix_magnitude : 0;
}

// Multiplies the phrase by a magnitude that ends it at token `last`.
void ApplyMagnitude(double magnitude, std::size_t last, NumberPhrase* out) {
  out->value *= magnitude;
  out->has_magnitude = true;
  out->magnitude = magnitude;
  out->last = last;
}

// Reads a signed exponent starting at token k ("23", "-1", "+14"), all glued.
bool ExponentAt(const TokenizedText& tt, std::size_t k, std::size_t* end, double* exp) {
  const auto& toks = tt.tokens;
  int sign = 1;
  while (k < toks.size() && !toks[k].space_before && toks[k].kind == TokenKind::kSymbol &&
         (toks[k].symbol == '+' || toks[k].symbol == '-')) {
    if (toks[k].symbol == '-') sign = -sign;
    ++k;
  }
  if (k >= toks.size() || toks[k].space_before || toks[k].kind != TokenKind::kNumeral) {
    return false;
  }
  *exp = sign * toks[k].value;
  *end = k;
  return true;
}

// Powers glued to the numeral at j - 1: "1.1^23", "2.5^-1", "12.32e+14",
// "1.3x10^6".
bool MatchPower(const TokenizedText& tt, std::size_t j, NumberPhrase* out) {
  const auto& toks = tt.tokens;
  const Token& next = toks[j];
  const std::string_view lower = tt.Lower(next);
  double exp = 0;
  std::size_t end = 0;
  if (next.kind == TokenKind::kSymbol && next.symbol == '^' && ExponentAt(tt, j + 1, &end, &exp)) {
    out->value = std::pow(out->value, exp);
    out->last = end;
    return true;
  }
  const bool times_ten = next.kind == TokenKind::kWord && lower == "x" && tt.Attached(j) &&
                         j + 2 < toks.size() && toks[j + 1].kind == TokenKind::kNumeral &&
                         toks[j + 1].value == 10 && tt.IsSymbol(j + 2, '^') &&
                         !toks[j + 2].space_before;
  if ((next.kind == TokenKind::kWord && lower == "e" && ExponentAt(tt, j + 1, &end, &exp)) ||
      (times_ten && ExponentAt(tt, j + 3, &end, &exp))) {
    out->value *= std::pow(10.0, exp);
    out->last = end;
    return true;
  }
  return false;
}

// "1/4", "3/8" (common denominators only: "3/12" is likelier a date and
// "2222/2222" a phone number), and not after a slash ("3/1/4").
bool MatchSlashFraction(const TokenizedText& tt, NumberPhrase* out) {
  const auto& toks = tt.tokens;
  const std::size_t i = out->first;
  const std::size_t j = i + 1;
  if (!tt.IsSymbol(j, '/') || !tt.Attached(j) || toks[j + 1].kind != TokenKind::kNumeral ||
      !toks[j + 1].integer || !IsCommonFraction(tt, i) ||
      (i >= 1 && !toks[i].space_before && tt.IsSymbol(i - 1, '/'))) {
    return false;
  }
  out->value /= toks[j + 1].value;
  out->last = j + 1;
  out->fraction = true;
  return true;
}

// "2½": a vulgar fraction glued to an integer adds to it.
bool MatchVulgarFraction(const TokenizedText& tt, NumberPhrase* out) {
  const std::size_t j = out->first + 1;
  const Token& next = tt.tokens[j];
  if (next.kind != TokenKind::kSymbol || VulgarFraction(next.symbol) == 0 ||
      !tt.tokens[out->first].integer) {
    return false;
  }
  out->value += VulgarFraction(next.symbol);
  out->last = j;
  out->fraction = true;
  return true;
}

// Letters glued to a numeral: an ordinal suffix ("21st"), a magnitude ("10k",
// "1.5bn", "$5T"), a multiplier ("3x", "5fold"), or anything else, which
// marks the numeral as glued to letters ("5nm").
void ApplyGluedWord(const TokenizedText& tt, NumberPhrase* out) {
  const auto& toks = tt.tokens;
  const std::size_t i = out->first;
  const std::size_t j = i + 1;
  const Token& t = toks[i];
  const Token& next = toks[j];
  const std::string_view lower = tt.Lower(next);
  if (t.integer && IsOrdinalSuffix(lower)) {
    out->ordinal = true;
    out->last = j;
    return;
  }
  // A currency before the number makes "m" and "T" magnitudes ("$5m").
  const bool after_currency =
      (i >= 1 && CurrencySymbolAt(tt, i - 1)) ||
      (i >= 1 && toks[i - 1].info != nullptr && toks[i - 1].info->currency_code);
  const double mag = AttachedMagnitude(tt.Raw(next), lower, next.info, !t.integer, after_currency);
  // Not when a numeral is glued after it ("1.5m2", "5k2"): a unit power or a code.
  if (mag != 0 && !(tt.Attached(j) && j + 1 < toks.size() &&
                    toks[j + 1].kind == TokenKind::kNumeral)) {
    ApplyMagnitude(mag, j, out);
    return;
  }
  if (lower == "fold" || lower == "x") {
    out->multiplier = true;
    out->last = j;
    return;
  }
  out->attached_letters = true;
}

// A token glued to a lone numeral: a power, a fraction or letters.
void ApplyGluedForm(const TokenizedText& tt, NumberPhrase* out) {
  const std::size_t j = out->first + 1;
  if (MatchPower(tt, j, out) || MatchSlashFraction(tt, out) || MatchVulgarFraction(tt, out)) {
    return;
  }
  if (tt.tokens[j].kind == TokenKind::kWord) ApplyGluedWord(tt, out);
}

// "10 bn", "5 M": a magnitude abbreviation after a space, unless more text is
// glued to it ("5 M3" is a name; "5 bn." keeps it).
bool MatchSpacedAbbreviation(const TokenizedText& tt, std::size_t j, NumberPhrase* out) {
  const auto& toks = tt.tokens;
  if (toks[j].kind != TokenKind::kWord) return false;
  const std::string_view raw = tt.Raw(toks[j]);
  const std::string_view lower = tt.Lower(toks[j]);
  const bool abbreviation = lower == "k" || lower == "bn" || lower == "bln" || lower == "mn" ||
                            lower == "mln" || lower == "mil" || lower == "tn" || lower == "tln" ||
                            lower == "trn" || raw == "M";
  const bool glued_more = tt.Attached(j) && toks[j + 1].kind != TokenKind::kSymbol;
  if (!abbreviation || glued_more) return false;
  ApplyMagnitude(raw == "M" ? 1e6 : toks[j].info->suffix_magnitude, j, out);
  return true;
}

// Mixed fractions: "2 1/4", the fraction spaced from the integer and glued
// together, proper, and not followed by more glued text ("2 1/4/2024").
void MatchMixedFraction(const TokenizedText& tt, NumberPhrase* out) {
  const auto& toks = tt.tokens;
  const std::size_t j = out->first + 1;
  if (toks[out->first].integer && j + 2 < toks.size() && toks[j].space_before &&
      toks[j].kind == TokenKind::kNumeral && toks[j].integer && tt.IsSymbol(j + 1, '/') &&
      !toks[j + 1].space_before && !toks[j + 2].space_before &&
      toks[j + 2].kind == TokenKind::kNumeral && toks[j + 2].integer &&
      toks[j].value < toks[j + 2].value && !tt.Attached(j + 2)) {
    out->value += toks[j].value / toks[j + 2].value;
    out->last = j + 2;
    out->fraction = true;
  }
}

// The factor of the scale word at token k ("million"), or 0.
double ScaleAt(const TokenizedText& tt, std::size_t k) {
  if (k < tt.tokens.size() && tt.tokens[k].info != nullptr &&
      tt.tokens[k].info->cardinal_class == NumClass::kScale) {
    return tt.tokens[k].info->cardinal;
  }
  return 0;
}

// "three quarters billion", "a quarter of a million": a scale after a
// fraction multiplies it, and the phrase is then an amount, not a fraction.
void MatchScaleAfterFraction(const TokenizedText& tt, std::size_t j, NumberPhrase* out) {
  std::size_t k = j;
  if (tt.IsWord(k, "of") && (tt.IsWord(k + 1, "a") || tt.IsWord(k + 1, "an"))) k += 2;
  if (const double s = ScaleAt(tt, k); s != 0) {
    ApplyMagnitude(s, k, out);
    out->fraction = false;
  }
}

// The value of the digit word at token *k ("five": one digit) or of a
// two-digit word ("twelve", "seventy-one"), with its digit count in *digits
// (0 for any other word); advances *k to the word's last token.
double DecimalDigitsAt(const TokenizedText& tt, std::size_t* k, int* digits) {
  const auto& toks = tt.tokens;
  const WordInfo& w = *toks[*k].info;
  *digits = 0;
  if (w.cardinal_class == NumClass::kUnit) {
    *digits = 1;
    return w.cardinal;
  }
  if (w.cardinal_class != NumClass::kTens && w.cardinal_class != NumClass::kTeen) return 0;
  double v = w.cardinal;
  if (w.cardinal_class == NumClass::kTens && *k + 2 < toks.size() && tt.IsSymbol(*k + 1, '-') &&
      toks[*k + 2].info != nullptr && toks[*k + 2].info->cardinal_class == NumClass::kUnit) {
    v += toks[*k + 2].info->cardinal;
    *k += 2;
  }
  *digits = 2;
  return v;
}

// "two hundred point seventy-one": the digit words after "point" (at j) are
// read one by one, each a decimal place ("seventy-one" two places).
void MatchPointDigits(const TokenizedText& tt, std::size_t j, NumberPhrase* out) {
  double scale = 0.1;
  double decimals = 0;
  std::size_t k = j + 1;
  std::size_t last = 0;
  while (k < tt.tokens.size() && tt.tokens[k].info != nullptr) {
    int digits = 0;
    const double v = DecimalDigitsAt(tt, &k, &digits);
    if (digits == 0) break;
    if (digits == 1) {
      decimals += v * scale;
      scale /= 10;
    } else {
      decimals += v * scale / 10;
      scale /= 100;
    }
    last = k;
    ++k;
  }
  if (last != 0) {
    out->value += out->value < 0 ? -decimals : decimals;
    out->last = last;
  }
}

// "one and a half", "3 million and a half", "five billion and three
// quarters": the fraction read after "and", ending at token `last`, counts
// in the unit of the scale around it.
void AddFractionAfterAnd(const TokenizedText& tt, const std::vector<NumberParserElement>& elems,
                         double fraction, std::size_t last, NumberPhrase* out) {
  double unit = 1;
  if (const double s = ScaleAt(tt, last + 1); s != 0) {
    ++last;
    if (!out->has_magnitude) {  // "one and a half million"
      out->value = (out->value + fraction) * s;
      out->last = last;
      out->fraction = out->words = out->has_magnitude = true;
      out->magnitude = s;
      return;
    }
    unit = s;  // "one billion and a half million"
  } else if (!elems.empty() && elems.back().cls == NumClass::kScale && !elems.back().numeral) {
    unit = elems.back().value;
  } else if (out->has_magnitude && out->magnitude >= 1000) {
    unit = out->magnitude;
  }
  out->value += fraction * unit;
  out->last = last;
  out->fraction = true;
  out->words = true;
}

}  // namespace

bool NumberParser::MaybeStart(std::size_t i) const {
  const Token& t = tt_.tokens[i];
  if (t.kind == TokenKind::kNumeral) return true;
  if (t.kind == TokenKind::kSymbol) {
    return IsDash(t.symbol) || VulgarFraction(t.symbol) != 0;
  }
  // Called for every token: the lexicon marks the words that may open a
  // number phrase ("two", "a", "several", "sixfold"); "6-fold" starts at 6.
  return t.info != nullptr && t.info->starts_number;
}

// Forms glued to a lone numeral, or one space after it. A glued token that
// no form takes ends the phrase; only a spaced one can start another form.
void NumberParser::ApplyNumeralForms(NumberPhrase* out) const {
  const std::size_t j = out->first + 1;
  if (j >= tt_.tokens.size()) return;
  if (!tt_.tokens[j].space_before) {
    ApplyGluedForm(tt_, out);
    return;
  }
  if (MatchSpacedAbbreviation(tt_, j, out)) return;
  MatchMixedFraction(tt_, out);
}

bool NumberParser::ParseSigned(std::size_t i, NumberPhrase* out) const {
  const auto& toks = tt_.tokens;
  const Token& t = toks[i];
  if (VulgarFraction(t.symbol) != 0) {
    *out = NumberPhrase{};
    out->first = out->last = i;
    out->value = VulgarFraction(t.symbol);
    out->fraction = true;
    return true;
  }
  if (!IsDash(t.symbol) || t.symbol == 0x2014 || i + 1 >= toks.size()) return false;
  const bool prev_ok = i == 0 || t.line_start ||
                       (t.space_before && toks[i - 1].kind != TokenKind::kNumeral) ||
                       tt_.IsSymbol(i - 1, '(');
  const bool glued = !toks[i + 1].space_before;
  // "-1", and "- 1 4/5" only at the start of a line (elsewhere a spaced dash
  // is punctuation or a range).
  if (!prev_ok || (!glued && !t.line_start) || toks[i + 1].kind != TokenKind::kNumeral) {
    return false;
  }
  if (!ParseWordsOrNumerals(i + 1, out) || out->ordinal) return false;
  out->first = i;
  out->value = -out->value;
  return true;
}

// Words after a number phrase that extend it: a scale after a fraction, the
// digits after "point", and a fraction after "and".
void NumberParser::ApplyTails(const std::vector<Element>& elems, NumberPhrase* out) const {
  const std::size_t j = out->last + 1;
  if (out->fraction) {
    MatchScaleAfterFraction(tt_, j, out);
    return;
  }
  // Ordinals take no tail; a numeral only "and a half" ("3 million and a half").
  if (out->ordinal || (!out->words && !tt_.IsWord(j, "and"))) return;
  if (out->words && tt_.IsWord(j, "point")) {
    MatchPointDigits(tt_, j, out);
    return;
  }
  double fraction = 0;
  std::size_t last = 0;
  if (tt_.IsWord(j, "and") && ParseFractionAfterAnd(j + 1, &fraction, &last)) {
    AddFractionAfterAnd(tt_, elems, fraction, last, out);
  }
}

bool NumberParser::ParseFractionAfterAnd(std::size_t p, double* fraction,
                                         std::size_t* last) const {
  if (p >= tt_.tokens.size()) return false;
  std::vector<Element> elems;
  CollectRun(p, &elems, /*nested=*/true);
  if (elems.size() < 2 || !elems.back().ordinal || elems[0].numeral) return false;
  NumberPhrase phrase;
  if (!EvaluateOrdinalRun(elems, &phrase) || !phrase.fraction) return false;
  *fraction = phrase.value;
  *last = phrase.last;
  return true;
}

}  // namespace newsx::extract::internal
