// `newsx query` and `newsx stats`, run as child processes on a known database.

#include <catch2/catch.hpp>

#include "query_test_db.h"
#include "run_command.h"
#include "temp_dir.h"

using namespace newsx;
using newsx::testing::ParseJsonLines;
using newsx::testing::RunCommand;

namespace {

const std::string kNewsx = NEWSX_BINARY;

std::vector<std::string> Field(const std::string& out, const char* key) {
  auto lines = ParseJsonLines(out);
  REQUIRE(lines.bad_lines == 0);
  std::vector<std::string> values;
  for (const auto& row : lines.rows) values.push_back(row.at(key).get<std::string>());
  return values;
}

}  // namespace

TEST_CASE("newsx query stories filters by time, entity and size", "[pipelines][query][stories]") {
  testing::TempDir db;
  REQUIRE(testing::WriteQueryTestDb(db.path()));
  const std::string jan = testing::QueryTestJanuary().article.id;
  const std::string mid = testing::QueryTestMid().article.id;
  const std::string feb = testing::QueryTestFebruary().article.id;
  auto all = RunCommand({kNewsx, "--db", db.path(), "query", "stories"});
  REQUIRE(all.exit_code == 0);
  CHECK(Field(all.out, "id") == std::vector<std::string>{jan, mid, feb});
  auto amd = RunCommand({kNewsx, "--db", db.path(), "query", "stories", "--entity", "org:amd"});
  CHECK(Field(amd.out, "id") == std::vector<std::string>{mid});
  auto february = RunCommand(
      {kNewsx, "--db", db.path(), "query", "stories", "--since", "2026-02-01", "--limit", "5"});
  CHECK(Field(february.out, "id") == std::vector<std::string>{feb});
  auto big = RunCommand({kNewsx, "--db", db.path(), "query", "stories", "--min-articles", "2"});
  REQUIRE(big.exit_code == 0);
  CHECK(big.out.empty());
  auto table = RunCommand({kNewsx, "--db", db.path(), "query", "stories", "--format", "table"});
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.rfind("first seen", 0) == 0);
  // Events carry their story and their happening's sources.
  auto events = RunCommand({kNewsx, "--db", db.path(), "query", "events", "--type", "visit"});
  CHECK(Field(events.out, "story") == std::vector<std::string>{mid});
}

TEST_CASE("newsx query events filters by type, entity, time and text", "[pipelines][query]") {
  testing::TempDir db;
  REQUIRE(testing::WriteQueryTestDb(db.path()));
  const std::string jan = testing::QueryTestJanuary().article.id;
  const std::string mid = testing::QueryTestMid().article.id;
  const std::string feb = testing::QueryTestFebruary().article.id;

  // Not a terminal: JSON Lines by default.
  auto all = RunCommand({kNewsx, "--db", db.path(), "query", "events"});
  REQUIRE(all.exit_code == 0);
  CHECK(Field(all.out, "article") == std::vector<std::string>{jan, mid, feb});

  auto orders = RunCommand({kNewsx, "--db", db.path(), "query", "events", "--type", "order"});
  CHECK(Field(orders.out, "type") == std::vector<std::string>{"order", "order"});

  auto nvidia_feb = RunCommand({kNewsx, "--db", db.path(), "query", "events", "--entity",
                                "org:nvidia", "--since", "2026-02-01"});
  CHECK(Field(nvidia_feb.out, "article") == std::vector<std::string>{feb});

  auto january = RunCommand({kNewsx, "--db", db.path(), "query", "events", "--until",
                             "2026-01-31", "--format", "jsonl"});
  CHECK(Field(january.out, "article") == std::vector<std::string>{jan, mid});

  auto beijing = RunCommand({kNewsx, "--db", db.path(), "query", "events", "--text", "BEIJING"});
  CHECK(Field(beijing.out, "type") == std::vector<std::string>{"visit"});

  auto limited = RunCommand({kNewsx, "--db", db.path(), "query", "events", "--limit", "1"});
  CHECK(Field(limited.out, "article").size() == 1);

  auto table = RunCommand({kNewsx, "--db", db.path(), "query", "events", "--type", "visit",
                           "--format", "table"});
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.rfind("time", 0) == 0);
  CHECK(table.out.find("agent=org:amd") != std::string::npos);
  CHECK(table.out.find("Lisa Su visited Beijing.") != std::string::npos);
}

TEST_CASE("newsx query top-entities ranks mentions in a window", "[pipelines][query]") {
  testing::TempDir db;
  REQUIRE(testing::WriteQueryTestDb(db.path()));
  auto all = RunCommand({kNewsx, "--db", db.path(), "query", "top-entities"});
  REQUIRE(all.exit_code == 0);
  CHECK(Field(all.out, "id") == std::vector<std::string>{"org:intel", "org:nvidia", "org:amd"});
  auto rows = ParseJsonLines(all.out).rows;
  CHECK(rows[1]["mentions_in_window"] == 4);
  CHECK(rows[1]["articles_in_window"] == 2);

  auto january = RunCommand({kNewsx, "--db", db.path(), "query", "top-entities", "--since",
                             "2026-01-01", "--until", "2026-02-01", "--limit", "1"});
  CHECK(Field(january.out, "id") == std::vector<std::string>{"org:nvidia"});

  auto table = RunCommand({kNewsx, "--db", db.path(), "query", "top-entities", "--format",
                           "table"});
  CHECK(table.out.find("rank") != std::string::npos);
  CHECK(table.out.find("org:intel") != std::string::npos);
}

TEST_CASE("newsx query article finds an article by id or URL", "[pipelines][query]") {
  testing::TempDir db;
  REQUIRE(testing::WriteQueryTestDb(db.path()));
  const auto mid = testing::QueryTestMid();
  auto by_id = RunCommand({kNewsx, "--db", db.path(), "query", "article", "--id", mid.article.id});
  REQUIRE(by_id.exit_code == 0);
  auto rows = ParseJsonLines(by_id.out).rows;
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["article"]["url"] == mid.article.url);
  CHECK(rows[0]["events"].size() == 1);
  // Non-canonical forms of the URL are canonicalized.
  auto by_url = RunCommand({kNewsx, "--db", db.path(), "query", "article", "--url",
                            "HTTPS://NEWS.example/mid?utm_source=x", "--format", "table"});
  REQUIRE(by_url.exit_code == 0);
  CHECK(by_url.out.find(mid.article.id) != std::string::npos);
  CHECK(by_url.out.find("AMD visited Beijing.") != std::string::npos);

  auto missing = RunCommand({kNewsx, "--db", db.path(), "query", "article", "--id", "nope"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("no article with id nope") != std::string::npos);
  auto neither = RunCommand({kNewsx, "--db", db.path(), "query", "article"});
  CHECK(neither.exit_code == 2);
}

TEST_CASE("newsx query rejects bad input and a missing database", "[pipelines][query]") {
  testing::TempDir db;
  REQUIRE(testing::WriteQueryTestDb(db.path()));
  auto bad_time = RunCommand({kNewsx, "--db", db.path(), "query", "events", "--since", "soon"});
  CHECK(bad_time.exit_code == 2);
  CHECK(bad_time.err.find("--since") != std::string::npos);
  auto bad_format = RunCommand({kNewsx, "--db", db.path(), "query", "events", "--format", "xml"});
  CHECK(bad_format.exit_code == 2);
  auto no_sub = RunCommand({kNewsx, "--db", db.path(), "query"});
  CHECK(no_sub.exit_code == 2);
  auto missing = RunCommand({kNewsx, "--db", db.File("none"), "query", "events"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("does not exist") != std::string::npos);
}

TEST_CASE("newsx stats counts families, sources and dead letters", "[pipelines][query]") {
  testing::TempDir db;
  REQUIRE(testing::WriteQueryTestDb(db.path()));
  {
    auto store = store::ArticleStore::Open({.path = db.path()});
    REQUIRE(store.ok());
    REQUIRE((*store)->PutDeadLetter({"x.html", "extract", "invalid_argument", "empty", 1}).ok());
  }
  auto json = RunCommand({kNewsx, "--db", db.path(), "stats"});
  REQUIRE(json.exit_code == 0);
  auto rows = ParseJsonLines(json.out).rows;
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["articles"] == 3);
  CHECK(rows[0]["entities"] == 3);
  CHECK(rows[0]["mentions"] == 9);
  CHECK(rows[0]["events"] == 3);
  CHECK(rows[0]["keys_by_family"]["raw"] == 3);
  CHECK(rows[0]["articles_by_source"]["Example News"] == 3);
  CHECK(rows[0]["dead_letters_by_reason"]["extract/invalid_argument"] == 1);
  auto table = RunCommand({kNewsx, "--db", db.path(), "stats", "--format", "table"});
  CHECK(table.out.find("dead letters (stage/reason)") != std::string::npos);
  CHECK(table.out.find("mention_time") != std::string::npos);
}
