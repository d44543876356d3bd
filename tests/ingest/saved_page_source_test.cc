#include <catch2/catch.hpp>
#include <zlib.h>

#include <fstream>

#include "newsx/ingest/saved_page_source.h"
#include "temp_dir.h"

using namespace newsx;
using newsx::ingest::SavedPageSource;

namespace {

void WriteFile(const std::string& path, const std::string& data) {
  std::ofstream(path, std::ios::binary) << data;
}

std::string Gzip(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::vector<ingest::SourceItem> Drain(ingest::DocumentSource& source) {
  std::vector<ingest::SourceItem> items;
  for (int guard = 0; guard < 1000; ++guard) {
    auto next = source.Next();
    REQUIRE(next.ok());
    if (!next->has_value()) break;
    items.push_back(std::move(**next));
  }
  return items;
}

}  // namespace

TEST_CASE("SavedPageSource reads html and html.gz files in sorted order", "[ingest][saved]") {
  testing::TempDir dir;
  WriteFile(dir.File("b.html"), "<p>b</p>");
  WriteFile(dir.File("a.html.gz"), Gzip("<p>a</p>"));
  WriteFile(dir.File("notes.txt"), "ignored");
  auto source = SavedPageSource::Open({dir.path()});
  REQUIRE(source.ok());
  const auto items = Drain(**source);
  REQUIRE(items.size() == 2);
  CHECK(items[0].document.body == "<p>a</p>");
  CHECK(items[1].document.body == "<p>b</p>");
  CHECK(items[1].document.url.rfind("file://", 0) == 0);
  CHECK(items[0].document.fetched_unix_ms > 0);
}

TEST_CASE("SavedPageSource reports a truncated gzip as an item error and goes on",
          "[ingest][saved]") {
  testing::TempDir dir;
  const std::string gz = Gzip(std::string(10000, 'x'));
  WriteFile(dir.File("a.html.gz"), gz.substr(0, gz.size() / 2));
  WriteFile(dir.File("b.html"), "<p>ok</p>");
  auto source = SavedPageSource::Open({dir.path()});
  REQUIRE(source.ok());
  const auto items = Drain(**source);
  REQUIRE(items.size() == 2);
  CHECK(items[0].error.code() == StatusCode::kDataLoss);
  CHECK(items[0].error.message().find("a.html.gz") != std::string::npos);
  CHECK(items[1].error.ok());
}

TEST_CASE("SavedPageSource enforces the page size cap", "[ingest][saved]") {
  testing::TempDir dir;
  WriteFile(dir.File("big.html"), std::string(5000, 'x'));
  WriteFile(dir.File("bomb.html.gz"), Gzip(std::string(1 << 20, 'x')));
  auto source = SavedPageSource::Open({dir.path()}, {.max_page_bytes = 4096});
  REQUIRE(source.ok());
  const auto items = Drain(**source);
  REQUIRE(items.size() == 2);
  CHECK(items[0].error.code() == StatusCode::kResourceExhausted);
  CHECK(items[1].error.code() == StatusCode::kResourceExhausted);
}

TEST_CASE("SavedPageSource resumes after a checkpoint", "[ingest][saved]") {
  testing::TempDir dir;
  for (const char* name : {"1.html", "2.html", "3.html"}) WriteFile(dir.File(name), name);
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
  const auto items = Drain(**source);
  REQUIRE(items.size() == 2);
  CHECK(items[0].document.body == "2.html");
  CHECK((*source)->Resume("garbage").code() == StatusCode::kInvalidArgument);
}

TEST_CASE("SavedPageSource rejects a missing path", "[ingest][saved]") {
  auto source = SavedPageSource::Open({"/nonexistent/newsx"});
  CHECK(source.status().code() == StatusCode::kNotFound);
}
