#include "newsx/ingest/opml_parser.h"

#include <catch2/catch.hpp>

namespace newsx::ingest {
namespace {

TEST_CASE("ParseOpml lists nested subscriptions once", "[ingest][opml]") {
  auto feeds = ParseOpml(R"(<?xml version="1.0"?><opml version="2.0"><head/><body>
<outline text="Tech"><outline text="A" title="Feed A" type="rss" xmlUrl="http://a.example/feed"/>
<outline text="B" xmlUrl="http://b.example/rss"/></outline>
<outline text="A again" xmlUrl="http://a.example/feed"/><outline text="no url"/></body></opml>)");
  REQUIRE(feeds.ok());
  REQUIRE(feeds->size() == 2);
  CHECK((*feeds)[0].url == "http://a.example/feed");
  CHECK((*feeds)[0].title == "Feed A");
  CHECK((*feeds)[0].category == "Tech");
  CHECK((*feeds)[1].title == "B");
  CHECK(ParseOpml("<rss/>").status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("ParseFeedList reads plain lists and OPML", "[ingest][opml]") {
  auto plain = ParseFeedList("# my feeds\nhttp://a.example/feed\n\n  https://b.example/rss  \nhttp://a.example/feed\n");
  REQUIRE(plain.ok());
  REQUIRE(plain->size() == 2);
  CHECK((*plain)[1].url == "https://b.example/rss");
  auto bad = ParseFeedList("http://a.example/feed\nftp://nope\n");
  CHECK(bad.status().code() == StatusCode::kInvalidArgument);
  CHECK(bad.status().message().find("line 2") != std::string::npos);
  auto opml = ParseFeedList("  <opml><body><outline xmlUrl=\"http://c.example/x\"/></body></opml>");
  REQUIRE(opml.ok());
  CHECK(opml->size() == 1);
}

}  // namespace
}  // namespace newsx::ingest
