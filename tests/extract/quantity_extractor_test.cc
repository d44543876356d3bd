#include "newsx/extract/quantity_extractor.h"

#include "quantity/vocabulary.h"

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace {

using newsx::Quantity;
using newsx::extract::QuantityExtractor;
using newsx::extract::QuantityOptions;
using json = nlohmann::json;

std::unique_ptr<QuantityExtractor> MakeExtractor(const QuantityOptions& options = {}) {
  auto extractor = QuantityExtractor::Create(options);
  REQUIRE(extractor.ok());
  return std::move(extractor).value();
}

std::vector<json> ReadJsonLines(const std::string& name) {
  std::ifstream in(std::string(NEWSX_FIXTURES_DIR) + "/extract/quantities/" + name);
  REQUIRE(in.good());
  std::vector<json> cases;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    json c = json::parse(line, nullptr, /*allow_exceptions=*/false);
    REQUIRE(c.is_object());
    cases.push_back(std::move(c));
  }
  return cases;
}

bool Near(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

// Empty when `q` has every field that `want` states; else what differs.
std::string Differences(const json& want, const Quantity& q) {
  std::ostringstream out;
  auto number = [&](const char* field, const std::optional<double>& got) {
    if (want.contains(field)) {
      if (!got || !Near(*got, want[field].get<double>())) out << " " << field << " differs;";
    } else if (got) {
      out << " unexpected " << field << "=" << *got << ";";
    }
  };
  number("value", q.value);
  number("low", q.low);
  number("high", q.high);
  if (q.kind != want.value("kind", q.kind)) out << " kind=" << q.kind << ";";
  if (q.op != want.value("op", std::string("="))) {
    if (want.contains("op") || q.op != "~") out << " op=" << q.op << ";";
  }
  if (q.approx != want.value("approx", false)) out << " approx=" << q.approx << ";";
  if (want.contains("unit") && q.unit != want["unit"].get<std::string>()) {
    out << " unit=" << q.unit << ";";
  }
  if (want.contains("currency") && q.currency != want["currency"].get<std::string>()) {
    out << " currency=" << q.currency << ";";
  }
  return out.str();
}

std::u32string Utf32(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    out.push_back(c);
    i += len;
  }
  return out;
}

}  // namespace

TEST_CASE("QuantityExtractor passes every news case", "[extract][quantity]") {
  const auto extractor = MakeExtractor();
  int failures = 0;
  const auto cases = ReadJsonLines("news_cases.jsonl");
  REQUIRE(cases.size() >= 60);
  for (const json& c : cases) {
    const std::string text = c["text"].get<std::string>();
    const auto found = extractor->Extract(text);
    std::ostringstream problems;
    if (found.size() != c["expect"].size()) {
      problems << "found " << found.size() << ", expected " << c["expect"].size() << ";";
    }
    for (std::size_t i = 0; i < found.size() && i < c["expect"].size(); ++i) {
      const json& want = c["expect"][i];
      if (found[i].text != want["text"].get<std::string>()) {
        problems << " text '" << found[i].text << "' != '" << want["text"].get<std::string>()
                 << "';";
        continue;
      }
      problems << Differences(want, found[i]);
    }
    for (const auto& q : found) {
      // Spans are code-point offsets that slice out the text.
      const std::u32string all = Utf32(text);
      if (q.span.end > all.size() || Utf32(q.text).size() != q.span.end - q.span.begin) {
        problems << " bad span for '" << q.text << "';";
      }
    }
    if (!problems.str().empty()) {
      ++failures;
      UNSCOPED_INFO(text << "\n   " << problems.str());
    }
  }
  CHECK(failures == 0);
}

TEST_CASE("QuantityExtractor matches copied Recognizers-Text cases", "[extract][quantity]") {
  for (const json& c : ReadJsonLines("recognizers_cases.jsonl")) {
    const std::string mode = c["mode"].get<std::string>();
    QuantityOptions options{.include_date_numbers = true,
                            .include_name_numbers = true,
                            .math_fractions = mode == "numbers"};
    const auto extractor = MakeExtractor(options);
    const std::string text = c["text"].get<std::string>();
    INFO(text);
    std::vector<Quantity> found;
    if (mode == "numbers") {
      found = extractor->ExtractNumbers(text);
    } else {
      for (auto& m : extractor->ExtractMatches(text)) {
        if (m.quantity.kind == mode) {
          m.quantity.span = m.amount_span;
          found.push_back(m.quantity);
        }
      }
    }
    REQUIRE(found.size() == c["expect"].size());
    for (std::size_t i = 0; i < found.size(); ++i) {
      const json& want = c["expect"][i];
      CHECK(found[i].span.begin == want["start"].get<std::size_t>());
      CHECK(found[i].span.end == want["end"].get<std::size_t>());
      const double value = found[i].value ? *found[i].value : *found[i].low;
      CHECK(Near(value, want["value"].get<double>()));
    }
  }
}

TEST_CASE("QuantityExtractor reports counted-noun and amount spans", "[extract][quantity]") {
  const auto extractor = MakeExtractor();
  const std::string text = "Prix: €5m. Orders for more than two million Nvidia H200 chips.";
  const auto matches = extractor->ExtractMatches(text);
  REQUIRE(matches.size() == 2);
  CHECK(matches[0].quantity.span.begin == 6);  // Code points: "€" is one.
  CHECK(matches[0].quantity.span.end == 9);
  const auto& chips = matches[1];
  CHECK(chips.quantity.text == "more than two million");
  CHECK(chips.quantity.unit == "chip");
  CHECK(chips.amount_span.begin == chips.quantity.span.begin + 10);
  // The linker looks for the counted entity between the amount and the noun.
  const std::u32string all = Utf32(text);
  CHECK(chips.unit_span.end - chips.unit_span.begin == 5);
  CHECK(chips.unit_span.begin > chips.amount_span.end);
  CHECK(all.substr(chips.amount_span.end, chips.unit_span.begin - chips.amount_span.end) ==
        Utf32(" Nvidia H200 "));
}

TEST_CASE("QuantityExtractor survives hostile text", "[extract][quantity]") {
  const auto extractor = MakeExtractor();
  SECTION("a 10 MB line without spaces") {
    const std::string text(10 * 1024 * 1024, 'x');
    CHECK(extractor->Extract(text).empty());
  }
  SECTION("a 10 MB line of digits and separators") {
    std::string text;
    for (int i = 0; text.size() < 10 * 1024 * 1024; ++i) text += "1,234.5-";
    CHECK(extractor->Extract(text).size() < text.size());
  }
  SECTION("a long run of number words") {
    std::string text;
    for (int i = 0; i < 200000; ++i) text += "one hundred and twenty thousand and ";
    const auto found = extractor->Extract(text);
    CHECK(!found.empty());
  }
  SECTION("long dash and magnitude chains") {
    std::string dashes, hundreds = "several";
    for (int i = 0; i < 500000; ++i) dashes += std::to_string(i % 10) + "-";
    for (int i = 0; i < 500000; ++i) hundreds += " hundred";
    CHECK(extractor->Extract(dashes).empty());  // A code, not amounts.
    const auto found = extractor->Extract(hundreds);
    REQUIRE(!found.empty());
    CHECK(*found[0].high == 900);
  }
  SECTION("invalid UTF-8 keeps code-point spans consistent") {
    std::string text = "\xff\xfe\xc3 paid $5m \xe2\x82 to \xf0\x9f\x98";
    for (int i = 0; i < 1000; ++i) text += "\x80\xbf 12% \xc0\xaf";
    const auto found = extractor->Extract(text);
    REQUIRE(found.size() == 1001);
    CHECK(found[0].text == "$5m");
    CHECK(found[0].span.begin == 9);
  }
  SECTION("tables of numbers") {
    std::string text;
    for (int row = 0; row < 20000; ++row) {
      text += "| 2024 | 1,234 | 56.7% | $8.9bn | -3 | 0.001 | 1e5 |\n";
    }
    const auto found = extractor->Extract(text);
    CHECK(found.size() >= 20000 * 4);
  }
  SECTION("all-caps headline") {
    const auto found = extractor->Extract("NVIDIA SHIPS TWO MILLION CHIPS, UP 35 PERCENT");
    REQUIRE(found.size() == 2);
    CHECK(*found[0].value == 2e6);
    CHECK(found[1].kind == "percent");
  }
  SECTION("empty and symbol-only text") {
    CHECK(extractor->Extract("").empty());
    CHECK(extractor->Extract("$$$ %%% --- ^^^ ...").empty());
  }
}

TEST_CASE("The quantity vocabulary files are read with their line numbers",
          "[extract][quantity]") {
  using newsx::EmbeddedFile;
  using newsx::extract::internal::ReadVocabulary;
  static constexpr std::string_view kTables[] = {"cardinal", "unit"};
  const EmbeddedFile good[] = {{"q.tsv", "# comment\n\ncardinal\tseven\tunit\t7\nunit\tkm\tkm\tdimension\n"}};
  const auto rows = ReadVocabulary(good, kTables);
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 2);
  CHECK(rows->at(0).line == 3);
  CHECK(rows->at(1).fields[3] == "dimension");
  const EmbeddedFile bad[] = {{"q.tsv", "cardinal\tseven\tunit\t7\ncardnal\teight\tunit\t8\n"}};
  const auto error = ReadVocabulary(bad, kTables);
  REQUIRE_FALSE(error.ok());
  CHECK(error.status().message().find("q.tsv:2") != std::string::npos);
  // Every built-in file reads, and the extractor builds from them.
  CHECK(newsx::extract::internal::BuiltinQuantityVocabulary().size() == 5);
  CHECK(QuantityExtractor::Create(QuantityOptions{}).ok());
}
