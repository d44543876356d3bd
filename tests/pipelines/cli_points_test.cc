// The CLI and README points of issue 15 (item 8), each as a user meets it.

#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <sstream>

#include "ingest_fixture.h"
#include "newsx/pipelines/ingest_pipeline.h"
#include "newsx/store/article_store.h"
#include "run_command.h"
#include "temp_dir.h"

using namespace newsx;
using newsx::testing::RunCommand;

namespace {

const std::string kNewsx = NEWSX_BINARY;
const std::string kDemoPages = std::string(NEWSX_FIXTURES_DIR) + "/demo/pages";

// Pages given as they were fetched, from a list.
class ListSource : public ingest::DocumentSource {
 public:
  explicit ListSource(std::vector<RawDocument> docs) : docs_(std::move(docs)) {}
  Result<std::optional<ingest::SourceItem>> Next() override {
    if (next_ >= docs_.size()) return std::optional<ingest::SourceItem>();
    ingest::SourceItem item;
    item.document = docs_[next_];
    item.position = item.document.url;
    ++next_;
    return std::optional<ingest::SourceItem>(std::move(item));
  }
  std::string Checkpoint() const override { return std::to_string(next_); }
  Status Resume(std::string_view) override { return Status::Ok(); }
  ingest::SourceProgress Progress() const override { return {}; }

 private:
  std::vector<RawDocument> docs_;
  std::size_t next_ = 0;
};

RawDocument Page(const std::string& url, const std::string& canonical, const std::string& text) {
  RawDocument doc;
  doc.url = url;
  doc.body = "<html><head><title>T</title><link rel=\"canonical\" href=\"" + canonical +
             "\"></head><body><article><p>" + text + "</p></article></body></html>";
  return doc;
}

}  // namespace

TEST_CASE("A mistyped command is named, with the commands there are", "[pipelines][cli]") {
  auto r = RunCommand({kNewsx, "bogus"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("unknown command \"bogus\"") != std::string::npos);
  CHECK(r.err.find("backfill") != std::string::npos);
}

TEST_CASE("extract --published refuses what is not a date", "[pipelines][cli]") {
  auto bad = RunCommand({kNewsx, "extract", "--published", "notadate", kDemoPages + "/h200-imports.html"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--published: not a date: notadate") != std::string::npos);
  CHECK(bad.out.empty());
  // A date is normalized to ISO 8601 UTC.
  auto good = RunCommand({kNewsx, "extract", "--text", "--published", "28 Jan 2026 09:30 +0800",
                          kDemoPages + "/../../extract/seed/h200-imports.txt"});
  CHECK(good.exit_code == 0);
  CHECK(good.out.find("\"published\":\"2026-01-28T01:30:00Z\"") != std::string::npos);
}

TEST_CASE("Confidences print with at most three decimals", "[pipelines][cli]") {
  auto r = RunCommand({kNewsx, "extract", kDemoPages + "/h200-imports.html"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("\"confidence\":") != std::string::npos);
  CHECK(!std::regex_search(r.out, std::regex("\"confidence\":[0-9]\\.[0-9]{4,}")));
}

TEST_CASE("newsx_demo_server --help prints usage and exits", "[pipelines][cli]") {
  auto r = RunCommand({NEWSX_DEMO_SERVER, "--help"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("usage:") != std::string::npos);
}

TEST_CASE("backfill --resume without a checkpoint says it starts over", "[pipelines][cli]") {
  testing::TempDir db;
  auto r = RunCommand({kNewsx, "--db", db.path(), "backfill", "--no-progress", "--resume",
                       kDemoPages});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("no checkpoint for these inputs: starting from the beginning") !=
        std::string::npos);
}

TEST_CASE("The host filter keeps pages read from the host, whatever their canonical URL",
          "[pipelines][cli]") {
  testing::IngestFixture f;
  auto store = store::ArticleStore::Open({.path = f.db.path()});
  REQUIRE(store.ok());
  ListSource source({Page("https://mirror.example/a", "https://origin.example/a",
                          "Nvidia shipped chips to a mirror reader."),
                     Page("https://other.example/b", "https://other.example/b",
                          "Intel shipped chips elsewhere.")});
  pipelines::IngestOptions options{.extract_workers = 1};
  options.hosts = {"mirror.example"};
  auto report = pipelines::RunIngest(source, *f.extractor, **store, options, f.log, {});
  REQUIRE(report.ok());
  CHECK(report->counts.new_articles == 1);
  CHECK(report->filtered == 1);
  CHECK((*store)->ContainsUrl("https://origin.example/a").value());
}

TEST_CASE("query events names the stored types when a type finds nothing; the README example",
          "[pipelines][cli]") {
  testing::TempDir db;
  REQUIRE(RunCommand({kNewsx, "--db", db.path(), "-q", "backfill", "--no-progress", kDemoPages})
              .exit_code == 0);
  auto none = RunCommand({kNewsx, "--db", db.path(), "query", "events", "--type", "nonsense"});
  CHECK(none.exit_code == 0);
  CHECK(none.out.empty());
  CHECK(none.err.find("no stored event has type nonsense; stored types: ") != std::string::npos);
  CHECK(none.err.find("import_approval") != std::string::npos);
  // The README's example: events about the H200 (the chip is the argument;
  // its vendor is reached through the chip's id).
  auto h200 = RunCommand({kNewsx, "--db", db.path(), "query", "events", "--entity",
                          "chip:nvidia/h200", "--text", "H200", "--format", "jsonl"});
  CHECK(h200.exit_code == 0);
  CHECK(h200.out.find("\"type\":\"import_approval\"") != std::string::npos);
}

TEST_CASE("A crawl where every feed fails exits 1", "[pipelines][cli]") {
  testing::TempDir db;
  testing::TempDir conf;
  std::ofstream(conf.File("c.toml")) << "[politeness]\ntimeout_ms = 2000\n";
  auto r = RunCommand({kNewsx, "--db", db.path(), "-c", conf.File("c.toml"), "crawl", "--feed",
                       "http://127.0.0.1:1/feed.xml"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("1 feeds due, 0 fetched, 0 not modified, 1 failed") != std::string::npos);
  CHECK(r.err.find("nothing was stored") != std::string::npos);
}
