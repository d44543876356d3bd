// `newsx export`: files, JSON validity, the incremental cursor, gzip.

#include <catch2/catch.hpp>

#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "query_test_db.h"
#include "run_command.h"
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
  gzFile f = gzopen(path.c_str(), "rb");
  REQUIRE(f != nullptr);
  std::string out;
  char buf[4096];
  int n = 0;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  gzclose(f);
  return out;
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
                      std::filesystem::directory_iterator()) == 4);

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
