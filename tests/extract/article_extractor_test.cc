#include <catch2/catch.hpp>

#include "newsx/extract/article_extractor.h"

using namespace newsx;

TEST_CASE("ArticleExtractor turns an HTML page into an article", "[extract]") {
  auto extractor = extract::ArticleExtractor::Create({});
  REQUIRE(extractor.ok());
  RawDocument doc;
  doc.url = "https://example.com/news/1";
  doc.body = "<html><head><title>Hello</title></head><body><p>First paragraph.</p>"
             "<p>Second paragraph.</p></body></html>";
  auto x = (*extractor)->Extract(doc);
  REQUIRE(x.ok());
  CHECK(x->article.title.find("Hello") != std::string::npos);
  CHECK(x->article.text.find("First paragraph.") != std::string::npos);
  CHECK(x->article.id.size() == 16);
  CHECK(!x->article.content_hash.empty());
}

TEST_CASE("ArticleExtractor rejects empty input with a clear error", "[extract]") {
  auto extractor = extract::ArticleExtractor::Create({});
  REQUIRE(extractor.ok());
  RawDocument doc;
  doc.url = "https://example.com/empty";
  auto x = (*extractor)->Extract(doc);
  CHECK(x.status().code() == StatusCode::kInvalidArgument);
  auto t = (*extractor)->ExtractText({.text = " \n "});
  CHECK(t.status().code() == StatusCode::kInvalidArgument);
}
