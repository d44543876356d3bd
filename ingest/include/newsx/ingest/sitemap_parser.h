#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "newsx/core/result.h"

namespace newsx::ingest {

// One <url> of a urlset, with its Google News extension when present.
struct SitemapUrl {
  std::string loc;               // As written (absolute per the protocol), trimmed.
  std::string lastmod;           // As written; may be empty.
  std::string published;         // news:publication_date as ISO 8601 UTC; "" if absent/unreadable.
  std::string title;             // news:title; may be empty.
  std::string publication_name;  // news:publication/news:name; may be empty.
  std::string language;          // news:publication/news:language; may be empty.
};

// A parsed sitemap: a urlset (urls) or a sitemap index (sitemaps: the <loc>
// of each <sitemap> entry, in document order).
struct Sitemap {
  bool is_index = false;
  std::vector<SitemapUrl> urls;
  std::vector<std::string> sitemaps;
};

// Parses a sitemap (sitemaps.org 0.9 urlset or sitemapindex, with the
// Google News extension). Elements are matched by local name, whatever the
// namespace prefix. Entries without <loc> are skipped.
// Returns kInvalidArgument for malformed XML or a root that is neither
// <urlset> nor <sitemapindex>. `xml` need only live for the call.
// Thread-safe (stateless).
Result<Sitemap> ParseSitemap(std::string_view xml);

// The URLs of the "Sitemap:" lines of a robots.txt (case-insensitive field
// name, anywhere in the file, comments removed), in order. Thread-safe.
std::vector<std::string> RobotsSitemapUrls(std::string_view robots_txt);

}  // namespace newsx::ingest
