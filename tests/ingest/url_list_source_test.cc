#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ingest/warc_test_util.h"
#include "newsx/ingest/url_list_source.h"
#include "ingest/source_test_util.h"
#include "temp_dir.h"

using namespace newsx;
using newsx::ingest::SourceItem;
using newsx::ingest::UrlListSource;

namespace {

const std::string kList = std::string(NEWSX_FIXTURES_DIR) + "/ingest/sitemaps/urls.txt";


std::vector<std::string> Summary(const std::vector<SourceItem>& items) {
  std::vector<std::string> out;
  for (const SourceItem& item : items) out.push_back(item.error.ok() ? item.document.url : "!" + item.position);
  return out;
}

}  // namespace

TEST_CASE("UrlListSource yields one URL per line", "[ingest][url_list]") {
  auto source = UrlListSource::Open({kList});
  REQUIRE(source.ok());
  const auto items = testing::DrainSource(**source);
  CHECK(Summary(items) == std::vector<std::string>{"https://news.example.com/a",
                                                   "https://news.example.com/b",
                                                   "!" + kList + ":5",
                                                   "http://news.example.com/c"});
  CHECK(items[0].document.source == kList + ":2");
  CHECK(items[0].document.body.empty());
  CHECK(items[0].document.needs_fetch);
  CHECK(items[2].error.code() == StatusCode::kInvalidArgument);
  CHECK((*source)->duplicate_urls() == 1);
  const auto progress = (*source)->Progress();
  CHECK(progress.bytes_done == progress.bytes_total);
}

TEST_CASE("UrlListSource bounds long lines and reads a last line without newline",
          "[ingest][url_list]") {
  testing::TempDir dir;
  testing::WriteBytes(dir.File("l.txt"), std::string(100000, 'x') + "\nhttps://a.example/z");
  auto source = UrlListSource::Open({dir.File("l.txt")}, {.max_line_bytes = 1000});
  REQUIRE(source.ok());
  const auto items = testing::DrainSource(**source);
  REQUIRE(items.size() == 2);
  CHECK(items[0].error.code() == StatusCode::kResourceExhausted);
  CHECK(items[1].document.url == "https://a.example/z");
}

TEST_CASE("UrlListSource resumes exactly after the checkpointed item", "[ingest][url_list]") {
  testing::TempDir dir;
  // Duplicates are skipped within a run, and a resumed run is a new one: no
  // duplicates here, so that both runs together see every line once.
  testing::WriteBytes(dir.File("a.txt"), "# list\nhttps://a.example/1\r\nbad line\n\n"
                                         "https://a.example/2\nhttps://a.example/3");
  testing::WriteBytes(dir.File("b.txt"), "https://b.example/1\n\nhttps://b.example/2\n");
  const std::vector<std::string> inputs = {dir.File("a.txt"), dir.File("b.txt")};
  auto full = UrlListSource::Open(inputs);
  REQUIRE(full.ok());
  const auto all = Summary(testing::DrainSource(**full));
  REQUIRE(all.size() == 6);
  for (std::size_t stop = 0; stop <= all.size(); ++stop) {
    auto first = UrlListSource::Open(inputs);
    REQUIRE(first.ok());
    auto got = Summary(testing::DrainSource(**first, stop));
    auto second = UrlListSource::Open(inputs);
    REQUIRE(second.ok());
    REQUIRE((*second)->Resume((*first)->Checkpoint()).ok());
    for (const std::string& s : Summary(testing::DrainSource(**second))) got.push_back(s);
    CHECK(got == all);
  }
  auto other = UrlListSource::Open({dir.File("b.txt")});
  REQUIRE(other.ok());
  CHECK((*other)->Resume("urls:0:5:1:" + dir.File("a.txt")).code() ==
        StatusCode::kInvalidArgument);
  CHECK((*other)->Resume("urls:0:99999:1:" + dir.File("b.txt")).code() ==
        StatusCode::kInvalidArgument);
  CHECK(UrlListSource::Open({dir.File("none.txt")}).status().code() == StatusCode::kNotFound);
}
