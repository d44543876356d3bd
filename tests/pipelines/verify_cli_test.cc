// `newsx verify` and `newsx reprocess` on real databases.

#include <catch2/catch.hpp>

#include "query_test_db.h"
#include "run_command.h"
#include "temp_dir.h"

using namespace newsx;
using newsx::testing::RunCommand;

namespace {

const std::string kNewsx = NEWSX_BINARY;

}  // namespace

TEST_CASE("newsx verify passes a consistent database and names each inconsistency",
          "[pipelines][verify]") {
  testing::TempDir db;
  REQUIRE(testing::WriteQueryTestDb(db.path()));
  auto ok = RunCommand({kNewsx, "--db", db.path(), "verify"});
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("verify: ok") != std::string::npos);

  const auto jan = testing::QueryTestJanuary();
  {
    auto store = store::ArticleStore::Open({.path = db.path()});
    REQUIRE(store.ok());
    REQUIRE((*store)->WriteRawForTesting("events", jan.events[0].id, std::nullopt).ok());
    REQUIRE((*store)->WriteRawForTesting("urls", "https://news.example/ghost", "0000").ok());
  }
  auto broken = RunCommand({kNewsx, "--db", db.path(), "verify"});
  CHECK(broken.exit_code == 1);
  CHECK(broken.out.find("inconsistent: articles " + jan.article.id + ": missing events entry " +
                        jan.events[0].id) != std::string::npos);
  CHECK(broken.out.find("inconsistent: urls https://news.example/ghost: refers to missing "
                        "article 0000") != std::string::npos);
  auto capped = RunCommand({kNewsx, "--db", db.path(), "verify", "--max", "1"});
  CHECK(capped.exit_code == 1);
  CHECK(capped.out.find("stopped at --max") != std::string::npos);
}

TEST_CASE("newsx reprocess re-extracts stored pages and keeps the database consistent",
          "[pipelines][verify]") {
  testing::TempDir db;
  const std::string pages = std::string(NEWSX_FIXTURES_DIR) + "/demo/pages";
  auto backfill = RunCommand({kNewsx, "--db", db.path(), "backfill", "--no-progress", pages});
  REQUIRE(backfill.exit_code == 0);
  auto before = store::ArticleStore::Open({.path = db.path(), .read_only = true});
  REQUIRE(before.ok());
  const auto stats_before = (*before)->Stats();
  REQUIRE(stats_before.ok());
  REQUIRE(stats_before->articles > 0);
  before->reset();

  // Same extractor: every page is re-extracted and nothing changes.
  auto same = RunCommand({kNewsx, "--db", db.path(), "reprocess"});
  REQUIRE(same.exit_code == 0);
  CHECK(same.out.find(std::to_string(stats_before->articles) + " re-extracted") !=
        std::string::npos);
  CHECK(same.out.find(" 0 records changed") != std::string::npos);

  // An article stored by an older extractor is replaced; the rest stays.
  {
    auto store = store::ArticleStore::Open({.path = db.path()});
    REQUIRE(store.ok());
    std::string id;
    REQUIRE((*store)->ScanArticles([&](const ExtractedArticle& x) {
      id = x.article.id;
      return false;
    }).ok());
    auto old = (*store)->GetArticle(id);
    REQUIRE(old.ok());
    auto raw = (*store)->GetRawDocument(id);
    REQUIRE(raw.ok());
    old->article.extractor_version = "old";
    old->events.push_back(testing::QueryTestEvent(*old, "stale_type", "org:stale", "Stale."));
    REQUIRE((*store)->Put(*old, *raw).ok());
  }
  auto stale = RunCommand({kNewsx, "--db", db.path(), "query", "events", "--type", "stale_type"});
  CHECK(!stale.out.empty());
  auto again = RunCommand({kNewsx, "--db", db.path(), "reprocess", "--since", "1970-01-01"});
  REQUIRE(again.exit_code == 0);
  CHECK(again.out.find(" 0 records changed") == std::string::npos);
  auto gone = RunCommand({kNewsx, "--db", db.path(), "query", "events", "--type", "stale_type"});
  CHECK(gone.exit_code == 0);
  CHECK(gone.out.empty());
  CHECK(RunCommand({kNewsx, "--db", db.path(), "verify"}).exit_code == 0);
  auto after = store::ArticleStore::Open({.path = db.path(), .read_only = true});
  REQUIRE(after.ok());
  CHECK((*after)->Stats()->articles == stats_before->articles);
  CHECK((*after)->Stats()->events == stats_before->events);

  auto bad = RunCommand({kNewsx, "--db", db.path(), "reprocess", "--since", "yesterday-ish"});
  CHECK(bad.exit_code == 2);
}

TEST_CASE("newsx verify --repair rebuilds the event and article-entity indexes",
          "[pipelines][verify]") {
  testing::TempDir db;
  REQUIRE(testing::WriteQueryTestDb(db.path()));
  const auto jan = testing::QueryTestJanuary();
  {
    // Marked version 2 (as an older database), with a lost article_entities
    // entry and a stale event_entity entry.
    auto store = store::ArticleStore::Open({.path = db.path()});
    REQUIRE(store.ok());
    auto entities = (*store)->EntitiesOfArticle(jan.article.id);
    REQUIRE(entities.ok());
    REQUIRE_FALSE(entities->empty());
    REQUIRE((*store)->WriteRawForTesting("article_entities",
                                         jan.article.id + '\0' + (*entities)[0].entity_id,
                                         std::nullopt).ok());
    REQUIRE((*store)->WriteRawForTesting("event_entity",
                                         std::string("org:ghost") + '\0' + "12345678x", "visit")
                .ok());
    REQUIRE((*store)->WriteRawForTesting("meta", "schema_version", "2").ok());
  }
  auto broken = RunCommand({kNewsx, "--db", db.path(), "verify"});
  CHECK(broken.exit_code == 1);
  {
    // Not while another process writes to it.
    auto writer = store::ArticleStore::Open({.path = db.path()});
    REQUIRE(writer.ok());
    auto busy = RunCommand({kNewsx, "--db", db.path(), "verify", "--repair"});
    CHECK(busy.exit_code != 0);
    CHECK(busy.err.find("in use") != std::string::npos);
  }
  auto repaired = RunCommand({kNewsx, "--db", db.path(), "verify", "--repair"});
  CHECK(repaired.exit_code == 0);
  CHECK(repaired.out.find("(schema version 2, now 3)") != std::string::npos);
  CHECK(repaired.out.find("verify: ok") != std::string::npos);
  auto store = store::ArticleStore::Open({.path = db.path(), .read_only = true});
  REQUIRE(store.ok());
  CHECK((*store)->SchemaVersion() == 3);
}
