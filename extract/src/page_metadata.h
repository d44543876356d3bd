#pragma once

#include <libxml/tree.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsx::extract::internal {

// Article metadata read from a parsed page. Strings are UTF-8 with
// whitespace collapsed, not yet NFC; empty when unknown.
struct PageMetadata {
  std::string title;  // Headline without the site-name suffix.
  std::vector<std::string> authors;
  std::string published;  // ISO 8601 UTC.
  std::string modified;
  std::string lang;           // Primary language subtag, lower case.
  std::string canonical_url;  // Absolute, not canonicalized.
  std::string site;
  std::string description;
  std::string section;
  std::vector<std::string> tags;
  std::string image;  // Absolute URL.
  // JSON-LD articleBody, whitespace collapsed: the text of pages whose body
  // is rendered by scripts.
  std::string json_ld_body;
};

// Reads metadata from JSON-LD, then OpenGraph / Twitter / Dublin Core /
// plain <meta> tags, then the markup (<title>, <h1>, <time>, rel=author,
// <html lang>, <link rel=canonical>), then the URL (dates in the path).
// Dates later than `fetched_unix_s` (when > 0) are ignored; dates carry
// their page offset into UTC. Relative URLs resolve against `page_url`.
// Pure and thread-safe.
PageMetadata ExtractMetadata(const xmlDoc* doc, std::string_view page_url,
                             std::int64_t fetched_unix_s);

// The date written in a URL path (/2019/11/19/, /2019-11-19/, /20191119/) as
// seconds since the epoch, or -1.
std::int64_t DateFromUrl(std::string_view url);

}  // namespace newsx::extract::internal
