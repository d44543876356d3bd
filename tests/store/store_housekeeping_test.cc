// The write-ahead log: flushed when a writer closes, bounded while it runs
// (issue 15: logs left behind made every read-only command replay them).

#include <catch2/catch.hpp>

#include <filesystem>

#include "newsx/store/article_store.h"
#include "store_test_util.h"
#include "temp_dir.h"

using namespace newsx;
using newsx::store::ArticleStore;

namespace {

// Bytes of write-ahead log files (*.log) in the database directory.
std::uintmax_t LogBytes(const std::string& dir) {
  std::uintmax_t total = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".log") total += entry.file_size();
  }
  return total;
}

// Stores `n` articles of about 20 KB of page each.
void Fill(ArticleStore& store, int n, int offset) {
  const std::string page(20000, 'x');
  for (int i = 0; i < n; ++i) {
    const std::string url = "https://example.com/" + std::to_string(offset + i);
    auto x = testing::MakeArticle(url, "Text number " + std::to_string(offset + i) + ".",
                                  {testing::MakeEntity("org:nvidia", "Nvidia", 1)});
    REQUIRE(store.Put(x, page + url).ok());
  }
}

}  // namespace

TEST_CASE("A writer leaves no write-ahead log behind when it closes", "[store][wal]") {
  testing::TempDir dir;
  {
    auto store = ArticleStore::Open({.path = dir.path()});
    REQUIRE(store.ok());
    Fill(**store, 200, 0);
    CHECK(LogBytes(dir.path()) > 1'000'000);  // The log holds what the memtables hold.
  }
  CHECK(LogBytes(dir.path()) < 4096);
  // The next reader has nothing to replay and sees everything.
  auto reader = ArticleStore::Open({.path = dir.path(), .read_only = true});
  REQUIRE(reader.ok());
  CHECK((*reader)->Stats()->articles == 200);
  CHECK((*reader)->Verify()->empty());
}

TEST_CASE("Flush drops the log while the writer stays open", "[store][wal]") {
  testing::TempDir dir;
  auto store = ArticleStore::Open({.path = dir.path()});
  REQUIRE(store.ok());
  Fill(**store, 100, 0);
  REQUIRE((*store)->Flush().ok());
  CHECK(LogBytes(dir.path()) < 4096);
  Fill(**store, 10, 100);
  CHECK((*store)->Stats()->articles == 110);
}

TEST_CASE("The write-ahead log stays bounded during a long write", "[store][wal]") {
  testing::TempDir dir;
  auto store = ArticleStore::Open({.path = dir.path(), .max_wal_bytes = 1ull << 20});
  REQUIRE(store.ok());
  std::uintmax_t largest = 0;
  for (int round = 0; round < 10; ++round) {
    Fill(**store, 100, round * 100);  // About 2 MB of pages per round, 20 MB in all.
    largest = std::max(largest, LogBytes(dir.path()));
  }
  // Past the bound every family is flushed and the log dropped: it never
  // holds much more than the bound, far below the 20 MB written.
  CHECK(largest < 2ull << 20);
}
