#pragma once

#include <cstdint>
#include <string>

namespace newsx {

// Bytes of one fetched or archived page with their provenance: what ingest
// hands to extract. Serializable; owns its data.
struct RawDocument {
  std::string url;           // Where the bytes came from (after redirects).
  std::string source;        // Provenance: feed URL, "file.warc.gz@offset", sitemap URL or file path.
  std::string body;          // Payload as received, transfer/content encodings already removed.
  std::string content_type;  // HTTP Content-Type, if known (carries the charset hint); may be empty.
  std::int64_t fetched_unix_ms = 0;  // Capture time (fetch time, WARC-Date, file mtime); 0 if unknown.
  std::string hint_published;  // ISO 8601 UTC publication time from a feed or sitemap; may be empty.
  std::string hint_title;      // Title from a feed or sitemap; may be empty.
  // True when only the URL is known (sitemap, URL list, feed entry): the
  // pipeline's fetch stage must get the body before extraction.
  bool needs_fetch = false;
};

}  // namespace newsx
