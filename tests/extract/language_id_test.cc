// Language identification of the extracted text (language_id.h) and the
// English-only analysis that follows it.

#include <catch2/catch.hpp>
#include <string>

#include "analyzer_test_util.h"
#include "newsx/extract/html_extractor.h"
#include "newsx/extract/language_id.h"

namespace newsx::extract {
namespace {

TEST_CASE("real text in thirteen languages is identified from the text", "[language]") {
  // fixtures/extract/lang: about 300 characters of real text each (SOURCES.md).
  for (const char* code :
       {"ar", "de", "el", "en", "es", "fi", "fr", "hu", "it", "pl", "pt", "ru", "zh"}) {
    CAPTURE(code);
    const std::string text = testing::ReadFixture(std::string("extract/lang/") + code + ".txt");
    const LanguageGuess guess = IdentifyLanguage(text, "");
    CHECK(guess.code == code);
    CHECK(guess.confidence >= 0.5);
    CHECK(guess.confidence <= 1.0);
    // A wrong declaration does not win over the text.
    const LanguageGuess declared_wrong = IdentifyLanguage(text, code == std::string("en") ? "de" : "en");
    CHECK(declared_wrong.code == code);
  }
}

TEST_CASE("text too short to tell keeps the declared language, without confidence",
          "[language]") {
  LanguageGuess g = IdentifyLanguage("Berlin, 3. Mai", "de-DE");
  CHECK(g.code == "de");
  CHECK(g.confidence == 0);
  g = IdentifyLanguage("Berlin, 3. Mai", "");
  CHECK(g.code.empty());
  CHECK(g.confidence == 0);
  g = IdentifyLanguage("", "pt_BR");
  CHECK(g.code == "pt");
  // A declaration that is no language tag is not repeated.
  g = IdentifyLanguage("12:30", "{{lang}}");
  CHECK(g.code.empty());
}

TEST_CASE("a page gets the language of its text, not of its markup", "[language]") {
  RawDocument doc;
  doc.url = "https://news.example.com/a";
  doc.body = "<html lang=\"en\"><head><title>Banken</title></head><body><article><p>" +
             testing::ReadFixture("extract/lang/de.txt") + "</p></article></body></html>";
  Result<Article> a = ExtractArticle(doc);
  REQUIRE(a.ok());
  CHECK(a->lang == "de");
  CHECK(a->lang_confidence >= 0.5);
}

TEST_CASE("the English stages run on text identified as English only", "[language]") {
  const std::string text =
      "Nvidia said on Tuesday that it would invest $2 billion in Intel, the chipmaker based "
      "in Santa Clara, California.";
  ExtractedArticle x;
  x.article.id = "a";
  x.article.text = text;
  x.article.published = "2026-01-28T00:00:00Z";
  x.article.lang = "en";
  testing::SharedAnalyzer().Analyze(&x);
  CHECK_FALSE(x.entities.empty());
  CHECK_FALSE(x.quantities.empty());
  // The same words in a text identified (or declared) as another language.
  x.article.lang = "fr";
  testing::SharedAnalyzer().Analyze(&x);
  CHECK(x.entities.empty());
  CHECK(x.quantities.empty());
  CHECK(x.dates.empty());
  CHECK(x.events.empty());
}

}  // namespace
}  // namespace newsx::extract
