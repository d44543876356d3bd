#include "newsx/ingest/robots_rules.h"

#include <catch2/catch.hpp>

namespace newsx::ingest {
namespace {

TEST_CASE("RobotsRules picks the crawler's group, else *", "[ingest][robots]") {
  const std::string text =
      "User-agent: *\nDisallow: /\n\n"
      "User-agent: Googlebot\nUser-agent: NewsX\nDisallow: /private\nAllow: /private/ok\n"
      "Crawl-delay: 2.5\n";
  const RobotsRules mine = RobotsRules::Parse(text, ProductToken("newsx/0.1 (+https://x)"));
  CHECK(mine.Allowed("/news/1"));
  CHECK_FALSE(mine.Allowed("/private/x"));
  CHECK(mine.Allowed("/private/ok/1"));
  CHECK(mine.crawl_delay_s() == 2.5);
  const RobotsRules other = RobotsRules::Parse(text, "otherbot");
  CHECK_FALSE(other.Allowed("/news/1"));
  CHECK(other.Allowed("/robots.txt"));
}

TEST_CASE("RobotsRules matches wildcards, anchors and the longest rule", "[ingest][robots]") {
  const RobotsRules rules = RobotsRules::Parse(
      "# comment\nuser-agent: *\ndisallow: /*.pdf$\ndisallow: /search?\nallow: /search?q=ok\n"
      "disallow: /a/*/b\ndisallow:\nbogus line\n",
      "newsx");
  CHECK_FALSE(rules.Allowed("/files/x.pdf"));
  CHECK(rules.Allowed("/files/x.pdf?download=1"));
  CHECK_FALSE(rules.Allowed("/search?q=no"));
  CHECK(rules.Allowed("/search?q=ok"));
  CHECK_FALSE(rules.Allowed("/a/x/y/b/z"));
  CHECK(rules.Allowed("/a/b"));
  CHECK(RobotsRules::AllowAll().Allowed("/x"));
  CHECK_FALSE(RobotsRules::DisallowAll().Allowed("/x"));
  CHECK(RobotsRules::Parse("", "newsx").Allowed("/x"));
  CHECK(RobotsRules::Parse(std::string(100000, '*'), "newsx").Allowed("/x"));
}

}  // namespace
}  // namespace newsx::ingest
