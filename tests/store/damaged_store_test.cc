// A database whose table files fail their checksums: opening it for writing
// is refused with the checksum error (writing used to go on, exit 0), while
// read-only opens still work so that `newsx verify` can list the damage.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "newsx/store/article_store.h"
#include "store_test_util.h"
#include "temp_dir.h"

using namespace newsx;

namespace {

// Writes articles, then opens the database once more so that the WAL is
// replayed into table files.
void Fill(const std::string& path, int articles) {
  {
    auto store = store::ArticleStore::Open({.path = path});
    REQUIRE(store.ok());
    for (int n = 0; n < articles; ++n) {
      const std::string url = "https://news.example/" + std::to_string(n);
      std::string text = "Article " + std::to_string(n) + ".";
      for (int i = 0; i < 50; ++i) text += " Nvidia shipped " + std::to_string(n * 100 + i) + " chips.";
      REQUIRE((*store)->Put(testing::MakeArticle(url, text, {testing::MakeEntity("org:nvidia", "Nvidia", 3)}),
                            "<p>" + text + "</p>").ok());
    }
  }
  REQUIRE(store::ArticleStore::Open({.path = path}).ok());
}

// Flips bytes in the middle of the largest table file.
std::string Damage(const std::string& path) {
  std::filesystem::path largest;
  std::uintmax_t size = 0;
  for (const auto& entry : std::filesystem::directory_iterator(path)) {
    if (entry.path().extension() == ".sst" && entry.file_size() > size) {
      size = entry.file_size();
      largest = entry.path();
    }
  }
  REQUIRE(size > 4096);
  std::fstream file(largest, std::ios::in | std::ios::out | std::ios::binary);
  file.seekp(static_cast<std::streamoff>(size / 3));
  const std::string junk(64, '\x5a');
  file.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  return largest.filename().string();
}

}  // namespace

TEST_CASE("A database with a damaged table file refuses writes with the checksum error",
          "[store][reliability]") {
  testing::TempDir dir;
  const std::string path = dir.File("db");
  Fill(path, 200);
  // A healthy database opens again and again (files verified once).
  REQUIRE(store::ArticleStore::Open({.path = path}).ok());
  const std::string damaged = Damage(path);

  auto writer = store::ArticleStore::Open({.path = path});
  REQUIRE_FALSE(writer.ok());
  INFO(writer.status().ToString());
  CHECK(writer.status().code() == StatusCode::kDataLoss);
  CHECK(writer.status().message().find("refusing to write") != std::string::npos);
  CHECK(writer.status().message().find(damaged) != std::string::npos);
  CHECK(writer.status().message().find("checksum") != std::string::npos);

  auto reader = store::ArticleStore::Open({.path = path, .read_only = true});
  REQUIRE(reader.ok());
  auto problems = (*reader)->Verify();
  CHECK((!problems.ok() || !problems->empty()));  // The damage shows in verify.
}
