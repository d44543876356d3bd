#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "ingest/source_test_util.h"
#include "ingest/warc_test_util.h"
#include "newsx/ingest/saved_page_source.h"
#include "temp_dir.h"
#include "unprivileged.h"

using namespace newsx;
using newsx::ingest::SavedPageSource;

TEST_CASE("SavedPageSource reads html and html.gz files in sorted order", "[ingest][saved]") {
  testing::TempDir dir;
  testing::WriteBytes(dir.File("b.html"), "<p>b</p>");
  testing::WriteBytes(dir.File("a.html.gz"), testing::Gzip("<p>a</p>"));
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
  const std::string gz = testing::Gzip(std::string(10000, 'x'));
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
  testing::WriteBytes(dir.File("bomb.html.gz"), testing::Gzip(std::string(1 << 20, 'x')));
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

// A directory that cannot be read used to be skipped without a word (the
// run said "read 0" and exited 0). Permissions only bind a non-root user,
// so the checks run unprivileged (see unprivileged.h).
TEST_CASE("SavedPageSource reports unreadable directories", "[ingest][saved][reliability]") {
  testing::TempDir dir;
  std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_all |
                                               std::filesystem::perms::group_read |
                                               std::filesystem::perms::group_exec |
                                               std::filesystem::perms::others_read |
                                               std::filesystem::perms::others_exec);
  testing::WriteBytes(dir.File("a.html"), "<p>a</p>");
  testing::WriteBytes(dir.File("z.html"), "<p>z</p>");
  std::filesystem::create_directories(dir.File("locked"));
  testing::WriteBytes(dir.File("locked/b.html"), "<p>b</p>");
  std::filesystem::create_directories(dir.File("top"));
  std::filesystem::permissions(dir.File("locked"), std::filesystem::perms::none);
  std::filesystem::permissions(dir.File("top"), std::filesystem::perms::none);

  SECTION("below the given directory: an error item in its place") {
    const int result = testing::RunUnprivileged([&] {
      auto source = SavedPageSource::Open({dir.path()});
      if (!source.ok()) return 1;
      std::vector<ingest::SourceItem> items;
      while (true) {
        auto next = (*source)->Next();
        if (!next.ok()) return 2;
        if (!next->has_value()) break;
        items.push_back(std::move(**next));
      }
      if (items.size() != 4) return 10 + static_cast<int>(items.size());  // a, locked, top, z.
      if (!items[0].error.ok() || !items[3].error.ok()) return 3;
      if (items[1].error.code() != StatusCode::kIoError || items[1].position != dir.File("locked")) return 4;
      if (items[1].error.message().find("cannot read directory") == std::string::npos) return 5;
      if (items[2].error.ok()) return 6;
      return 0;
    });
    if (result == testing::kCannotDropPrivileges) {
      WARN("skipped: cannot switch to an unprivileged user here");
      return;
    }
    CHECK(result == 0);
  }
  SECTION("the given directory itself: Open fails") {
    const int result = testing::RunUnprivileged([&] {
      auto source = SavedPageSource::Open({dir.File("locked")});
      if (source.ok()) return 1;
      if (source.status().code() != StatusCode::kIoError) return 2;
      if (source.status().message().find("cannot read directory") == std::string::npos) return 3;
      return 0;
    });
    if (result == testing::kCannotDropPrivileges) {
      WARN("skipped: cannot switch to an unprivileged user here");
      return;
    }
    CHECK(result == 0);
  }
  std::filesystem::permissions(dir.File("locked"), std::filesystem::perms::owner_all);
  std::filesystem::permissions(dir.File("top"), std::filesystem::perms::owner_all);
}
