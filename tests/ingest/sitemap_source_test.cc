#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ingest/warc_test_util.h"
#include "newsx/ingest/sitemap_parser.h"
#include "newsx/ingest/sitemap_source.h"
#include "ingest/source_test_util.h"
#include "temp_dir.h"

using namespace newsx;
using newsx::ingest::SitemapSource;
using newsx::ingest::SourceItem;

namespace {

const std::string kDir = std::string(NEWSX_FIXTURES_DIR) + "/ingest/sitemaps/";


// "url" for documents, "!" + message for errors.
std::vector<std::string> Summary(const std::vector<SourceItem>& items) {
  std::vector<std::string> out;
  for (const SourceItem& item : items) {
    out.push_back(item.error.ok() ? item.document.url : "!" + item.error.message());
  }
  return out;
}

}  // namespace

TEST_CASE("ParseSitemap reads urlsets with the Google News extension", "[ingest][sitemap]") {
  auto parsed = ingest::ParseSitemap(
      "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
      "xmlns:n='http://www.google.com/schemas/sitemap-news/0.9'><url><loc>https://a.example/x</loc>"
      "<n:news><n:publication><n:name>A</n:name><n:language>fr</n:language></n:publication>"
      "<n:publication_date>2026-01-28T09:30:00+08:00</n:publication_date>"
      "<n:title>T &amp; U</n:title></n:news></url><url><loc>https://a.example/y</loc>"
      "<lastmod>2026-01-01</lastmod></url></urlset>");
  REQUIRE(parsed.ok());
  CHECK_FALSE(parsed->is_index);
  REQUIRE(parsed->urls.size() == 2);
  CHECK(parsed->urls[0].published == "2026-01-28T01:30:00Z");
  CHECK(parsed->urls[0].title == "T & U");
  CHECK(parsed->urls[0].publication_name == "A");
  CHECK(parsed->urls[0].language == "fr");
  CHECK(parsed->urls[1].lastmod == "2026-01-01");
  CHECK(parsed->urls[1].published.empty());
}

TEST_CASE("ParseSitemap reads indexes and rejects other XML", "[ingest][sitemap]") {
  auto index = ingest::ParseSitemap(
      "<?xml version='1.0'?><sitemapindex><sitemap><loc> https://a.example/s1.xml </loc></sitemap>"
      "<sitemap/><sitemap><loc>https://a.example/s2.xml.gz</loc></sitemap></sitemapindex>");
  REQUIRE(index.ok());
  CHECK(index->is_index);
  CHECK(index->sitemaps == std::vector<std::string>{"https://a.example/s1.xml",
                                                    "https://a.example/s2.xml.gz"});
  CHECK(ingest::ParseSitemap("<rss><channel/></rss>").status().code() ==
        StatusCode::kInvalidArgument);
  CHECK(ingest::ParseSitemap("<urlset><url>").status().code() == StatusCode::kInvalidArgument);
  CHECK(ingest::ParseSitemap("").status().code() == StatusCode::kInvalidArgument);
  CHECK(ingest::ParseSitemap(std::string("\0\x01\x02", 3)).status().code() ==
        StatusCode::kInvalidArgument);
}

TEST_CASE("RobotsSitemapUrls finds Sitemap lines", "[ingest][sitemap]") {
  CHECK(ingest::RobotsSitemapUrls("User-agent: *\r\nSitemap: https://a.example/s.xml\r\n"
                                  "# Sitemap: https://a.example/no.xml\n"
                                  "sitemap:https://a.example/t.xml # why\nSitemap:\n"
                                  "Disallow: /sitemap: x\n") ==
        std::vector<std::string>{"https://a.example/s.xml", "https://a.example/t.xml"});
  CHECK(ingest::RobotsSitemapUrls("").empty());
}

TEST_CASE("SitemapSource yields URL-only items with news hints", "[ingest][sitemap]") {
  auto source = SitemapSource::Open({kDir + "news-sitemap.xml"});
  REQUIRE(source.ok());
  const auto items = testing::DrainSource(**source);
  REQUIRE(items.size() == 4);
  const RawDocument& first = items[0].document;
  CHECK(first.url == "https://news.example.com/business/2026/01/28/chip-imports");
  CHECK(first.body.empty());
  CHECK(first.needs_fetch);
  CHECK(first.hint_published == "2026-01-28T01:30:00Z");
  CHECK(first.hint_title == "China approves first H200 chip imports");
  CHECK(first.source == kDir + "news-sitemap.xml");
  CHECK(items[0].position == kDir + "news-sitemap.xml#1");
  CHECK(items[1].document.url == "https://news.example.com/world/2026/01/27/summit");
  CHECK(items[1].document.hint_title == "Leaders & ministers meet");
  CHECK(items[2].document.hint_published.empty());
  CHECK(items[3].error.code() == StatusCode::kInvalidArgument);
  CHECK((*source)->stats().duplicate_urls == 1);
  CHECK((*source)->stats().urls == 3);
}

TEST_CASE("SitemapSource follows local index entries and reports the rest", "[ingest][sitemap]") {
  auto source = SitemapSource::Open({kDir + "mirror/sitemap_index.xml"});
  REQUIRE(source.ok());
  const auto summary = Summary(testing::DrainSource(**source));
  REQUIRE(summary.size() == 6);
  CHECK(summary[0].find("sitemap-missing.xml") != std::string::npos);
  CHECK(summary[0].find("not available locally") != std::string::npos);
  CHECK(summary[1] == "https://site.example.org/a/1");
  CHECK(summary[2] == "https://site.example.org/a/2");
  CHECK(summary[3] == "https://site.example.org/b/1");  // From the .gz sitemap.
  CHECK(summary[4].find("already read") != std::string::npos);
  CHECK(summary[5].find("malformed sitemap XML") != std::string::npos);
}

TEST_CASE("SitemapSource reads robots.txt Sitemap lines", "[ingest][sitemap]") {
  auto source = SitemapSource::Open({kDir + "mirror/robots.txt"});
  REQUIRE(source.ok());
  const auto summary = Summary(testing::DrainSource(**source));
  REQUIRE(summary.size() >= 3);
  CHECK(summary[0] == "https://site.example.org/a/1");
  CHECK(summary[1] == "https://site.example.org/a/2");
  CHECK(std::count(summary.begin(), summary.end(), "https://site.example.org/b/1") == 1);
}

TEST_CASE("SitemapSource bounds index nesting", "[ingest][sitemap]") {
  testing::TempDir dir;
  // Each index points to the next: 0 -> 1 -> ... -> 9 -> urlset.
  for (int i = 0; i < 10; ++i) {
    testing::WriteBytes(dir.File("i" + std::to_string(i) + ".xml"),
                        "<sitemapindex><sitemap><loc>i" + std::to_string(i + 1) +
                            ".xml</loc></sitemap></sitemapindex>");
  }
  testing::WriteBytes(dir.File("i10.xml"), "<urlset><url><loc>https://deep.example/</loc></url></urlset>");
  auto source = SitemapSource::Open({dir.File("i0.xml")}, {.max_depth = 3});
  REQUIRE(source.ok());
  const auto items = testing::DrainSource(**source);
  REQUIRE(items.size() == 1);
  CHECK(items[0].error.code() == StatusCode::kResourceExhausted);
  CHECK((*source)->stats().sitemaps == 4);
}

TEST_CASE("SitemapSource resumes after the checkpointed item", "[ingest][sitemap]") {
  const std::vector<std::string> inputs = {kDir + "news-sitemap.xml",
                                           kDir + "mirror/sitemap_index.xml"};
  auto full = SitemapSource::Open(inputs);
  REQUIRE(full.ok());
  const auto all = Summary(testing::DrainSource(**full));
  REQUIRE(all.size() == 10);
  for (std::size_t stop : {0u, 3u, 5u, 10u}) {
    auto first = SitemapSource::Open(inputs);
    REQUIRE(first.ok());
    auto got = Summary(testing::DrainSource(**first, stop));
    auto second = SitemapSource::Open(inputs);
    REQUIRE(second.ok());
    REQUIRE((*second)->Resume((*first)->Checkpoint()).ok());
    for (const std::string& s : Summary(testing::DrainSource(**second))) got.push_back(s);
    CHECK(got == all);
  }
  auto other = SitemapSource::Open({kDir + "news-sitemap.xml"});
  REQUIRE(other.ok());
  CHECK((*other)->Resume((*full)->Checkpoint()).code() == StatusCode::kInvalidArgument);
  CHECK((*other)->Resume("warc:0:0:0:x").code() == StatusCode::kInvalidArgument);
}
