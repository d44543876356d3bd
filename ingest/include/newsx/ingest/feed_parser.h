#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/core/result.h"

namespace newsx::ingest {

// A person named by a feed (author, contributor). Any field may be empty.
struct FeedPerson {
  std::string name;
  std::string email;
  std::string url;  // Absolute when it was a resolvable reference.
};

// A media file attached to an entry (RSS <enclosure>, Atom rel="enclosure",
// JSON Feed attachment).
struct FeedEnclosure {
  std::string url;          // Absolute.
  std::string type;         // MIME type; may be empty.
  std::int64_t length = 0;  // Bytes; 0 if unknown.
};

// One RSS <item>, Atom <entry> or JSON Feed item. Text is UTF-8.
struct FeedEntry {
  std::string title;    // As published: plain text, or markup for Atom html/xhtml titles.
  std::string link;     // Absolute article URL (resolved against xml:base and the feed URL).
  std::string id;       // guid / atom:id / JSON id as written; may be empty.
  std::optional<std::int64_t> published_unix_s;  // pubDate, dcterms:issued, atom:published.
  std::optional<std::int64_t> updated_unix_s;    // atom:updated, dc:date, dcterms:modified.
  std::vector<FeedPerson> authors;
  std::string summary;  // description / atom:summary / summary (HTML or text).
  std::string content;  // content:encoded / atom:content / content_html (HTML or text).
  std::vector<std::string> categories;
  std::vector<FeedEnclosure> enclosures;
};

enum class FeedFormat { kRss090, kRss091, kRss092, kRss10, kRss20, kAtom03, kAtom10, kJsonFeed };

// Short stable name: "rss090", "rss091", "rss092", "rss10", "rss20",
// "atom03", "atom10", "json1".
std::string_view FeedFormatName(FeedFormat format);

// A parsed feed: its own fields, its entries in document order, and what
// was wrong with it.
struct Feed {
  FeedFormat format = FeedFormat::kRss20;
  std::string title;
  std::string link;         // Absolute home page URL.
  std::string id;
  std::string description;  // RSS description / Atom subtitle.
  std::string language;
  std::optional<std::int64_t> published_unix_s;
  std::optional<std::int64_t> updated_unix_s;
  std::vector<FeedPerson> authors;
  std::vector<std::string> categories;
  std::vector<FeedEntry> entries;
  std::string encoding;     // Charset the bytes were decoded from ("UTF-8", "windows-1251"...).
  // False when the document is not well-formed XML/JSON; entries are then
  // the ones that could be recovered, and `problems` says what was wrong.
  bool well_formed = true;
  std::vector<std::string> problems;
};

// How to read a feed's bytes.
struct FeedParseOptions {
  // URL the feed was fetched from; base for relative links. Default: none.
  std::string feed_url;
  // HTTP Content-Type, whose charset takes precedence over the XML
  // declaration (RFC 7303). Default: none.
  std::string content_type;
};

// Parses RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed 1.x from raw bytes. The
// charset comes from the BOM, else the Content-Type header, else the XML
// declaration, else UTF-8, and is converted with ICU; bytes invalid in the
// declared charset fall back to windows-1252 decoding. Ill-formed XML is
// parsed as far as possible (well_formed = false, problems filled).
// Returns kInvalidArgument when the bytes are neither XML with an rss, RDF
// or feed root nor a JSON Feed object. `bytes` need only live for the call.
// Thread-safe (stateless).
Result<Feed> ParseFeed(std::string_view bytes, const FeedParseOptions& options = {});

}  // namespace newsx::ingest
