// Scores QuantityExtractor against Recognizers-Text style spec files.
//
//   quantity_eval [--verbose] [--half A|B] FILE.json...
//   quantity_eval --text "some text"     (prints what is found, one per line)
//
// The model is taken from the file name (NumberModel, NumberRangeModel,
// PercentModel, CurrencyModel, OrdinalModel, DimensionModel, AgeModel,
// TemperatureModel). A case passes when the set of quantities found equals
// the expected set: same span, same normalized value or bounds, same unit
// where one is expected. Prints one line per file: passed/total and rate.
//
// --half A|B keeps only the cases whose Input hashes (FNV-1a, 64-bit) to an
// even (A) or odd (B) value: a fixed split to tune on one half and check the
// other, so a rule that only fits the cases it was tuned on shows up.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "newsx/extract/quantity_extractor.h"

namespace {

using newsx::extract::QuantityExtractor;
using newsx::extract::QuantityMatch;
using newsx::extract::QuantityOptions;
using json = nlohmann::json;

enum class Model { kNumber, kRange, kPercent, kCurrency, kOrdinal, kDimension, kAge, kTemperature };

std::uint64_t Fnv1a(const std::string& s) {
  std::uint64_t h = 14695981039346656037ull;
  for (const unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

bool Near(double a, double b) { return std::fabs(a - b) <= 1e-6 * std::max(1.0, std::fabs(b)); }

// One quantity in a comparable form.
struct Item {
  std::size_t begin = 0;
  std::size_t end = 0;  // Exclusive.
  bool has_value = false;
  double value = 0;
  bool has_low = false, has_high = false, low_in = true, high_in = true;
  double low = 0, high = 0;
  std::string unit;  // Currency code, relative anchor or dimension unit; empty: not compared.
};

bool Same(const Item& e, const Item& g) {
  if (e.begin != g.begin || e.end != g.end || e.has_value != g.has_value) return false;
  if (e.has_value && !Near(e.value, g.value)) return false;
  if (e.has_low != g.has_low || e.has_high != g.has_high) return false;
  if (e.has_low && (!Near(e.low, g.low) || e.low_in != g.low_in)) return false;
  if (e.has_high && (!Near(e.high, g.high) || e.high_in != g.high_in)) return false;
  return e.unit.empty() || e.unit == g.unit;
}

double ParseDouble(const std::string& s) { return std::strtod(s.c_str(), nullptr); }

// Recognizers' unit names without an ISO code, as our currency codes and the
// factor from the named sub-unit to the main unit.
bool CurrencyName(const std::string& name, std::string* iso, double* factor) {
  static const std::map<std::string, std::pair<std::string, double>> kNames = {
      {"Dollar", {"USD", 1}},   {"Cent", {"USD", 0.01}},   {"Pound", {"GBP", 1}},
      {"Pence", {"GBP", 0.01}}, {"Euro", {"EUR", 1}},      {"Franc", {"CHF", 1}},
      {"Rupee", {"INR", 1}},    {"Bitcoin", {"BTC", 1}},   {"Satoshi", {"BTC", 1e-8}},
  };
  auto it = kNames.find(name);
  if (it == kNames.end()) return false;
  *iso = it->second.first;
  *factor = it->second.second;
  return true;
}

Item Expected(Model model, const json& r) {
  Item e;
  e.begin = r["Start"].get<std::size_t>();
  e.end = r["End"].get<std::size_t>() + 1;
  const json& res = r["Resolution"];
  std::string value = res.contains("value") && res["value"].is_string() ? res["value"].get<std::string>() : "";
  if (value == "null") value.clear();
  switch (model) {
    case Model::kRange: {
      const auto comma = value.find(',');
      const std::string lo = value.substr(1, comma - 1);
      const std::string hi = value.substr(comma + 1, value.size() - comma - 2);
      e.has_low = !lo.empty();
      e.has_high = !hi.empty();
      e.low = ParseDouble(lo);
      e.high = ParseDouble(hi);
      e.low_in = value.front() == '[';
      e.high_in = value.back() == ']';
      if (e.has_low && e.has_high && e.low == e.high) {
        e.has_low = e.has_high = false;
        e.has_value = true;
        e.value = e.low;
      }
      return e;
    }
    case Model::kOrdinal:
      e.has_value = true;
      e.value = ParseDouble(res["offset"].get<std::string>());
      e.unit = res["relativeTo"].get<std::string>();
      return e;
    case Model::kCurrency: {
      double factor = 1;
      if (res.contains("isoCurrency")) {
        e.unit = res["isoCurrency"].get<std::string>();
      } else if (res.contains("unit")) {
        CurrencyName(res["unit"].get<std::string>(), &e.unit, &factor);
      }
      e.has_value = !value.empty();
      e.value = ParseDouble(value) * factor;
      return e;
    }
    default:
      e.has_value = !value.empty();
      e.value = ParseDouble(value);  // "100%" parses as 100.
      return e;
  }
}

Item Found(Model model, const QuantityMatch& m) {
  const newsx::Quantity& q = m.quantity;
  Item g;
  // Recognizers marks the amount, not the counted noun phrase after it.
  const newsx::Span span = model == Model::kRange ? m.bounded_span : m.amount_span;
  g.begin = span.begin;
  g.end = span.end;
  if (model == Model::kRange && q.low && q.high && *q.low == *q.high) {
    g.has_value = true;
    g.value = *q.low;
  } else {
    g.has_value = q.value.has_value();
    g.value = q.value.value_or(0);
    g.has_low = q.low.has_value();
    g.has_high = q.high.has_value();
    g.low = q.low.value_or(0);
    g.high = q.high.value_or(0);
    g.low_in = m.low_inclusive;
    g.high_in = m.high_inclusive;
  }
  if (model != Model::kRange && !g.has_value && g.has_low != g.has_high) {
    // Only the range model scores bounds: "more than $ 247 million" is $247m.
    g.has_value = true;
    g.value = g.has_low ? g.low : g.high;
    g.has_low = g.has_high = false;
  }
  if (model == Model::kOrdinal) g.unit = m.relative_to.empty() ? "start" : m.relative_to;
  if (model == Model::kCurrency) g.unit = q.currency;
  return g;
}

bool Keep(Model model, const QuantityMatch& m) {
  const std::string& k = m.quantity.kind;
  switch (model) {
    case Model::kRange: {
      const std::string& op = m.quantity.op;
      return k == "range" || op == ">" || op == ">=" || op == "<" || op == "<=" ||
             (m.quantity.low && m.quantity.high);
    }
    case Model::kPercent: return k == "percent";
    case Model::kCurrency: return k == "money";
    case Model::kOrdinal: return k == "ordinal";
    case Model::kDimension: return k == "dimension";
    case Model::kAge: return k == "age";
    case Model::kTemperature: return k == "temperature";
    case Model::kNumber: return false;
  }
  return false;
}

bool ModelOf(const std::string& path, Model* model, QuantityOptions* options) {
  options->include_date_numbers = true;
  options->include_name_numbers = true;
  const std::string name = path.substr(path.find_last_of('/') + 1);
  auto starts = [&](const char* p) { return name.rfind(p, 0) == 0; };
  if (starts("NumberRangeModel")) *model = Model::kRange;
  else if (starts("NumberModel")) { *model = Model::kNumber; options->math_fractions = true; }
  else if (starts("PercentModel")) { *model = Model::kPercent; options->unit_mentions = true; }
  else if (starts("CurrencyModel")) { *model = Model::kCurrency; options->unit_mentions = true; }
  else if (starts("OrdinalModel")) {
    *model = Model::kOrdinal;
    options->relative_ordinals = name.find("SuppressExtendedTypes") == std::string::npos;
  }
  else if (starts("DimensionModel")) *model = Model::kDimension;
  else if (starts("AgeModel")) *model = Model::kAge;
  else if (starts("TemperatureModel")) {
    *model = Model::kTemperature;
    options->unit_mentions = true;
  }
  else return false;
  return true;
}

std::string Describe(const std::vector<Item>& items) {
  std::ostringstream out;
  for (const auto& i : items) {
    out << " [" << i.begin << "," << i.end << ")";
    if (i.has_value) out << " v=" << i.value;
    if (i.has_low) out << (i.low_in ? " [" : " (") << i.low;
    if (i.has_high) out << " .." << i.high << (i.high_in ? "]" : ")");
    if (!i.unit.empty()) out << " " << i.unit;
  }
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  bool verbose = false;
  char half = 0;  // 0: every case; 'A' or 'B': one half of the split.
  int failures_total = 0;
  for (int a = 1; a < argc; ++a) {
    const std::string path = argv[a];
    if (path == "--verbose") {
      verbose = true;
      continue;
    }
    if (path == "--half" && a + 1 < argc) {
      half = argv[++a][0];
      if (half != 'A' && half != 'B') {
        std::fprintf(stderr, "--half takes A or B\n");
        return 1;
      }
      continue;
    }
    if (path == "--text" && a + 1 < argc) {
      auto extractor = QuantityExtractor::Create(QuantityOptions{});
      if (!extractor.ok()) return 1;
      for (const auto& m : (*extractor)->ExtractMatches(argv[++a])) {
        const newsx::Quantity& q = m.quantity;
        std::printf("%-40s kind=%s", ("\"" + q.text + "\"").c_str(), q.kind.c_str());
        if (q.value) std::printf(" value=%g", *q.value);
        if (q.low) std::printf(" low=%g", *q.low);
        if (q.high) std::printf(" high=%g", *q.high);
        std::printf(" op=%s%s unit=%s currency=%s\n", q.op.c_str(), q.approx ? " approx" : "",
                    q.unit.c_str(), q.currency.c_str());
      }
      continue;
    }
    Model model;
    QuantityOptions options;
    if (!ModelOf(path, &model, &options)) {
      std::fprintf(stderr, "skipping %s: unknown model\n", path.c_str());
      continue;
    }
    std::ifstream in(path);
    const json cases = json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!cases.is_array()) {
      std::fprintf(stderr, "%s: not a JSON array\n", path.c_str());
      return 1;
    }
    auto extractor = QuantityExtractor::Create(options);
    if (!extractor.ok()) return 1;
    int passed = 0, total = 0;
    for (const json& c : cases) {
      const std::string input = c["Input"].get<std::string>();
      if (half != 0 && (Fnv1a(input) % 2 == 0) != (half == 'A')) continue;
      ++total;
      std::vector<Item> expected, found;
      for (const json& r : c["Results"]) expected.push_back(Expected(model, r));
      if (model == Model::kNumber) {
        for (const auto& q : (*extractor)->ExtractNumbers(input)) {
          Item g;
          g.begin = q.span.begin;
          g.end = q.span.end;
          g.has_value = true;
          g.value = *q.value;
          found.push_back(g);
        }
      } else {
        for (const auto& m : (*extractor)->ExtractMatches(input)) {
          if (Keep(model, m)) found.push_back(Found(model, m));
        }
      }
      bool ok = expected.size() == found.size();
      for (std::size_t i = 0; ok && i < expected.size(); ++i) ok = Same(expected[i], found[i]);
      if (ok) {
        ++passed;
      } else if (verbose) {
        std::printf("FAIL %s\n  expected:%s\n  found:   %s\n", input.substr(0, 120).c_str(),
                    Describe(expected).c_str(), Describe(found).c_str());
      }
    }
    failures_total += total - passed;
    const std::string name = path.substr(path.find_last_of('/') + 1);
    std::printf("%-40s %4d/%-4d %6.1f%%\n", name.c_str(), passed, total,
                total == 0 ? 100.0 : 100.0 * passed / total);
  }
  return failures_total > 0 ? 2 : 0;
}
