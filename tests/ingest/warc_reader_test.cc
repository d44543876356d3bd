#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ingest/warc_test_util.h"
#include "newsx/ingest/warc_reader.h"

using namespace newsx;
using newsx::ingest::WarcIssue;
using newsx::ingest::WarcReader;
using newsx::ingest::WarcReaderOptions;
using newsx::ingest::WarcRecord;
using newsx::ingest::WarcRecordType;

namespace {

const std::string kWarcDir = std::string(NEWSX_FIXTURES_DIR) + "/ingest/warc/";

struct ReadAll {
  std::vector<WarcRecord> records;
  std::vector<WarcIssue> issues;
};

ReadAll Drain(WarcReader& reader) {
  ReadAll out;
  WarcRecord record;
  for (int guard = 0; guard < 100000; ++guard) {
    auto next = reader.Next(&record);
    REQUIRE(next.ok());
    if (!*next) break;
    out.records.push_back(record);
  }
  out.issues = reader.TakeIssues();
  return out;
}

ReadAll DrainFile(const std::string& name, const WarcReaderOptions& options = {}) {
  auto reader = WarcReader::Open(kWarcDir + name, options);
  REQUIRE(reader.ok());
  return Drain(**reader);
}

ReadAll DrainMemory(const std::string& data, const WarcReaderOptions& options = {}) {
  auto reader = WarcReader::FromMemory(data, options);
  return Drain(*reader);
}

std::size_t LostDataIssues(const std::vector<WarcIssue>& issues) {
  std::size_t n = 0;
  for (const WarcIssue& issue : issues) n += issue.lost_data ? 1 : 0;
  return n;
}

bool AnyIssueMentions(const std::vector<WarcIssue>& issues, const std::string& text) {
  for (const WarcIssue& issue : issues) {
    if (issue.status.message().find(text) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("WarcReader lists fixture records as the independent listing does", "[ingest][warc]") {
  std::ifstream in(kWarcDir + "records.json");
  REQUIRE(in);
  const nlohmann::json listing = nlohmann::json::parse(in);
  for (const auto& [name, entry] : listing.items()) {
    // Intentional differences from the listing: the reader keeps spaces in
    // ARC URLs and drops the <> around WARC 1.0 target URIs.
    INFO(name);
    const ReadAll got = DrainFile(name);
    const auto& want = entry["records"];
    REQUIRE(got.records.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
      INFO("record " << i);
      std::string uri = want[i]["target_uri"].get<std::string>();
      if (uri.size() > 1 && uri.front() == '<') uri = uri.substr(1, uri.size() - 2);
      CHECK(got.records[i].offset == want[i]["offset"].get<std::uint64_t>());
      CHECK(std::string(got.records[i].type_name.empty() ? "unknown" : got.records[i].type_name) ==
            want[i]["type"].get<std::string>());
      CHECK(got.records[i].target_uri == uri);
    }
    // A file the listing found anomalies in gets issues; a clean one none.
    CHECK(got.issues.empty() == entry["errors"].empty());
  }
}

TEST_CASE("WarcReader parses header fields of a gzip-per-record file", "[ingest][warc]") {
  const ReadAll got = DrainFile("warcio-example.warc.gz");
  REQUIRE(got.records.size() == 6);
  const WarcRecord& response = got.records[2];
  CHECK(response.type == WarcRecordType::kResponse);
  CHECK(response.version == "1.0");
  CHECK(response.date == "2017-03-06T04:02:06Z");
  CHECK(response.payload_digest == "sha1:G7HRM7BGOKSKMSXZAHMUQTTV53QOFSMK");
  CHECK(response.block.size() == response.content_length);
  CHECK(response.block.starts_with("HTTP/1.1 200 OK"));
  CHECK(response.Header("warc-ip-address") == "93.184.216.34");
  CHECK(got.records[3].type == WarcRecordType::kRequest);
  CHECK(got.records[4].type == WarcRecordType::kRevisit);
  // Gzip per record: every record starts a member, at a distinct file offset.
  for (const WarcRecord& record : got.records) REQUIRE(record.file_offset.has_value());
  CHECK(*got.records[0].file_offset == 0);
  CHECK(*got.records[1].file_offset == 353);
  CHECK(*got.records[5].file_offset == 3207);
}

TEST_CASE("WarcReader seeks to each record's gzip member", "[ingest][warc]") {
  const ReadAll all = DrainFile("webarchivecommons-IAH-urls-wget.warc.gz");
  REQUIRE(all.records.size() == 36);
  for (std::size_t i = 0; i < all.records.size(); i += 7) {
    auto reader = WarcReader::Open(kWarcDir + "webarchivecommons-IAH-urls-wget.warc.gz");
    REQUIRE(reader.ok());
    REQUIRE((*reader)->Seek({all.records[i].offset, all.records[i].file_offset}).ok());
    WarcRecord record;
    auto next = (*reader)->Next(&record);
    REQUIRE(next.ok());
    REQUIRE(*next);
    CHECK(record.offset == all.records[i].offset);
    CHECK(record.target_uri == all.records[i].target_uri);
    CHECK(record.block == all.records[i].block);
  }
}

TEST_CASE("WarcReader resumes a whole-file gzip by inflating up to the offset", "[ingest][warc]") {
  const ReadAll all = DrainFile("warcio-example-bad-wholefile.warc.gz");
  REQUIRE(all.records.size() == 6);
  CHECK(all.records[0].file_offset == std::optional<std::uint64_t>(0));
  CHECK_FALSE(all.records[3].file_offset.has_value());
  auto reader = WarcReader::Open(kWarcDir + "warcio-example-bad-wholefile.warc.gz");
  REQUIRE(reader.ok());
  REQUIRE((*reader)->Seek({all.records[3].offset, std::nullopt}).ok());
  const ReadAll rest = Drain(**reader);
  REQUIRE(rest.records.size() == 3);
  CHECK(rest.records[0].offset == all.records[3].offset);
  CHECK((*reader)->Seek({1u << 30, std::nullopt}).code() == StatusCode::kInvalidArgument);
}

TEST_CASE("WarcReader reports a gzip cut inside a record", "[ingest][warc]") {
  const ReadAll got = DrainFile("resiliparse-clipped.warc.gz");
  REQUIRE(got.records.size() == 1);
  CHECK(got.records[0].truncated);
  CHECK(got.records[0].block.size() == 75207);
  CHECK(AnyIssueMentions(got.issues, "truncated: needs 88275 bytes, has 75207"));
  CHECK(AnyIssueMentions(got.issues, "gzip member at file offset 0 is truncated"));
}

TEST_CASE("WarcReader resyncs after a wrong Content-Length", "[ingest][warc]") {
  const ReadAll got = DrainFile("warcio-example-trunc.warc");
  REQUIRE(got.records.size() == 4);
  CHECK(got.records[3].offset == 2566);
  CHECK(AnyIssueMentions(got.issues, "expected WARC/ at offset 2560: skipped 6 bytes"));
  CHECK(AnyIssueMentions(got.issues, "record at 1197 (response http://example.com/) is not "
                                     "followed by CRLF CRLF"));
}

TEST_CASE("WarcReader reads WARC/0.18 with CR CR LF and LF-only lines", "[ingest][warc]") {
  const ReadAll clueweb = DrainFile("resiliparse-clueweb-quirk.warc.gz");
  REQUIRE(clueweb.records.size() == 30);
  CHECK(clueweb.records[1].version == "0.18");
  CHECK(clueweb.issues.empty());

  const std::string crcrlf =
      "WARC/1.0\r\r\nWARC-Type: resource\r\r\nWARC-Target-URI: http://a.example/\r\r\n"
      "Content-Length: 2\r\r\n\r\r\nhi\r\n\r\n";
  const ReadAll got = DrainMemory(crcrlf + crcrlf);
  REQUIRE(got.records.size() == 2);
  CHECK(got.records[1].offset == crcrlf.size());
  CHECK(got.records[0].target_uri == "http://a.example/");
  CHECK(got.records[0].block == "hi");
}

TEST_CASE("WarcReader reads the one-line WARC/0.17 header", "[ingest][warc]") {
  const std::string old = "WARC/0.17 5 response http://old.example/ 20080101000000 "
                          "<urn:uuid:1> text/html\r\n\r\nhello\r\n\r\n";
  const ReadAll got = DrainMemory(old);
  REQUIRE(got.records.size() == 1);
  CHECK(got.records[0].type == WarcRecordType::kResponse);
  CHECK(got.records[0].target_uri == "http://old.example/");
  CHECK(got.records[0].block == "hello");
}

TEST_CASE("WarcReader skips oversized blocks without buffering them", "[ingest][warc]") {
  const std::string big(5000, 'x');
  const std::string data = testing::WarcRecordBytes("resource", "http://big.example/", big) +
                           testing::WarcRecordBytes("resource", "http://small.example/", "ok");
  const ReadAll got = DrainMemory(data, WarcReaderOptions{.max_record_bytes = 1000});
  REQUIRE(got.records.size() == 2);
  CHECK(got.records[0].oversized);
  CHECK(got.records[0].block.empty());
  CHECK(got.records[1].block == "ok");
  REQUIRE(got.issues.size() == 1);
  CHECK(got.issues[0].status.code() == StatusCode::kResourceExhausted);
  CHECK(got.issues[0].offset == 0);
}

TEST_CASE("WarcReader skips garbage and bad headers between records", "[ingest][warc]") {
  const std::string good = testing::WarcRecordBytes("resource", "http://a.example/", "a");
  const std::string no_length = "WARC/1.0\r\nWARC-Type: resource\r\n\r\n";
  const std::string bad_length = "WARC/1.0\r\nContent-Length: 12x\r\n\r\n";
  const std::string data = "junk before\n" + good + "\x01\x02garbage" + no_length + bad_length + good;
  const ReadAll got = DrainMemory(data);
  REQUIRE(got.records.size() == 2);
  CHECK(got.records[0].offset == 12);
  CHECK(AnyIssueMentions(got.issues, "expected WARC/ at offset 0: skipped 12 bytes"));
  CHECK(AnyIssueMentions(got.issues, "no Content-Length field"));
  CHECK(AnyIssueMentions(got.issues, "unreadable Content-Length '12x'"));
  CHECK(LostDataIssues(got.issues) == got.issues.size());
}

TEST_CASE("WarcReader skips a corrupt gzip member and trailing garbage", "[ingest][warc]") {
  const std::string first = testing::Gzip(testing::WarcRecordBytes("resource", "http://1/", "1"));
  std::string second = testing::Gzip(testing::WarcRecordBytes("resource", "http://2/", "2"));
  for (std::size_t i = 12; i < second.size() - 8; ++i) second[i] = static_cast<char>(0xff);
  const std::string third = testing::Gzip(testing::WarcRecordBytes("resource", "http://3/", "3"));
  const std::string data = first + second + third + "trailing junk";
  const ReadAll got = DrainMemory(data);
  REQUIRE(got.records.size() >= 2);
  CHECK(got.records.front().target_uri == "http://1/");
  CHECK(got.records.back().target_uri == "http://3/");
  CHECK(got.records.back().file_offset == std::optional<std::uint64_t>(first.size() + second.size()));
  CHECK(AnyIssueMentions(got.issues, "corrupt compressed data"));
  CHECK(AnyIssueMentions(got.issues, "13 trailing bytes ignored"));
}

TEST_CASE("WarcReader ends cleanly on empty, tiny and non-WARC input", "[ingest][warc]") {
  CHECK(DrainMemory("").records.empty());
  CHECK(DrainMemory("").issues.empty());
  for (const std::string& data : {std::string("W"), std::string("WARC/"), std::string("\x1f\x8b"),
                                 std::string("<html>not a warc</html>"), std::string(3, '\0'),
                                 std::string("WARC/1.0\r\nContent-Length: 99\r\n\r\nshort")}) {
    const ReadAll got = DrainMemory(data);
    CHECK(got.records.size() <= 1);
    CHECK_FALSE(got.issues.empty());
  }
}

TEST_CASE("WarcReader skips blocks when asked to", "[ingest][warc]") {
  WarcReaderOptions options;
  options.read_blocks = false;
  const ReadAll got = DrainFile("warcio-example.warc", options);
  REQUIRE(got.records.size() == 6);
  for (const WarcRecord& record : got.records) CHECK(record.block.empty());
}

TEST_CASE("WarcReader reads ARC files and reports bad ARC header lines", "[ingest][warc]") {
  const ReadAll arc = DrainFile("warcio-example.arc.gz");
  REQUIRE(arc.records.size() == 2);
  CHECK(arc.records[0].type == WarcRecordType::kArcFiledesc);
  CHECK(arc.records[1].type == WarcRecordType::kResponse);
  CHECK(arc.records[1].date == "20140216050221");
  CHECK(arc.records[1].content_type == "text/html");
  CHECK(arc.records[1].block.starts_with("HTTP/1.1 200 OK"));

  const ReadAll bad = DrainFile("warcio-bad.arc");
  CHECK(bad.records.size() == 3);
  CHECK(AnyIssueMentions(bad.issues, "bad ARC header at offset 262"));
}

TEST_CASE("WarcReader reads LZ4 frame-per-record files and seeks to frames", "[ingest][warc]") {
  const ReadAll all = DrainFile("resiliparse-block-sized-records.warc.lz4");
  REQUIRE(all.records.size() == 3);
  CHECK(all.issues.empty());
  for (const WarcRecord& record : all.records) {
    CHECK(record.block.size() == record.content_length);
    REQUIRE(record.file_offset.has_value());
  }
  auto reader = WarcReader::Open(kWarcDir + "resiliparse-block-sized-records.warc.lz4");
  REQUIRE(reader.ok());
  CHECK((*reader)->compression() == ingest::ArchiveCompression::kLz4);
  REQUIRE((*reader)->Seek({all.records[2].offset, all.records[2].file_offset}).ok());
  const ReadAll rest = Drain(**reader);
  REQUIRE(rest.records.size() == 1);
  CHECK(rest.records[0].block == all.records[2].block);
}

TEST_CASE("WarcReader ends a block that overruns its gzip member", "[ingest][warc]") {
  std::string first = testing::WarcRecordBytes("resource", "http://1/", "one");
  const std::size_t at = first.find("Content-Length: 3");
  REQUIRE(at != std::string::npos);
  first.replace(at, 17, "Content-Length: 300");
  const std::string second = testing::WarcRecordBytes("resource", "http://2/", "two");
  const std::string third = testing::WarcRecordBytes("resource", "http://3/", "three");
  const std::string data =
      testing::Gzip(first) + testing::Gzip(second) + testing::Gzip(third);
  const ReadAll got = DrainMemory(data);
  REQUIRE(got.records.size() == 3);
  CHECK(got.records[0].block == "one");
  CHECK_FALSE(got.records[0].truncated);
  CHECK(got.records[1].target_uri == "http://2/");
  CHECK(got.records[1].block == "two");
  CHECK(got.records[2].block == "three");
  REQUIRE(got.issues.size() == 1);
  CHECK_FALSE(got.issues[0].lost_data);
  CHECK(AnyIssueMentions(got.issues, "runs past its compressed member"));
}

TEST_CASE("WarcReader reads gzip members with an FEXTRA field", "[ingest][warc]") {
  // Some writers put an index ("sl" subfield) in each member's extra field.
  const auto member_with_extra = [](const std::string& data) {
    constexpr char kExtra[] = {'s', 'l', 4, 0, 1, 2, 3, 4};
    return testing::Deflate(data, testing::DeflateWrapper::kGzip,
                            std::string_view(kExtra, sizeof kExtra));
  };
  const std::string first = member_with_extra(testing::WarcRecordBytes("resource", "http://x/1", "a"));
  const std::string second = member_with_extra(testing::WarcRecordBytes("resource", "http://x/2", "b"));
  REQUIRE((static_cast<unsigned char>(first[3]) & 4) != 0);  // FLG.FEXTRA is set.
  const ReadAll got = DrainMemory(first + second);
  REQUIRE(got.records.size() == 2);
  CHECK(got.issues.empty());
  CHECK(got.records[1].file_offset == std::optional<std::uint64_t>(first.size()));
  CHECK(got.records[1].block == "b");
}

// A record whose Content-Length runs past the end of an uncompressed file
// used to swallow every record after it (the gzip-per-record variant kept
// them); and a length over max_record_bytes was reported twice, once as
// oversized and once as truncated, so one lost record became two dead letters.
TEST_CASE("WarcReader resyncs after a Content-Length that runs past the end",
          "[ingest][warc][reliability]") {
  const std::string first = testing::HtmlResponseRecord("http://1/", "<p>one</p>");
  std::string liar = testing::HtmlResponseRecord("http://2/", "<p>two</p>");
  const std::string declared = "Content-Length: " + std::to_string(
      testing::HttpResponseBytes(200, "text/html; charset=utf-8", "<p>two</p>").size());
  const bool huge = GENERATE(false, true);
  INFO("huge: " << huge);
  liar.replace(liar.find(declared), declared.size(),
               huge ? "Content-Length: 99999999999" : "Content-Length: 50000");
  std::string rest;
  for (int i = 3; i <= 5; ++i) {
    rest += testing::HtmlResponseRecord("http://" + std::to_string(i) + "/", "<p>later</p>");
  }
  const std::string data = first + liar + rest;
  WarcReaderOptions options;
  options.max_record_bytes = 1 << 20;  // 99999999999 is over, 50000 under.
  const ReadAll got = DrainMemory(data, options);
  REQUIRE(got.records.size() == 5);
  CHECK(got.records[1].target_uri == "http://2/");
  CHECK(got.records[1].truncated);
  CHECK(got.records[2].offset == first.size() + liar.size());
  CHECK(got.records[4].target_uri == "http://5/");
  CHECK(got.records[4].block.find("<p>later</p>") != std::string::npos);
  REQUIRE(LostDataIssues(got.issues) == 1);  // One lost record, one issue.
  CHECK(AnyIssueMentions(got.issues, "runs past the end of the input"));
  CHECK(AnyIssueMentions(got.issues, "resynchronized at the next WARC/ header at offset " +
                                         std::to_string(first.size() + liar.size())));
  if (!huge) {
    // The bytes up to the next record are what the record holds.
    CHECK(got.records[1].block.find("<p>two</p>") != std::string::npos);
    CHECK(got.records[1].block.find("WARC/") == std::string::npos);
  }
}

TEST_CASE("WarcReader resyncs the same way inside a whole-file gzip", "[ingest][warc][reliability]") {
  std::string liar = testing::HtmlResponseRecord("http://2/", "<p>two</p>");
  const std::size_t at = liar.find("Content-Length: ", liar.find("\r\n\r\n") - 40);
  liar.replace(at, liar.find("\r\n", at) - at, "Content-Length: 50000");
  const std::string plain = testing::HtmlResponseRecord("http://1/", "<p>one</p>") + liar +
                            testing::HtmlResponseRecord("http://3/", "<p>three</p>");
  const ReadAll got = DrainMemory(testing::Gzip(plain));
  REQUIRE(got.records.size() == 3);
  CHECK(got.records[2].target_uri == "http://3/");
  CHECK(LostDataIssues(got.issues) == 1);
}
