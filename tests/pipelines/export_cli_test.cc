// `newsx export`: files, JSON validity, the incremental cursor, gzip.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "newsx/store/article_store.h"
#include "query_test_db.h"
#include "run_command.h"
#include "support/gzip.h"
#include "temp_dir.h"

using namespace newsx;
using newsx::testing::ParseJsonLines;
using newsx::testing::RunCommand;

namespace {

const std::string kNewsx = NEWSX_BINARY;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Gunzip(const std::string& path) {
  std::optional<std::string> text = testing::ReadGzipFile(path);
  REQUIRE(text.has_value());
  return std::move(*text);
}

// The `key` values of every row of an export file; every line must parse.
std::multiset<std::string> Keys(const std::string& text, const char* key) {
  auto lines = ParseJsonLines(text);
  CHECK(lines.bad_lines == 0);
  std::multiset<std::string> out;
  for (const auto& row : lines.rows) out.insert(row.at(key).get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("newsx export writes the four files, then only what changed", "[pipelines][export]") {
  testing::TempDir db;
  testing::TempDir out;
  REQUIRE(testing::WriteQueryTestDb(db.path()));
  const auto jan = testing::QueryTestJanuary();
  const auto mid = testing::QueryTestMid();
  const auto feb = testing::QueryTestFebruary();

  auto first = RunCommand({kNewsx, "--db", db.path(), "export", "--out", out.File("1")});
  REQUIRE(first.exit_code == 0);
  CHECK(first.out.find("3 articles, 3 entities, 9 mentions, 3 events") != std::string::npos);
  CHECK(Keys(Slurp(out.File("1/articles.jsonl")), "id") ==
        std::multiset<std::string>{jan.article.id, mid.article.id, feb.article.id});
  CHECK(Keys(Slurp(out.File("1/entities.jsonl")), "id") ==
        std::multiset<std::string>{"org:amd", "org:intel", "org:nvidia"});
  CHECK(Keys(Slurp(out.File("1/mentions.jsonl")), "entity").count("org:nvidia") == 4);
  CHECK(Keys(Slurp(out.File("1/events.jsonl")), "type").count("order") == 2);
  auto entities = ParseJsonLines(Slurp(out.File("1/entities.jsonl"))).rows;
  CHECK(entities[2]["mention_count"] == 4);
  CHECK(entities[2]["article_count"] == 2);
  CHECK(!entities[2].contains("mentions"));
  // No temporary files are left behind.
  CHECK(std::distance(std::filesystem::directory_iterator(out.File("1")),
                      std::filesystem::directory_iterator()) == 8);  // + schema.json, schema.sql
  // Each article is its own story here, each event its own happening.
  CHECK(Keys(Slurp(out.File("1/stories.jsonl")), "id") ==
        std::multiset<std::string>{jan.article.id, mid.article.id, feb.article.id});
  CHECK(Keys(Slurp(out.File("1/happenings.jsonl")), "type") ==
        std::multiset<std::string>{"order", "order", "visit"});
  for (const auto& row : ParseJsonLines(Slurp(out.File("1/events.jsonl"))).rows) {
    CHECK(row["story"] == row["article"]);
    REQUIRE(row["sources"].size() == 1);
    CHECK(row["sources"][0]["article"] == row["article"]);
  }

  auto nothing = RunCommand({kNewsx, "--db", db.path(), "export", "--out", out.File("2")});
  REQUIRE(nothing.exit_code == 0);
  CHECK(Slurp(out.File("2/articles.jsonl")).empty());
  CHECK(Slurp(out.File("2/entities.jsonl")).empty());

  {
    auto store = store::ArticleStore::Open({.path = db.path()});
    REQUIRE(store.ok());
    auto changed = mid;  // Reprocessed: Nvidia no longer mentioned, a new entity.
    changed.article.extractor_version = "test-2";
    changed.entities = {testing::QueryTestEntity("org:amd", "AMD", 1),
                        testing::QueryTestEntity("person:lisa-su", "Lisa Su", 2)};
    REQUIRE((*store)->Put(changed, "raw").ok());
    auto added = testing::QueryTestArticle("https://news.example/mar", "2026-03-01", "New.");
    REQUIRE((*store)->Put(added, "raw").ok());
  }
  auto third = RunCommand({kNewsx, "--db", db.path(), "export", "--out", out.File("3")});
  REQUIRE(third.exit_code == 0);
  CHECK(Keys(Slurp(out.File("3/articles.jsonl")), "id") ==
        std::multiset<std::string>{mid.article.id,
                                   ArticleId("https://news.example/mar")});
  // Nvidia changed (lost a mention), Lisa Su is new; AMD did not change.
  CHECK(Keys(Slurp(out.File("3/entities.jsonl")), "id") ==
        std::multiset<std::string>{"org:nvidia", "person:lisa-su"});
  CHECK(Keys(Slurp(out.File("3/mentions.jsonl")), "entity") ==
        std::multiset<std::string>{"org:amd", "person:lisa-su", "person:lisa-su"});
  // The stories and happenings of the changed articles, as they are now.
  CHECK(Keys(Slurp(out.File("3/stories.jsonl")), "id") ==
        std::multiset<std::string>{mid.article.id, ArticleId("https://news.example/mar")});

  // A second consumer has its own cursor; --full writes everything.
  auto other = RunCommand({kNewsx, "--db", db.path(), "export", "--out", out.File("4"),
                           "--cursor", "warehouse"});
  CHECK(Keys(Slurp(out.File("4/articles.jsonl")), "id").size() == 4);
  auto full = RunCommand({kNewsx, "--db", db.path(), "export", "--out", out.File("5"), "--full"});
  CHECK(Keys(Slurp(out.File("5/articles.jsonl")), "id").size() == 4);
  // Entities no article mentions any more are left out of a full export.
  CHECK(Keys(Slurp(out.File("5/entities.jsonl")), "id").count("org:nvidia") == 1);
}

TEST_CASE("newsx export --gzip writes gzip files that decompress to JSON Lines",
          "[pipelines][export]") {
  testing::TempDir db;
  testing::TempDir out;
  REQUIRE(testing::WriteQueryTestDb(db.path()));
  auto r = RunCommand({kNewsx, "--db", db.path(), "export", "--out", out.path(), "--gzip"});
  REQUIRE(r.exit_code == 0);
  CHECK(Keys(Gunzip(out.File("articles.jsonl.gz")), "id").size() == 3);
  CHECK(Keys(Gunzip(out.File("events.jsonl.gz")), "id").size() == 3);
  CHECK(Keys(Gunzip(out.File("mentions.jsonl.gz")), "entity").size() == 9);
  CHECK(!std::filesystem::exists(out.File("articles.jsonl")));
}

TEST_CASE("newsx export files load in pandas as they are", "[pipelines][export]") {
  if (std::system("/usr/bin/python3 -c 'import pandas' >/dev/null 2>&1") != 0) {
    WARN("python3 with pandas not installed: pandas check skipped");
    return;
  }
  testing::TempDir db;
  testing::TempDir out;
  REQUIRE(testing::WriteQueryTestDb(db.path()));
  REQUIRE(RunCommand({kNewsx, "--db", db.path(), "export", "--out", out.path()}).exit_code == 0);
  const std::string script =
      "import pandas as pd, sys\n"
      "d = sys.argv[1]\n"
      "n = [len(pd.read_json(f'{d}/{k}.jsonl', lines=True)) for k in "
      "('articles', 'entities', 'mentions', 'events')]\n"
      "print(n)\n";
  std::ofstream(out.File("check.py")) << script;
  auto r = RunCommand({"/usr/bin/python3", out.File("check.py"), out.path()});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "[3, 3, 9, 3]\n");
}

TEST_CASE("newsx export fails cleanly on a missing database or unwritable output",
          "[pipelines][export]") {
  testing::TempDir db;
  auto missing = RunCommand({kNewsx, "--db", db.File("none"), "export", "--out", db.File("o")});
  CHECK(missing.exit_code == 1);
  REQUIRE(testing::WriteQueryTestDb(db.File("db")));
  std::ofstream(db.File("file")) << "x";
  auto blocked = RunCommand({kNewsx, "--db", db.File("db"), "export", "--out", db.File("file")});
  CHECK(blocked.exit_code == 1);
  auto no_out = RunCommand({kNewsx, "--db", db.File("db"), "export"});
  CHECK(no_out.exit_code == 2);
}

TEST_CASE("Every export row has every column of its file, in a shape that does not depend "
          "on the data", "[pipelines][export]") {
  testing::TempDir db;
  testing::TempDir out;
  REQUIRE(testing::WriteQueryTestDb(db.path()));
  REQUIRE(RunCommand({kNewsx, "--db", db.path(), "export", "--out", out.path()}).exit_code == 0);
  const auto schema = nlohmann::json::parse(Slurp(out.File("schema.json")));
  for (const char* table :
       {"articles", "entities", "mentions", "events", "stories", "happenings"}) {
    const auto& columns = schema["tables"][table];
    REQUIRE(!columns.empty());
    auto rows = ParseJsonLines(Slurp(out.File(std::string(table) + ".jsonl"))).rows;
    REQUIRE(!rows.empty());
    for (const auto& row : rows) {
      CHECK(row.size() == columns.size());
      for (const auto& [name, type] : columns.items()) {
        CAPTURE(table, name);
        CHECK(row.contains(name));
      }
    }
  }
  for (const auto& row : ParseJsonLines(Slurp(out.File("events.jsonl"))).rows) {
    REQUIRE(row["args"].is_array());
    for (const auto& arg : row["args"]) {
      for (const char* key : {"role", "entity", "text", "quantity"}) CHECK(arg.contains(key));
    }
    CHECK(row["evidence"].is_array());
  }
  const std::string sql = Slurp(out.File("schema.sql"));
  CHECK(sql.find("CREATE OR REPLACE MACRO newsx_events(dir) AS TABLE") != std::string::npos);
  CHECK(sql.find("'args': 'STRUCT(role VARCHAR, entity VARCHAR") != std::string::npos);

  // An empty incremental export still comes with the schema.
  auto empty = RunCommand({kNewsx, "--db", db.path(), "export", "--out", out.File("2")});
  REQUIRE(empty.exit_code == 0);
  CHECK(Slurp(out.File("2/events.jsonl")).empty());
  CHECK(Slurp(out.File("2/schema.json")) == Slurp(out.File("schema.json")));
}

TEST_CASE("newsx export runs while a writer holds the database", "[pipelines][export]") {
  testing::TempDir db;
  testing::TempDir out;
  REQUIRE(testing::WriteQueryTestDb(db.path()));
  auto writer = store::ArticleStore::Open({.path = db.path()});
  REQUIRE(writer.ok());
  auto first = RunCommand({kNewsx, "--db", db.path(), "export", "--out", out.File("1")});
  CHECK(first.exit_code == 0);
  CHECK(first.out.find("3 articles") != std::string::npos);
  // The cursor moved: the next export (still beside the writer) is empty.
  auto second = RunCommand({kNewsx, "--db", db.path(), "export", "--out", out.File("2")});
  CHECK(second.exit_code == 0);
  CHECK(second.out.find("0 articles") != std::string::npos);
}

TEST_CASE("Export files load in pandas with their dtypes", "[pipelines][export]") {
  if (std::system("/usr/bin/python3 -c 'import pandas' >/dev/null 2>&1") != 0) {
    WARN("python3-pandas not installed (scripts/setup.sh installs it): pandas check skipped");
    return;
  }
  testing::TempDir db;
  testing::TempDir out;
  REQUIRE(testing::WriteQueryTestDb(db.path()));
  REQUIRE(RunCommand({kNewsx, "--db", db.path(), "export", "--out", out.path(), "--gzip"})
              .exit_code == 0);
  // As docs/export.md tells pandas users: the timestamp columns from schema.json.
  const std::string script = R"(import json, sys
import pandas as pd
d = sys.argv[1]
schema = json.load(open(f'{d}/schema.json'))
for table, columns in schema['tables'].items():
    kinds = {'BIGINT': 'int64', 'DOUBLE': 'float64'}
    dtype = {c: kinds.get(k, 'object') for c, k in columns.items() if k != 'TIMESTAMP'}
    df = pd.read_json(f'{d}/{table}.jsonl.gz', lines=True, dtype=dtype,
                      convert_dates=schema['timestamps'][table])
    assert sorted(df.columns) == sorted(columns), (table, list(df.columns))
    for name, kind in columns.items():
        dtype = str(df[name].dtype)
        if kind == 'TIMESTAMP':
            assert dtype.startswith('datetime64[ns'), (table, name, dtype)
        elif kind == 'BIGINT':
            assert dtype == 'int64', (table, name, dtype)
        elif kind == 'DOUBLE':
            assert dtype == 'float64', (table, name, dtype)
        else:
            assert dtype == 'object', (table, name, dtype)
    print(table, len(df))
)";
  std::ofstream(out.File("check.py")) << script;
  auto r = RunCommand({"/usr/bin/python3", out.File("check.py"), out.path()});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "articles 3\nentities 3\nmentions 9\nevents 3\nstories 3\nhappenings 3\n");
}
