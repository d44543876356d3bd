#include <catch2/catch.hpp>

#include "newsx/core/hash.h"
#include "newsx/store/article_store.h"
#include "temp_dir.h"

using namespace newsx;
using newsx::store::ArticleStore;

namespace {

ExtractedArticle MakeArticle(const std::string& url, const std::string& text) {
  ExtractedArticle x;
  x.article.url = url;
  x.article.canonical_url = url;
  x.article.id = ArticleId(url);
  x.article.text = text;
  x.article.content_hash = ContentHash(text);
  x.article.extractor_version = "test-1";
  Entity e{.id = "org:nvidia", .type = EntityType::kOrg, .name = "Nvidia"};
  e.mentions.push_back(Mention{Span{0, 6}, "Nvidia"});
  x.entities.push_back(e);
  Event ev;
  ev.id = x.article.id + "-e1";
  ev.type = "order";
  ev.article = x.article.id;
  x.events.push_back(ev);
  return x;
}

}  // namespace

TEST_CASE("ArticleStore stores, reopens and reads back", "[store]") {
  testing::TempDir dir;
  const auto x = MakeArticle("https://example.com/a", "Nvidia sold chips.");
  {
    auto store = ArticleStore::Open({.path = dir.path()});
    REQUIRE(store.ok());
    REQUIRE((*store)->Put(x, "<html>raw</html>").ok());
    REQUIRE((*store)->PutCheckpoint("backfill:x", "files:1:a").ok());
  }
  auto store = ArticleStore::Open({.path = dir.path()});
  REQUIRE(store.ok());
  auto back = (*store)->GetArticle(x.article.id);
  REQUIRE(back.ok());
  CHECK(back->article.text == x.article.text);
  CHECK(*(*store)->ContainsUrl("https://example.com/a"));
  CHECK(!*(*store)->ContainsUrl("https://example.com/b"));
  auto checkpoint = (*store)->GetCheckpoint("backfill:x");
  REQUIRE(checkpoint.ok());
  CHECK(checkpoint->value() == "files:1:a");
  auto stats = (*store)->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->articles == 1);
  CHECK(stats->entities == 1);
  CHECK(stats->mentions == 1);
  CHECK(stats->events == 1);
  CHECK((*store)->GetArticle("nope").status().code() == StatusCode::kNotFound);
}

TEST_CASE("ArticleStore Put is idempotent", "[store]") {
  testing::TempDir dir;
  auto store = ArticleStore::Open({.path = dir.path()});
  REQUIRE(store.ok());
  const auto x = MakeArticle("https://example.com/a", "Nvidia sold chips.");
  REQUIRE((*store)->Put(x, "raw").ok());
  REQUIRE((*store)->Put(x, "raw").ok());
  auto stats = (*store)->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->articles == 1);
  CHECK(stats->events == 1);
}

TEST_CASE("ArticleStore refuses a database held by another instance", "[store]") {
  testing::TempDir dir;
  auto first = ArticleStore::Open({.path = dir.path()});
  REQUIRE(first.ok());
  auto second = ArticleStore::Open({.path = dir.path()});
  REQUIRE(!second.ok());
  CHECK(second.status().code() == StatusCode::kFailedPrecondition);
  CHECK(second.status().message().find("in use by another newsx process") != std::string::npos);
}

TEST_CASE("ArticleStore records dead letters by reason", "[store]") {
  testing::TempDir dir;
  auto store = ArticleStore::Open({.path = dir.path()});
  REQUIRE(store.ok());
  REQUIRE((*store)->PutDeadLetter({"a.html", "extract", "invalid_argument", "no text", 1}).ok());
  REQUIRE((*store)->PutDeadLetter({"b.html", "extract", "invalid_argument", "no text", 1}).ok());
  auto stats = (*store)->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->dead_letters == 2);
  CHECK(stats->dead_letters_by_reason["extract/invalid_argument"] == 2);
}

TEST_CASE("ArticleStore reports a missing database when not creating", "[store]") {
  testing::TempDir dir;
  auto store = ArticleStore::Open({.path = dir.File("missing"), .create_if_missing = false});
  CHECK(!store.ok());
}
