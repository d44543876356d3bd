// Stories (issue 20): near-copies found through the LSH band index, story
// ids stable as articles arrive, change and are reprocessed.

#include <catch2/catch.hpp>

#include "newsx/store/article_store.h"
#include "store_test_util.h"
#include "temp_dir.h"

using namespace newsx;
using newsx::store::ArticleStore;
using newsx::testing::MakeArticle;
using newsx::testing::OpenStore;
using newsx::testing::Report;
using newsx::testing::MakeEntity;

namespace {

void Put(ArticleStore& store, const ExtractedArticle& x) {
  REQUIRE(store.Put(x, "<html>" + x.article.url + "</html>").ok());
}

std::string StoryOf(ArticleStore& store, const ExtractedArticle& x) {
  auto story = store.StoryOf(x.article.id);
  REQUIRE(story.ok());
  REQUIRE(story->has_value());
  return **story;
}

}  // namespace

TEST_CASE("Near-copies share a story; other articles start their own", "[store][stories]") {
  testing::TempDir dir;
  auto store = OpenStore(dir.path());
  const auto original = MakeArticle("https://wire.example/a", Report("harbor", 12));
  // Syndicated: a dateline, the last paragraphs cut, a line added.
  auto copy = MakeArticle("https://paper.example/b",
                          "PORT CITY (Wire) - " + Report("harbor", 9) + "Sign up for our newsletter.");
  const auto other = MakeArticle("https://paper.example/c", Report("election", 12, 50));
  Put(*store, original);
  Put(*store, copy);
  Put(*store, other);
  CHECK(StoryOf(*store, original) == original.article.id);  // Named after its first article.
  CHECK(StoryOf(*store, copy) == original.article.id);
  CHECK(StoryOf(*store, other) == other.article.id);

  auto story = store->GetStory(original.article.id);
  REQUIRE(story.ok());
  REQUIRE(story->members.size() == 2);
  CHECK(store->GetStory("nope").status().code() == StatusCode::kNotFound);
  auto verify = store->Verify();
  REQUIRE(verify.ok());
  CHECK(verify->empty());
}

TEST_CASE("Story ids stay the same when articles are stored again or reprocessed",
          "[store][stories]") {
  testing::TempDir dir;
  auto store = OpenStore(dir.path());
  const auto a = MakeArticle("https://wire.example/a", Report("harbor", 12));
  const auto b = MakeArticle("https://paper.example/b", Report("harbor", 10) + "Updated.");
  Put(*store, a);
  Put(*store, b);
  const std::string story = StoryOf(*store, a);

  SECTION("the same records again") {
    Put(*store, a);
    Put(*store, b);
  }
  SECTION("a newer extractor: changed records under the same ids") {
    auto a2 = MakeArticle(a.article.url, Report("harbor", 12) + "Correction appended.", {},
                          "2026-01-28T09:30:00Z", "test-2");
    auto b2 = MakeArticle(b.article.url, Report("harbor", 10), {}, "2026-01-28T09:30:00Z", "test-2");
    Put(*store, a2);  // The founder changes first: it finds b, in its own story.
    Put(*store, b2);
  }
  SECTION("reprocess under another id (Replace)") {
    auto a2 = MakeArticle("https://wire.example/a?canonical", Report("harbor", 12));
    REQUIRE(store->Replace(a.article.id, a2, RawDocument{.body = "<html></html>"}).ok());
    CHECK(StoryOf(*store, a2) == story);
  }
  CHECK(StoryOf(*store, b) == story);
  auto members = store->GetStory(story);
  REQUIRE(members.ok());
  CHECK(members->members.size() == 2);
  auto verify = store->Verify();
  REQUIRE(verify.ok());
  CHECK(verify->empty());
}

TEST_CASE("A removed member leaves the story's index", "[store][stories]") {
  testing::TempDir dir;
  auto store = OpenStore(dir.path());
  const auto a = MakeArticle("https://wire.example/a", Report("harbor", 12));
  const auto b = MakeArticle("https://paper.example/b", Report("harbor", 11));
  Put(*store, a);
  Put(*store, b);
  // b is reprocessed into a different text: it leaves a's story.
  auto b2 = MakeArticle(b.article.url, Report("football", 12, 200), {}, "2026-01-28T09:30:00Z",
                        "test-2");
  Put(*store, b2);
  // a keeps its story; b2 starts one of its own.
  CHECK(StoryOf(*store, a) == a.article.id);
  CHECK(StoryOf(*store, b2) == b.article.id);
  auto story = store->GetStory(a.article.id);
  REQUIRE(story.ok());
  CHECK(story->members.size() == 1);
  // The founder itself changing away from its copies: a new story, so
  // that a's name stays with the copies.
  auto c = MakeArticle("https://paper.example/c", Report("harbor", 11));
  Put(*store, c);
  REQUIRE(StoryOf(*store, c) == a.article.id);
  auto a2 = MakeArticle(a.article.url, Report("tennis", 12, 400), {}, "2026-01-28T09:30:00Z",
                        "test-2");
  Put(*store, a2);
  CHECK(StoryOf(*store, c) == a.article.id);
  CHECK(StoryOf(*store, a2) != a.article.id);
  CHECK(StoryOf(*store, a2).rfind(a.article.id + "-", 0) == 0);
  auto verify = store->Verify();
  REQUIRE(verify.ok());
  CHECK(verify->empty());
}

TEST_CASE("FindStories filters by member time and entity", "[store][stories]") {
  testing::TempDir dir;
  auto store = OpenStore(dir.path());
  const auto a = MakeArticle("https://wire.example/a", Report("harbor", 12),
                             {MakeEntity("org:port-authority", "Port Authority", 1)},
                             "2026-01-10T08:00:00Z");
  const auto b = MakeArticle("https://paper.example/b", Report("harbor", 11), {},
                             "2026-01-12T08:00:00Z");
  const auto c = MakeArticle("https://paper.example/c", Report("election", 12, 50), {},
                             "2026-02-01T08:00:00Z");
  Put(*store, a);
  Put(*store, b);
  Put(*store, c);
  auto find = [&](const store::StoryQuery& q) {
    std::vector<store::StorySummary> out;
    REQUIRE(store->FindStories(q, [&](const store::StorySummary& s) {
      out.push_back(s);
      return true;
    }).ok());
    return out;
  };
  auto all = find({});
  REQUIRE(all.size() == 2);
  CHECK(all[0].id == a.article.id);
  CHECK(all[0].members.size() == 2);
  CHECK(all[0].first_seen_unix_s < all[0].last_seen_unix_s);
  CHECK(all[1].id == c.article.id);

  store::StoryQuery january;
  january.since_unix_s = 1767225600;  // 2026-01-01
  january.until_unix_s = 1769904000;  // 2026-02-01
  auto in_january = find(january);
  REQUIRE(in_january.size() == 1);
  CHECK(in_january[0].id == a.article.id);

  store::StoryQuery by_entity;
  by_entity.entity_id = "org:port-authority";
  auto with_entity = find(by_entity);
  REQUIRE(with_entity.size() == 1);
  CHECK(with_entity[0].id == a.article.id);

  store::StoryQuery syndicated;
  syndicated.min_articles = 2;
  CHECK(find(syndicated).size() == 1);
}
