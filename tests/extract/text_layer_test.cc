// The text layer: line breaks, tokens and sentences.

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "text/line_breaks.h"
#include "text/sentence_splitter.h"
#include "text/english_check.h"
#include "text/tokenizer.h"

namespace newsx::extract::text {
namespace {

std::vector<std::string> Sentences(const std::string& s, TokenizedText* t) {
  static const Vocabulary vocab;
  Tokenize(s, vocab, t);
  std::vector<std::string> out;
  for (const Sentence& x : t->sentences) {
    const Token& a = t->tokens[x.first];
    const Token& b = t->tokens[x.end - 1];
    out.push_back(std::string(s.substr(a.begin, b.end - a.begin)));
  }
  return out;
}

// A press release hard-wrapped at about 70 columns, as plain-text sources
// and the Federal Register publish them.
const char kWrapped[] =
    "Today, the President will travel to Chandler, Arizona, to visit the\n"
    "campus and announce that the Department of Commerce has reached a\n"
    "preliminary agreement with the company, funded by the National Science\n"
    "Foundation and others. The announcement will support construction.\n"
    "\n"
    "The funding supports projects across four states and will create jobs:\n"
    "- Chandler, Arizona: Funding will help construct two leading-edge\n"
    "logic fabs and modernize one existing fab.\n"
    "- New Albany, Ohio: Funding will establish a new regional economic\n"
    "cluster.\n";

TEST_CASE("Hard-wrapped text joins lines inside paragraphs", "[extract][text]") {
  const LineBreaks breaks(kWrapped);
  CHECK(breaks.wrapped());
  TokenizedText t;
  const std::vector<std::string> s = Sentences(kWrapped, &t);
  CHECK(t.wrapped);
  REQUIRE(s.size() == 5);
  CHECK(s[0].find("National Science\nFoundation and others.") != std::string::npos);
  CHECK(s[1] == "The announcement will support construction.");
  CHECK(s[2].substr(0, 12) == "The funding ");
  CHECK(s[3] == "- Chandler, Arizona: Funding will help construct two leading-edge\n"
                "logic fabs and modernize one existing fab.");
  CHECK(s[4].substr(0, 12) == "- New Albany");
}

TEST_CASE("One paragraph a line stays one paragraph a line", "[extract][text]") {
  // Extracted HTML: long paragraphs, headings without a full stop.
  const std::string text =
      "Chip exports\n"
      "The commerce department said on Tuesday that it would review the rules for "
      "exports of advanced chips to a long list of countries in the coming weeks\n"
      "Officials in Beijing declined to comment on the report, which was published "
      "late on Monday after markets had closed for the day in Asia.\n"
      "Analysts said the move was expected\n";
  CHECK_FALSE(LineBreaks(text).wrapped());
  TokenizedText t;
  const std::vector<std::string> s = Sentences(text, &t);
  REQUIRE(s.size() == 4);
  CHECK(s[0] == "Chip exports");
  CHECK(s[3] == "Analysts said the move was expected");
}

TEST_CASE("A line that runs on into the next is one sentence with it", "[extract][text]") {
  // Text taken from a page that broke lines around its links and emphasis:
  // the next line starts with a lower-case word, or the line ends with one
  // that cannot end a sentence. A heading followed by "iPhone" stays apart.
  const std::string text =
      "Today, the ministry\n"
      "announced\n"
      "a new fund for chip plants, the largest since\n"
      "President Lee took office.\n"
      "Phone sales\n"
      "iPhone sales rose in May.\n";
  TokenizedText t;
  const std::vector<std::string> s = Sentences(text, &t);
  REQUIRE(s.size() == 3);
  CHECK(s[0] == "Today, the ministry\nannounced\na new fund for chip plants, the largest since\n"
                "President Lee took office.");
  CHECK(s[1] == "Phone sales");
  CHECK(s[2] == "iPhone sales rose in May.");
}

TEST_CASE("A line ending in a comma runs on into the next", "[extract][text]") {
  // "Boise,\nIdaho": a capitalized next line does not start a paragraph
  // after a comma.
  const std::string text =
      "The\n"
      "plan\n"
      "includes a second plant in Corvale,\n"
      "Idaho, and a lab in Marden, Ohio.\n"
      "Sales rose.\n";
  TokenizedText t;
  const std::vector<std::string> s = Sentences(text, &t);
  REQUIRE(s.size() == 2);
  CHECK(s[0] == "The\nplan\nincludes a second plant in Corvale,\nIdaho, and a lab in Marden, Ohio.");
}

TEST_CASE("Short lists of short lines are not taken for wrapped text", "[extract][text]") {
  CHECK_FALSE(LineBreaks("Home\nNews\nSports\nBusiness\nWeather\n").wrapped());
  CHECK_FALSE(LineBreaks("one line\n").wrapped());
  CHECK_FALSE(LineBreaks("").wrapped());
}

TEST_CASE("Sentences do not end at initials and abbreviations", "[extract][text]") {
  TokenizedText t;
  const std::vector<std::string> s =
      Sentences("President Donald J. Trump met Mr. Huang on Jan. 5 in Washington. He left.", &t);
  REQUIRE(s.size() == 2);
  CHECK(s[1] == "He left.");
}

TEST_CASE("A legal form before a bracket or a number does not end a sentence", "[extract][text]") {
  TokenizedText t;
  const std::vector<std::string> s = Sentences(
      "Acme Widgets Corp. (NASDAQ: ACMW) said it won an order. It sold Widget Co. 500 units. "
      "Buyers included Acme Inc. The order was small.",
      &t);
  REQUIRE(s.size() == 4);
  CHECK(s[0] == "Acme Widgets Corp. (NASDAQ: ACMW) said it won an order.");
  CHECK(s[1] == "It sold Widget Co. 500 units.");
  CHECK(s[3] == "The order was small.");
}

TEST_CASE("Sentences are cut at the token cap", "[extract][text]") {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "Word ";
  TokenizedText t;
  Sentences(text, &t);
  REQUIRE(t.sentences.size() == (1000 + kMaxSentenceTokens - 1) / kMaxSentenceTokens);
  for (const Sentence& x : t.sentences) CHECK(x.end - x.first <= kMaxSentenceTokens);
}

TEST_CASE("Clitics are tokens of their own, as the treebanks have them", "[extract][text]") {
  static const Vocabulary vocab;
  const std::string s = "You're sure we'll see it; don't ask O'Brien about Nvidia's chips.";
  TokenizedText t;
  Tokenize(s, vocab, &t);
  std::vector<std::string> words;
  for (const Token& x : t.tokens) words.push_back(s.substr(x.begin, x.end - x.begin));
  const std::vector<std::string> want = {"You", "'re", "sure", "we", "'ll", "see", "it", ";",
                                         "don't", "ask", "O'Brien", "about", "Nvidia", "'s",
                                         "chips", "."};
  CHECK(words == want);
}

TEST_CASE("Only text that reads as English is given to the English stages", "[extract][text]") {
  static const Vocabulary vocab;
  const auto english = [](const std::string& s) {
    TokenizedText t;
    Tokenize(s, vocab, &t);
    return LooksEnglish(t);
  };
  CHECK(english(
      "The Commerce Department said on Tuesday that it had approved the sale of chips to "
      "China, and that the licences were granted to three firms with conditions attached to "
      "them by the agency."));
  CHECK_FALSE(english(
      "La empresa anunció el martes una inversión de 36 millones de euros en "
      "su planta de Zaragoza, que creará cientos de empleos en la región durante "
      "las próximas etapas del proyecto según fuentes de la compañía."));
  CHECK_FALSE(english(
      "Die Bundesregierung hat am Dienstag neue Regeln für den Export von Halbleitern "
      "beschlossen, die nach Angaben des Ministeriums ab dem kommenden Jahr gelten sollen und "
      "mehrere Unternehmen betreffen werden."));
  CHECK_FALSE(english(
      "Компания "
      "объявила 1 "
      "час a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb"));
  // Too short to judge: a headline.
  CHECK(english("Nvidia H200 imports approved"));
}

}  // namespace
}  // namespace newsx::extract::text
