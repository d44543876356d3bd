// Per-article limits: a page with megabytes of text and tens of thousands
// of findings is cut to the limits, keeps its earliest findings, and says
// what was cut; ordinary pages are not touched.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "newsx/core/hash.h"
#include "newsx/extract/article_extractor.h"
#include "newsx/extract/article_limits.h"

namespace newsx::extract {
namespace {

// News-like paragraphs with names, amounts, dates and event triggers.
std::string NewsParagraphs(std::size_t bytes) {
  std::string body;
  for (std::size_t n = 0; body.size() < bytes; ++n) {
    body += "<p>China approved imports of " + std::to_string(1000 + n) +
            " Nvidia H200 chips on January 28, 2026, according to Reuters. TSMC said it would "
            "invest $" + std::to_string(10 + n % 90) + " billion in Arizona by 2027.</p>\n";
  }
  return "<html><head><title>An endless story</title></head><body><article>" + body +
         "</article></body></html>";
}

std::size_t CodePoints(const std::string& s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

const ArticleExtractor& Extractor(const ArticleLimits& limits) {
  static std::map<std::string, std::unique_ptr<ArticleExtractor>> cache;
  const std::string key = std::to_string(limits.max_text_bytes) + "/" + std::to_string(limits.max_events);
  auto& slot = cache[key];
  if (!slot) {
    ExtractorOptions options;
    options.limits = limits;
    auto created = ArticleExtractor::Create(options);
    REQUIRE(created.ok());
    slot = std::move(created).value();
  }
  return *slot;
}

TEST_CASE("An oversized article is cut to the limits and says so", "[extract][limits][reliability]") {
  const ArticleLimits limits{.max_text_bytes = 64u << 10, .max_mentions = 300, .max_entities = 3,
                             .max_quantities = 40, .max_dates = 20, .max_events = 25};
  RawDocument doc;
  doc.url = "https://news.example/endless";
  doc.body = NewsParagraphs(1u << 20);
  Truncation truncation;
  auto x = Extractor(limits).Extract(doc, &truncation);
  REQUIRE(x.ok());
  INFO(truncation.ToString());
  REQUIRE(truncation.any());
  CHECK(truncation.text_bytes_before > (900u << 10));
  CHECK(truncation.text_bytes_after == x->article.text.size());
  CHECK(x->article.text.size() <= limits.max_text_bytes);
  CHECK(x->article.text.size() > limits.max_text_bytes / 2);
  CHECK(x->article.text.ends_with("Arizona by 2027."));  // Cut at a paragraph break.
  CHECK(x->article.content_hash == ContentHash(x->article.text));

  std::size_t mentions = 0;
  std::set<std::string> entity_ids;
  const std::size_t length = CodePoints(x->article.text);
  for (const Entity& e : x->entities) {
    entity_ids.insert(e.id);
    CHECK_FALSE(e.mentions.empty());
    mentions += e.mentions.size();
    for (const Mention& m : e.mentions) CHECK(m.span.end <= length);
  }
  CHECK(x->events.size() == limits.max_events);
  CHECK(x->quantities.size() == limits.max_quantities);
  CHECK(x->dates.size() == limits.max_dates);
  // Entities named by the kept events stay, with at least one mention each.
  for (const Event& e : x->events) {
    for (const EventArg& arg : e.args) {
      if (!arg.entity_id.empty()) CHECK(entity_ids.count(arg.entity_id) == 1);
    }
  }
  CHECK(mentions <= limits.max_mentions + x->entities.size());
  CHECK(truncation.events_dropped > 0);
  CHECK(truncation.quantities_dropped > 0);
  // The earliest findings are the ones kept.
  for (std::size_t i = 1; i < x->quantities.size(); ++i) {
    CHECK(x->quantities[i - 1].span.begin <= x->quantities[i].span.begin);
  }
  CHECK(x->quantities.front().text.find("1000") != std::string::npos);
  CHECK(truncation.ToString().find("text cut from") == 0);
}

TEST_CASE("Ordinary pages are within the default limits", "[extract][limits][reliability]") {
  const ArticleExtractor& extractor = Extractor(ArticleLimits{});
  int pages = 0;
  for (const auto& entry : std::filesystem::directory_iterator(
           std::filesystem::path(NEWSX_FIXTURES_DIR) / "demo/pages")) {
    if (entry.path().extension() != ".html") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    RawDocument doc;
    doc.url = "https://news.example/" + entry.path().filename().string();
    doc.body = bytes.str();
    Truncation truncation;
    auto x = extractor.Extract(doc, &truncation);
    REQUIRE(x.ok());
    INFO(entry.path().filename().string() << ": " << truncation.ToString());
    CHECK_FALSE(truncation.any());
    ++pages;
  }
  CHECK(pages >= 7);
}

TEST_CASE("A page over the element limit keeps its beginning", "[extract][limits][reliability]") {
  std::string html = "<html><body><article>";
  for (int i = 0; i < 3000; ++i) {
    html += "<p>Paragraph number " + std::to_string(i) +
            " of a page with far too many elements for its own good.</p>";
  }
  html += "</article></body></html>";
  RawDocument doc;
  doc.url = "https://news.example/many";
  doc.body = html;
  HtmlExtractOptions options;
  options.max_elements = 1000;
  bool cut = false;
  auto article = ExtractArticle(doc, options, &cut);
  REQUIRE(article.ok());
  CHECK(cut);
  CHECK(article->text.find("Paragraph number 0 ") != std::string::npos);
  CHECK(article->text.find("Paragraph number 2999") == std::string::npos);
  options.max_elements = 10000;
  article = ExtractArticle(doc, options, &cut);
  REQUIRE(article.ok());
  CHECK_FALSE(cut);
  CHECK(article->text.find("Paragraph number 2999") != std::string::npos);
}

TEST_CASE("CapFindings keeps an event's entities even past the mention budget",
          "[extract][limits][reliability]") {
  ExtractedArticle x;
  x.article.text = std::string(1000, 'x');
  for (int e = 0; e < 3; ++e) {
    Entity entity{.id = "org:e" + std::to_string(e), .name = "E"};
    for (int m = 0; m < 10; ++m) {
      const std::size_t at = static_cast<std::size_t>(e * 300 + m * 10);
      entity.mentions.push_back(Mention{Span{at, at + 2}, "E"});
    }
    x.entities.push_back(entity);
  }
  Event event;
  event.trigger_span = Span{5, 6};
  event.args.push_back(EventArg{.role = "buyer", .entity_id = "org:e2"});
  x.events.push_back(event);
  Truncation truncation;
  CapFindings(ArticleLimits{.max_mentions = 12}, &x, &truncation);
  REQUIRE(x.entities.size() == 3);
  CHECK(x.entities[0].mentions.size() == 10);   // Earliest: all kept.
  CHECK(x.entities[1].mentions.size() == 2);    // The rest of the budget.
  CHECK(x.entities[2].mentions.size() == 1);    // Named by the event: its first mention.
  CHECK(x.entities[2].mentions[0].span.begin == 600);
  CHECK(truncation.mentions_dropped == 17);
  CHECK(truncation.entities_dropped == 0);
}

}  // namespace
}  // namespace newsx::extract
