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
  // Language of the text: ISO 639-1 ("en"; ISO 639-3 where 639-1 has none),
  // identified from the text (extract/language_id.h); for text too short to
  // tell, the declared language (<html lang>...) or empty.
  std::string lang;
  // 0..1 when `lang` was identified from the text; 0 when it is the declared
  // language or empty.
  double lang_confidence = 0;
  std::string site;           // Site name ("Reuters"), or the host.
  std::string description;
  std::string section;
  std::vector<std::string> tags;
  std::string image;          // Top image URL.
  std::string text;           // Main content, NFC UTF-8; paragraphs separated by "\n".
  // The main content as Markdown or HTML when asked (`newsx extract
  // --format`); content_format says which ("markdown", "html"). Not stored.
  std::string content;
  std::string content_format;
  // Readers' comments below the article when asked (`newsx extract
  // --comments`), one line per paragraph, apart from `text`. Not stored.
  std::string comments;
  std::string content_hash;   // ContentHash(text).
  std::string extractor_version;
  // Other URLs whose main text was identical (content dedup), sorted. Set by
  // the store; the extractor leaves it empty.
  std::vector<std::string> aliases;
};

}  // namespace newsx
