// The filters of the number grammar: numerals that belong to a date or time
// ("March 5", "10:30", "2024-01-05"), a name ("Windows 11") or an identifier
// ("F-35") are not quantities.
#include <cstddef>
#include <string_view>

#include "quantity/number_parser.h"
#include "quantity/number_tokens.h"

namespace newsx::extract::internal {
namespace {

constexpr std::string_view kYearPrepositions[] = {
    "in", "since", "by", "until", "till", "from", "to", "through", "during", "before", "after",
    "of", "early", "late", "mid", "year", "fiscal", "between", "and", "summer", "spring",
    "autumn", "winter", "fall", "around", "circa", "c", "end", "start"};

// True when token k makes the number before it an amount: a percent sign, or
// a word for a magnitude ("bn"), a scale ("million") or a currency ("euros").
bool AmountMarkerAt(const TokenizedText& tt, std::size_t k) {
  if (k >= tt.tokens.size()) return false;
  const Token& t = tt.tokens[k];
  if (t.kind == TokenKind::kSymbol) return t.symbol == '%';
  return t.kind == TokenKind::kWord && t.info != nullptr &&
         (!t.info->currency.empty() || t.info->suffix_magnitude != 0 ||
          t.info->cardinal_class == NumClass::kScale);
}

// Clock times "10:30": the number at p is either side of a glued ':'.
bool IsClockTime(const TokenizedText& tt, std::size_t p) {
  const auto& toks = tt.tokens;
  if (tt.Attached(p) && tt.IsSymbol(p + 1, ':') && tt.Attached(p + 1) && p + 2 < toks.size() &&
      toks[p + 2].kind == TokenKind::kNumeral) {
    return true;
  }
  return p >= 2 && !toks[p].space_before && tt.IsSymbol(p - 1, ':') &&
         toks[p - 2].kind == TokenKind::kNumeral;
}

// "3/12/2024", "24/7", "555/1234": numbers joined by slashes are dates,
// slogans and phone numbers, unless they read as a fraction ("1/4"). Any
// number after a slash is one; fractions are read from their numerator.
bool IsSlashedDateOrCode(const TokenizedText& tt, std::size_t p) {
  const auto& toks = tt.tokens;
  const bool slash_before = p >= 2 && !toks[p].space_before && tt.IsSymbol(p - 1, '/') &&
                            !toks[p - 1].space_before && toks[p - 2].kind == TokenKind::kNumeral;
  if (slash_before) return true;
  const bool slash_after = tt.Attached(p) && tt.IsSymbol(p + 1, '/') && tt.Attached(p + 1) &&
                           p + 2 < toks.size() && toks[p + 2].kind == TokenKind::kNumeral;
  return slash_after && !IsCommonFraction(tt, p);
}

// "+1-222-2222-2222", "2024-01-05", "1995-01": numbers joined by dashes into
// a code or a date. Three numbers in a chain, or a leading zero at either end
// of a shorter one, decide it ("10-12" stays a range).
bool IsDashedDateOrCode(const TokenizedText& tt, std::size_t p) {
  const auto& toks = tt.tokens;
  auto dash_link = [&](std::size_t left) {  // numeral at left, '-', numeral
    return left + 2 < toks.size() && toks[left].kind == TokenKind::kNumeral &&
           tt.IsSymbol(left + 1, '-') && tt.Attached(left) && tt.Attached(left + 1) &&
           toks[left + 2].kind == TokenKind::kNumeral;
  };
  // Two links either way decide it; walking further would be quadratic on
  // "1-2-3-4-...".
  std::size_t chain_first = p;
  for (int n = 0; n < 2 && chain_first >= 2 && dash_link(chain_first - 2); ++n) chain_first -= 2;
  std::size_t chain_last = p;
  for (int n = 0; n < 2 && dash_link(chain_last); ++n) chain_last += 2;
  if (chain_last - chain_first >= 4) return true;
  return chain_last != chain_first &&
         (toks[chain_first].leading_zero || toks[chain_last].leading_zero);
}

// "March 5", "Jan. 6", "5 March", "5th March": a day number next to a month.
bool IsDayOfMonth(const TokenizedText& tt, std::size_t p) {
  const auto& toks = tt.tokens;
  const Token& t = toks[p];
  if (!t.integer || t.value < 1 || t.value > 31 || t.int_digits > 2) return false;
  auto month_at = [&](std::size_t k) {
    return k < toks.size() && toks[k].info != nullptr && toks[k].info->month;
  };
  if (p >= 1 && month_at(p - 1)) return true;
  if (p >= 2 && tt.IsSymbol(p - 1, '.') && month_at(p - 2)) return true;
  std::size_t next = p + 1;
  if (next < toks.size() && toks[next].kind == TokenKind::kWord && !toks[next].space_before &&
      IsOrdinalSuffix(tt.Lower(toks[next]))) {
    ++next;
  }
  return month_at(next);
}

// Years: "in 2019", "2024,", "2019 Olympics", but not "$2019", "2000 chips"
// or "2019%". A year word before it decides; otherwise what follows does: the
// end of the text, punctuation, a capitalized word or a function word.
bool IsYear(const TokenizedText& tt, std::size_t p) {
  const auto& toks = tt.tokens;
  const Token& t = toks[p];
  if (!t.integer || t.grouped || t.int_digits != 4 || t.value < 1800 || t.value > 2100) {
    return false;
  }
  if (p >= 1 && CurrencySymbolAt(tt, p - 1)) return false;
  if (AmountMarkerAt(tt, p + 1)) return false;
  if (p >= 1 && toks[p - 1].kind == TokenKind::kWord) {
    const std::string_view prev = tt.Lower(toks[p - 1]);
    for (auto w : kYearPrepositions) {
      if (prev == w) return true;
    }
    if (toks[p - 1].info != nullptr && toks[p - 1].info->month) return true;
  }
  if (p + 1 >= toks.size()) return true;
  const Token& next = toks[p + 1];
  if (next.kind == TokenKind::kSymbol) return true;
  return next.kind == TokenKind::kWord && (next.capitalized || (next.info && next.info->stop));
}

}  // namespace

bool NumberParser::IsNamePart(std::size_t p) const {
  if (options_.include_name_numbers || p == 0) return false;
  const auto& toks = tt_.tokens;
  const Token& t = toks[p];
  if (!t.integer || t.grouped || t.int_digits > 4 || !t.space_before) return false;
  const Token& prev = toks[p - 1];
  // "No. 2", "no. 1 supplier".
  if (p >= 2 && tt_.IsSymbol(p - 1, '.') && tt_.IsWord(p - 2, "no")) return true;
  // "Windows 11", "Section 301": a capitalized name word, not one that starts
  // a sentence, and not a word the grammar knows ("More 5", "March 5").
  if (prev.kind != TokenKind::kWord || !prev.capitalized || prev.info != nullptr) return false;
  if (p < 2 || prev.line_start) return false;
  const Token& before = toks[p - 2];
  const bool sentence_start = before.kind == TokenKind::kSymbol &&
                              (before.symbol == '.' || before.symbol == '!' ||
                               before.symbol == '?' || before.symbol == ':' ||
                               before.symbol == '"' || before.symbol == 0x201C);
  if (sentence_start) return false;
  // A magnitude, percent or currency after the number makes it an amount.
  return !AmountMarkerAt(tt_, p + 1);
}

bool NumberParser::IsIdentifierPart(std::size_t p) const {
  const auto& toks = tt_.tokens;
  if (p == 0 || toks[p].space_before) return false;
  const Token& prev = toks[p - 1];
  if (prev.kind == TokenKind::kWord) {
    return prev.info == nullptr || !prev.info->currency_code;  // "H200", not "USD115"
  }
  // "F-35", "COVID-19": a word, a dash and the numeral, all glued.
  if (prev.kind == TokenKind::kSymbol && IsDash(prev.symbol) && p >= 2 && !prev.space_before &&
      toks[p - 2].kind == TokenKind::kWord) {
    const WordInfo* info = toks[p - 2].info;
    return info == nullptr || info->cardinal_class == NumClass::kNone;
  }
  return false;
}

bool NumberParser::IsDateOrTime(std::size_t p) const {
  if (options_.include_date_numbers) return false;
  return IsClockTime(tt_, p) || IsSlashedDateOrCode(tt_, p) || IsDashedDateOrCode(tt_, p) ||
         IsDayOfMonth(tt_, p) || IsYear(tt_, p);
}

}  // namespace newsx::extract::internal
