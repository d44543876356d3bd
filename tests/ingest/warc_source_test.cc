#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "ingest/source_test_util.h"
#include "ingest/warc_test_util.h"
#include "newsx/ingest/warc_source.h"
#include "temp_dir.h"

using namespace newsx;
using newsx::ingest::SourceItem;
using newsx::ingest::WarcSource;

namespace {

const std::string kWarcDir = std::string(NEWSX_FIXTURES_DIR) + "/ingest/warc/";


std::string Page(int i) {
  return "<html><head><title>Page " + std::to_string(i) + "</title></head><body><p>Body " +
         std::to_string(i) + "</p></body></html>";
}

// Records of every kind around `pages` HTML responses, as gzip members or not.
std::string MixedWarc(int first_page, int pages, bool gzip_per_record) {
  std::string out;
  const auto add = [&](const std::string& record) {
    out += gzip_per_record ? testing::Gzip(record) : record;
  };
  add(testing::WarcRecordBytes("warcinfo", "", "software: test\r\n"));
  for (int i = first_page; i < first_page + pages; ++i) {
    const std::string url = "http://news.example/a/" + std::to_string(i);
    add(testing::WarcRecordBytes("request", url, "GET /a HTTP/1.1\r\n\r\n"));
    add(testing::HtmlResponseRecord(url, Page(i)));
    add(testing::WarcRecordBytes("metadata", url, "via: x\r\n"));
  }
  add(testing::WarcRecordBytes("response", "http://news.example/img.png",
                               testing::HttpResponseBytes(200, "image/png", "\x89PNG")));
  add(testing::WarcRecordBytes("response", "http://news.example/missing",
                               testing::HttpResponseBytes(404, "text/html", "<p>no</p>")));
  return out;
}

std::vector<std::string> Urls(const std::vector<SourceItem>& items) {
  std::vector<std::string> urls;
  for (const SourceItem& item : items) {
    if (item.error.ok()) urls.push_back(item.document.url);
  }
  return urls;
}

}  // namespace

TEST_CASE("WarcSource yields HTML 200 responses with provenance", "[ingest][warc_source]") {
  auto source = WarcSource::Open({kWarcDir + "warcio-example-iana.org-chunked.warc"});
  REQUIRE(source.ok());
  const auto items = testing::DrainSource(**source);
  REQUIRE(items.size() == 1);
  REQUIRE(items[0].error.ok());
  const RawDocument& doc = items[0].document;
  CHECK(doc.url == "http://www.iana.org/");
  CHECK(doc.source == kWarcDir + "warcio-example-iana.org-chunked.warc@" +
                          doc.source.substr(doc.source.rfind('@') + 1));
  CHECK(items[0].position == doc.source);
  CHECK(doc.content_type.find("text/html") != std::string::npos);
  CHECK(doc.fetched_unix_ms > 1'300'000'000'000);
  CHECK(doc.body.find("</html>") != std::string::npos);
  CHECK((*source)->stats().documents == 1);
  CHECK((*source)->stats().other_types == 2);  // warcinfo, request
}

TEST_CASE("WarcSource counts revisits and decodes gzip bodies", "[ingest][warc_source]") {
  auto source = WarcSource::Open({kWarcDir + "warcio-example.warc.gz"});
  REQUIRE(source.ok());
  const auto items = testing::DrainSource(**source);
  REQUIRE(items.size() == 1);
  CHECK(items[0].document.source == kWarcDir + "warcio-example.warc.gz@784");
  CHECK(items[0].document.body.find("Example Domain") != std::string::npos);
  CHECK((*source)->stats().revisits == 1);
  CHECK((*source)->stats().records == 6);
}

TEST_CASE("WarcSource turns lost records into error items and goes on", "[ingest][warc_source]") {
  auto source = WarcSource::Open({kWarcDir + "resiliparse-clipped.warc.gz",
                                  kWarcDir + "warcio-example-trunc.warc"});
  REQUIRE(source.ok());
  const auto items = testing::DrainSource(**source);
  std::size_t errors = 0;
  for (const SourceItem& item : items) {
    if (item.error.ok()) continue;
    ++errors;
    CHECK(item.position.find('@') != std::string::npos);
  }
  CHECK(errors >= 3);  // Truncated gzip + truncated record, then skipped garbage.
  CHECK(items.front().error.message().find("resiliparse-clipped.warc.gz") != std::string::npos);
  CHECK((*source)->stats().errors == errors);
}

TEST_CASE("WarcSource skips duplicate URLs and payloads", "[ingest][warc_source]") {
  testing::TempDir dir;
  const std::string data = testing::HtmlResponseRecord("http://d.example/a", Page(1)) +
                           testing::HtmlResponseRecord("http://d.example/a#frag", Page(2)) +
                           testing::HtmlResponseRecord("http://d.example/b", Page(1)) +
                           testing::HtmlResponseRecord("http://d.example/c", Page(3));
  testing::WriteBytes(dir.File("dup.warc"), data);
  auto source = WarcSource::Open({dir.File("dup.warc")});
  REQUIRE(source.ok());
  const auto items = testing::DrainSource(**source);
  CHECK(Urls(items) == std::vector<std::string>{"http://d.example/a", "http://d.example/c"});
  CHECK((*source)->stats().duplicate_urls == 1);
  CHECK((*source)->stats().duplicate_payloads == 1);
}

TEST_CASE("WarcSource resumes exactly after the checkpointed item", "[ingest][warc_source]") {
  testing::TempDir dir;
  const bool gzip_per_record = GENERATE(true, false);
  INFO("gzip per record: " << gzip_per_record);
  testing::WriteBytes(dir.File("a.warc.gz"), MixedWarc(0, 7, gzip_per_record));
  testing::WriteBytes(dir.File("b.warc.gz"), MixedWarc(7, 5, gzip_per_record));
  const std::vector<std::string> paths = {dir.File("a.warc.gz"), dir.File("b.warc.gz")};

  auto full = WarcSource::Open(paths);
  REQUIRE(full.ok());
  const std::vector<std::string> all = Urls(testing::DrainSource(**full));
  REQUIRE(all.size() == 12);
  CHECK((*full)->stats().not_html == 2);
  CHECK((*full)->stats().not_ok_status == 2);
  const auto progress = (*full)->Progress();
  CHECK(progress.bytes_done == progress.bytes_total);

  for (std::size_t stop : {0u, 1u, 6u, 7u, 8u, 11u, 12u}) {
    INFO("stop after " << stop);
    auto first = WarcSource::Open(paths);
    REQUIRE(first.ok());
    std::vector<std::string> got = Urls(testing::DrainSource(**first, stop));
    const std::string token = (*first)->Checkpoint();
    auto second = WarcSource::Open(paths);
    REQUIRE(second.ok());
    REQUIRE((*second)->Resume(token).ok());
    for (const std::string& url : Urls(testing::DrainSource(**second))) got.push_back(url);
    CHECK(got == all);
  }
}

TEST_CASE("WarcSource resumes inside a whole-file gzip", "[ingest][warc_source]") {
  testing::TempDir dir;
  testing::WriteBytes(dir.File("whole.warc.gz"), testing::Gzip(MixedWarc(0, 6, false)));
  auto full = WarcSource::Open({dir.File("whole.warc.gz")});
  REQUIRE(full.ok());
  const auto all = Urls(testing::DrainSource(**full));
  REQUIRE(all.size() == 6);
  auto first = WarcSource::Open({dir.File("whole.warc.gz")});
  REQUIRE(first.ok());
  auto got = Urls(testing::DrainSource(**first, 4));
  auto second = WarcSource::Open({dir.File("whole.warc.gz")});
  REQUIRE(second.ok());
  REQUIRE((*second)->Resume((*first)->Checkpoint()).ok());
  for (const std::string& url : Urls(testing::DrainSource(**second))) got.push_back(url);
  CHECK(got == all);
}

TEST_CASE("WarcSource rejects foreign or malformed checkpoints", "[ingest][warc_source]") {
  auto source = WarcSource::Open({kWarcDir + "warcio-example.warc.gz"});
  REQUIRE(source.ok());
  for (const char* token : {"files:1:x", "warc:", "warc:0:1:2", "warc:9:0:0:x", "warc:0:a:0:x",
                            "warc:0:0:0:/other/file.warc.gz"}) {
    INFO(token);
    CHECK((*source)->Resume(token).code() == StatusCode::kInvalidArgument);
  }
  CHECK(WarcSource::Open({kWarcDir + "no-such.warc"}).status().code() == StatusCode::kNotFound);
}

// The reader reports a record whose Content-Length runs past the file once,
// so the run counts one dead letter where `stats` shows one, and the
// records after it are still stored.
TEST_CASE("WarcSource keeps the records after a Content-Length past the end of the file",
          "[ingest][warc_source][reliability]") {
  testing::TempDir dir;
  std::string liar = testing::HtmlResponseRecord("http://news.example/liar", Page(99));
  const std::size_t at = liar.find("Content-Length: ", liar.find("\r\n\r\n") - 40);
  liar.replace(at, liar.find("\r\n", at) - at, "Content-Length: 99999999999");
  const std::string path = dir.File("liar.warc");
  testing::WriteBytes(path, MixedWarc(0, 2, false) + liar + MixedWarc(2, 3, false));
  auto source = WarcSource::Open({path});
  REQUIRE(source.ok());
  const auto items = testing::DrainSource(**source);
  CHECK(Urls(items).size() == 5);
  std::set<std::string> error_positions;
  std::size_t errors = 0;
  for (const SourceItem& item : items) {
    if (item.error.ok()) continue;
    ++errors;
    error_positions.insert(item.position);
  }
  CHECK(errors == 1);
  CHECK(error_positions.size() == errors);  // Distinct dead-letter keys.
}
