// libFuzzer target: sitemaps (urlset, sitemapindex, Google News), the
// Sitemap: lines of robots.txt, and robots.txt rules with a path lookup.
// Input: the document; for robots rules, the part after a NUL (if any) is
// the path looked up.
#include <cstddef>
#include <cstdint>

#include "fuzz_input.h"
#include "newsx/ingest/robots_rules.h"
#include "newsx/ingest/sitemap_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = newsx::fuzz::AsText(data, size);
  auto sitemap = newsx::ingest::ParseSitemap(input);
  (void)sitemap.ok();
  (void)newsx::ingest::RobotsSitemapUrls(input);
  auto [robots, path] = newsx::fuzz::SplitAtNul(input);
  const auto rules = newsx::ingest::RobotsRules::Parse(robots, "newsx");
  (void)rules.Allowed(path.empty() ? std::string_view("/a/b?c=d") : path.substr(0, 2000));
  (void)rules.crawl_delay_s();
  return 0;
}
