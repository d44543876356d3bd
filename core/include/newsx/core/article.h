#pragma once

#include <string>
#include <vector>

namespace newsx {

// One news article: metadata and main text (DESIGN.md, "article").
// All times are ISO 8601 UTC strings ("2026-01-28T09:30:00Z") or empty when
// unknown; a missing time is never replaced by "now".
struct Article {
  std::string id;             // ArticleId(canonical_url): stable across fetches.
  std::string url;            // URL as fetched.
  std::string canonical_url;  // <link rel=canonical>/og:url, canonicalized; else url canonicalized.
  std::string source;         // Provenance, copied from RawDocument::source.
  std::string title;          // Headline without the site-name suffix.
  std::vector<std::string> authors;  // Person names; never the site name, no "By".
  std::string published;      // Page metadata, else the feed's, else empty.
  std::string modified;
  std::string fetched;
  std::string lang;           // BCP 47 primary tag ("en"), or empty.
  std::string site;           // Site name ("Reuters"), or the host.
  std::string description;
  std::string section;
  std::vector<std::string> tags;
  std::string image;          // Top image URL.
  std::string text;           // Main content, NFC UTF-8; paragraphs separated by "\n".
  std::string content_hash;   // ContentHash(text).
  std::string extractor_version;
  // Other URLs whose main text was identical (content dedup), sorted. Set by
  // the store; the extractor leaves it empty.
  std::vector<std::string> aliases;
};

}  // namespace newsx
