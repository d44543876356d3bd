#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "newsx/ingest/saved_page_source.h"
#include "newsx/pipelines/ingest_pipeline.h"
#include "pipelines/stop_after_source.h"
#include "pipelines/ingest_fixture.h"
#include "temp_dir.h"

using namespace newsx;
using namespace newsx::pipelines;

namespace {

std::string Page(int i) {
  return "<html><head><title>Story " + std::to_string(i) +
         "</title></head><body><article><p>Nvidia shipped chips to customers in story " +
         std::to_string(i) + ". The company said demand was strong.</p></article></body></html>";
}

void WritePages(const std::string& dir, int n) {
  for (int i = 0; i < n; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "/page-%03d.html", i);
    std::ofstream(dir + name) << Page(i);
  }
}


}  // namespace

TEST_CASE("failing items become dead letters while the others are stored",
          "[pipelines][ingest]") {
  testing::IngestFixture f;
  WritePages(f.input.path(), 5);
  std::ofstream(f.input.File("empty.html")) << "";
  std::ofstream(f.input.File("junk.html.gz")) << "\x1f\x8b\x08 not really gzip";
  auto source = ingest::SavedPageSource::Open({f.input.path()});
  REQUIRE(source.ok());
  auto store = store::ArticleStore::Open({.path = f.db.path()});
  REQUIRE(store.ok());
  IngestOptions options{.extract_workers = 2, .checkpoint_name = "test"};
  auto report = RunIngest(**source, *f.extractor, **store, options, f.log, std::stop_token());
  REQUIRE(report.ok());
  CHECK(report->read == 7);
  CHECK(report->stored == 5);
  CHECK(report->failed == 2);
  auto stats = (*store)->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->articles == 5);
  CHECK(stats->dead_letters == 2);
  CHECK(stats->dead_letters_by_reason["extract/invalid_argument"] == 1);
  CHECK(stats->dead_letters_by_reason["read/data_loss"] == 1);
  CHECK(f.log_sink.str().find("junk.html.gz") != std::string::npos);
}

TEST_CASE("a stop request drains in-flight items, checkpoints, and resume completes the rest",
          "[pipelines][ingest]") {
  testing::IngestFixture f;
  WritePages(f.input.path(), 20);
  auto store = store::ArticleStore::Open({.path = f.db.path()});
  REQUIRE(store.ok());
  IngestOptions options{.extract_workers = 2, .queue_capacity = 4,
                        .checkpoint_name = "backfill:test", .checkpoint_every_items = 3};
  {
    std::stop_source stop;
    auto inner = ingest::SavedPageSource::Open({f.input.path()});
    REQUIRE(inner.ok());
    testing::StopAfterSource source(std::move(inner).value(), 8, &stop);
    auto report = RunIngest(source, *f.extractor, **store, options, f.log, stop.get_token());
    REQUIRE(report.ok());
    CHECK(report->interrupted);
    CHECK(report->read == 8);
    CHECK(report->stored == 8);  // Everything read was drained into the store.
    auto checkpoint = (*store)->GetCheckpoint("backfill:test");
    REQUIRE(checkpoint.ok());
    REQUIRE(checkpoint->has_value());
    CHECK(checkpoint->value().find("page-007.html") != std::string::npos);
  }
  auto source = ingest::SavedPageSource::Open({f.input.path()});
  REQUIRE(source.ok());
  options.resume = true;
  auto report = RunIngest(**source, *f.extractor, **store, options, f.log, std::stop_token());
  REQUIRE(report.ok());
  CHECK(!report->interrupted);
  CHECK(report->read == 12);
  auto stats = (*store)->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->articles == 20);
}

TEST_CASE("a single-worker run is deterministic and re-running stores nothing twice",
          "[pipelines][ingest]") {
  testing::IngestFixture f;
  WritePages(f.input.path(), 6);
  auto store = store::ArticleStore::Open({.path = f.db.path()});
  REQUIRE(store.ok());
  IngestOptions options{.extract_workers = 1, .store_workers = 1};
  for (int run = 0; run < 2; ++run) {
    auto source = ingest::SavedPageSource::Open({f.input.path()});
    REQUIRE(source.ok());
    auto report = RunIngest(**source, *f.extractor, **store, options, f.log, std::stop_token());
    REQUIRE(report.ok());
    CHECK(report->stored == 6);
  }
  auto stats = (*store)->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->articles == 6);
}

TEST_CASE("RunIngest rejects invalid options", "[pipelines][ingest]") {
  testing::IngestFixture f;
  auto source = ingest::SavedPageSource::Open({f.input.path()});
  REQUIRE(source.ok());
  auto store = store::ArticleStore::Open({.path = f.db.path()});
  REQUIRE(store.ok());
  IngestOptions options{.extract_workers = 0};
  auto report = RunIngest(**source, *f.extractor, **store, options, f.log, std::stop_token());
  CHECK(report.status().code() == StatusCode::kInvalidArgument);
}
