#include <catch2/catch.hpp>

#include <fstream>

#include "ingest/source_test_util.h"
#include "ingest/warc_test_util.h"
#include "newsx/ingest/saved_page_source.h"
#include "temp_dir.h"

using namespace newsx;
using newsx::ingest::SavedPageSource;

TEST_CASE("SavedPageSource reads html and html.gz files in sorted order", "[ingest][saved]") {
  testing::TempDir dir;
  testing::WriteBytes(dir.File("b.html"), "<p>b</p>");
  testing::WriteBytes(dir.File("a.html.gz"), testing::GzipMember("<p>a</p>"));
  testing::WriteBytes(dir.File("notes.txt"), "ignored");
  auto source = SavedPageSource::Open({dir.path()});
  REQUIRE(source.ok());
  const auto items = testing::DrainSource(**source);
  REQUIRE(items.size() == 2);
  CHECK(items[0].document.body == "<p>a</p>");
  CHECK(items[1].document.body == "<p>b</p>");
  CHECK(items[1].document.url.rfind("file://", 0) == 0);
  CHECK(items[0].document.fetched_unix_ms > 0);
}

TEST_CASE("SavedPageSource reports a truncated gzip as an item error and goes on",
          "[ingest][saved]") {
  testing::TempDir dir;
  const std::string gz = testing::GzipMember(std::string(10000, 'x'));
  testing::WriteBytes(dir.File("a.html.gz"), gz.substr(0, gz.size() / 2));
  testing::WriteBytes(dir.File("b.html"), "<p>ok</p>");
  auto source = SavedPageSource::Open({dir.path()});
  REQUIRE(source.ok());
  const auto items = testing::DrainSource(**source);
  REQUIRE(items.size() == 2);
  CHECK(items[0].error.code() == StatusCode::kDataLoss);
  CHECK(items[0].error.message().find("a.html.gz") != std::string::npos);
  CHECK(items[1].error.ok());
}

TEST_CASE("SavedPageSource enforces the page size cap", "[ingest][saved]") {
  testing::TempDir dir;
  testing::WriteBytes(dir.File("big.html"), std::string(5000, 'x'));
  testing::WriteBytes(dir.File("bomb.html.gz"), testing::GzipMember(std::string(1 << 20, 'x')));
  auto source = SavedPageSource::Open({dir.path()}, {.max_page_bytes = 4096});
  REQUIRE(source.ok());
  const auto items = testing::DrainSource(**source);
  REQUIRE(items.size() == 2);
  CHECK(items[0].error.code() == StatusCode::kResourceExhausted);
  CHECK(items[1].error.code() == StatusCode::kResourceExhausted);
}

TEST_CASE("SavedPageSource resumes after a checkpoint", "[ingest][saved]") {
  testing::TempDir dir;
  for (const char* name : {"1.html", "2.html", "3.html"}) testing::WriteBytes(dir.File(name), name);
  std::string checkpoint;
  {
    auto source = SavedPageSource::Open({dir.path()});
    REQUIRE(source.ok());
    REQUIRE((*source)->Next().ok());
    checkpoint = (*source)->Checkpoint();
  }
  auto source = SavedPageSource::Open({dir.path()});
  REQUIRE(source.ok());
  REQUIRE((*source)->Resume(checkpoint).ok());
  const auto items = testing::DrainSource(**source);
  REQUIRE(items.size() == 2);
  CHECK(items[0].document.body == "2.html");
  CHECK((*source)->Resume("garbage").code() == StatusCode::kInvalidArgument);
}

TEST_CASE("SavedPageSource rejects a missing path", "[ingest][saved]") {
  auto source = SavedPageSource::Open({"/nonexistent/newsx"});
  CHECK(source.status().code() == StatusCode::kNotFound);
}
