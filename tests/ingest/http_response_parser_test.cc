#include <catch2/catch.hpp>

#include <string>

#include "ingest/warc_test_util.h"
#include "newsx/ingest/http_response_parser.h"

using namespace newsx;
using newsx::ingest::ParseHttpResponse;

namespace {

constexpr char kHtml[] = "<html><body><p>Brotli body</p></body></html>";
// kHtml compressed by BrotliEncoderCompress(quality 5, window 22, text mode).
constexpr char kBrotli[] =
    "\x1b\x2b\x00\x00\x04\x74\x63\xa9\x3e\xb4\x87\x22\x0b\xb6\x26\x08\x8a\x08\x1b\x70\xe0\x92"
    "\x95\xc2\xcc\xc3\xc6\x18\x38\xbe\x8d\x6f\x54\x12\xa2\xf4\xf0\x88\x25\x6f\xbe\x4b\xcc\xa5"
    "\x51\xa4\x5e\x02";

std::string Message(const std::string& headers, const std::string& body) {
  return "HTTP/1.1 200 OK\r\n" + headers + "\r\n" + body;
}

}  // namespace

TEST_CASE("ParseHttpResponse reads the status line, headers and body", "[ingest][http_response]") {
  auto r = ParseHttpResponse("HTTP/1.0 404 Not Found\r\nContent-Type: text/html\r\n"
                             "X-Folded: a\r\n  b\r\n\r\n<p>gone</p>");
  REQUIRE(r.ok());
  CHECK(r->status == 404);
  CHECK(r->reason == "Not Found");
  CHECK(r->Header("content-type") == "text/html");
  CHECK(r->Header("X-Folded") == "a b");
  CHECK(r->body == "<p>gone</p>");
  CHECK_FALSE(r->body_truncated);
}

TEST_CASE("ParseHttpResponse accepts LF-only lines and a missing blank line",
          "[ingest][http_response]") {
  auto lf = ParseHttpResponse("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html></html>");
  REQUIRE(lf.ok());
  CHECK(lf->body == "<html></html>");
  auto no_body = ParseHttpResponse("HTTP/1.1 301 Moved\r\nLocation: /x\r\n");
  REQUIRE(no_body.ok());
  CHECK(no_body->status == 301);
  CHECK(no_body->body.empty());
}

TEST_CASE("ParseHttpResponse undoes chunked transfer coding", "[ingest][http_response]") {
  auto r = ParseHttpResponse(
      Message("Transfer-Encoding: chunked\r\n", "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"));
  REQUIRE(r.ok());
  CHECK(r->body == "hello world");
  CHECK_FALSE(r->body_truncated);

  auto cut = ParseHttpResponse(Message("Transfer-Encoding: chunked\r\n", "5\r\nhello\r\n10\r\nabc"));
  REQUIRE(cut.ok());
  CHECK(cut->body == "helloabc");
  CHECK(cut->body_truncated);

  // Declared chunked but stored de-chunked by the archiver: kept as is.
  auto plain = ParseHttpResponse(Message("Transfer-Encoding: chunked\r\n", "<html>x</html>"));
  REQUIRE(plain.ok());
  CHECK(plain->body == "<html>x</html>");
}

TEST_CASE("ParseHttpResponse decodes gzip, deflate and br", "[ingest][http_response]") {
  const std::string html = kHtml;
  SECTION("gzip") {
    auto r = ParseHttpResponse(Message("Content-Encoding: gzip\r\n", testing::Gzip(html)));
    REQUIRE(r.ok());
    CHECK(r->body == html);
  }
  SECTION("deflate, zlib-wrapped and raw") {
    for (auto wrapper : {testing::DeflateWrapper::kZlib, testing::DeflateWrapper::kRaw}) {
      auto r = ParseHttpResponse(
          Message("Content-Encoding: deflate\r\n", testing::Deflate(html, wrapper)));
      REQUIRE(r.ok());
      CHECK(r->body == html);
    }
  }
  SECTION("br") {
    auto r = ParseHttpResponse(
        Message("Content-Encoding: br\r\n", std::string(kBrotli, sizeof kBrotli - 1)));
    REQUIRE(r.ok());
    CHECK(r->body == html);
  }
  SECTION("chunked gzip") {
    const std::string gz = testing::Gzip(html);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", gz.size());
    auto r = ParseHttpResponse(Message("Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
                                       std::string(size) + "\r\n" + gz + "\r\n0\r\n\r\n"));
    REQUIRE(r.ok());
    CHECK(r->body == html);
  }
  SECTION("gzip declared, body stored decoded") {
    auto r = ParseHttpResponse(Message("Content-Encoding: gzip\r\n", html));
    REQUIRE(r.ok());
    CHECK(r->body == html);
  }
}

TEST_CASE("ParseHttpResponse reports broken and hostile bodies", "[ingest][http_response]") {
  CHECK(ParseHttpResponse("GET / HTTP/1.1\r\n\r\n").status().code() ==
        StatusCode::kInvalidArgument);
  CHECK(ParseHttpResponse("HTTP/1.1 abc OK\r\n\r\n").status().code() ==
        StatusCode::kInvalidArgument);
  CHECK(ParseHttpResponse("").status().code() == StatusCode::kInvalidArgument);
  CHECK(ParseHttpResponse(Message("Content-Encoding: zstd\r\n", "x")).status().code() ==
        StatusCode::kUnimplemented);

  std::string corrupt = testing::Gzip(std::string(kHtml));
  for (std::size_t i = 10; i < corrupt.size(); ++i) corrupt[i] = static_cast<char>(0xff);
  CHECK(ParseHttpResponse(Message("Content-Encoding: gzip\r\n", corrupt)).status().code() ==
        StatusCode::kDataLoss);

  const std::string gz = testing::Gzip(std::string(kHtml));
  auto cut = ParseHttpResponse(Message("Content-Encoding: gzip\r\n", gz.substr(0, gz.size() / 2)));
  REQUIRE(cut.ok());
  CHECK(cut->body_truncated);

  // A gzip bomb: 8 MiB of zeros squeezed into a few KiB, against a 1 MiB cap.
  const std::string bomb = testing::Gzip(std::string(8u << 20, '\0'));
  auto big = ParseHttpResponse(Message("Content-Encoding: gzip\r\n", bomb), {.max_body_bytes = 1u << 20});
  CHECK(big.status().code() == StatusCode::kResourceExhausted);
}
