// The jobs of the pipelines library (export, query, reprocess, verify),
// called directly as `newsx serve` and the workers call them; the CLI tests
// (export_cli_test.cc, query_cli_test.cc, verify_cli_test.cc) check the
// same jobs through the binary.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "newsx/extract/article_extractor.h"
#include "newsx/pipelines/jobs/export_job.h"
#include "newsx/pipelines/jobs/query_job.h"
#include "newsx/pipelines/jobs/read_store.h"
#include "newsx/pipelines/jobs/reprocess_job.h"
#include "newsx/pipelines/jobs/verify_job.h"
#include "query_test_db.h"
#include "temp_dir.h"

using namespace newsx;
using newsx::testing::ParseJsonLines;

namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::multiset<std::string> Ids(const std::string& jsonl) {
  auto lines = ParseJsonLines(jsonl);
  CHECK(lines.bad_lines == 0);
  std::multiset<std::string> out;
  for (const auto& row : lines.rows) out.insert(row.at("id").get<std::string>());
  return out;
}

std::int64_t Unix(const char* iso) { return *pipelines::ParseTimeBound(iso, "t").value(); }

}  // namespace

TEST_CASE("ExportDatabase writes every file, then only the changes after its cursor",
          "[pipelines][jobs]") {
  testing::TempDir db;
  testing::TempDir out;
  REQUIRE(testing::WriteQueryTestDb(db.path()));
  pipelines::ExportOptions options{.db_path = db.path(), .out_dir = out.File("1")};
  auto first = pipelines::ExportDatabase(options);
  REQUIRE(first.ok());
  CHECK(first->full);
  CHECK(first->articles == 3);
  CHECK(first->entities == 3);
  CHECK(first->mentions == 9);
  CHECK(first->events == 3);
  CHECK(first->last_seq > 0);
  CHECK(Ids(Slurp(out.File("1/articles.jsonl"))).size() == 3);
  CHECK(std::filesystem::exists(out.File("1/schema.json")));
  CHECK(std::filesystem::exists(out.File("1/schema.sql")));
  CHECK(std::filesystem::exists(db.File("export-cursors/default")));

  // Nothing changed: an incremental export with empty files.
  options.out_dir = out.File("2");
  auto second = pipelines::ExportDatabase(options);
  REQUIRE(second.ok());
  CHECK(!second->full);
  CHECK(second->after_seq == first->last_seq);
  CHECK(second->articles == 0);
  CHECK(Slurp(out.File("2/articles.jsonl")).empty());

  // On an open store, with another cursor: everything again.
  auto store = pipelines::OpenStoreForReading(db.path());
  REQUIRE(store.ok());
  options.out_dir = out.File("3");
  options.cursor = "warehouse";
  auto other = pipelines::ExportDatabase(**store, options);
  REQUIRE(other.ok());
  CHECK(other->full);
  CHECK(other->articles == 3);
}

TEST_CASE("ExportDatabase gives each article's content as Markdown or HTML when asked",
          "[pipelines][jobs]") {
  testing::TempDir db;
  testing::TempDir out;
  REQUIRE(testing::WriteQueryTestDb(db.path()));
  pipelines::ExportOptions options{.db_path = db.path(), .out_dir = out.File("md")};
  options.content_format = extract::ContentFormat::kMarkdown;
  auto md = pipelines::ExportDatabase(options);
  REQUIRE(md.ok());
  CHECK(md->articles == 3);
  CHECK(md->content_unavailable == 0);
  auto rows = testing::ParseJsonLines(Slurp(out.File("md/articles.jsonl"))).rows;
  REQUIRE(rows.size() == 3);
  for (const auto& row : rows) {
    CAPTURE(row.dump());
    CHECK(row["content_format"] == "markdown");
    // The stored page is "<html><p>TEXT</p></html>": its Markdown is the text.
    CHECK(row["content"].get<std::string>().find(row["text"].get<std::string>()) !=
          std::string::npos);
  }

  options.out_dir = out.File("html");
  options.content_format = extract::ContentFormat::kHtml;
  options.cursor = "html";
  auto html = pipelines::ExportDatabase(options);
  REQUIRE(html.ok());
  for (const auto& row : testing::ParseJsonLines(Slurp(out.File("html/articles.jsonl"))).rows) {
    CHECK(row["content_format"] == "html");
    CHECK(row["content"].get<std::string>().find("<p>") != std::string::npos);
  }

  // Without --format the columns are there, null.
  options.out_dir = out.File("text");
  options.content_format = extract::ContentFormat::kText;
  options.cursor = "text";
  REQUIRE(pipelines::ExportDatabase(options).ok());
  for (const auto& row : testing::ParseJsonLines(Slurp(out.File("text/articles.jsonl"))).rows) {
    CHECK(row["content"].is_null());
    CHECK(row["content_format"].is_null());
  }
}

TEST_CASE("ExportDatabase leaves the content null for a page that no longer extracts",
          "[pipelines][jobs]") {
  testing::TempDir db;
  testing::TempDir out;
  REQUIRE(testing::WriteQueryTestDb(db.path()));
  {
    // Stored pages that yield no main text: empty, and binary bytes.
    auto store = store::ArticleStore::Open({.path = db.path()});
    REQUIRE(store.ok());
    auto empty = testing::QueryTestArticle("https://news.example/empty", "2026-02-11T10:00:00Z",
                                           "Stored text of an empty page.");
    REQUIRE((*store)->Put(empty, "").ok());
    auto binary = testing::QueryTestArticle("https://news.example/binary",
                                            "2026-02-12T10:00:00Z", "Stored text of bytes.");
    REQUIRE((*store)->Put(binary, std::string("\x00\x01\x02\xff\xfe", 5)).ok());
  }
  pipelines::ExportOptions options{.db_path = db.path(), .out_dir = out.File("md")};
  options.content_format = extract::ContentFormat::kMarkdown;
  auto md = pipelines::ExportDatabase(options);
  REQUIRE(md.ok());
  CHECK(md->articles == 5);
  CHECK(md->content_unavailable == 2);
  int nulls = 0;
  for (const auto& row : testing::ParseJsonLines(Slurp(out.File("md/articles.jsonl"))).rows) {
    if (!row["content"].is_null()) continue;
    ++nulls;
    // The article itself is exported whole, with its stored text.
    CHECK(row["text"].get<std::string>().rfind("Stored text of", 0) == 0);
  }
  CHECK(nulls == 2);
}

TEST_CASE("ExportDatabase reports a missing database and an unwritable output",
          "[pipelines][jobs]") {
  testing::TempDir dir;
  auto missing = pipelines::ExportDatabase({.db_path = dir.File("none"), .out_dir = dir.File("o")});
  REQUIRE(!missing.ok());
  CHECK(!std::filesystem::exists(dir.File("o/articles.jsonl")));
  REQUIRE(testing::WriteQueryTestDb(dir.File("db")));
  {
    std::ofstream file(dir.File("a-file"));
  }
  auto blocked =
      pipelines::ExportDatabase({.db_path = dir.File("db"), .out_dir = dir.File("a-file/out")});
  REQUIRE(!blocked.ok());
  CHECK(blocked.status().code() == StatusCode::kIoError);
  // The failed export did not move the cursor.
  CHECK(!std::filesystem::exists(dir.File("db/export-cursors/default")));
}

TEST_CASE("QueryEvents filters by type, entity, text and window, and stops at the limit",
          "[pipelines][jobs]") {
  testing::TempDir db;
  REQUIRE(testing::WriteQueryTestDb(db.path()));
  auto store = pipelines::OpenStoreForReading(db.path());
  REQUIRE(store.ok());
  const auto& s = **store;

  auto orders = pipelines::QueryEvents(s, {.type = "order"});
  REQUIRE(orders.ok());
  CHECK(orders->size() == 2);
  auto amd = pipelines::QueryEvents(s, {.entity = "org:amd"});
  REQUIRE(amd.ok());
  REQUIRE(amd->size() == 1);
  CHECK((*amd)[0].type == "visit");
  auto text = pipelines::QueryEvents(s, {.text = "microsoft"});
  REQUIRE(text.ok());
  CHECK(text->size() == 1);
  auto february = pipelines::QueryEvents(
      s, {.window = {.since = Unix("2026-02-01"), .until = Unix("2026-03-01")}});
  REQUIRE(february.ok());
  REQUIRE(february->size() == 1);
  CHECK((*february)[0].article == testing::QueryTestFebruary().article.id);
  auto limited = pipelines::QueryEvents(s, {.limit = 2});
  REQUIRE(limited.ok());
  CHECK(limited->size() == 2);

  std::size_t seen = 0;
  auto stopped = pipelines::QueryEvents(s, {}, [&](const Event&) { return ++seen < 1; });
  REQUIRE(stopped.ok());
  CHECK(*stopped == 1);

  CHECK(!pipelines::UnknownEventTypeNote(s, "order"));
  CHECK(!pipelines::UnknownEventTypeNote(s, ""));
  auto note = pipelines::UnknownEventTypeNote(s, "nonsense");
  REQUIRE(note);
  CHECK(*note == "no stored event has type nonsense; stored types: order, visit");
}

TEST_CASE("QueryTopEntities ranks entities by mentions in the window", "[pipelines][jobs]") {
  testing::TempDir db;
  REQUIRE(testing::WriteQueryTestDb(db.path()));
  auto store = pipelines::OpenStoreForReading(db.path());
  REQUIRE(store.ok());
  auto all = pipelines::QueryTopEntities(**store, {});
  REQUIRE(all.ok());
  REQUIRE(all->size() == 3);
  CHECK((*all)[0].entity.entity.id == "org:intel");  // 4 mentions, as Nvidia: ties by id.
  auto january = pipelines::QueryTopEntities(
      **store, {.window = {.since = Unix("2026-01-01"), .until = Unix("2026-02-01")}, .limit = 1});
  REQUIRE(january.ok());
  REQUIRE(january->size() == 1);
  CHECK((*january)[0].entity.entity.id == "org:nvidia");
  CHECK((*january)[0].mentions_in_window == 4);
}

TEST_CASE("QueryArticle finds an article by id or URL and needs exactly one", "[pipelines][jobs]") {
  testing::TempDir db;
  REQUIRE(testing::WriteQueryTestDb(db.path()));
  auto store = pipelines::OpenStoreForReading(db.path());
  REQUIRE(store.ok());
  const auto jan = testing::QueryTestJanuary();
  auto by_id = pipelines::QueryArticle(**store, {.id = jan.article.id});
  REQUIRE(by_id.ok());
  CHECK(by_id->article.url == jan.article.url);
  // Not canonical as typed (upper-case host, fragment): found through its canonical form.
  auto by_url = pipelines::QueryArticle(**store, {.url = "https://NEWS.example/jan#top"});
  REQUIRE(by_url.ok());
  CHECK(by_url->article.id == jan.article.id);
  auto neither = pipelines::QueryArticle(**store, {});
  CHECK(neither.status().code() == StatusCode::kInvalidArgument);
  auto both = pipelines::QueryArticle(**store, {.id = "x", .url = "https://news.example/x"});
  CHECK(both.status().code() == StatusCode::kInvalidArgument);
  auto absent = pipelines::QueryArticle(**store, {.id = "0000"});
  CHECK(absent.status().code() == StatusCode::kNotFound);
}

TEST_CASE("ReprocessArticles re-extracts the articles of its window on several threads",
          "[pipelines][jobs]") {
  testing::TempDir db;
  REQUIRE(testing::WriteQueryTestDb(db.path()));
  auto extractor = extract::ArticleExtractor::Create({});
  REQUIRE(extractor.ok());
  {
    auto store = store::ArticleStore::Open({.path = db.path(), .create_if_missing = false});
    REQUIRE(store.ok());
    auto february = pipelines::ReprocessArticles(
        **store, **extractor, {.window = {.since = Unix("2026-02-01")}, .workers = 2});
    REQUIRE(february.ok());
    CHECK(february->selected == 1);
    CHECK(february->reextracted + february->failed == 1);
    CHECK(!february->interrupted);
    auto all = pipelines::ReprocessArticles(**store, **extractor, {.workers = 3});
    REQUIRE(all.ok());
    CHECK(all->selected == 3);
    CHECK(all->reextracted + all->failed == 3);

    std::stop_source stop;
    stop.request_stop();
    auto stopped = pipelines::ReprocessArticles(**store, **extractor, {}, stop.get_token());
    REQUIRE(stopped.ok());
    CHECK(stopped->interrupted);
    CHECK(stopped->reextracted + stopped->failed == 0);
  }
  auto verify = pipelines::VerifyDatabase(db.path());
  REQUIRE(verify.ok());
  CHECK(verify->problems.empty());
}

TEST_CASE("VerifyDatabase names each inconsistency and stops at the maximum",
          "[pipelines][jobs]") {
  testing::TempDir db;
  REQUIRE(testing::WriteQueryTestDb(db.path()));
  auto ok = pipelines::VerifyDatabase(db.path());
  REQUIRE(ok.ok());
  CHECK(ok->problems.empty());
  CHECK(!ok->stopped_at_max);
  {
    auto store = store::ArticleStore::Open({.path = db.path()});
    REQUIRE(store.ok());
    REQUIRE((*store)->WriteRawForTesting("urls", "https://news.example/ghost", "0000").ok());
    const auto jan = testing::QueryTestJanuary();
    REQUIRE((*store)->WriteRawForTesting("events", jan.events[0].id, std::nullopt).ok());
  }
  auto broken = pipelines::VerifyDatabase(db.path());
  REQUIRE(broken.ok());
  bool ghost = false;
  for (const store::Inconsistency& p : broken->problems) {
    ghost = ghost || (p.family == "urls" && p.key == "https://news.example/ghost" &&
                      p.problem == "refers to missing article 0000");
  }
  CHECK(ghost);
  CHECK(broken->problems.size() >= 2);  // The event's other index entries too.
  CHECK(!broken->stopped_at_max);
  auto capped = pipelines::VerifyDatabase(db.path(), 1);
  REQUIRE(capped.ok());
  CHECK(capped->problems.size() == 1);
  CHECK(capped->stopped_at_max);
  testing::TempDir empty;
  CHECK(!pipelines::VerifyDatabase(empty.File("none")).ok());
}
