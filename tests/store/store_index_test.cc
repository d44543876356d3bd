// Reprocessing, Verify, the changelog and the query paths of ArticleStore.

#include <catch2/catch.hpp>

#include <algorithm>

#include "newsx/store/article_store.h"
#include "store_test_util.h"
#include "temp_dir.h"

using namespace newsx;
using newsx::store::ArticleStore;
using newsx::store::EventQuery;
using newsx::testing::MakeArticle;
using newsx::testing::OpenStore;
using newsx::testing::MakeEntity;
using newsx::testing::MakeEvent;

namespace {

std::vector<std::string> EventIds(const ArticleStore& store, const EventQuery& q) {
  std::vector<std::string> ids;
  REQUIRE(store.FindEvents(q, [&](const Event& e) {
    ids.push_back(e.id);
    return true;
  }).ok());
  return ids;
}

std::vector<std::string> Problems(const ArticleStore& store) {
  auto problems = store.Verify();
  REQUIRE(problems.ok());
  std::vector<std::string> out;
  for (const auto& p : *problems) out.push_back(p.family + " " + p.key + ": " + p.problem);
  return out;
}

// v1 mentions Nvidia and the Commerce Department and has an approval event;
// v2 (a newer extractor) drops the department, adds TSMC and has a sale.
ExtractedArticle Version1() {
  auto x = MakeArticle("https://example.com/h200", "Nvidia H200 approved by Commerce.",
                       {MakeEntity("org:nvidia", "Nvidia", 2),
                        MakeEntity("org:commerce", "Commerce Department", 1)});
  x.events.push_back(MakeEvent(x.article.id, "export_approval", {"org:commerce", "org:nvidia"},
                               "Commerce approved H200 exports."));
  return x;
}

ExtractedArticle Version2() {
  auto x = MakeArticle("https://example.com/h200", "Nvidia H200 approved by Commerce.",
                       {MakeEntity("org:nvidia", "Nvidia Corp", 3),
                        MakeEntity("org:tsmc", "TSMC", 1)},
                       "2026-01-28T09:30:00Z", "test-2");
  x.events.push_back(MakeEvent(x.article.id, "sale", {"org:nvidia", "org:tsmc"},
                               "Nvidia sold chips made by TSMC."));
  return x;
}

}  // namespace

TEST_CASE("Reprocessing replaces derived records and leaves no stale index entry",
          "[store][reprocess]") {
  testing::TempDir dir;
  auto store = OpenStore(dir.path());
  REQUIRE(store->Put(Version1(), "raw").ok());
  REQUIRE(store->Put(MakeArticle("https://example.com/other", "Nvidia again.",
                                 {MakeEntity("org:nvidia", "Nvidia", 1)}),
                     "raw")
              .ok());
  REQUIRE(Problems(*store).empty());
  REQUIRE(EventIds(*store, {.type = "export_approval"}).size() == 1);

  REQUIRE(store->Put(Version2(), "raw").ok());
  CHECK(EventIds(*store, {.type = "export_approval"}).empty());
  CHECK(EventIds(*store, {.entity_id = "org:commerce"}).empty());
  CHECK(EventIds(*store, {.type = "sale"}).size() == 1);
  CHECK(EventIds(*store, {.entity_id = "org:tsmc"}).size() == 1);
  CHECK(EventIds(*store, {}).size() == 1);

  auto nvidia = store->GetEntity("org:nvidia");
  REQUIRE(nvidia.ok());
  CHECK(nvidia->article_count == 2);
  CHECK(nvidia->mention_count == 4);
  // Names merge over articles: one says "Nvidia", one "Nvidia Corp"; ties
  // go to the smaller name, the other becomes an alias.
  CHECK(nvidia->entity.name == "Nvidia");
  CHECK(nvidia->entity.aliases == std::vector<std::string>{"Nvidia Corp"});
  auto commerce = store->GetEntity("org:commerce");
  REQUIRE(commerce.ok());
  CHECK(commerce->article_count == 0);
  CHECK(commerce->mention_count == 0);
  std::vector<std::string> listed;
  REQUIRE(store->ScanEntities([&](const store::StoredEntity& e) {
    listed.push_back(e.entity.id);
    return true;
  }).ok());
  CHECK(listed == std::vector<std::string>{"org:nvidia", "org:tsmc"});
  auto top = store->TopEntities(store::kMinTime, store::kMaxTime, 10);
  REQUIRE(top.ok());
  REQUIRE(top->size() == 2);
  CHECK((*top)[0].entity.entity.id == "org:nvidia");
  CHECK((*top)[0].mentions_in_window == 4);
  CHECK(Problems(*store).empty());

  // Back to v1: exactly the state before (counts are reversible).
  REQUIRE(store->Put(Version1(), "raw").ok());
  CHECK(store->GetEntity("org:commerce")->article_count == 1);
  CHECK(store->GetEntity("org:tsmc")->article_count == 0);
  CHECK(store->GetEntity("org:nvidia")->entity.aliases.empty());
  CHECK(EventIds(*store, {.type = "sale"}).empty());
  CHECK(Problems(*store).empty());
}

TEST_CASE("Replace removes an article whose id changed", "[store][reprocess]") {
  testing::TempDir dir;
  auto store = OpenStore(dir.path());
  auto old = Version1();
  REQUIRE(store->Put(old, "raw").ok());
  auto renamed = Version2();
  renamed.article.canonical_url = "https://example.com/canonical/h200";
  renamed.article.id = "0123456789abcdef";
  renamed.events[0].article = renamed.article.id;
  RawDocument raw{.url = renamed.article.url, .body = "raw"};
  REQUIRE(store->Replace(old.article.id, renamed, raw).ok());
  CHECK(store->GetArticle(old.article.id).status().code() == StatusCode::kNotFound);
  CHECK(store->GetRawDocument(old.article.id).status().code() == StatusCode::kNotFound);
  CHECK(store->GetArticleByUrl("https://example.com/h200")->article.id == renamed.article.id);
  CHECK(store->GetArticleByUrl("https://example.com/canonical/h200").ok());
  CHECK(store->Stats()->articles == 1);
  CHECK(Problems(*store).empty());
}

TEST_CASE("Verify names broken and stale index entries", "[store][verify]") {
  testing::TempDir dir;
  auto store = OpenStore(dir.path());
  const auto x = Version1();
  REQUIRE(store->Put(x, "raw").ok());
  REQUIRE(Problems(*store).empty());
  const std::string& event_id = x.events[0].id;

  SECTION("a deleted event record") {
    REQUIRE(store->WriteRawForTesting("events", event_id, std::nullopt).ok());
    const auto problems = Problems(*store);
    REQUIRE(!problems.empty());
    CHECK(std::any_of(problems.begin(), problems.end(), [&](const std::string& p) {
      return p.find("missing events entry " + event_id) != std::string::npos;
    }));
    // And the index entries that now point nowhere.
    CHECK(std::any_of(problems.begin(), problems.end(), [](const std::string& p) {
      return p.rfind("event_type ", 0) == 0 && p.find("refers to no record") != std::string::npos;
    }));
  }
  SECTION("a stale URL entry") {
    REQUIRE(store->WriteRawForTesting("urls", "https://example.com/gone", "feedfacefeedface").ok());
    const auto problems = Problems(*store);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] ==
          "urls https://example.com/gone: refers to missing article feedfacefeedface");
  }
  SECTION("a deleted raw page") {
    REQUIRE(store->WriteRawForTesting("raw", x.article.id, std::nullopt).ok());
    const auto problems = Problems(*store);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == "articles " + x.article.id + ": no raw page");
  }
  SECTION("a deleted entity record") {
    REQUIRE(store->WriteRawForTesting("entities", "org:commerce", std::nullopt).ok());
    const auto problems = Problems(*store);
    CHECK(std::any_of(problems.begin(), problems.end(), [](const std::string& p) {
      return p.rfind("mentions org:commerce|", 0) == 0 &&
             p.find("entity has no record") != std::string::npos;
    }));
  }
  SECTION("a superseded changelog entry") {
    REQUIRE(store->WriteRawForTesting("changelog", std::string(7, '\0') + "\x7f",
                                      "a" + x.article.id)
                .ok());
    const auto problems = Problems(*store);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("superseded entry for " + x.article.id) != std::string::npos);
  }
}

TEST_CASE("The changelog has one entry per changed record after a cursor", "[store][changelog]") {
  testing::TempDir dir;
  auto store = OpenStore(dir.path());
  auto a = MakeArticle("https://example.com/a", "A", {MakeEntity("org:nvidia", "Nvidia", 1)});
  auto b = MakeArticle("https://example.com/b", "B", {MakeEntity("org:amd", "AMD", 1)});
  REQUIRE(store->Put(a, "raw").ok());
  REQUIRE(store->Put(b, "raw").ok());
  auto all = store->ReadChanges(0, 100);
  REQUIRE(all.ok());
  CHECK(all->size() == 2);
  const std::uint64_t cursor = *store->LastChangeSeq();
  CHECK(store->ReadChanges(cursor, 100)->empty());

  REQUIRE(store->Put(a, "raw").ok());  // Unchanged: nothing new.
  CHECK(store->ReadChanges(cursor, 100)->empty());

  auto c = MakeArticle("https://example.com/c", "C", {MakeEntity("org:nvidia", "Nvidia", 1)});
  REQUIRE(store->Put(c, "raw").ok());
  auto changes = store->ReadChanges(cursor, 100);
  REQUIRE(changes.ok());
  REQUIRE(changes->size() == 1);
  CHECK((*changes)[0].article_id == c.article.id);
  std::vector<std::string> entities;
  auto collect = [&](const store::StoredEntity& e) {
    entities.push_back(e.entity.id);
    return true;
  };
  REQUIRE(store->ScanChangedEntities(cursor, *store->LastChangeSeq(), collect).ok());
  CHECK(entities == std::vector<std::string>{"org:nvidia"});
  entities.clear();
  REQUIRE(store->ScanChangedEntities(0, cursor, collect).ok());
  CHECK(entities == std::vector<std::string>{"org:amd"});  // Nvidia changed after.

  // Changing `a` moves its entry after the cursor: one entry per article.
  a.article.title = "A, updated";
  REQUIRE(store->Put(a, "raw").ok());
  auto everything = store->ReadChanges(0, 100);
  REQUIRE(everything->size() == 3);
  CHECK(everything->back().article_id == a.article.id);
  CHECK(store->ReadChanges(cursor, 1)->size() == 1);
  CHECK(Problems(*store).empty());
}

TEST_CASE("TopEntities counts mentions inside the time window", "[store][query]") {
  testing::TempDir dir;
  auto store = OpenStore(dir.path());
  REQUIRE(store->Put(MakeArticle("https://e.com/jan", "jan",
                                 {MakeEntity("org:nvidia", "Nvidia", 5),
                                  MakeEntity("org:amd", "AMD", 1)},
                                 "2026-01-10T00:00:00Z"),
                     "raw")
              .ok());
  REQUIRE(store->Put(MakeArticle("https://e.com/feb", "feb",
                                 {MakeEntity("org:amd", "AMD", 3),
                                  MakeEntity("org:intel", "Intel", 3)},
                                 "2026-02-10T00:00:00Z"),
                     "raw")
              .ok());
  const std::int64_t feb1 = 1769904000;  // 2026-02-01T00:00:00Z
  auto feb = store->TopEntities(feb1, store::kMaxTime, 10);
  REQUIRE(feb.ok());
  REQUIRE(feb->size() == 2);
  CHECK((*feb)[0].entity.entity.id == "org:amd");  // Tie on 3: by id.
  CHECK((*feb)[1].entity.entity.id == "org:intel");
  CHECK((*feb)[0].entity.article_count == 2);      // Overall, not in the window.
  auto jan = store->TopEntities(store::kMinTime, feb1, 1);
  REQUIRE(jan->size() == 1);
  CHECK((*jan)[0].entity.entity.id == "org:nvidia");
  CHECK((*jan)[0].mentions_in_window == 5);
  auto all = store->TopEntities(store::kMinTime, store::kMaxTime, 10);
  CHECK((*all)[0].entity.entity.id == "org:nvidia");
  CHECK((*all)[1].entity.entity.id == "org:amd");
  CHECK((*all)[1].mentions_in_window == 4);
  CHECK(store->TopEntities(feb1 + 86400 * 30, store::kMaxTime, 10)->empty());
}

TEST_CASE("FindEvents filters by type, entity, time and text", "[store][query]") {
  testing::TempDir dir;
  auto store = OpenStore(dir.path());
  auto x = MakeArticle("https://e.com/a", "text", {MakeEntity("org:nvidia", "Nvidia", 1)},
                       "2026-01-28T09:30:00Z");
  x.events.push_back(MakeEvent(x.article.id, "order", {"org:bytedance", "chip:nvidia/h200"},
                               "ByteDance ordered H200 chips.", "2026-01-20"));
  x.events.push_back(MakeEvent(x.article.id, "visit", {"person:jensen-huang"},
                               "Jensen Huang visited Beijing."));
  x.events.push_back(MakeEvent(x.article.id, "order", {"org:alibaba"},
                               "Alibaba placed orders.", "2026-01-12/2026-01-18"));
  REQUIRE(store->Put(x, "raw").ok());
  const std::int64_t jan15 = 1768435200;  // 2026-01-15T00:00:00Z
  CHECK(EventIds(*store, {.type = "order"}).size() == 2);
  CHECK(EventIds(*store, {.type = "order", .since_unix_s = jan15}) ==
        std::vector<std::string>{x.events[0].id});
  CHECK(EventIds(*store, {.until_unix_s = jan15}) == std::vector<std::string>{x.events[2].id});
  // Time order: the visit takes the article's time (Jan 28), after Jan 20.
  CHECK(EventIds(*store, {}) ==
        std::vector<std::string>{x.events[2].id, x.events[0].id, x.events[1].id});
  CHECK(EventIds(*store, {.entity_id = "chip:nvidia/h200"}).size() == 1);
  CHECK(EventIds(*store, {.type = "visit", .entity_id = "chip:nvidia/h200"}).empty());
  CHECK(EventIds(*store, {.text = "BEIJING"}) == std::vector<std::string>{x.events[1].id});
  CHECK(EventIds(*store, {.type = "order", .text = "alibaba"}).size() == 1);
  CHECK(EventIds(*store, {.type = "nothing"}).empty());
  int seen = 0;
  REQUIRE(store->FindEvents({}, [&](const Event&) { return ++seen < 2; }).ok());
  CHECK(seen == 2);
}
