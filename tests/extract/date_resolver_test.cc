// Time expressions, absolute and relative, resolved against the
// publication date (fixtures/extract/dates/cases.jsonl).

#include <nlohmann/json.hpp>

#include "analyzer_test_util.h"

namespace newsx::extract {
namespace {

using json = nlohmann::json;

TEST_CASE("Date cases resolve against the publication date", "[extract][analyzer][date]") {
  std::istringstream lines(testing::ReadFixture("extract/dates/cases.jsonl"));
  std::string line;
  int cases = 0;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    ++cases;
    const json c = json::parse(line);
    const ExtractedArticle x = testing::AnalyzeText(c["text"], c["published"]);
    INFO(c["text"].get<std::string>());
    REQUIRE(x.dates.size() == c["dates"].size());
    for (std::size_t i = 0; i < x.dates.size(); ++i) {
      const json& want = c["dates"][i];
      CHECK(x.dates[i].text == want["text"].get<std::string>());
      CHECK(x.dates[i].value == want["value"].get<std::string>());
      CHECK(x.dates[i].relative == want["relative"].get<bool>());
      // The span addresses the text in code points.
      const std::string& text = x.article.text;
      CHECK(text.substr(x.dates[i].span.begin, x.dates[i].span.end - x.dates[i].span.begin) ==
            x.dates[i].text);
    }
  }
  CHECK(cases >= 15);
}

TEST_CASE("Dates across a year boundary and leap day", "[extract][analyzer][date]") {
  const ExtractedArticle x =
      testing::AnalyzeText("It happened on February 29 and last week.", "2024-03-04T12:00:00Z");
  REQUIRE(x.dates.size() == 2);
  CHECK(x.dates[0].value == "2024-02-29");
  CHECK(x.dates[1].value == "2024-02-26/2024-03-03");
  const ExtractedArticle y =
      testing::AnalyzeText("Sales rose in December.", "2026-01-05T00:00:00Z");
  REQUIRE(y.dates.size() == 1);
  CHECK(y.dates[0].value == "2025-12-01/2025-12-31");
  const ExtractedArticle z =
      testing::AnalyzeText("It ended on February 30, 2025.", "2026-01-05T00:00:00Z");
  CHECK(z.dates.empty());
}

}  // namespace
}  // namespace newsx::extract
