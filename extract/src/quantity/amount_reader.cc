// Reading one amount with its unit markers: currency symbols and codes,
// currency words ("five million yen"), cents, percent, multiples and
// dimension units.
#include <string>

#include "quantity/quantity_builder.h"

namespace newsx::extract::internal {
namespace {

bool IsWordToken(const Token& t) { return t.kind == TokenKind::kWord; }

// The singular period of an age ("months" -> "month"), or empty.
std::string_view AgePeriod(std::string_view w) {
  if (w == "year" || w == "years") return "year";
  if (w == "month" || w == "months") return "month";
  if (w == "week" || w == "weeks") return "week";
  if (w == "day" || w == "days") return "day";
  return {};
}

}  // namespace

void QuantityBuilder::ReadAmount(const NumberPhrase& phrase, std::size_t floor, Amount* a) const {
  *a = Amount{};
  a->phrase = &phrase;
  a->first = phrase.first;
  a->last = phrase.last;
  a->value = phrase.value;
  a->vague = phrase.vague;
  a->low = phrase.low;
  a->high = phrase.high;
  a->approx = phrase.vague;
  if (phrase.ordinal) {
    a->kind = "ordinal";
    return;
  }
  if (phrase.multiplier) {
    a->kind = "multiple";
    a->unit = "multiple";
    return;
  }
  std::size_t first = 0;
  const std::string_view prefix =
      phrase.first == 0 ? std::string_view() : CurrencyPrefix(tables_, tt_, phrase.first - 1, floor, &first);
  if (!prefix.empty()) {
    a->first = first;
    a->kind = "money";
    a->currency = prefix;
    a->unit = std::string(prefix);
    // "USD 5 million" is read by the number grammar; "75 USD million" below.
  }
  if (phrase.attached_letters) {
    // "115USD", "5nm"; else an identifier such as "3b2".
    if (!ReadCurrencySuffix(a) && !ReadUnitSuffix(a)) a->kind = "";
    return;
  }
  if (ReadPercent(a)) return;
  if (a->kind != "money" && ReadCurrencySuffix(a)) return;
  if (a->kind == "money") {
    ReadCents(a);
    return;
  }
  const auto& toks = tt_.tokens;
  const std::size_t k = a->last + 1;
  if (k < toks.size() && IsWordToken(toks[k])) {
    const std::string_view w = tt_.Lower(toks[k]);
    if (w == "times" || w == "fold") {
      a->kind = "multiple";
      a->unit = "multiple";
      a->last = k;
      return;
    }
  }
  if (tt_.IsSymbol(k, '-') && tt_.Attached(k) && tt_.IsWord(k + 1, "fold")) {
    a->kind = "multiple";
    a->unit = "multiple";
    a->last = k + 1;
    return;
  }
  if (ReadUnitSuffix(a)) return;
  // "aged 30", "a man of age 87".
  if (a->first >= 1 && a->first - 1 >= floor &&
      (tt_.IsWord(a->first - 1, "aged") || tt_.IsWord(a->first - 1, "age"))) {
    a->kind = "age";
    a->unit = "year";
    a->first -= 1;
  }
}

bool QuantityBuilder::ReadPercent(Amount* a) const {
  const auto& toks = tt_.tokens;
  std::size_t k = a->last + 1;
  // "30-percent stake".
  if (tt_.IsSymbol(k, '-') && !toks[k].space_before && tt_.Attached(k) &&
      (tt_.IsWord(k + 1, "percent") || tt_.IsWord(k + 1, "pct"))) {
    ++k;
  }
  if (k >= toks.size()) return false;
  std::size_t last = 0;
  std::string unit = "percent";
  if (toks[k].kind == TokenKind::kSymbol && (toks[k].symbol == '%' || toks[k].symbol == 0xFF05)) {
    last = k;
  } else if (IsWordToken(toks[k])) {
    const std::string_view w = tt_.Lower(toks[k]);
    if (w == "percent" || w == "percents" || w == "pct" || w == "percentage" ||
        w == "percentages") {
      last = k;
    } else if (w == "per" && tt_.IsWord(k + 1, "cent")) {
      last = k + 1;
    } else if (w == "basis" && (tt_.IsWord(k + 1, "points") || tt_.IsWord(k + 1, "point"))) {
      last = k + 1;
      unit = "basis point";
    } else if (w == "bps" || w == "bp") {
      last = k;
      unit = "basis point";
    }
  }
  if (last == 0) return false;
  // "percentage points", "percentage-point", "% points".
  std::size_t p = last + 1;
  if (tt_.IsSymbol(p, '-') && tt_.Attached(p)) ++p;
  if (unit == "percent" && (tt_.IsWord(p, "points") || tt_.IsWord(p, "point"))) {
    unit = "percentage point";
    last = p;
  }
  a->kind = "percent";
  a->unit = unit;
  a->last = last;
  return true;
}

bool QuantityBuilder::ReadCurrencySuffix(Amount* a) const {
  const auto& toks = tt_.tokens;
  std::size_t k = a->last + 1;
  if (k >= toks.size()) return false;
  // "10 $", "100 ₡".
  if (toks[k].kind == TokenKind::kSymbol) {
    const std::string_view iso = CurrencySymbolCode(toks[k].symbol);
    if (!iso.empty() && !(k + 1 < toks.size() && toks[k + 1].kind == TokenKind::kNumeral &&
                          !toks[k + 1].space_before)) {
      a->kind = "money";
      a->currency = iso;
      a->unit = std::string(iso);
      a->last = k;
      return true;
    }
    // "12-cent", "one-yen".
    if (!(toks[k].symbol == '-' && tt_.Attached(k) && !toks[k].space_before)) return false;
    ++k;
  }
  // "billions of dollars".
  if ((a->vague || (a->phrase->has_magnitude && a->phrase->words)) && tt_.IsWord(k, "of")) ++k;
  // "canadian dollars", "hong kong dollars", "u.s. dollars".
  std::string_view nationality;
  std::size_t c = k;
  for (int n = 0; n < 5 && c < toks.size(); ++n) {  // "u . s ." is four tokens
    const Token& t = toks[c];
    if (!IsWordToken(t)) {
      if (t.kind == TokenKind::kSymbol && t.symbol == '.' && !t.space_before) {
        ++c;
        continue;
      }
      break;
    }
    if (t.info != nullptr && !t.info->currency.empty()) break;
    const std::string_view w = tt_.Lower(t);
    if (!IsNationalityWord(tables_, w)) break;
    nationality = (w == "u" || w == "s") ? std::string_view("us") : w;
    ++c;
  }
  if (c >= toks.size() || toks[c].info == nullptr || toks[c].info->currency.empty()) return false;
  const WordInfo& info = *toks[c].info;
  std::string_view iso = info.currency;
  if (!nationality.empty()) {
    const std::string_view national = NationalCurrency(tables_, nationality, iso);
    if (!national.empty()) iso = national;
  }
  a->kind = "money";
  a->currency = iso;
  a->unit = std::string(iso);
  a->value *= info.currency_scale;
  a->low *= info.currency_scale;
  a->high *= info.currency_scale;
  a->last = c;
  // "75 USD million".
  if (c + 1 < toks.size() && toks[c + 1].info != nullptr &&
      toks[c + 1].info->cardinal_class == NumClass::kScale && !a->phrase->has_magnitude) {
    a->value *= toks[c + 1].info->cardinal;
    a->last = c + 1;
    return true;
  }
  if (iso == "GBP" && tt_.IsWord(c + 1, "sterling")) a->last = ++c;  // "5 pounds sterling"
  if (info.currency_scale == 1) ReadCents(a);
  return true;
}

void QuantityBuilder::ReadCents(Amount* a) const {
  // "thirteen dollars and forty-five cents", "15 dollars 50".
  const auto& toks = tt_.tokens;
  const std::size_t c = a->last;
  if (a->vague || c + 1 >= toks.size() || !IsWordToken(toks[c])) return;
  std::size_t k = c + 1;
  const bool and_joined = tt_.IsWord(k, "and");
  if (and_joined) ++k;
  NumberParser parser(tt_, options_);
  NumberPhrase cents;
  if (!parser.ParseAt(k, &cents) || cents.ordinal || cents.vague || cents.fraction ||
      cents.value >= 100 || cents.value < 0 || cents.attached_letters) {
    return;
  }
  std::size_t last = cents.last;
  if (last + 1 < toks.size() && IsWordToken(toks[last + 1]) && toks[last + 1].info != nullptr &&
      toks[last + 1].info->currency_scale < 1) {
    ++last;  // "cents"
  } else if (and_joined || (last + 1 < toks.size() && IsWordToken(toks[last + 1]) &&
                            (toks[last + 1].info == nullptr || !toks[last + 1].info->stop))) {
    return;  // "5 dollars 20 people" counts people.
  }
  a->value += cents.value / 100;
  a->last = last;
}

bool QuantityBuilder::ReadUnitSuffix(Amount* a) const {
  const auto& toks = tt_.tokens;
  std::size_t k = a->last + 1;
  if (k >= toks.size()) return false;
  // "N°C", "N °F".
  if (toks[k].kind == TokenKind::kSymbol && toks[k].symbol == 0xB0) {
    std::string unit = "degree";
    std::size_t last = k;
    if (tt_.Attached(k) && (tt_.IsWord(k + 1, "c") || tt_.IsWord(k + 1, "f"))) {
      unit = tt_.IsWord(k + 1, "c") ? "C" : "F";
      last = k + 1;
    }
    a->kind = "temperature";
    a->unit = unit;
    a->last = last;
    return true;
  }
  if (tt_.IsSymbol(k, '-') && tt_.Attached(k) && !toks[k].space_before) ++k;
  if (k >= toks.size() || !IsWordToken(toks[k])) return false;
  const std::string_view w = tt_.Lower(toks[k]);
  // Ages: "a 10-year-old", "30 years old", "18 months of age", "87 yo".
  const std::string_view period = AgePeriod(w);
  if (!period.empty()) {
    std::size_t last = 0;
    if (tt_.IsWord(k + 1, "old")) {
      last = k + 1;
    } else if (tt_.IsSymbol(k + 1, '-') && tt_.IsWord(k + 2, "old")) {
      last = k + 2;
    } else if (tt_.IsWord(k + 1, "of") && tt_.IsWord(k + 2, "age")) {
      last = k + 2;
    }
    if (last != 0) {
      a->kind = "age";
      a->unit = std::string(period);
      a->last = last;
      return true;
    }
  }
  if (w == "yo") {
    a->kind = "age";
    a->unit = "year";
    a->last = k;
    return true;
  }
  const UnitWord* unit = FindUnitWord(tables_, w);
  // Time words only form rates ("km per hour"); "3 days" is a count of days.
  if (unit == nullptr || unit->kind == "time") return false;
  // A lone "g"/"w"/"t" is a unit only when glued to the numeral ("5g");
  // "m" also spaced ("the 100 m sprint").
  if (w.size() == 1 && toks[k].space_before && w != "m") return false;
  // "45 degrees angle" is an angle, not a temperature.
  if (unit->kind == "temperature" && tt_.IsWord(k + 1, "angle")) return false;
  a->kind = unit->kind;
  a->unit = std::string(unit->unit);
  a->last = k;
  // Two-word units: "square metres", "cubic feet", "metric tons".
  if (unit->kind == "prefix") {
    const UnitWord* base = k + 1 < toks.size() ? FindUnitWord(tables_, tt_.Lower(toks[k + 1])) : nullptr;
    if (base == nullptr || base->kind != "dimension") return false;
    a->kind = base->kind;
    a->unit = std::string(unit->unit) + std::string(base->unit);
    a->last = k + 1;
    return true;
  }
  if (unit->kind == "dimension") {
    ReadCompoundUnit(a);
    return true;
  }
  if (unit->kind == "temperature" && tt_.IsSymbol(k + 1, '.') && w == "deg") a->last = k + 1;
  if (unit->kind == "temperature" && k + 1 < toks.size()) {
    const std::string_view scale = tt_.Lower(toks[k + 1]);
    if (scale == "celsius" || scale == "c" || scale == "centigrade") {
      a->unit = "C";
      a->last = k + 1;
    } else if (scale == "fahrenheit" || scale == "f") {
      a->unit = "F";
      a->last = k + 1;
    }
  }
  return true;
}

void QuantityBuilder::ReadCompoundUnit(Amount* a) const {
  const auto& toks = tt_.tokens;
  std::size_t k = a->last + 1;
  // Rates: "100 km per hour", "50 km/ms".
  if (tt_.IsWord(k, "per") || (tt_.IsSymbol(k, '/') && tt_.Attached(k))) {
    const UnitWord* per = k + 1 < toks.size() ? FindUnitWord(tables_, tt_.Lower(toks[k + 1])) : nullptr;
    if (per != nullptr && (per->kind == "time" || per->kind == "dimension")) {
      a->unit += "/" + std::string(per->unit);
      a->last = k + 1;
      return;
    }
  }
  // "5 ft 2 in", "5 feet and 2 inches".
  if (a->unit != "ft") return;
  if (tt_.IsWord(k, "and")) ++k;
  if (k + 1 >= toks.size() || toks[k].kind != TokenKind::kNumeral || !toks[k].integer ||
      toks[k].value >= 12) {
    return;
  }
  const std::string_view inch = tt_.Lower(toks[k + 1]);
  if (inch == "in" || inch == "inch" || inch == "inches") {
    a->value += toks[k].value / 12;
    a->last = k + 1;
  }
}

}  // namespace newsx::extract::internal
