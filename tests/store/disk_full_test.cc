// A full disk under the store: every write fails with a clear error, the
// process keeps running, and everything written before is still there
// once space is back. The disk fills through an injected RocksDB file
// system, so the test runs anywhere (pipelines/disk_full_test.cc also uses
// a real small tmpfs where mounting one is allowed).

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "newsx/store/article_store.h"
#include "store_test_util.h"
#include "temp_dir.h"

using namespace newsx;

namespace {

// About 8 KB of page per article, so that the WAL grows quickly.
std::string RawPage(int n) {
  std::string page = "<html><body><p>page " + std::to_string(n) + "</p>";
  for (int i = 0; i < 400; ++i) page += "<p>" + std::to_string(i * 7919 + n) + "</p>";
  return page + "</body></html>";
}

}  // namespace

TEST_CASE("A full disk makes store writes fail with a clear error, not an abort",
          "[store][reliability]") {
  testing::TempDir dir;
  const std::string path = dir.File("db");
  std::vector<std::string> stored;
  Status failure;
  // Created first with its column families (each one rewrites the OPTIONS
  // file), so that the budget below goes to the WAL.
  REQUIRE(store::ArticleStore::Open({.path = path}).ok());
  {
    // Enough for the files written at open, then some dozens of articles.
    auto store = store::ArticleStore::Open(
        {.path = path, .disk_full_after_bytes_for_testing = 600u << 10});
    REQUIRE(store.ok());
    for (int n = 0; n < 1000 && failure.ok(); ++n) {
      const std::string url = "https://news.example/" + std::to_string(n);
      const ExtractedArticle x = testing::MakeArticle(
          url, "Article " + std::to_string(n) + " text.",
          {testing::MakeEntity("org:nvidia", "Nvidia", 2)});
      const Status s = (*store)->Put(x, RawPage(n));
      if (s.ok()) stored.push_back(x.article.id); else failure = s;
    }
    REQUIRE_FALSE(failure.ok());
    INFO(failure.ToString());
    CHECK(failure.code() == StatusCode::kResourceExhausted);
    CHECK(failure.message().find("disk full") != std::string::npos);
    CHECK(failure.message().find("No space left on device") != std::string::npos);
    REQUIRE(stored.size() > 10);
    // The store refuses further writes the same way; reads still work.
    const Status again = (*store)->PutCheckpoint("test", "after");
    CHECK(again.code() == StatusCode::kResourceExhausted);
    CHECK((*store)->GetArticle(stored.front()).ok());
  }  // Closing a store whose disk is full must not abort either.

  auto reopened = store::ArticleStore::Open({.path = path});
  REQUIRE(reopened.ok());
  for (const std::string& id : stored) CHECK((*reopened)->GetArticle(id).ok());
  auto problems = (*reopened)->Verify();
  REQUIRE(problems.ok());
  CHECK(problems->empty());
  // Space is back: writing goes on.
  CHECK((*reopened)->PutCheckpoint("test", "after").ok());
}

// RocksDB writes hundreds of KB to its LOG when it opens a database of 15
// column families; on a disk already full, its own log writer used to hit
// an assertion (SIGABRT) instead of returning the error.
TEST_CASE("Opening a database on a full disk fails with a clear error, not an abort",
          "[store][reliability]") {
  testing::TempDir dir;
  const std::string path = dir.File("db");
  REQUIRE(store::ArticleStore::Open({.path = path}).ok());
  for (const std::uint64_t budget : {1u << 10, 16u << 10, 64u << 10, 256u << 10}) {
    INFO("budget " << budget);
    auto store = store::ArticleStore::Open({.path = path, .disk_full_after_bytes_for_testing = budget});
    if (store.ok()) {
      // Open fitted in the budget: then the first writes fill it.
      Status s;
      for (int n = 0; n < 1000 && s.ok(); ++n) s = (*store)->PutCheckpoint("n", std::string(4096, 'x'));
      CHECK(s.code() == StatusCode::kResourceExhausted);
    } else {
      CHECK(store.status().code() == StatusCode::kResourceExhausted);
      CHECK(store.status().message().find("disk full") != std::string::npos);
    }
  }
  // Space back: the database opens and was not damaged.
  auto healthy = store::ArticleStore::Open({.path = path});
  REQUIRE(healthy.ok());
  auto problems = (*healthy)->Verify();
  REQUIRE(problems.ok());
  CHECK(problems->empty());
}
