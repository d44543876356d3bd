#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "newsx/store/article_store.h"
#include "run_command.h"
#include "temp_dir.h"

using namespace newsx;
using newsx::testing::RunCommand;

namespace {

const std::string kNewsx = NEWSX_BINARY;

void WritePage(const std::string& path, const std::string& title) {
  std::ofstream(path) << "<html><head><title>" << title
                      << "</title></head><body><p>Nvidia said the H200 chips shipped.</p>"
                         "</body></html>";
}

}  // namespace

TEST_CASE("newsx usage errors exit with 2 and say what is wrong", "[pipelines][cli]") {
  auto none = RunCommand({kNewsx});
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("subcommand") != std::string::npos);

  auto unknown = RunCommand({kNewsx, "frobnicate"});
  CHECK(unknown.exit_code == 2);

  auto missing_arg = RunCommand({kNewsx, "extract"});
  CHECK(missing_arg.exit_code == 2);

  auto bad_flag = RunCommand({kNewsx, "--workers", "0", "extract", "x.html"});
  CHECK(bad_flag.exit_code == 2);

  auto help = RunCommand({kNewsx, "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("backfill") != std::string::npos);
}

TEST_CASE("newsx extract names the input that failed and exits 1", "[pipelines][cli]") {
  testing::TempDir dir;
  WritePage(dir.File("ok.html"), "Fine");
  auto r = RunCommand({kNewsx, "extract", dir.File("ok.html"), dir.File("missing.html")});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("missing.html") != std::string::npos);
  CHECK(r.out.find("\"title\":\"Fine\"") != std::string::npos);
}

TEST_CASE("newsx backfill stores pages and refuses a database in use", "[pipelines][cli]") {
  testing::TempDir pages;
  testing::TempDir db;
  WritePage(pages.File("a.html"), "A");
  WritePage(pages.File("b.html"), "B");
  auto run = RunCommand({kNewsx, "--db", db.path(), "backfill", "--no-progress", pages.path()});
  CHECK(run.exit_code == 0);
  // The two pages have the same text: one article, the other URL an alias.
  CHECK(run.out.find("1 new, 0 changed, 0 unchanged, 1 duplicates, 0 failed") !=
        std::string::npos);

  auto held = store::ArticleStore::Open({.path = db.path()});
  REQUIRE(held.ok());
  auto busy = RunCommand({kNewsx, "--db", db.path(), "backfill", "--no-progress", pages.path()});
  CHECK(busy.exit_code == 1);
  CHECK(busy.err.find("in use by another newsx process") != std::string::npos);
}

TEST_CASE("newsx rejects a bad config file with its location", "[pipelines][cli]") {
  testing::TempDir dir;
  std::ofstream(dir.File("bad.toml")) << "[workers]\nextract = -1\n";
  auto r = RunCommand({kNewsx, "--config", dir.File("bad.toml"), "extract", "x.html"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("workers.extract must be positive") != std::string::npos);
  auto missing = RunCommand({kNewsx, "--config", dir.File("none.toml"), "extract", "x.html"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("not found") != std::string::npos);
}

TEST_CASE("newsx config check validates the file and its lexicon folders", "[pipelines][cli]") {
  testing::TempDir dir;
  std::ofstream(dir.File("good.toml")) << "[workers]\nextract = 3\n";
  auto good = RunCommand({kNewsx, "--config", dir.File("good.toml"), "config", "check"});
  CHECK(good.exit_code == 0);
  CHECK(good.out.find("config ok: " + dir.File("good.toml")) != std::string::npos);

  auto show = RunCommand({kNewsx, "--config", dir.File("good.toml"), "config", "show"});
  CHECK(show.exit_code == 0);
  CHECK(show.out.find("extract = 3") != std::string::npos);

  std::ofstream(dir.File("lex.toml")) << "[lexicons]\ndirs = [\"" << dir.File("nowhere")
                                      << "\"]\n";
  auto lex = RunCommand({kNewsx, "--config", dir.File("lex.toml"), "config", "check"});
  CHECK(lex.exit_code == 2);
  CHECK(lex.err.find("nowhere") != std::string::npos);
}

TEST_CASE("newsx backfill on the demo fixtures stores the good pages and dead-letters the bad",
          "[pipelines][cli]") {
  testing::TempDir db;
  const std::string pages = std::string(NEWSX_FIXTURES_DIR) + "/demo/pages";
  auto run = RunCommand({kNewsx, "--db", db.path(), "backfill", "--no-progress", "-j", "2", pages});
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("read 11: 7 new, 0 changed, 0 unchanged, 0 duplicates, 4 failed, "
                     "0 filtered") != std::string::npos);
  for (const char* bad : {"binary-junk.html", "empty.html", "no-text.html", "truncated.html.gz"}) {
    CHECK(run.err.find(bad) != std::string::npos);
  }
  // A second run stores nothing new (idempotent) and the database still opens.
  auto again = RunCommand({kNewsx, "--db", db.path(), "backfill", "--no-progress", pages});
  CHECK(again.exit_code == 0);
  CHECK(again.out.find("0 new, 0 changed, 7 unchanged, 0 duplicates, 4 failed") !=
        std::string::npos);
  auto store = store::ArticleStore::Open({.path = db.path(), .read_only = true});
  REQUIRE(store.ok());
  auto stats = (*store)->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->articles == 7);
}

TEST_CASE("newsx extract prints the reference article in the data contract's shape",
          "[pipelines][cli]") {
  const std::string page = std::string(NEWSX_FIXTURES_DIR) + "/demo/pages/h200-imports.html";
  auto run = RunCommand({kNewsx, "extract", page});
  REQUIRE(run.exit_code == 0);
  for (const char* key : {"\"schema\":2", "\"article\":{", "\"entities\":[", "\"quantities\":[",
                          "\"dates\":[", "\"events\":[", "\"canonical_url\":\"https://",
                          "\"published\":\"2026-01-28T00:15:00Z\"", "\"authors\":[\"Mei Lin\"]"}) {
    CHECK(run.out.find(key) != std::string::npos);
  }
  CHECK(run.out.find("several hundred thousand Nvidia H200 AI chips") != std::string::npos);
  CHECK(run.out.find("cookie") == std::string::npos);
}

TEST_CASE("newsx backfill reads a WARC file and records where a broken one stops",
          "[pipelines][cli]") {
  testing::TempDir db;
  const std::string warc = std::string(NEWSX_FIXTURES_DIR) + "/ingest/warc/";
  auto run = RunCommand({kNewsx, "--db", db.path(), "backfill", "--no-progress",
                         warc + "warcio-example-iana.org-chunked.warc"});
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("read 1: 1 new") != std::string::npos);
  auto article = RunCommand({kNewsx, "--db", db.path(), "query", "article", "--url",
                             "http://www.iana.org/", "--format", "jsonl"});
  CHECK(article.exit_code == 0);
  CHECK(article.out.find("warcio-example-iana.org-chunked.warc@") != std::string::npos);

  auto clipped = RunCommand({kNewsx, "--db", db.path(), "backfill", "--no-progress",
                             warc + "resiliparse-clipped.warc.gz"});
  CHECK(clipped.exit_code == 1);  // Nothing stored, and something failed.
  CHECK(clipped.err.find("truncated") != std::string::npos);
  CHECK(clipped.err.find("resiliparse-clipped.warc.gz@") != std::string::npos);
}

TEST_CASE("newsx backfill exits 1 when every item failed and nothing was stored",
          "[pipelines][cli]") {
  testing::TempDir db;
  const std::string bad = std::string(NEWSX_FIXTURES_DIR) + "/demo/pages/bad";
  auto run = RunCommand({kNewsx, "--db", db.path(), "backfill", "--no-progress", bad});
  CHECK(run.exit_code == 1);
  CHECK(run.out.find("0 new, 0 changed, 0 unchanged, 0 duplicates, 4 failed") !=
        std::string::npos);
  CHECK(run.err.find("nothing was stored") != std::string::npos);
}

TEST_CASE("newsx backfill of a folder of copies stores each text once", "[pipelines][cli]") {
  testing::TempDir pages;
  testing::TempDir db;
  const std::string demo = std::string(NEWSX_FIXTURES_DIR) + "/demo/pages/";
  for (int copy = 0; copy < 3; ++copy) {
    const std::string dir = pages.File("copy" + std::to_string(copy));
    std::filesystem::create_directories(dir);
    for (const char* page : {"h200-imports.html", "tsmc-arizona-capex.html"}) {
      std::filesystem::copy_file(demo + page, dir + "/" + page);
    }
  }
  WritePage(pages.File("plain-a.html"), "A");
  WritePage(pages.File("plain-b.html"), "B");
  auto run = RunCommand({kNewsx, "--db", db.path(), "backfill", "--no-progress", "-j", "2",
                         pages.path()});
  CHECK(run.exit_code == 0);
  // h200-imports names its canonical URL, so its copies are the same article
  // (unchanged); tsmc-arizona-capex does not, so its copies are duplicates of
  // its text under other URLs, as is the second plain page.
  INFO(run.out);
  CHECK(run.out.find("read 8: 3 new, 0 changed, 2 unchanged, 3 duplicates, 0 failed") !=
        std::string::npos);
  auto stats = RunCommand({kNewsx, "--db", db.path(), "stats", "--format", "jsonl"});
  CHECK(stats.out.find("\"articles\":3") != std::string::npos);
  CHECK(stats.out.find("\"aliases\":") != std::string::npos);
  // Each copy's URL finds the one article.
  auto a = RunCommand({kNewsx, "--db", db.path(), "query", "article", "--format", "jsonl",
                       "--url", "file://" + pages.File("plain-b.html")});
  CHECK(a.exit_code == 0);
  CHECK(a.out.find("plain-a.html") != std::string::npos);
}
