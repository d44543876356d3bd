// TextAnalyzer: lexicon loading and errors, and hostile text.

#include <string>

#include "analyzer_test_util.h"

namespace newsx::extract {
namespace {

TEST_CASE("Built-in lexicons are compiled in", "[extract][analyzer]") {
  const std::vector<LexiconFile> files = TextAnalyzer::BuiltinLexicons();
  std::vector<std::string> names;
  for (const LexiconFile& f : files) names.push_back(f.name);
  CHECK(std::find(names.begin(), names.end(), "chips.tsv") != names.end());
  CHECK(std::find(names.begin(), names.end(), "events.tsv") != names.end());
  for (const LexiconFile& f : files) CHECK_FALSE(f.content.empty());
}

TEST_CASE("Malformed lexicon lines name file and line", "[extract][analyzer]") {
  const auto fails_with = [](const std::string& name, const std::string& content,
                             const std::string& where) {
    AnalyzerOptions options;
    options.lexicons.push_back(LexiconFile{name, content});
    const auto analyzer = TextAnalyzer::Create(options);
    REQUIRE_FALSE(analyzer.ok());
    CHECK(analyzer.status().code() == StatusCode::kInvalidArgument);
    INFO(analyzer.status().message());
    CHECK(analyzer.status().message().find(where) != std::string::npos);
  };
  fails_with("chips-extra.tsv", "# comment\n\nchip:x/y\tX Y\n", "chips-extra.tsv:3");
  fails_with("orgs.tsv", "org:x\tX\tbakery\t-\t-\n", "orgs.tsv:1");
  fails_with("orgs.tsv", "x\tX\tcompany\t-\t-\n", "orgs.tsv:1");
  fails_with("places.tsv", "place:x\tX\tplanet\t-\t-\t-\t-\n", "places.tsv:1");
  fails_with("persons.tsv", "person:x\tX\t-\tCEO\n", "persons.tsv:1");
  fails_with("words.tsv", "colour\tred\n", "words.tsv:1");
  fails_with("events.tsv", "sale\tsold\t-\tseller=fruit@before\t-\n", "events.tsv:1");
  fails_with("events.tsv", "sale\tsold\t-\tseller=company@above\t-\n", "events.tsv:1");
  fails_with("events.tsv", "sale\tsold\t-\tseller\t-\n", "events.tsv:1");
  fails_with("events.tsv", "sale\tsold\t-\tseller=company@any~x\t-\n", "events.tsv:1");
  fails_with("events.tsv", "sale\tsold\t-\t-\tfast=1\n", "events.tsv:1");
  fails_with("gadgets.tsv", "x\ty\n", "gadgets.tsv");
  fails_with("orgs-x.tsv", "org:x\tX\tcompany\t-\t-\tsometimes\n", "orgs-x.tsv:1");
}

TEST_CASE("Gazetteer link entries name what the tagger recognizes", "[extract][analyzer]") {
  AnalyzerOptions options;
  options.lexicons.push_back(LexiconFile{
      "orgs-extra.tsv", "org:zorblax-holdings\tZorblax\tagency\t-\tZorblax Group\tlink\n"});
  options.lexicons.push_back(LexiconFile{
      "places-extra.tsv", "place:quux-city\tQuuxville\tcity\tplace:japan\t-\t-\t-\tlink\n"});
  auto analyzer = TextAnalyzer::Create(options);
  REQUIRE(analyzer.ok());
  const ExtractedArticle x = testing::AnalyzeText(
      "Zorblax Group said on Monday that it would build a plant in Quuxville.", "", **analyzer);
  // The tagger finds the names; the link entries give them their ids,
  // kinds and countries.
  const Entity* org = testing::FindEntity(x, "org:zorblax-holdings");
  REQUIRE(org != nullptr);
  CHECK(org->kind == "agency");
  const Entity* city = testing::FindEntity(x, "place:quux-city");
  REQUIRE(city != nullptr);
  CHECK(city->country == "place:japan");
  // A link entry alone is no evidence: a common word is not matched.
  options.lexicons.push_back(
      LexiconFile{"places-extra2.tsv", "place:reading\tReading\tcity\t-\t-\t-\t-\tlink\n"});
  analyzer = TextAnalyzer::Create(options);
  REQUIRE(analyzer.ok());
  const ExtractedArticle y =
      testing::AnalyzeText("Reading the report took an hour, the analyst said.", "", **analyzer);
  CHECK(testing::FindEntity(y, "place:reading") == nullptr);
}

TEST_CASE("User lexicons add entities and files not ending in .tsv are ignored",
          "[extract][analyzer]") {
  AnalyzerOptions options;
  options.lexicons.push_back(
      LexiconFile{"chips.tsv", "chip:acme/z1\tAcme Z1\torg:acme\tZed\tZ1\n"});
  options.lexicons.push_back(LexiconFile{"README.md", "not a lexicon"});
  auto analyzer = TextAnalyzer::Create(options);
  REQUIRE(analyzer.ok());
  const ExtractedArticle x = testing::AnalyzeText("The Z1 outsold the H20.", "", **analyzer);
  const Entity* z1 = testing::FindEntity(x, "chip:acme/z1");
  REQUIRE(z1 != nullptr);
  CHECK(z1->family == "Zed");
  CHECK(testing::FindEntity(x, "chip:nvidia/h20") != nullptr);
}

// Hostile inputs, one test case each: under the sanitizers each 10 MB case
// takes minutes, and one case per input keeps each under its own timeout.
ExtractedArticle AnalyzeHostile(std::string text) {
  ExtractedArticle x;
  x.article.id = "hostile";
  x.article.published = "2026-01-28T00:00:00Z";
  x.article.text = std::move(text);
  testing::SharedAnalyzer().Analyze(&x);
  return x;
}

TEST_CASE("Without the trained models only the lexicons and rules find names",
          "[extract][analyzer]") {
  AnalyzerOptions options;
  options.trained_models = false;
  auto bare = TextAnalyzer::Create(options);
  REQUIRE(bare.ok());
  const std::string text =
      "Nvidia said on Monday that Marta Kowalczyk bought 500 H200 chips in Boise.";
  const ExtractedArticle x = testing::AnalyzeText(text, "", **bare);
  CHECK(testing::FindEntity(x, "org:nvidia") != nullptr);
  CHECK(testing::FindEntity(x, "chip:nvidia/h200") != nullptr);
  CHECK(x.quantities.size() >= 1);
  // The name tagger finds the unlisted person; the lexicons alone do not.
  const ExtractedArticle y = testing::AnalyzeText(text, "");
  CHECK(testing::FindEntity(y, "person:marta-kowalczyk") != nullptr);
  CHECK(testing::FindEntity(x, "person:marta-kowalczyk") == nullptr);
}

TEST_CASE("Hostile text: a 10 MB line without spaces", "[extract][analyzer][hostile]") {
  std::string text;
  while (text.size() < (10u << 20)) text += "NvidiaH200chipsChina2million,";
  const ExtractedArticle x = AnalyzeHostile(text);
  CHECK(x.events.empty());
}

TEST_CASE("Hostile text: a 10 MB line of words without sentence breaks",
          "[extract][analyzer][hostile]") {
  std::string text;
  while (text.size() < (10u << 20)) text += "Nvidia sold H200 chips to China and Huawei banned ";
  const ExtractedArticle x = AnalyzeHostile(text);
  CHECK_FALSE(x.entities.empty());
  CHECK_FALSE(x.events.empty());
}

TEST_CASE("Hostile text: invalid UTF-8", "[extract][analyzer][hostile]") {
  std::string text =
      "Nvidia \xff\xfe H200 \xc3 chips \xe2\x82 to China\x80\x80. Huang\xed\xa0\x80 said.";
  const ExtractedArticle x = AnalyzeHostile(text);
  const Entity* h200 = testing::FindEntity(x, "chip:nvidia/h200");
  REQUIRE(h200 != nullptr);
  CHECK(h200->mentions[0].span.begin == 10);  // Each invalid byte is one code point.
}

TEST_CASE("Hostile text: all-caps headlines", "[extract][analyzer][hostile]") {
  const ExtractedArticle x =
      AnalyzeHostile("CHINA APPROVES FIRST NVIDIA H200 AI CHIP IMPORTS\nUS TECH CURBS EASE");
  CHECK(testing::FindEntity(x, "place:china") != nullptr);
  CHECK(testing::FindEntity(x, "chip:nvidia/h200") != nullptr);
}

TEST_CASE("Hostile text: tables of numbers", "[extract][analyzer][hostile]") {
  std::string text;
  for (int row = 0; row < 20000; ++row) {
    text += std::to_string(row) + "\t" + std::to_string(row * 37 % 1000) + ".5\t$" +
            std::to_string(row % 97) + "bn\t" + std::to_string(row % 12 + 1) + "/2026\n";
  }
  const ExtractedArticle x = AnalyzeHostile(text);
  CHECK(x.entities.empty());
}

TEST_CASE("Hostile text: empty and punctuation-only text", "[extract][analyzer][hostile]") {
  CHECK(AnalyzeHostile("").entities.empty());
  CHECK(AnalyzeHostile("...,,,'''\"\"\"---").entities.empty());
  CHECK(AnalyzeHostile("'s 's 's").entities.empty());
}

TEST_CASE("Hostile text: 100,000 capitalized words in a row", "[extract][analyzer][hostile]") {
  // One endless name for the tagger and the linker; the sentence cap
  // keeps every stage linear.
  std::string text;
  for (int i = 0; i < 100000; ++i) text += i % 7 == 0 ? "Nvidia " : "Grand ";
  const ExtractedArticle x = AnalyzeHostile(text);
  CHECK(x.article.text.size() == text.size());
}

TEST_CASE("Hostile text: acronyms, their definitions, titles and postal codes by the thousand",
          "[extract][analyzer][hostile]") {
  // Each convention that looks elsewhere in the document (acronym
  // definitions and initials, titles ending a name, towns before codes)
  // does so in one pass per document, not once per name: before, the
  // initials lookup made 6,000 such lines take 36 s.
  std::string text;
  for (int i = 0; i < 6000; ++i) {
    const std::string code = {static_cast<char>('A' + i % 26), static_cast<char>('A' + i / 26 % 26),
                              static_cast<char>('A' + i / 676 % 26)};
    text += "Arco Bell Corp (" + code + ") hired Ana Ruiz, Finance Professor, in Mill, NY. " +
            code + " said so.\n";
  }
  // Declared English: a page of names has too few function words for the
  // English check to tell.
  ExtractedArticle x;
  x.article.id = "hostile";
  x.article.lang = "en";
  x.article.text = text;
  testing::SharedAnalyzer().Analyze(&x);
  CHECK(testing::FindEntity(x, "place:new-york") != nullptr);
  CHECK(testing::FindEntity(x, "place:mill-new-york") != nullptr);
}

TEST_CASE("Hostile text: events that look back across the page, by the thousand",
          "[extract][analyzer][hostile]") {
  // A headline's event, chips a later sentence names, same-sentence amounts,
  // firms introduced by apposition and processor families: each looks at a
  // bounded set of earlier events or one pass of the page, so 6,000 such
  // paragraphs stay linear.
  std::string text = "Canada Restricts Chip Exports\n\n";
  for (int i = 0; i < 6000; ++i) {
    const std::string firm = "Zorb" + std::to_string(i);
    text += firm + ", a photonic computing company, sold certain processors to Japan for $" +
            std::to_string(i % 90 + 1) + " million along with $2 million in loans. The processors "
            "covered by this sale are the Nvidia H200 and " + firm +
            "'s Lumen Processing Units. Canada imposed export controls on certain chips.\n\n";
  }
  const ExtractedArticle x = AnalyzeHostile(text);
  CHECK_FALSE(x.events.empty());
  CHECK(testing::FindEntity(x, "org:zorb17") != nullptr);
}

TEST_CASE("Hostile text: mixed scripts", "[extract][analyzer][hostile]") {
  // English with Chinese, Russian and Arabic words: still English.
  std::string text;
  for (int i = 0; i < 2000; ++i) {
    text +=
        "Nvidia said that the H200 chips were sold to 英伟达 customers in Москва and "
        "الصين through the year. ";
  }
  const ExtractedArticle x = AnalyzeHostile(text);
  CHECK(testing::FindEntity(x, "chip:nvidia/h200") != nullptr);
}

}  // namespace
}  // namespace newsx::extract
