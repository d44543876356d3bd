// Schema version 3's indexes (keys.h): event index values (LatestEventStamps,
// text filters without reading events), article_entities
// (EntitiesOfArticle), and the upgrade of a version-2 database by
// RebuildIndexes; read-only opens of a database that lacks newer families.

#include <rocksdb/db.h>

#include <catch2/catch.hpp>

#include "newsx/store/article_store.h"
#include "store_test_util.h"
#include "temp_dir.h"

namespace newsx::store {
namespace {

using testing::MakeArticle;
using testing::MakeEntity;
using testing::MakeEvent;

// Three articles a day apart; each with org:acme and org:other, one
// "order" event of org:acme and one "visit" event of both.
void PutThreeDays(ArticleStore& store) {
  for (int day = 1; day <= 3; ++day) {
    const std::string url = "https://example.com/" + std::to_string(day);
    auto x = MakeArticle(url, "Text number " + std::to_string(day) + ".",
                         {MakeEntity("org:acme", "Acme", day), MakeEntity("org:other", "Other", 1)},
                         "2026-01-0" + std::to_string(day) + "T12:00:00Z");
    x.events = {MakeEvent(x.article.id, "order", {"org:acme"}, "Acme took ORDER " + std::to_string(day)),
                MakeEvent(x.article.id, "visit", {"org:other", "org:acme"},
                          "Other visited " + std::to_string(day))};
    REQUIRE(store.Put(x, "<p>page</p>").ok());
  }
}

std::vector<std::string> Types(const std::vector<EventStamp>& stamps) {
  std::vector<std::string> out;
  for (const EventStamp& s : stamps) out.push_back(s.type);
  return out;
}

// What the queries answer, to compare before and after an upgrade.
struct Answers {
  std::vector<std::string> text_hits;  // Sentences of text "order 2" (any case).
  std::vector<std::string> stamp_types;
  std::vector<std::uint64_t> stamp_times;
  std::vector<std::string> entities_of_first;
  bool operator==(const Answers&) const = default;
};

Answers Ask(const ArticleStore& store) {
  Answers a;
  auto page = store.FindEventsPage({.text = "order 2"}, {.limit = 10});
  REQUIRE(page.ok());
  for (const TimedEvent& e : page->events) a.text_hits.push_back(e.event.sentence);
  bool truncated = false;
  auto stamps = store.LatestEventStamps({.entity_id = "org:acme"}, 100, &truncated);
  REQUIRE(stamps.ok());
  CHECK_FALSE(truncated);
  a.stamp_types = Types(*stamps);
  for (const EventStamp& s : *stamps) a.stamp_times.push_back(static_cast<std::uint64_t>(s.time_unix_s));
  auto entities = store.EntitiesOfArticle(ArticleId("https://example.com/1"));
  REQUIRE(entities.ok());
  for (const ArticleEntity& e : *entities) {
    a.entities_of_first.push_back(e.entity_id + "=" + std::to_string(e.mentions));
  }
  return a;
}

TEST_CASE("LatestEventStamps counts from the index, newest first, bounded", "[store][index]") {
  testing::TempDir dir;
  auto store = ArticleStore::Open({.path = dir.path()});
  REQUIRE(store.ok());
  PutThreeDays(**store);
  CHECK((*store)->SchemaVersion() == 3);
  bool truncated = true;
  auto all = (*store)->LatestEventStamps({.entity_id = "org:acme"}, 100, &truncated);
  REQUIRE(all.ok());
  CHECK_FALSE(truncated);
  REQUIRE(all->size() == 6);
  CHECK(all->front().time_unix_s == 1767441600);  // 2026-01-03T12:00:00Z
  CHECK(all->back().time_unix_s == 1767268800);   // 2026-01-01T12:00:00Z
  auto two = (*store)->LatestEventStamps({.entity_id = "org:acme"}, 2, &truncated);
  REQUIRE(two.ok());
  CHECK(two->size() == 2);
  CHECK(truncated);
  // The type and text filters apply to the stamps too (text case-insensitive).
  auto orders = (*store)->LatestEventStamps({.type = "order", .entity_id = "org:acme"}, 100,
                                             &truncated);
  REQUIRE(orders.ok());
  CHECK(Types(*orders) == std::vector<std::string>{"order", "order", "order"});
  auto text = (*store)->LatestEventStamps({.text = "oRdEr 3"}, 100, &truncated);
  REQUIRE(text.ok());
  CHECK(Types(*text) == std::vector<std::string>{"order"});
  // Argument entity ids are searched too, as before.
  auto by_arg = (*store)->FindEventsPage({.type = "visit", .text = "org:other"}, {.limit = 10});
  REQUIRE(by_arg.ok());
  CHECK(by_arg->events.size() == 3);
}

TEST_CASE("EntitiesOfArticle follows the article's changes", "[store][index]") {
  testing::TempDir dir;
  auto store = ArticleStore::Open({.path = dir.path()});
  REQUIRE(store.ok());
  PutThreeDays(**store);
  const std::string id = ArticleId("https://example.com/2");
  auto before = (*store)->EntitiesOfArticle(id);
  REQUIRE(before.ok());
  REQUIRE(before->size() == 2);
  CHECK((*before)[0].entity_id == "org:acme");
  CHECK((*before)[0].mentions == 2);
  // A changed article replaces its entries.
  auto x = MakeArticle("https://example.com/2", "Text number 2, changed.",
                       {MakeEntity("person:ann", "Ann", 4)}, "2026-01-02T12:00:00Z");
  REQUIRE((*store)->Put(x, "<p>page 2</p>").ok());
  auto after = (*store)->EntitiesOfArticle(id);
  REQUIRE(after.ok());
  REQUIRE(after->size() == 1);
  CHECK((*after)[0].entity_id == "person:ann");
  CHECK((*after)[0].mentions == 4);
  auto none = (*store)->EntitiesOfArticle("no-such-article");
  REQUIRE(none.ok());
  CHECK(none->empty());
  auto problems = (*store)->Verify();
  REQUIRE(problems.ok());
  CHECK(problems->empty());
}

// Turns a version-3 database into what schema version 2 wrote: no
// article_entities entries, empty event index values, version "2".
void MakeVersion2(const std::string& path) {
  rocksdb::DB* raw = nullptr;
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  std::vector<std::string> names;
  REQUIRE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path, &names).ok());
  for (const std::string& n : names) descriptors.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  REQUIRE(rocksdb::DB::Open(rocksdb::DBOptions(), path, descriptors, &handles, &raw).ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  for (std::size_t i = 0; i < names.size(); ++i) {
    rocksdb::ColumnFamilyHandle* h = handles[i];
    if (names[i] == "article_entities") {
      REQUIRE(db->DropColumnFamily(h).ok());
    } else if (names[i] == "event_time" || names[i] == "event_type" ||
               names[i] == "event_entity") {
      std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), h));
      for (it->SeekToFirst(); it->Valid(); it->Next()) {
        REQUIRE(db->Put(rocksdb::WriteOptions(), h, it->key(), "").ok());
      }
    } else if (names[i] == "meta") {
      REQUIRE(db->Put(rocksdb::WriteOptions(), h, "schema_version", "2").ok());
    }
  }
  for (auto* h : handles) REQUIRE(db->DestroyColumnFamilyHandle(h).ok());
  REQUIRE(db->Close().ok());
}

TEST_CASE("A version-2 database is read, verified and upgraded by RebuildIndexes",
          "[store][index]") {
  testing::TempDir dir;
  Answers expected;
  {
    auto store = ArticleStore::Open({.path = dir.path()});
    REQUIRE(store.ok());
    PutThreeDays(**store);
    expected = Ask(**store);
    CHECK(expected.text_hits == std::vector<std::string>{"Acme took ORDER 2"});
    CHECK(expected.stamp_types.size() == 6);
    CHECK(expected.entities_of_first ==
          std::vector<std::string>{"org:acme=1", "org:other=1"});
  }
  MakeVersion2(dir.path());
  {
    // Read-only, without the article_entities family: same answers from the records.
    auto store = ArticleStore::Open({.path = dir.path(), .read_only = true});
    REQUIRE(store.ok());
    CHECK((*store)->SchemaVersion() == 2);
    CHECK(Ask(**store) == expected);
    auto stats = (*store)->Stats();
    REQUIRE(stats.ok());
    CHECK(stats->keys_by_family["article_entities"] == 0);
    auto problems = (*store)->Verify();
    REQUIRE(problems.ok());
    CHECK(problems->empty());
  }
  {
    // A writer keeps version 2 and writes new entries in the new layout.
    auto store = ArticleStore::Open({.path = dir.path()});
    REQUIRE(store.ok());
    CHECK((*store)->SchemaVersion() == 2);
    auto x = MakeArticle("https://example.com/4", "Text number 4.",
                         {MakeEntity("org:acme", "Acme", 1)}, "2026-01-04T12:00:00Z");
    REQUIRE((*store)->Put(x, "<p>page 4</p>").ok());
    auto problems = (*store)->Verify();
    REQUIRE(problems.ok());
    CHECK(problems->empty());
    std::uint64_t articles = 0;
    REQUIRE((*store)->RebuildIndexes(&articles).ok());
    CHECK(articles == 4);
    CHECK((*store)->SchemaVersion() == 3);
    CHECK(Ask(**store) == expected);
    problems = (*store)->Verify();
    REQUIRE(problems.ok());
    CHECK(problems->empty());
  }
  auto store = ArticleStore::Open({.path = dir.path(), .read_only = true});
  REQUIRE(store.ok());
  CHECK((*store)->SchemaVersion() == 3);
  auto stats = (*store)->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->keys_by_family["article_entities"] == 7);  // 3 x 2 + 1.
}

TEST_CASE("Open refuses schema versions outside 2 to 3", "[store][index]") {
  testing::TempDir dir;
  {
    auto store = ArticleStore::Open({.path = dir.path()});
    REQUIRE(store.ok());
    REQUIRE((*store)->WriteRawForTesting("meta", "schema_version", "4").ok());
  }
  auto store = ArticleStore::Open({.path = dir.path(), .read_only = true});
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().code() == StatusCode::kFailedPrecondition);
  CHECK(store.status().message().find("versions 2 to 3") != std::string::npos);
}

}  // namespace
}  // namespace newsx::store
