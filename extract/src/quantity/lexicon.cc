// The English word tables of the quantity grammar, as data.
#include "quantity/lexicon.h"

#include <string>

namespace newsx::extract::internal {
namespace {

struct NumberWord {
  std::string_view word;
  NumClass cls;
  double value;
};

constexpr NumberWord kCardinals[] = {
    {"zero", NumClass::kUnit, 0},       {"nought", NumClass::kUnit, 0},
    {"naught", NumClass::kUnit, 0},     {"one", NumClass::kUnit, 1},
    {"two", NumClass::kUnit, 2},        {"three", NumClass::kUnit, 3},
    {"four", NumClass::kUnit, 4},       {"five", NumClass::kUnit, 5},
    {"six", NumClass::kUnit, 6},        {"seven", NumClass::kUnit, 7},
    {"eight", NumClass::kUnit, 8},      {"nine", NumClass::kUnit, 9},
    {"ten", NumClass::kTeen, 10},       {"eleven", NumClass::kTeen, 11},
    {"twelve", NumClass::kTeen, 12},    {"thirteen", NumClass::kTeen, 13},
    {"fourteen", NumClass::kTeen, 14},  {"fifteen", NumClass::kTeen, 15},
    {"sixteen", NumClass::kTeen, 16},   {"seventeen", NumClass::kTeen, 17},
    {"eighteen", NumClass::kTeen, 18},  {"nineteen", NumClass::kTeen, 19},
    {"twenty", NumClass::kTens, 20},    {"thirty", NumClass::kTens, 30},
    {"forty", NumClass::kTens, 40},     {"fourty", NumClass::kTens, 40},
    {"fifty", NumClass::kTens, 50},     {"sixty", NumClass::kTens, 60},
    {"seventy", NumClass::kTens, 70},   {"eighty", NumClass::kTens, 80},
    {"ninety", NumClass::kTens, 90},    {"hundred", NumClass::kHundred, 100},
    {"thousand", NumClass::kScale, 1e3}, {"million", NumClass::kScale, 1e6},
    {"billion", NumClass::kScale, 1e9}, {"trillion", NumClass::kScale, 1e12},
    {"lakh", NumClass::kScale, 1e5},    {"crore", NumClass::kScale, 1e7},
    {"dozen", NumClass::kDozen, 12},    {"dozens", NumClass::kDozen, 12},
    {"doz", NumClass::kDozen, 12},      {"dozs", NumClass::kDozen, 12},
};

constexpr NumberWord kOrdinals[] = {
    {"first", NumClass::kUnit, 1},         {"second", NumClass::kUnit, 2},
    {"third", NumClass::kUnit, 3},         {"fourth", NumClass::kUnit, 4},
    {"fifth", NumClass::kUnit, 5},         {"sixth", NumClass::kUnit, 6},
    {"seventh", NumClass::kUnit, 7},       {"eighth", NumClass::kUnit, 8},
    {"ninth", NumClass::kUnit, 9},         {"nineth", NumClass::kUnit, 9},
    {"tenth", NumClass::kTeen, 10},        {"eleventh", NumClass::kTeen, 11},
    {"twelfth", NumClass::kTeen, 12},      {"thirteenth", NumClass::kTeen, 13},
    {"fourteenth", NumClass::kTeen, 14},   {"fifteenth", NumClass::kTeen, 15},
    {"sixteenth", NumClass::kTeen, 16},    {"seventeenth", NumClass::kTeen, 17},
    {"eighteenth", NumClass::kTeen, 18},   {"nineteenth", NumClass::kTeen, 19},
    {"twentieth", NumClass::kTens, 20},    {"thirtieth", NumClass::kTens, 30},
    {"fortieth", NumClass::kTens, 40},     {"fiftieth", NumClass::kTens, 50},
    {"sixtieth", NumClass::kTens, 60},     {"seventieth", NumClass::kTens, 70},
    {"eightieth", NumClass::kTens, 80},    {"ninetieth", NumClass::kTens, 90},
    {"hundredth", NumClass::kHundred, 100}, {"thousandth", NumClass::kScale, 1e3},
    {"millionth", NumClass::kScale, 1e6},  {"billionth", NumClass::kScale, 1e9},
    {"trillionth", NumClass::kScale, 1e12},
};

// Plural ordinals are fraction denominators only ("two thirds"). "seconds"
// is left out: "two seconds" is a duration.
constexpr NumberWord kPluralOrdinals[] = {
    {"thirds", NumClass::kUnit, 3},        {"fourths", NumClass::kUnit, 4},
    {"fifths", NumClass::kUnit, 5},        {"sixths", NumClass::kUnit, 6},
    {"sevenths", NumClass::kUnit, 7},      {"eighths", NumClass::kUnit, 8},
    {"ninths", NumClass::kUnit, 9},        {"tenths", NumClass::kTeen, 10},
    {"elevenths", NumClass::kTeen, 11},    {"twelfths", NumClass::kTeen, 12},
    {"thirteenths", NumClass::kTeen, 13},  {"fifteenths", NumClass::kTeen, 15},
    {"sixteenths", NumClass::kTeen, 16},   {"twentieths", NumClass::kTens, 20},
    {"thirtieths", NumClass::kTens, 30},   {"fortieths", NumClass::kTens, 40},
    {"fiftieths", NumClass::kTens, 50},    {"hundredths", NumClass::kHundred, 100},
    {"thousandths", NumClass::kScale, 1e3}, {"millionths", NumClass::kScale, 1e6},
    {"billionths", NumClass::kScale, 1e9}, {"trillionths", NumClass::kScale, 1e12},
    {"firsts", NumClass::kUnit, 1},
    {"half", NumClass::kUnit, 2},          {"halves", NumClass::kUnit, 2},
    {"quarter", NumClass::kUnit, 4},       {"quarters", NumClass::kUnit, 4},
};

struct Magnitude {
  std::string_view word;
  double value;
};

// Written after a numeral: "10k", "1.5bn", "2.33 k", "10 bln". "m" is
// handled by the grammar (million after a decimal or currency, else metre).
constexpr Magnitude kSuffixMagnitudes[] = {
    {"k", 1e3},    {"mn", 1e6},  {"mln", 1e6},  {"mil", 1e6},
    {"mio", 1e6},  {"b", 1e9},    {"bn", 1e9},  {"bln", 1e9},
    {"tn", 1e12},  {"tln", 1e12}, {"trn", 1e12}, {"thousand", 1e3}, {"million", 1e6},
    {"billion", 1e9}, {"trillion", 1e12}, {"lakh", 1e5}, {"crore", 1e7},
};

constexpr Magnitude kPluralMagnitudes[] = {
    {"tens", 10},     {"dozens", 12},   {"scores", 20},    {"hundreds", 100},
    {"thousands", 1e3}, {"millions", 1e6}, {"billions", 1e9}, {"trillions", 1e12},
};

struct Currency {
  std::string_view word;
  std::string_view iso;
  bool code;           // Written before or after the amount ("USD 5", "5 USD").
  bool needs_amount;   // Ambiguous as a bare word ("won", "real", "rand").
  double scale;        // Sub-units: "cents" -> 0.01.
};

constexpr Currency kCurrencies[] = {
    {"dollar", "USD", false, false, 1},  {"dollars", "USD", false, false, 1},
    {"usd", "USD", true, false, 1},      {"buck", "USD", false, true, 1},
    {"bucks", "USD", false, true, 1},    {"cent", "USD", false, true, 0.01},
    {"cents", "USD", false, true, 0.01}, {"yuan", "CNY", false, false, 1},
    {"rmb", "CNY", true, false, 1},      {"cny", "CNY", true, false, 1},
    {"renminbi", "CNY", false, false, 1}, {"kuai", "CNY", false, true, 1},
    {"euro", "EUR", false, false, 1},    {"euros", "EUR", false, false, 1},
    {"eur", "EUR", true, false, 1},      {"pound", "GBP", false, true, 1},
    {"pounds", "GBP", false, true, 1},   {"sterling", "GBP", false, false, 1},
    {"gbp", "GBP", true, false, 1},      {"pence", "GBP", false, true, 0.01},
    {"penny", "GBP", false, true, 0.01}, {"yen", "JPY", false, false, 1},
    {"jpy", "JPY", true, false, 1},      {"won", "KRW", false, true, 1},
    {"krw", "KRW", true, false, 1},      {"rupee", "INR", false, false, 1},
    {"rupees", "INR", false, false, 1},  {"inr", "INR", true, false, 1},      {"rs", "INR", true, false, 1},
    {"franc", "CHF", false, false, 1},   {"francs", "CHF", false, false, 1},
    {"chf", "CHF", true, false, 1},      {"rouble", "RUB", false, false, 1},
    {"roubles", "RUB", false, false, 1}, {"ruble", "RUB", false, false, 1},
    {"rubles", "RUB", false, false, 1},  {"rub", "RUB", true, false, 1},
    {"lira", "TRY", false, true, 1},     {"liras", "TRY", false, true, 1},
    {"peso", "MXN", false, true, 1},
    {"pesos", "MXN", false, true, 1},    {"mxn", "MXN", true, false, 1},
    {"real", "BRL", false, true, 1},     {"reais", "BRL", false, false, 1},
    {"brl", "BRL", true, false, 1},      {"cad", "CAD", true, false, 1},
    {"aud", "AUD", true, false, 1},      {"hkd", "HKD", true, false, 1},
    {"twd", "TWD", true, false, 1},      {"sgd", "SGD", true, false, 1},
    {"nzd", "NZD", true, false, 1},      {"sek", "SEK", true, false, 1},
    {"nok", "NOK", true, false, 1},      {"dkk", "DKK", true, false, 1},
    {"krona", "SEK", false, true, 1},    {"kronor", "SEK", false, true, 1},
    {"krone", "NOK", false, true, 1},    {"kroner", "NOK", false, true, 1},
    {"rand", "ZAR", false, true, 1},     {"zar", "ZAR", true, false, 1},
    {"ringgit", "MYR", false, false, 1}, {"baht", "THB", false, false, 1},
    {"rupiah", "IDR", false, false, 1},  {"dong", "VND", false, true, 1},
    {"shekel", "ILS", false, false, 1},  {"shekels", "ILS", false, false, 1},
    {"riyal", "SAR", false, false, 1},   {"riyals", "SAR", false, false, 1},
    {"dirham", "AED", false, false, 1},  {"dirhams", "AED", false, false, 1},
    {"zloty", "PLN", false, false, 1},   {"hryvnia", "UAH", false, false, 1},
    {"bitcoin", "BTC", false, false, 1}, {"bitcoins", "BTC", false, false, 1},
    {"btc", "BTC", true, false, 1},      {"satoshi", "BTC", false, true, 1e-8},
    {"satoshis", "BTC", false, true, 1e-8},
    {"forint", "HUF", false, false, 1},  {"forints", "HUF", false, false, 1},
    {"koruna", "CZK", false, false, 1},  {"korunas", "CZK", false, false, 1},
    {"naira", "NGN", false, false, 1},   {"cedi", "GHS", false, false, 1},
    {"cedis", "GHS", false, false, 1},   {"shilling", "KES", false, true, 1},
    {"shillings", "KES", false, true, 1}, {"taka", "BDT", false, false, 1},
    {"dinar", "KWD", false, true, 1},    {"dinars", "KWD", false, true, 1},
    {"rial", "IRR", false, true, 1},     {"rials", "IRR", false, true, 1},
    {"tenge", "KZT", false, false, 1},   {"lari", "GEL", false, false, 1},
    {"kwacha", "ZMW", false, false, 1},  {"kyat", "MMK", false, false, 1},
    {"kyats", "MMK", false, false, 1},   {"riel", "KHR", false, false, 1},
    {"kip", "LAK", false, true, 1},      {"afghani", "AFN", false, true, 1},
    {"leu", "RON", false, true, 1},      {"lei", "RON", false, true, 1},
    {"zlotys", "PLN", false, false, 1},  {"zlotych", "PLN", false, false, 1},
    {"pln", "PLN", true, false, 1},      {"huf", "HUF", true, false, 1},
    {"czk", "CZK", true, false, 1},      {"ngn", "NGN", true, false, 1},
    {"thb", "THB", true, false, 1},      {"myr", "MYR", true, false, 1},
    {"idr", "IDR", true, false, 1},      {"vnd", "VND", true, false, 1},
    {"php", "PHP", true, false, 1},      {"sar", "SAR", true, false, 1},
    {"aed", "AED", true, false, 1},      {"ils", "ILS", true, false, 1},
    {"uah", "UAH", true, false, 1},      {"kzt", "KZT", true, false, 1},
    {"eth", "ETH", true, false, 1},      {"ether", "ETH", false, true, 1},
};

constexpr std::string_view kMonths[] = {
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec"};

constexpr std::string_view kChangeVerbs[] = {
    "rose", "rise", "rises", "rising", "fell", "fall", "falls", "falling", "grew", "grow",
    "grows", "growing", "increased", "increase", "increases", "increasing", "decreased",
    "decrease", "decreasing", "dropped", "drop", "drops", "climbed", "climb", "declined",
    "decline", "jumped", "jump", "surged", "slumped", "slipped", "raised", "raise", "cut",
    "cuts", "lowered", "expanded", "shrank", "soared", "plunged", "tumbled", "up", "down",
    "widened", "narrowed", "boosted", "reduced", "doubled", "changed", "moved", "went"};

constexpr std::string_view kDeterminers[] = {
    "this", "that", "the", "which", "each", "every", "any", "no", "another", "some",
    "whichever", "last", "next", "current", "first", "previous", "only", "single"};

// Words that end a counted noun phrase after an amount.
constexpr std::string_view kStopWords[] = {
    "of", "to", "in", "for", "and", "or", "but", "that", "which", "who", "whom", "whose",
    "was", "were", "is", "are", "be", "been", "being", "have", "has", "had", "will",
    "would", "could", "should", "can", "may", "might", "must", "shall", "do", "does",
    "did", "said", "says", "say", "from", "by", "with", "on", "at", "as", "than", "per",
    "a", "an", "the", "this", "these", "those", "it", "its", "their", "his", "her", "our",
    "into", "over", "under", "about", "after", "before", "since", "until", "while", "when",
    "where", "if", "so", "not", "also", "more", "less", "than", "up", "down", "out", "off",
    "each", "all", "both", "last", "next", "ago", "earlier", "later", "times", "time",
    "percent", "per",
    "cent", "points", "point", "between", "through", "via", "against", "among", "during",
    "without", "within", "including", "such", "like", "there", "here", "now", "then",
    "we", "they", "he", "she", "you", "i", "them", "him", "us", "me", "what", "how", "why",
    "reportedly", "already", "still", "just", "only", "even", "far", "very", "too",
    "respectively", "apiece", "each", "total", "altogether", "overall", "today", "yesterday",
    "tomorrow", "tonight", "morning", "afternoon", "evening", "night", "am", "pm"};

struct Irregular {
  std::string_view plural;
  std::string_view singular;
};

constexpr Irregular kIrregularPlurals[] = {
    {"people", "person"}, {"men", "man"},         {"women", "woman"},
    {"children", "child"}, {"staff", "staff"},    {"police", "police"},
    {"data", "data"},     {"equipment", "equipment"}, {"feet", "foot"},
    {"teeth", "tooth"},   {"mice", "mouse"},      {"geese", "goose"},
    {"series", "series"}, {"species", "species"}, {"news", "news"},
    {"sales", "sales"},   {"analyses", "analysis"}, {"crises", "crisis"},
    {"bases", "base"},    {"indices", "index"},   {"aircraft", "aircraft"},
    {"sheep", "sheep"},   {"fish", "fish"},       {"personnel", "personnel"},
    {"chips", "chip"},    {"wafers", "wafer"},    {"gas", "gas"},
};

struct Multiplier {
  std::string_view word;
  double value;
};

constexpr Multiplier kMultipliers[] = {
    {"twice", 2},        {"thrice", 3},        {"twofold", 2},      {"threefold", 3},
    {"fourfold", 4},     {"fivefold", 5},      {"sixfold", 6},      {"sevenfold", 7},
    {"eightfold", 8},    {"ninefold", 9},      {"tenfold", 10},     {"twelvefold", 12},
    {"fifteenfold", 15}, {"twentyfold", 20},   {"thirtyfold", 30},  {"fiftyfold", 50},
    {"hundredfold", 100}, {"thousandfold", 1000},
};

// Words outside the number tables that open a number phrase.
constexpr std::string_view kStarters[] = {"a", "an", "minus", "negative"};
constexpr std::string_view kRelativeOrdinals[] = {"last", "next", "previous", "current",
                                                  "penultimate", "antepenultimate", "the"};

WordInfo& At(Lexicon& lexicon, std::string_view word) { return lexicon[word]; }

}  // namespace

Lexicon BuildLexicon(bool relative_ordinals) {
  Lexicon lexicon;
  lexicon.reserve(1024);
  for (const auto& w : kCardinals) {
    WordInfo& info = At(lexicon, w.word);
    info.cardinal_class = w.cls;
    info.cardinal = w.value;
  }
  for (const auto& w : kOrdinals) {
    WordInfo& info = At(lexicon, w.word);
    info.ordinal_class = w.cls;
    info.ordinal = w.value;
  }
  for (const auto& w : kPluralOrdinals) {
    WordInfo& info = At(lexicon, w.word);
    info.ordinal_class = w.cls;
    info.ordinal = w.value;
    info.ordinal_plural = w.word.back() == 's';
    info.denominator_only = true;
  }
  for (const auto& m : kSuffixMagnitudes) At(lexicon, m.word).suffix_magnitude = m.value;
  for (const auto& m : kPluralMagnitudes) {
    WordInfo& info = At(lexicon, m.word);
    info.plural_magnitude = true;
    info.vague_low = m.value;
  }
  At(lexicon, "several").vague_low = 3;
  At(lexicon, "several").vague_high = 9;
  At(lexicon, "few").vague_low = 2;
  At(lexicon, "few").vague_high = 5;
  for (const auto& c : kCurrencies) {
    WordInfo& info = At(lexicon, c.word);
    info.currency = c.iso;
    info.currency_code = c.code;
    info.currency_needs_amount = c.needs_amount;
    info.currency_scale = c.scale;
  }
  for (auto w : kMonths) At(lexicon, w).month = true;
  for (auto w : kChangeVerbs) At(lexicon, w).change_verb = true;
  for (auto w : kDeterminers) At(lexicon, w).determiner = true;
  for (auto w : kStopWords) At(lexicon, w).stop = true;
  for (const auto& w : kIrregularPlurals) At(lexicon, w.plural).singular = w.singular;
  for (const auto& m : kMultipliers) At(lexicon, m.word).multiplier = m.value;
  for (auto& [word, info] : lexicon) {
    info.starts_number = info.cardinal_class != NumClass::kNone ||
                         info.ordinal_class != NumClass::kNone || info.plural_magnitude ||
                         info.vague_low != 0 || info.multiplier != 0;
  }
  for (auto w : kStarters) At(lexicon, w).starts_number = true;
  if (relative_ordinals) {
    for (auto w : kRelativeOrdinals) At(lexicon, w).starts_number = true;
  }
  return lexicon;
}

std::string Singularize(std::string_view lower, const Lexicon& lexicon) {
  auto it = lexicon.find(lower);
  if (it != lexicon.end() && !it->second.singular.empty()) {
    return std::string(it->second.singular);
  }
  auto ends = [&](std::string_view s) { return lower.ends_with(s) && lower.size() > s.size() + 1; };
  std::string s(lower);
  if (ends("ies")) return s.substr(0, s.size() - 3) + "y";
  if (ends("sses") || ends("shes") || ends("ches") || ends("xes") || ends("zzes")) {
    return s.substr(0, s.size() - 2);
  }
  if (ends("ss") || ends("us") || ends("is")) return s;
  if (ends("s")) return s.substr(0, s.size() - 1);
  return s;
}

}  // namespace newsx::extract::internal
