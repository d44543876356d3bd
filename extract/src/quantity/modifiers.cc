// Tables of bound phrases, currency symbols and unit words, as data.
#include "quantity/modifiers.h"

#include <algorithm>

namespace newsx::extract::internal {
namespace {

struct PhraseRow {
  std::string_view text;  // Space-separated lower-case tokens.
  std::string_view op;
  bool approx;
};

constexpr PhraseRow kPrefixes[] = {
    {"more than", ">", false},        {"more then", ">", false},
    {"over", ">", false},             {"above", ">", false},
    {"greater than", ">", false},     {"bigger than", ">", false},
    {"larger than", ">", false},      {"higher than", ">", false},
    {"exceed", ">", false},           {"exceeds", ">", false},
    {"exceeded", ">", false},         {"exceeding", ">", false},
    {"in excess of", ">", false},     {"upwards of", ">", false},
    {"upward of", ">", false},        {"north of", ">", false},
    {"just over", ">", true},         {"well over", ">", false},
    {"well above", ">", false},       {"just above", ">", true},
    {">", ">", false},
    {"at least", ">=", false},        {"no less than", ">=", false},
    {"no fewer than", ">=", false},   {"not less than", ">=", false},
    {"not fewer than", ">=", false},  {"a minimum of", ">=", false},
    {"bigger or equal than", ">=", false}, {"greater or equal than", ">=", false},
    {"greater than or equal to", ">=", false}, {"more than or equal to", ">=", false},
    {"bigger than or equal to", ">=", false},  {"at least or equal to", ">=", false},
    {"no lower than", ">=", false},   {"no smaller than", ">=", false},
    {"> =", ">=", false},             {"≥", ">=", false},
    {"less than", "<", false},        {"fewer than", "<", false},
    {"under", "<", false},            {"below", "<", false},
    {"smaller than", "<", false},     {"lower than", "<", false},
    {"just under", "<", true},        {"just below", "<", true},
    {"short of", "<", true},          {"shy of", "<", true},
    {"nearly", "<", true},            {"almost", "<", true},
    {"<", "<", false},
    {"at most", "<=", false},         {"up to", "<=", false},
    {"at the most", "<=", false},     {"at the very most", "<=", false},
    {"at the least", ">=", false},    {"at the very least", ">=", false},
    {"not exceeding", "<=", false},
    {"no more than", "<=", false},    {"not more than", "<=", false},
    {"a maximum of", "<=", false},    {"smaller or equal than", "<=", false},
    {"less or equal than", "<=", false}, {"less than or equal to", "<=", false},
    {"fewer than or equal to", "<=", false}, {"smaller than or equal to", "<=", false},
    {"no greater than", "<=", false}, {"no higher than", "<=", false},
    {"no bigger than", "<=", false},  {"as many as", "<=", false},
    {"as much as", "<=", false},      {"< =", "<=", false},
    {"≤", "<=", false},
    {"about", "~", true},             {"around", "~", true},
    {"roughly", "~", true},           {"approximately", "~", true},
    {"approx", "~", true},            {"approx .", "~", true},
    {"some", "~", true},              {"an estimated", "~", true},
    {"estimated", "~", true},         {"close to", "~", true},
    {"circa", "~", true},             {"ca .", "~", true},
    {"equal to", "=", false},         {"equals to", "=", false},
    {"equals", "=", false},           {"equaling to", "=", false},
    {"equalling to", "=", false},     {"equaling", "=", false},
    {"exactly", "=", false},          {"=", "=", false},
    {"between", "between", false},    {"from", "from", false},
};

constexpr PhraseRow kSuffixes[] = {
    {"or more", ">=", false},    {"or greater", ">=", false}, {"or higher", ">=", false},
    {"or above", ">=", false},   {"or over", ">=", false},    {"and above", ">=", false},
    {"and over", ">=", false},   {"and up", ">=", false},     {"or more than", ">=", false},
    {"or greater than", ">=", false}, {"or bigger", ">=", false}, {"plus", ">=", false},
    {"or less", "<=", false},    {"or fewer", "<=", false},   {"or lower", "<=", false},
    {"or below", "<=", false},   {"and below", "<=", false},  {"and under", "<=", false},
    {"or less than", "<=", false}, {"or fewer than", "<=", false}, {"or smaller", "<=", false},
    {"or under", "<=", false},   {"and less", "<=", false},   {"and fewer", "<=", false},
    {"and lower", "<=", false},  {"and higher", ">=", false}, {"and greater", ">=", false},
    {"and more", ">=", false},   {"or so", "~", true},        {"+", ">=", false},          {"- plus", ">=", false},        {"or equal to", "or=", false}, {"or equal", "or=", false},
};

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    words.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

struct Prefix {
  std::string_view glued;  // Lower-case word glued before "$".
  std::string_view iso;
};

constexpr Prefix kDollarPrefixes[] = {
    {"us", "USD"},  {"u.s.", "USD"}, {"c", "CAD"},   {"ca", "CAD"},  {"cad", "CAD"},
    {"can", "CAD"}, {"hk", "HKD"},   {"a", "AUD"},   {"au", "AUD"},  {"aud", "AUD"},
    {"s", "SGD"},   {"sg", "SGD"},   {"nt", "TWD"},  {"mxn", "MXN"}, {"mex", "MXN"},
    {"mx", "MXN"},  {"r", "BRL"},    {"nz", "NZD"},  {"usd", "USD"},
    {"j", "JMD"},   {"bz", "BZD"},   {"ec", "XCD"},  {"tt", "TTD"},  {"z", "ZWL"},
    {"fj", "FJD"},  {"n", "NAD"},    {"si", "SBD"},  {"gy", "GYD"},  {"l", "LRD"},
    {"bds", "BBD"}, {"rd", "DOP"},   {"sgd", "SGD"}, {"hkd", "HKD"}, {"nzd", "NZD"},
};

struct National {
  std::string_view nationality;
  std::string_view currency;  // ISO code of the bare currency word.
  std::string_view iso;
};

constexpr National kNationals[] = {
    {"us", "USD", "USD"},         {"american", "USD", "USD"},   {"canadian", "USD", "CAD"},
    {"australian", "USD", "AUD"}, {"singapore", "USD", "SGD"},  {"singaporean", "USD", "SGD"},
    {"taiwan", "USD", "TWD"},     {"taiwanese", "USD", "TWD"},  {"zealand", "USD", "NZD"},
    {"kong", "USD", "HKD"},       {"chinese", "CNY", "CNY"},    {"japanese", "JPY", "JPY"},
    {"swiss", "CHF", "CHF"},      {"french", "CHF", "FRF"},     {"turkish", "TRY", "TRY"},
    {"mexican", "MXN", "MXN"},    {"philippine", "MXN", "PHP"}, {"argentine", "MXN", "ARS"},
    {"chilean", "MXN", "CLP"},    {"colombian", "MXN", "COP"},  {"brazilian", "BRL", "BRL"},
    {"indian", "INR", "INR"},     {"pakistani", "INR", "PKR"},  {"russian", "RUB", "RUB"},
    {"korean", "KRW", "KRW"},     {"british", "GBP", "GBP"},    {"egyptian", "GBP", "EGP"},
    {"swedish", "SEK", "SEK"},    {"norwegian", "NOK", "NOK"},  {"danish", "NOK", "DKK"},
    {"south", "ZAR", "ZAR"},      {"saudi", "SAR", "SAR"},      {"lao", "LAK", "LAK"},
    {"hong", "USD", "HKD"},
    // Other dollars, pesos, rupees, pounds, dinars, riyals and shillings.
    {"jamaican", "USD", "JMD"},   {"fijian", "USD", "FJD"},     {"bahamian", "USD", "BSD"},
    {"barbadian", "USD", "BBD"},  {"belize", "USD", "BZD"},     {"belizean", "USD", "BZD"},
    {"bermudian", "USD", "BMD"},  {"brunei", "USD", "BND"},     {"guyanese", "USD", "GYD"},
    {"liberian", "USD", "LRD"},   {"namibian", "USD", "NAD"},   {"surinamese", "USD", "SRD"},
    {"zimbabwean", "USD", "ZWL"}, {"caribbean", "USD", "XCD"},  {"tobago", "USD", "TTD"},
    {"cuban", "MXN", "CUP"},      {"dominican", "MXN", "DOP"},  {"uruguayan", "MXN", "UYU"},
    {"nepalese", "INR", "NPR"},   {"nepali", "INR", "NPR"},     {"lankan", "INR", "LKR"},
    {"mauritian", "INR", "MUR"},  {"lebanese", "GBP", "LBP"},   {"syrian", "GBP", "SYP"},
    {"sudanese", "GBP", "SDG"},   {"kuwaiti", "KWD", "KWD"},    {"bahraini", "KWD", "BHD"},
    {"iraqi", "KWD", "IQD"},      {"jordanian", "KWD", "JOD"},  {"libyan", "KWD", "LYD"},
    {"tunisian", "KWD", "TND"},   {"algerian", "KWD", "DZD"},   {"serbian", "KWD", "RSD"},
    {"saudi", "IRR", "SAR"},      {"qatari", "SAR", "QAR"},     {"qatari", "IRR", "QAR"},
    {"omani", "IRR", "OMR"},      {"iranian", "IRR", "IRR"},    {"yemeni", "SAR", "YER"},
    {"kenyan", "KES", "KES"},     {"ugandan", "KES", "UGX"},    {"tanzanian", "KES", "TZS"},
    {"somali", "KES", "SOS"},     {"icelandic", "SEK", "ISK"},
    {"congolese", "CHF", "CDF"},  {"rwandan", "CHF", "RWF"},    {"cfa", "CHF", "XOF"},
};

constexpr UnitWord kUnits[] = {
    {"nm", "nm", "dimension"},          {"nanometre", "nm", "dimension"},
    {"nanometres", "nm", "dimension"},  {"nanometer", "nm", "dimension"},
    {"nanometers", "nm", "dimension"},  {"mm", "mm", "dimension"},
    {"millimetres", "mm", "dimension"}, {"millimeters", "mm", "dimension"},
    {"cm", "cm", "dimension"},          {"centimetres", "cm", "dimension"},
    {"centimeters", "cm", "dimension"}, {"m", "m", "dimension"},
    {"metre", "m", "dimension"},        {"metres", "m", "dimension"},
    {"meter", "m", "dimension"},        {"meters", "m", "dimension"},
    {"km", "km", "dimension"},          {"kilometre", "km", "dimension"},
    {"kilometres", "km", "dimension"},  {"kilometer", "km", "dimension"},
    {"kilometers", "km", "dimension"},  {"mile", "mi", "dimension"},
    {"miles", "mi", "dimension"},       {"ft", "ft", "dimension"},
    {"feet", "ft", "dimension"},        {"foot", "ft", "dimension"},
    {"inch", "in", "dimension"},        {"inches", "in", "dimension"},
    {"kg", "kg", "dimension"},          {"kilogram", "kg", "dimension"},
    {"kilograms", "kg", "dimension"},   {"g", "g", "dimension"},
    {"gram", "g", "dimension"},         {"grams", "g", "dimension"},
    {"mg", "mg", "dimension"},          {"tonne", "t", "dimension"},
    {"tonnes", "t", "dimension"},       {"ton", "t", "dimension"},
    {"tons", "t", "dimension"},         {"lb", "lb", "dimension"},
    {"lbs", "lb", "dimension"},         {"gb", "GB", "dimension"},
    {"gigabytes", "GB", "dimension"},   {"tb", "TB", "dimension"},
    {"terabytes", "TB", "dimension"},   {"mb", "MB", "dimension"},
    {"megabytes", "MB", "dimension"},   {"ghz", "GHz", "dimension"},
    {"mhz", "MHz", "dimension"},        {"w", "W", "dimension"},
    {"watts", "W", "dimension"},        {"kw", "kW", "dimension"},
    {"kilowatts", "kW", "dimension"},   {"mw", "MW", "dimension"},
    {"megawatts", "MW", "dimension"},   {"gw", "GW", "dimension"},
    {"gigawatts", "GW", "dimension"},   {"kwh", "kWh", "dimension"},
    {"mwh", "MWh", "dimension"},        {"gwh", "GWh", "dimension"},
    {"twh", "TWh", "dimension"},        {"ml", "ml", "dimension"},
    {"litre", "l", "dimension"},        {"litres", "l", "dimension"},
    {"liter", "l", "dimension"},        {"liters", "l", "dimension"},
    {"hectares", "ha", "dimension"},    {"acres", "acre", "dimension"},
    {"mph", "mph", "dimension"},        {"barrel", "bbl", "dimension"},
    {"barrels", "bbl", "dimension"},    {"gallon", "gal", "dimension"},
    {"gallons", "gal", "dimension"},    {"ounce", "oz", "dimension"},
    {"ounces", "oz", "dimension"},      {"oz", "oz", "dimension"},
    {"yard", "yd", "dimension"},        {"yards", "yd", "dimension"},
    {"metric", "metric ", "prefix"},
    {"square", "sq ", "prefix"},        {"sq", "sq ", "prefix"},
    {"cubic", "cu ", "prefix"},         {"km2", "sq km", "dimension"},
    {"bit", "bit", "dimension"},        {"bits", "bit", "dimension"},
    {"byte", "B", "dimension"},         {"bytes", "B", "dimension"},
    {"μg", "µg", "dimension"},          {"µg", "µg", "dimension"},
    {"mcg", "µg", "dimension"},         {"picometer", "pm", "dimension"},
    {"picometers", "pm", "dimension"},  {"picometre", "pm", "dimension"},
    {"picometres", "pm", "dimension"},  {"dm", "dm", "dimension"},
    {"rad", "rad", "dimension"},        {"radians", "rad", "dimension"},
    {"teaspoon", "tsp", "dimension"},   {"teaspoons", "tsp", "dimension"},
    {"tablespoon", "tbsp", "dimension"}, {"tablespoons", "tbsp", "dimension"},
    {"ms", "ms", "time"},               {"millisecond", "ms", "time"},
    {"milliseconds", "ms", "time"},     {"s", "s", "time"},
    {"sec", "s", "time"},               {"second", "s", "time"},
    {"h", "h", "time"},                 {"hr", "h", "time"},
    {"hour", "h", "time"},              {"min", "min", "time"},
    {"minute", "min", "time"},          {"day", "day", "time"},
    {"deg", "degree", "temperature"},   {"celcius", "C", "temperature"},
    {"centigrade", "C", "temperature"}, {"farenheit", "F", "temperature"},        {"tflops", "TFLOPS", "dimension"},
    {"pflops", "PFLOPS", "dimension"},  {"celsius", "C", "temperature"},
    {"fahrenheit", "F", "temperature"}, {"degrees", "degree", "temperature"},
    {"degree", "degree", "temperature"},
};

}  // namespace

ModifierTables BuildModifierTables() {
  ModifierTables tables;
  for (const auto& row : kPrefixes) {
    tables.prefixes.push_back({SplitWords(row.text), row.op, row.approx});
    tables.prefix_last_words.insert(tables.prefixes.back().words.back());
  }
  for (const auto& row : kSuffixes) {
    tables.suffixes.push_back({SplitWords(row.text), row.op, row.approx});
  }
  auto longer = [](const auto& a, const auto& b) { return a.words.size() > b.words.size(); };
  std::stable_sort(tables.prefixes.begin(), tables.prefixes.end(), longer);
  std::stable_sort(tables.suffixes.begin(), tables.suffixes.end(), longer);
  return tables;
}

std::string_view CurrencySymbolCode(char32_t symbol) {
  switch (symbol) {
    case '$': return "USD";
    case 0xA3: return "GBP";     // £
    case 0xA5: return "JPY";     // ¥
    case 0x20AC: return "EUR";   // €
    case 0x20B9: return "INR";   // ₹
    case 0x20A9: return "KRW";   // ₩
    case 0x20A1: return "CRC";   // ₡
    case 0x20AD: return "LAK";   // ₭
    case 0x20BD: return "RUB";   // ₽
    case 0x20BA: return "TRY";   // ₺
    case 0x20AB: return "VND";   // ₫
    case 0x20AA: return "ILS";   // ₪
    case 0x0E3F: return "THB";   // ฿
    case 0x20A6: return "NGN";   // ₦
    case 0x20B1: return "PHP";   // ₱
    case 0x20B4: return "UAH";   // ₴
    case 0x20B8: return "KZT";   // ₸
    case 0x20AE: return "MNT";   // ₮
    case 0x20B2: return "PYG";   // ₲
    case 0x17DB: return "KHR";   // ៛
    default: return {};
  }
}

std::string_view CurrencyPrefix(const TokenizedText& tt, std::size_t before, std::size_t floor,
                                std::size_t* first) {
  if (before == static_cast<std::size_t>(-1) || before < floor) return {};
  const Token& t = tt.tokens[before];
  if (t.kind == TokenKind::kSymbol) {
    std::string_view iso = CurrencySymbolCode(t.symbol);
    if (iso.empty()) return {};
    *first = before;
    if (before >= 1 && before - 1 >= floor && tt.tokens[before - 1].kind == TokenKind::kWord) {
      const Token& w = tt.tokens[before - 1];
      const std::string_view lower = tt.Lower(w);
      const bool glued = !t.space_before;
      if (t.symbol == '$') {
        for (const auto& p : kDollarPrefixes) {
          if (lower == p.glued && (glued || lower == "c")) {
            *first = before - 1;
            return p.iso;
          }
        }
      }
      if (glued && t.symbol == 0xA5 && (lower == "cn" || lower == "rmb")) {
        *first = before - 1;
        return "CNY";
      }
    }
    return iso;
  }
  // Codes ("USD 5"), and singular currency names ("dollar 22.5 million").
  if (t.kind == TokenKind::kWord && t.info != nullptr &&
      (t.info->currency_code || (!t.info->currency.empty() && !t.info->currency_needs_amount &&
                                 tt.Lower(t).back() != 's' && t.info->currency_scale == 1))) {
    *first = before;
    return t.info->currency;
  }
  return {};
}

std::string_view NationalCurrency(std::string_view nationality, std::string_view currency_iso) {
  for (const auto& n : kNationals) {
    if (n.nationality == nationality && n.currency == currency_iso) return n.iso;
  }
  return {};
}

bool IsNationalityWord(std::string_view lower) {
  if (lower == "u" || lower == "s" || lower == "new") return true;
  for (const auto& n : kNationals) {
    if (n.nationality == lower) return true;
  }
  return false;
}

const UnitWord* FindUnitWord(std::string_view lower) {
  for (const auto& u : kUnits) {
    if (u.word == lower) return &u;
  }
  return nullptr;
}

}  // namespace newsx::extract::internal
