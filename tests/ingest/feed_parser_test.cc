#include "newsx/ingest/feed_parser.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

namespace newsx::ingest {
namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(NEWSX_FIXTURES_DIR) + "/ingest/feeds/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Feed MustParse(std::string_view bytes, FeedParseOptions options = {}) {
  Result<Feed> feed = ParseFeed(bytes, options);
  INFO(feed.status().ToString());
  REQUIRE(feed.ok());
  return std::move(feed).value();
}

TEST_CASE("ParseFeed reads RSS 2.0 items", "[ingest][feed]") {
  const Feed feed = MustParse(R"(<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>T &amp; Co</title><link>http://example.com/</link><description>D</description>
<language>en</language><lastBuildDate>Wed, 28 Jan 2026 09:30:00 GMT</lastBuildDate>
<item><title>First</title><link>/a/1?utm_source=x</link><guid isPermaLink="false">id-1</guid>
<pubDate>Wed, 28 Jan 2026 09:30:00 +0800</pubDate><dc:creator>Ann</dc:creator>
<author>bob@example.com (Bob)</author><category>chips</category><dc:subject>trade</dc:subject>
<description><![CDATA[<p>Summary</p>]]></description><content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded>
<enclosure url="/m.mp3" length="1234" type="audio/mpeg"/></item>
<item><guid>http://example.com/b/2</guid><title>Second</title><dc:date>2026-01-27T10:00:00Z</dc:date></item>
</channel></rss>)", FeedParseOptions{"http://example.com/feed.xml", ""});
  CHECK(feed.format == FeedFormat::kRss20);
  CHECK(feed.well_formed);
  CHECK(feed.title == "T & Co");
  CHECK(feed.language == "en");
  CHECK(feed.updated_unix_s == 1769592600);
  REQUIRE(feed.entries.size() == 2);
  const FeedEntry& e = feed.entries[0];
  CHECK(e.title == "First");
  CHECK(e.link == "http://example.com/a/1?utm_source=x");
  CHECK(e.id == "id-1");
  CHECK(e.published_unix_s == 1769563800);
  REQUIRE(e.authors.size() == 2);
  CHECK(e.authors[0].name == "Ann");
  CHECK(e.authors[1].name == "Bob");
  CHECK(e.authors[1].email == "bob@example.com");
  CHECK(e.categories == std::vector<std::string>{"chips", "trade"});
  CHECK(e.summary == "<p>Summary</p>");
  CHECK(e.content == "<p>Body</p>");
  REQUIRE(e.enclosures.size() == 1);
  CHECK(e.enclosures[0].url == "http://example.com/m.mp3");
  CHECK(e.enclosures[0].length == 1234);
  CHECK(e.enclosures[0].type == "audio/mpeg");
  // A permalink guid stands in for a missing link.
  CHECK(feed.entries[1].link == "http://example.com/b/2");
  CHECK(feed.entries[1].updated_unix_s == 1769508000);
}

TEST_CASE("ParseFeed reads Atom 1.0 with xml:base and text constructs", "[ingest][feed]") {
  const Feed feed = MustParse(R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.org/blog/">
<title type="html">A &amp;lt;b&amp;gt; title</title><id>urn:x</id>
<link rel="self" href="feed.atom"/><link href="./"/>
<entry xml:base="2026/"><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">X <b>y</b></div></title>
<link rel="enclosure" href="a.mp4" type="video/mp4" length="99"/>
<link rel="alternate" type="text/html" href="post.html"/><id>urn:1</id>
<published>2026-01-28T09:30:00+08:00</published><updated>2026-01-29T00:00:00Z</updated>
<author><name>Ann</name><email>ann@example.org</email><uri>/ann</uri></author>
<category term="chips" label="Chips"/>
<summary type="text">S &lt;not markup&gt;</summary>
<content type="html">&lt;p&gt;&lt;a href="rel.html"&gt;x&lt;/a&gt;&lt;/p&gt;</content></entry>
<entry><title type="text/plain" mode="base64">SGVsbG8=</title><link href="http://other.example/x"/></entry>
</feed>)");
  CHECK(feed.format == FeedFormat::kAtom10);
  CHECK(feed.link == "http://example.org/blog/");
  REQUIRE(feed.entries.size() == 2);
  const FeedEntry& e = feed.entries[0];
  CHECK(e.title == "X <b>y</b>");
  CHECK(e.link == "http://example.org/blog/2026/post.html");
  CHECK(e.published_unix_s == 1769563800);
  CHECK(e.updated_unix_s == 1769644800);
  REQUIRE(e.authors.size() == 1);
  CHECK(e.authors[0].url == "http://example.org/ann");
  CHECK(e.categories == std::vector<std::string>{"chips"});
  CHECK(e.summary == "S <not markup>");
  CHECK(e.content == "<p><a href=\"http://example.org/blog/2026/rel.html\">x</a></p>");
  REQUIRE(e.enclosures.size() == 1);
  CHECK(e.enclosures[0].url == "http://example.org/blog/2026/a.mp4");
  CHECK(feed.entries[1].title == "Hello");
}

TEST_CASE("ParseFeed reads RSS 1.0, RSS 0.91 and Atom 0.3", "[ingest][feed]") {
  const Feed rdf = MustParse(R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://example.com/"><title>R</title><link>http://example.com/</link></channel>
<item rdf:about="http://example.com/1"><title>One</title><link>http://example.com/1</link><dc:date>2026-01-28</dc:date></item>
</rdf:RDF>)");
  CHECK(rdf.format == FeedFormat::kRss10);
  REQUIRE(rdf.entries.size() == 1);
  CHECK(rdf.entries[0].id == "http://example.com/1");
  CHECK(rdf.entries[0].updated_unix_s == 1769558400);
  const Feed old = MustParse(R"(<rss version="0.91"><channel><title>O</title><item><title>I</title><link>http://e.com/i</link></item></channel></rss>)");
  CHECK(old.format == FeedFormat::kRss091);
  CHECK(old.entries.size() == 1);
  const Feed atom03 = MustParse(R"(<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>A</title>
<entry><title>E</title><link rel="alternate" type="text/html" href="http://e.com/e"/><issued>2026-01-28T09:30:00Z</issued><modified>2026-01-28T10:00:00Z</modified>
<content type="text/html" mode="escaped">&lt;p&gt;x&lt;/p&gt;</content></entry></feed>)");
  CHECK(atom03.format == FeedFormat::kAtom03);
  REQUIRE(atom03.entries.size() == 1);
  CHECK(atom03.entries[0].link == "http://e.com/e");
  CHECK(atom03.entries[0].published_unix_s == 1769592600);
  CHECK(atom03.entries[0].content == "<p>x</p>");
}

TEST_CASE("ParseFeed reads JSON Feed", "[ingest][feed]") {
  const Feed feed = MustParse(ReadFixture("authors.json"));
  CHECK(feed.format == FeedFormat::kJsonFeed);
  CHECK(feed.authors.size() == 2);
  CHECK(feed.entries.size() == 4);
  const Feed inline_feed = MustParse(R"({"version":"https://jsonfeed.org/version/1.1","title":"J",
"items":[{"id":7,"url":"/p/7","title":"Seven &amp; up","content_html":"<p>7</p>","date_published":"2026-01-28T09:30:00Z",
"tags":["a"],"attachments":[{"url":"/a.mp3","mime_type":"audio/mpeg","size_in_bytes":5}]},"junk"]})",
                                     FeedParseOptions{"https://j.example/feed.json", ""});
  REQUIRE(inline_feed.entries.size() == 1);
  const FeedEntry& e = inline_feed.entries[0];
  CHECK(e.id == "7");
  CHECK(e.link == "https://j.example/p/7");
  CHECK(e.title == "Seven & up");
  CHECK(e.published_unix_s == 1769592600);
  CHECK(e.enclosures.size() == 1);
  CHECK(ParseFeed(R"({"version":"https://jsonfeed.org/version/1.1", "items": [)").status().code() ==
        StatusCode::kInvalidArgument);
  CHECK(ParseFeed(R"({"hello":"world"})").status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("ParseFeed converts legacy charsets", "[ingest][feed][charset]") {
  SECTION("windows-1251 from the XML declaration") {
    const Feed feed = MustParse(ReadFixture("windows-1251.rss"));
    CHECK(feed.encoding == "windows-1251");
    CHECK(feed.description == "Новый цитатник Рунета");
    CHECK(feed.entries.front().title == "Цитата #17703");
  }
  SECTION("KOI8-R") {
    const Feed feed = MustParse(ReadFixture("koi8r.xml"));
    CHECK(feed.title == "Пример RSS ленты");
  }
  SECTION("Latin-1 bytes without a declaration") {
    const Feed feed = MustParse(ReadFixture("no-declaration-iso-8859-1.rss"));
    CHECK(feed.encoding == "windows-1252");
    CHECK(feed.title.find("Flux RSS du magazine") == 0);
    CHECK_FALSE(feed.problems.empty());
  }
  SECTION("UTF-8 bytes declared ISO-8859-1") {
    const Feed feed = MustParse(ReadFixture("utf8-declared-latin1.xml"));
    CHECK(feed.encoding == "UTF-8");
    CHECK(feed.entries.front().title == "Café");
  }
  SECTION("the HTTP charset overrides the declaration") {
    const std::string gbk = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>\xD6\xD0\xCE\xC4</title></channel></rss>";
    const Feed feed = MustParse(gbk, FeedParseOptions{"", "application/xml; charset=GB2312"});
    CHECK(feed.title == "中文");
  }
  SECTION("Shift_JIS and a UTF-16 BOM") {
    const Feed sjis = MustParse("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><rss><channel><title>\x93\xfa\x96\x7b</title></channel></rss>");
    CHECK(sjis.title == "日本");
    std::string utf16 = "\xFF\xFE";
    for (const char c : std::string("<rss><channel><title>W</title></channel></rss>")) {
      utf16.push_back(c);
      utf16.push_back('\0');
    }
    CHECK(MustParse(utf16).title == "W");
  }
}

TEST_CASE("ParseFeed recovers entries from ill-formed XML and says why", "[ingest][feed]") {
  SECTION("bare ampersands and HTML entities") {
    const Feed feed = MustParse("<rss><channel><item><title>AT&T &nbsp;news</title><link>http://e.com/?a=1&b=2</link></item></channel></rss>");
    CHECK_FALSE(feed.well_formed);
    REQUIRE(feed.entries.size() == 1);
    CHECK(feed.entries[0].link == "http://e.com/?a=1&b=2");
    CHECK(feed.entries[0].title == "AT&T \u00A0news");
  }
  SECTION("a truncated document keeps the complete items") {
    const Feed feed = MustParse("<rss><channel><item><title>1</title></item><item><title>2</title></item><item><title>3");
    CHECK_FALSE(feed.well_formed);
    CHECK(feed.entries.size() >= 2);
    REQUIRE_FALSE(feed.problems.empty());
    CHECK(feed.problems.back().find("ill-formed XML") != std::string::npos);
  }
  SECTION("a control character in the middle") {
    const Feed feed = MustParse(std::string("<rss><channel><item><title>a\x01</title></item><item><title>b</title></item></channel></rss>"));
    CHECK(feed.entries.size() == 2);
  }
  SECTION("entities declared in the DTD") {
    const Feed feed = MustParse(R"(<!DOCTYPE rss [<!ENTITY id "tag:example.com,">]><rss><channel><item><guid>&id;2026</guid></item></channel></rss>)");
    CHECK(feed.well_formed);
    CHECK(feed.entries[0].id == "tag:example.com,2026");
  }
}

TEST_CASE("ParseFeed rejects what is not a feed", "[ingest][feed]") {
  CHECK(ParseFeed("").status().code() == StatusCode::kInvalidArgument);
  CHECK(ParseFeed("<html><body>hi</body></html>").status().code() == StatusCode::kInvalidArgument);
  CHECK(ParseFeed("\x89PNG\r\n\x1a\n binary").status().code() == StatusCode::kInvalidArgument);
  const Feed empty = MustParse("<rss version=\"2.0\"><channel/></rss>");
  CHECK(empty.entries.empty());
}

}  // namespace
}  // namespace newsx::ingest
