#include "newsx/extract/html_extractor.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "newsx/core/record_json.h"

using namespace newsx;

namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool IsValidUtf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80         ? 1
                            : (c >> 5) == 6  ? 2
                            : (c >> 4) == 14 ? 3
                            : (c >> 3) == 30 ? 4
                                             : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

RawDocument Page(std::string body) {
  RawDocument doc;
  doc.url = "https://example.com/news/story";
  doc.body = std::move(body);
  return doc;
}

std::string Paragraphs(int count) {
  std::string html = "<html><body><article>";
  for (int i = 0; i < count; ++i) {
    html += "<p>Paragraph " + std::to_string(i) +
            " of the story tells readers what happened and why it matters to them.</p>";
  }
  return html + "</article></body></html>";
}

}  // namespace

// Each fixtures/extract/html/<case>.html has <case>.expected.json beside it:
// {"input": {"url", "content_type", "fetched_unix_ms"}, "article": {...}}.
// Every field listed under "article" must match ToJson(article).
TEST_CASE("ExtractArticle matches the golden pages", "[extract][golden]") {
  const std::filesystem::path dir = std::filesystem::path(NEWSX_FIXTURES_DIR) / "extract/html";
  int cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".html") continue;
    const std::string name = entry.path().stem().string();
    SECTION(name) {
      const auto expected = nlohmann::json::parse(ReadFile(dir / (name + ".expected.json")),
                                                  nullptr, /*allow_exceptions=*/false);
      REQUIRE_FALSE(expected.is_discarded());
      RawDocument doc = Page(ReadFile(entry.path()));
      doc.url = expected["input"]["url"].get<std::string>();
      doc.content_type = expected["input"]["content_type"].get<std::string>();
      doc.fetched_unix_ms = expected["input"]["fetched_unix_ms"].get<std::int64_t>();
      Result<Article> article = extract::ExtractArticle(doc);
      REQUIRE(article.ok());
      const auto actual = nlohmann::json::parse(ToJson(*article));
      for (const auto& [key, value] : expected["article"].items()) {
        INFO(name << "." << key);
        CHECK(actual[key] == value);
      }
    }
    ++cases;
  }
  CHECK(cases >= 12);
}

TEST_CASE("ExtractArticle replaces bad bytes and always outputs valid UTF-8", "[extract]") {
  auto article = extract::ExtractArticle(
      Page("<html><head><meta charset=utf-8><title>Bad \xC3 bytes</title></head><body><p>Some "
           "\xFF\xFE text with broken \xE2\x82 sequences in the middle of a long enough "
           "paragraph to count as the article.</p></body></html>"));
  REQUIRE(article.ok());
  CHECK(IsValidUtf8(article->text));
  CHECK(IsValidUtf8(article->title));
  CHECK(article->text.find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD
}

TEST_CASE("ExtractArticle outputs NFC", "[extract]") {
  // "e" + combining acute accent composes to U+00E9.
  auto article = extract::ExtractArticle(
      Page("<html><head><meta charset=utf-8></head><body><p>Cafe\xCC\x81 owners in the city "
           "said on Monday that prices would rise again next month.</p></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("Caf\xC3\xA9") != std::string::npos);
}

TEST_CASE("ExtractArticle reads pages that hide their body until scripts run", "[extract]") {
  auto article = extract::ExtractArticle(
      Page("<html style=\"visibility:hidden\"><body style=\"display:none\" class=\"sidebar-open\">"
           "<div><p>The body of this page is hidden by a style that its scripts remove once "
           "they have loaded, as some sites do.</p></div></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("The body of this page") == 0);
}

TEST_CASE("ExtractArticle finds bylines by author-page links and drops job titles", "[extract]") {
  auto article = extract::ExtractArticle(Page(
      "<html><body><p class=\"meta\">Posted by <a href=\"/author/rachel-goodwin/\">Rachel "
      "Goodwin</a> in <a href=\"/news\">News</a></p><p>The story itself is long enough to "
      "be taken as the article text by the extractor, which is what we want.</p></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->authors == std::vector<std::string>{"Rachel Goodwin"});
  auto with_role = extract::ExtractArticle(
      Page("<html><head><meta name=\"author\" content=\"By TOM KRISHER, AP Auto Writer\"></head>"
           "<body><p>The story itself is long enough to be taken as the article text by the "
           "extractor, which is what we want.</p></body></html>"));
  REQUIRE(with_role.ok());
  CHECK(with_role->authors == std::vector<std::string>{"TOM KRISHER"});
}

TEST_CASE("ExtractArticle falls back to JSON-LD articleBody for script-rendered pages",
          "[extract]") {
  auto article = extract::ExtractArticle(
      Page("<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
           "\"headline\": \"Rendered later\", \"articleBody\": \"The whole story is only in the "
           "structured data, because the page builds its body with scripts after loading.\"}"
           "</script></head><body><div id=\"app\"></div><p>Loading</p></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->title == "Rendered later");
  CHECK(article->text ==
        "The whole story is only in the structured data, because the page builds its body with "
        "scripts after loading.");
}

TEST_CASE("ExtractArticle reads <noscript> when the page has no other text", "[extract]") {
  auto article = extract::ExtractArticle(
      Page("<html><body><div id=\"app\"></div><noscript><div class=\"post\"><p>This story is "
           "drawn by scripts, and the page offers the same text here to readers who have "
           "scripts turned off.</p></div></noscript></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("This story is drawn by scripts") == 0);
  // With other text on the page, <noscript> stays out (a "turn on scripts" notice).
  auto notice = extract::ExtractArticle(
      Page("<html><body><noscript><p>Please turn on JavaScript to see the comments and the "
           "video player of this page, which need scripts.</p></noscript><p>The story itself "
           "is long enough to be taken as the article text by the extractor.</p></body></html>"));
  REQUIRE(notice.ok());
  CHECK(notice->text.find("JavaScript") == std::string::npos);
}

TEST_CASE("ExtractArticle keeps text whose class only hides a label or hides on small screens",
          "[extract]") {
  const std::string body =
      "<p>The council approved the new budget on Thursday after a debate that lasted well into "
      "the night, with two members voting against it.</p>";
  auto article = extract::ExtractArticle(
      Page("<html><body><div class=\"field field--name-body field--label-hidden\">" + body +
           "</div><div class=\"hidden-xs\">" + body + "</div>"
           "<div class=\"note hidden\"><p>This text is hidden by its class and is not part of the "
           "article that the reader sees on the page at all.</p></div></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("The council approved") == 0);
  CHECK(article->text.find("The council approved", 10) != std::string::npos);
  CHECK(article->text.find("hidden by its class") == std::string::npos);
}

TEST_CASE("ExtractArticle reads a class's BEM modifiers as a state, not as boilerplate",
          "[extract]") {
  // Drupal marks a story shown on the front page "node--promoted"; the
  // related box beside it holds more text, so the article is not protected
  // by its share of the page.
  auto article = extract::ExtractArticle(
      Page("<html><body><article class=\"node node--type-story node--promoted\"><p>The harbour "
           "authority will dredge the eastern channel next spring so that larger ferries can "
           "dock.</p><p>Work is planned for the quiet months, and the western channel stays "
           "open throughout.</p></article><div class=\"related\"><p>Other news: the ferry "
           "company has ordered two new ships that will enter service in three years.</p><p>The "
           "town council debated parking fees near the harbour for most of Tuesday evening.</p>"
           "<p>A storm closed the coastal road for a day last week after a landslide.</p></div>"
           "</body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("The harbour authority will dredge") == 0);
  CHECK(article->text.find("Other news") == std::string::npos);
}

TEST_CASE("ExtractArticle reads a page without its class names when they leave no text",
          "[extract]") {
  // Each step of the story is its own "slideshow" element, and none holds
  // half of the page's text; a hidden step stays out.
  auto article = extract::ExtractArticle(
      Page("<html><body><div class=\"slideshow-item\"><p>Step one: soak the beans overnight in "
           "plenty of cold water, then drain and rinse them well.</p></div><div "
           "class=\"slideshow-item\"><p>Step two: simmer the beans with a bay leaf for an hour, "
           "until they are soft but still hold their shape.</p></div><div "
           "class=\"slideshow-item\"><p>Step three: stir in the tomatoes and the onions and "
           "cook for another twenty minutes without a lid.</p></div><div class=\"slideshow-item\" "
           "style=\"display:none\"><p>This step is hidden on the page and so is not part of the "
           "text the reader sees.</p></div></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("Step one: soak the beans") == 0);
  CHECK(article->text.find("Step three: stir in") != std::string::npos);
  CHECK(article->text.find("This step is hidden") == std::string::npos);
}

TEST_CASE("ExtractArticle leaves out headings whose section was removed", "[extract]") {
  const std::string para =
      "<p>The bridge over the river will close for repairs from Monday, and traffic will be sent "
      "through the town centre for three weeks.</p>";
  auto article = extract::ExtractArticle(Page(
      "<html><body><article>" + para +
      "<h2>What changes for buses</h2><h3>Line 4</h3><p>Buses of line 4 stop at the market "
      "square instead of the bridge, and every second bus runs on to the station as "
      "before.</p><h3>The view from the old bridge</h3><p><img src=\"bridge.jpg\"></p>"
      "<p><strong>Read also:</strong></p><div class=\"related\"><p>The bridge was built in 1962 "
      "and last repaired twenty years ago, when it was closed for a whole summer.</p></div>"
      "<h3>More from the town</h3><ul><li><a href=\"/a\">Market hall reopens</a></li>"
      "<li><a href=\"/b\">New library hours</a></li></ul></article></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("What changes for buses\nLine 4\nBuses of line 4") != std::string::npos);
  CHECK(article->text.find("The view from the old bridge") != std::string::npos);  // A picture.
  CHECK(article->text.find("Read also") == std::string::npos);
  CHECK(article->text.find("More from the town") == std::string::npos);
}

TEST_CASE("ExtractArticle leaves out comment sections named in German or Spanish", "[extract]") {
  auto article = extract::ExtractArticle(Page(
      "<html><body><div class=\"artikel\"><p>Der Gemeinderat hat am Montag beschlossen, die "
      "Brücke über den Mühlbach im Sommer neu zu bauen.</p><p>Die Arbeiten dauern voraussichtlich "
      "drei Monate, in dieser Zeit fährt eine Fähre.</p></div><div class=\"kommentarBereich\">"
      "<p>Endlich! Auf diese Brücke warten wir im Dorf schon seit Jahren, hoffentlich wird sie "
      "diesmal rechtzeitig fertig.</p></div><div class=\"seccion-comentarios\"><p>Muy buena "
      "noticia para el pueblo, aunque tres meses con una barca me parece mucho tiempo.</p>"
      "</div></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("Der Gemeinderat") == 0);
  CHECK(article->text.find("Endlich") == std::string::npos);
  CHECK(article->text.find("Muy buena") == std::string::npos);
}

TEST_CASE("ExtractArticle keeps a data table whose rows are short lines", "[extract]") {
  std::string rows;
  const char* const names[] = {"Anna Berg", "Carla Dietz", "Eva Fuchs", "Greta Hahn", "Ida Jung"};
  for (int i = 0; i < 5; ++i) {
    rows += "<tr><td>" + std::to_string(i + 1) + ".</td><td>" + names[i] +
            "</td><td>TV Nord</td>"
            "<td>12," +
            std::to_string(10 + i) + " s</td></tr>";
  }
  auto article = extract::ExtractArticle(
      Page("<html><body><div class=\"results\"><div class=\"intro\"><p>Results of the 100 "
           "metres for girls under 16 at the district championships on Saturday, run in light "
           "rain.</p></div><table>" +
           rows +
           "</table></div><div class=\"more\"><a "
           "href=\"/\">All results</a></div></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("Results of the 100 metres") == 0);
  CHECK(article->text.find("1. Anna Berg TV Nord 12,10 s") != std::string::npos);
  CHECK(article->text.find("5. Ida Jung") != std::string::npos);
}

TEST_CASE("ExtractArticle reads a negated class word as the opposite of boilerplate", "[extract]") {
  // "non-paywall" is the free part of an article; the box beside it holds
  // more text, so the article is not protected by its share of the page.
  auto article = extract::ExtractArticle(
      Page("<html><body><div class=\"story non-paywall\"><p>The valley's last dairy will close at "
           "the end of the year after eighty years, its owners said on Friday.</p><p>Milk from the "
           "remaining farms will go to the cooperative in the next town instead.</p></div><div "
           "class=\"related\"><p>Other news: the cheese market moves to the town hall square for "
           "the summer months.</p><p>The school choir won second prize at the regional festival "
           "last weekend.</p><p>Roadworks on the pass road start in May and last six weeks.</p>"
           "</div></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("The valley's last dairy") == 0);
  CHECK(article->text.find("Other news") == std::string::npos);
}

TEST_CASE("ExtractArticle leaves out rating, call-to-action and disclosure boxes", "[extract]") {
  // Each box sits inside the article's container and reads like a
  // paragraph; only its name tells it apart.
  auto article = extract::ExtractArticle(Page(
      "<html><body><div class=\"entry\"><p class=\"affiliate-disclosure\">We may earn a "
      "commission when you buy through the links on this page, at no extra cost to you.</p><p>The "
      "new ferry between the islands runs every hour from April, and tickets cost less than on the "
      "old boat.</p><p>Cyclists pay nothing extra for their bikes, and the crossing takes twenty "
      "minutes instead of forty.</p><div class=\"cta\"><p>Book our guided island tour today and "
      "save twenty percent on your first trip with the code FERRY.</p></div><span "
      "class=\"post-ratings\">Was this article useful? Give it up to five stars and tell us what "
      "you would like to read about next.</span></div></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("The new ferry") == 0);
  CHECK(article->text.find("Cyclists pay nothing") != std::string::npos);
  CHECK(article->text.find("commission") == std::string::npos);
  CHECK(article->text.find("guided island tour") == std::string::npos);
  CHECK(article->text.find("five stars") == std::string::npos);
}

TEST_CASE("ExtractArticle leaves out an unnamed box after the body that reads as prose",
          "[extract]") {
  // The author's note and the contact box score as paragraphs and lift the
  // container above the body; the body holds most of the score.
  std::string body;
  for (int i = 0; i < 4; ++i) {
    body +=
        "<p>The new ferry between the islands runs every hour from April, and tickets cost "
        "less than on the old boat, the operator said on Tuesday in the harbour office.</p>";
  }
  auto article = extract::ExtractArticle(
      Page("<html><body><div class=\"post\"><div class=\"text\">" + body +
           "</div><div class=\"about\"><p>Anna Beispiel writes about travel and transport on "
           "the coast and has lived on the islands for twenty years.</p></div><div><p>Press "
           "office of the ferry company, phone and mail on weekdays from nine to five.</p>"
           "</div></div></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("The new ferry") == 0);
  CHECK(article->text.find("Anna Beispiel") == std::string::npos);
  CHECK(article->text.find("Press office") == std::string::npos);
}

TEST_CASE("ExtractArticle keeps prose before the body with the body", "[extract]") {
  std::string body;
  for (int i = 0; i < 4; ++i) {
    body +=
        "<p>The new ferry between the islands runs every hour from April, and tickets cost "
        "less than on the old boat, the operator said on Tuesday in the harbour office.</p>";
  }
  auto article = extract::ExtractArticle(
      Page("<html><body><div class=\"post\"><div><p>Islanders waited eleven years for a "
           "faster boat; the first crossing took twenty minutes instead of forty.</p></div>"
           "<div class=\"text\">" +
           body + "</div></div></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("Islanders waited") == 0);
  CHECK(article->text.find("The new ferry") != std::string::npos);
}

TEST_CASE("ExtractArticle finds a lead in a <header> that is its wrapper's only child",
          "[extract]") {
  std::string body;
  for (int i = 0; i < 4; ++i) {
    body +=
        "<p>The new ferry between the islands runs every hour from April, and tickets cost "
        "less than on the old boat, the operator said on Tuesday in the harbour office.</p>";
  }
  auto article = extract::ExtractArticle(Page(
      "<html><head><title>A faster ferry</title></head><body><article><div id=\"head\"> <header> "
      "<h1>A faster ferry</h1><p>Islanders waited eleven years for a faster boat; the first "
      "crossing took twenty minutes instead of forty.</p></header></div><div>" +
      body + "</div></article></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("Islanders waited") == 0);
  CHECK(article->text.find("The new ferry") != std::string::npos);
}

TEST_CASE("ExtractArticle leaves out a box after the body when the lead is the headline's",
          "[extract]") {
  std::string body;
  for (int i = 0; i < 10; ++i) {
    body +=
        "<p>The new ferry between the islands runs every hour from April, and tickets cost "
        "less than on the old boat, the operator said on Tuesday in the harbour office.</p>";
  }
  auto article = extract::ExtractArticle(
      Page("<html><head><title>A faster ferry</title></head><body><div class=\"post\"><div "
           "class=\"top\"><h1>A faster ferry</h1><p>Islanders waited eleven years for a faster "
           "boat; the first crossing took twenty minutes instead of forty.</p></div><div "
           "class=\"text\">" +
           body +
           "</div><div class=\"about\"><p>Anna Beispiel writes about travel and transport on "
           "the coast and has lived on the islands for twenty years.</p></div></div></body>"
           "</html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("Islanders waited") == 0);
  CHECK(article->text.find("The new ferry") != std::string::npos);
  CHECK(article->text.find("Anna Beispiel") == std::string::npos);
}

TEST_CASE("ExtractArticle finds the lead of a body that sets its subheadings as <h1>",
          "[extract]") {
  auto article = extract::ExtractArticle(
      Page("<html><head><title>Harbour festival moves to August</title></head><body><div "
           "class=\"head\"><h1>Harbour festival moves to August</h1><p class=\"teaser\">The "
           "festival leaves its June date after three wet years, and the fireworks move to the "
           "last Saturday of August.</p></div><div class=\"body\"><h1>The programme</h1><p>Bands "
           "will play on two stages by the water on Friday and Saturday evenings, as in earlier "
           "years, and the fish market stays open late.</p><h1>Tickets</h1><p>Day tickets go on "
           "sale in May at the tourist office on the "
           "quay and cost the same as last year, children free.</p></div></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("The festival leaves its June date") == 0);
  CHECK(article->text.find("Bands will play") != std::string::npos);
}

TEST_CASE("ExtractArticle leaves out picture credits set as text lines", "[extract]") {
  auto article = extract::ExtractArticle(Page(
      "<html><body><div class=\"text\"><p>The old mill by the river reopened on Sunday as a "
      "museum, after six years of repairs paid for by the village and a foundation.</p><p>Foto: "
      "Anna Beispiel / Dorfarchiv</p><p>Visitors can see the wheel turn again on the first "
      "weekend of every month, and the bakery next door sells bread from its flour.</p><p>The "
      "mill on a postcard from 1910 \xC2\xA9 Village archive</p><p>Photo credit: Museum</p>"
      "</div></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("The old mill") == 0);
  CHECK(article->text.find("Visitors can see") != std::string::npos);
  CHECK(article->text.find("Foto:") == std::string::npos);
  CHECK(article->text.find("postcard") == std::string::npos);
  CHECK(article->text.find("Photo credit") == std::string::npos);
}

TEST_CASE("ExtractArticle leaves out forms inside the article", "[extract]") {
  // A rating form after the body, with its question set as a heading.
  auto article = extract::ExtractArticle(Page(
      "<html><body><div class=\"text\"><p>The old mill by the river reopened on Sunday as a "
      "museum, after six years of repairs paid for by the village and a foundation.</p><p>Visitors "
      "can see the wheel turn again on the first weekend of every month, and the bakery next door "
      "sells bread from its flour.</p><form action=\"/rate\"><h2>How useful was this "
      "article?</h2><label>Your comment</label><textarea></textarea><p>Tell us what you would like "
      "to read about next; we read every message that reaches the newsroom.</p></form></div>"
      "</body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("The old mill") == 0);
  CHECK(article->text.find("Visitors can see") != std::string::npos);
  CHECK(article->text.find("How useful") == std::string::npos);
  CHECK(article->text.find("Tell us what") == std::string::npos);
}

TEST_CASE("ExtractArticle keeps a form that holds the whole page", "[extract]") {
  // Some frameworks wrap every page in one <form>.
  auto article = extract::ExtractArticle(
      Page("<html><body><form id=\"page\"><div class=\"text\"><p>The old mill by the river "
           "reopened on Sunday as a museum, after six years of repairs paid for by the "
           "village.</p><p>Visitors can see the wheel turn again on the first weekend of every "
           "month, and the bakery next door sells bread from its flour.</p></div></form>"
           "</body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("The old mill") == 0);
  CHECK(article->text.find("Visitors can see") != std::string::npos);
}

TEST_CASE("ExtractArticle leaves out a heading over a list of links at the end of its box",
          "[extract]") {
  // The links are separate paragraphs; after the body's box comes an
  // author box, which the heading does not introduce.
  auto article = extract::ExtractArticle(Page(
      "<html><body><article><div class=\"entry\"><p>The old mill by the river reopened on Sunday "
      "as a museum, after six years of repairs paid for by the village and a foundation.</p>"
      "<p>Visitors can see the wheel turn again on the first weekend of every month, and the "
      "bakery next door sells bread from its flour.</p><h2>More from this column:</h2><p><a "
      "href=\"/a\">Why villages keep their mills</a></p><p><a href=\"/b\">The last miller of the "
      "valley</a></p></div><div class=\"persons\"><p>Anna Beispiel writes about the villages of "
      "the valley, their mills, their bakeries and their long history for this paper.</p></div>"
      "</article></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("The old mill") == 0);
  CHECK(article->text.find("More from this column") == std::string::npos);
  CHECK(article->text.find("Anna Beispiel") != std::string::npos);  // Not the heading's.
}

TEST_CASE("ExtractArticle leaves out short linked lines that end the article", "[extract]") {
  const std::string page =
      "<html><body><div class=\"text\"><p>The old mill by the river reopened on Sunday as a "
      "museum, after six years of repairs paid for by the village and a <a href=\"/f\">local "
      "foundation</a>.</p><p>Short line with <a href=\"/m\">a link</a> inside the body.</p><p>"
      "Visitors can see the wheel turn again on the first weekend of every month, and the bakery "
      "next door sells bread from its flour.</p><p><b>Further reading</b></p><p>More about the "
      "valley's mills <a href=\"/mills\">in our guide</a>.</p><p>Want the news from the valley? <a "
      "href=\"/signup\">Sign up here</a></p></div></body></html>";
  auto article = extract::ExtractArticle(Page(page));
  REQUIRE(article.ok());
  CHECK(article->text.find("The old mill") == 0);
  CHECK(article->text.find("Short line with a link inside the body.") != std::string::npos);
  CHECK(article->text.size() == article->text.find("from its flour.") + 15);
  // The formatted content ends where the text does.
  extract::HtmlExtractOptions options;
  options.format = extract::ContentFormat::kMarkdown;
  auto formatted = extract::ExtractArticle(Page(page), options);
  REQUIRE(formatted.ok());
  CHECK(formatted->text == article->text);
  CHECK(formatted->content.find("from its flour.") != std::string::npos);
  CHECK(formatted->content.find("guide") == std::string::npos);
  CHECK(formatted->content.find("Further reading") == std::string::npos);
  CHECK(formatted->content.find("Sign up") == std::string::npos);
}

TEST_CASE("ExtractArticle keeps a text made mostly of short linked lines", "[extract]") {
  // A page of downloads: each line is short and holds a link, and they are
  // what the page offers.
  std::string lines;
  for (const char* year : {"2019", "2020", "2021", "2022", "2023"}) {
    lines += std::string("<p>Annual report of the village mill association for ") + year +
             ", twelve pages: <a href=\"/r" + year + ".pdf\">PDF</a></p>";
  }
  auto article = extract::ExtractArticle(
      Page("<html><body><div class=\"text\"><p>The mill association publishes its annual "
           "reports here.</p>" +
           lines + "</div></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("for 2019") != std::string::npos);
  CHECK(article->text.find("for 2020") != std::string::npos);
  CHECK(article->text.find("for 2023, twelve pages: PDF") != std::string::npos);
}

TEST_CASE("ExtractArticle finds a lead five levels above the body", "[extract]") {
  // The body holds most of the page's score, so it is the article and the
  // lead is searched for above it.
  std::string body;
  for (int i = 0; i < 8; ++i) {
    body +=
        "<p>The operator blamed the price of fuel and the cost of repairs to the older boat, "
        "which spent most of the winter in the yard.</p>";
  }
  auto article = extract::ExtractArticle(Page(
      "<html><head><title>Ferry fares rise in April</title></head><body><div class=\"page\">"
      "<div class=\"head\"><h1>Ferry fares rise in April</h1><p>Fares on the island ferries rise "
      "by five per cent in April, the first increase in four years, the operator announced on "
      "Tuesday.</p></div><div><div><div><div><div "
      "class=\"story\">" +
      body + "</div></div></div></div></div></div></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("Fares on the island ferries") == 0);
  CHECK(article->text.find("The operator blamed") != std::string::npos);
}

TEST_CASE("ExtractArticle leaves out furniture lines in other languages", "[extract]") {
  auto article = extract::ExtractArticle(
      Page("<html><body><div class=\"text\"><p>Der Gemeinderat hat am Montag beschlossen, die "
           "alte Mühle am Fluss als Museum zu öffnen, nach sechs Jahren der Reparatur.</p><p>"
           "<strong>ÄHNLICHE BEITRÄGE</strong></p><p>Besucher können das Rad an jedem ersten "
           "Wochenende im Monat sehen, und die Bäckerei nebenan verkauft Brot.</p><p>Zobacz "
           "również</p><p>Lire aussi :</p><p>Teilen</p></div></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("Der Gemeinderat") == 0);
  CHECK(article->text.find("Besucher können") != std::string::npos);
  CHECK(article->text.find("BEITRÄGE") == std::string::npos);
  CHECK(article->text.find("Zobacz") == std::string::npos);
  CHECK(article->text.find("Lire aussi") == std::string::npos);
  CHECK(article->text.find("Teilen") == std::string::npos);
}

TEST_CASE("ExtractArticle does not take a long lead for the article", "[extract]") {
  auto article = extract::ExtractArticle(
      Page("<html><body><article><header><h1>Ferry fares rise in April</h1><p>Fares on the island "
           "ferries rise by five per cent in April, the first increase in four years, and season "
           "tickets for residents rise by half as much, the operator announced on Tuesday after a "
           "meeting with the council.</p></header><p>The operator blamed the price of fuel and the "
           "cost of repairs to the older boat.</p></article></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("Fares on the island ferries") == 0);
  CHECK(article->text.find("The operator blamed") != std::string::npos);
}

TEST_CASE("ExtractArticle rejects empty, blank and binary input", "[extract][hostile]") {
  CHECK(extract::ExtractArticle(Page("")).status().code() == StatusCode::kInvalidArgument);
  CHECK(extract::ExtractArticle(Page(" \n\t ")).status().code() == StatusCode::kInvalidArgument);
  std::string junk(1 << 16, '\0');
  std::uint32_t x = 12345;
  for (char& c : junk) {
    x = x * 1664525u + 1013904223u;  // Deterministic pseudo-random bytes.
    c = static_cast<char>(x >> 24);
  }
  CHECK(extract::ExtractArticle(Page(junk)).status().code() == StatusCode::kInvalidArgument);
  CHECK(extract::ExtractArticle(Page("<html><body><nav><a href=/>Home</a></nav></body></html>"))
            .status()
            .code() == StatusCode::kInvalidArgument);
}

TEST_CASE("ExtractArticle recovers from unclosed tags", "[extract][hostile]") {
  auto article = extract::ExtractArticle(
      Page("<html><body><div><p>The first paragraph of the story is never closed and goes on "
           "for a while, as careless pages do, <b>with <i>nested <div><p>The second paragraph is "
           "not closed either, and the page "
           "simply ends here without closing anything"));
  REQUIRE(article.ok());
  CHECK(article->text.find("first paragraph") != std::string::npos);
  CHECK(article->text.find("second paragraph") != std::string::npos);
}

// Bounded time is enforced by the ctest timeout.
TEST_CASE("ExtractArticle keeps an article swallowed by an unclosed form", "[extract][hostile]") {
  // A search form that is never closed: the parser puts the whole article
  // inside it, and the form then holds most of the page.
  auto article = extract::ExtractArticle(Page(
      "<html><body><form action=\"/search\"><input name=\"q\"><div class=\"text\"><p>The old "
      "mill by the river reopened on Sunday as a museum, after six years of repairs paid for by "
      "the village.</p><p>Visitors can see the wheel turn again on the first weekend of every "
      "month, and the bakery next door sells bread from its flour.</p></div></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("The old mill") == 0);
  CHECK(article->text.find("Visitors can see") != std::string::npos);
}

TEST_CASE("ExtractArticle ends a page of 20,000 short linked lines", "[extract][hostile]") {
  // Every line is a pointer line; together they are the page, and all stay.
  std::string lines;
  for (int i = 0; i < 20000; ++i) {
    lines += "<p>Item " + std::to_string(i) + " of the village archive, scanned: <a href=\"/i" +
             std::to_string(i) + "\">open</a></p>";
  }
  auto article = extract::ExtractArticle(
      Page("<html><body><div class=\"text\">" + lines + "</div></body></html>"));
  REQUIRE(article.ok());
  CHECK(article->text.find("Item 0 of the village archive") == 0);
  CHECK(article->text.find("Item 19999 of the village archive") != std::string::npos);
}

TEST_CASE("ExtractArticle handles huge and deep pages", "[extract][hostile]") {
  SECTION("a 15 MB page, just under the size cap") {
    std::string html = Paragraphs(15 * 1024 * 1024 / 90);
    REQUIRE(html.size() > 15u * 1000 * 1000);
    auto article = extract::ExtractArticle(Page(html));
    REQUIRE(article.ok());
    CHECK(article->text.size() > 10u * 1000 * 1000);
  }
  SECTION("a 50 MB page is over the default size cap") {
    std::string html = Paragraphs(50 * 1024 * 1024 / 90);
    auto article = extract::ExtractArticle(Page(html));
    CHECK(article.status().code() == StatusCode::kResourceExhausted);
    CHECK(article.status().message().find("exceeds the limit of 16777216") != std::string::npos);
  }
  SECTION("a page over the size cap") {
    extract::HtmlExtractOptions options;
    options.max_input_bytes = 1000;
    CHECK(extract::ExtractArticle(Page(Paragraphs(100)), options).status().code() ==
          StatusCode::kResourceExhausted);
  }
  SECTION("100,000 nested divs") {
    std::string html = "<html><body>";
    for (int i = 0; i < 100000; ++i) html += "<div>";
    html += "Deep text that no reader would ever see on a real page.";
    for (int i = 0; i < 100000; ++i) html += "</div>";
    html += "<p>A paragraph after the nesting that is long enough to be the article text.</p>";
    html += "</body></html>";
    auto article = extract::ExtractArticle(Page(html));
    // A result or a clear error, never a crash.
    if (article.ok()) CHECK(IsValidUtf8(article->text));
  }
  SECTION("100,000 dates, bylines and meta tags") {
    std::string html = "<html><head>";
    for (int i = 0; i < 100000; ++i) html += "<meta name=\"date\" content=\"not a date\">";
    html += "</head><body>";
    for (int i = 0; i < 100000; ++i) {
      html += "<time pubdate datetime=\"2020-01-01\">x</time><a rel=\"author\">Ann Lee</a>";
    }
    html += "<p>A paragraph that is long enough to be the article text of this odd page.</p>";
    html += "</body></html>";
    auto article = extract::ExtractArticle(Page(html));
    REQUIRE(article.ok());
    CHECK(article->published == "2020-01-01T00:00:00Z");
    CHECK(article->authors == std::vector<std::string>{"Ann Lee"});
  }
  SECTION("a page that is one giant line") {
    std::string html = "<html><body><p>";
    for (int i = 0; i < 200000; ++i) html += "word ";
    html += "</p></body></html>";
    auto article = extract::ExtractArticle(Page(html));
    REQUIRE(article.ok());
    CHECK(article->text.size() == 200000 * 5 - 1);
  }
}
