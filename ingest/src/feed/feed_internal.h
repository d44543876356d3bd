#pragma once

#include <string_view>

#include "newsx/core/result.h"
#include "newsx/ingest/feed_parser.h"

namespace newsx::ingest::internal {

// RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 from UTF-8 text (see ParseFeed).
Result<Feed> ParseXmlFeed(std::string_view utf8, const FeedParseOptions& options);

// JSON Feed 1.0/1.1 from UTF-8 text (see ParseFeed).
Result<Feed> ParseJsonFeed(std::string_view utf8, const FeedParseOptions& options);

// The first thing in `xml` that makes it ill-formed and that pugixml
// tolerates: an undefined entity or a bare '&' outside CDATA and comments.
// Empty when there is none.
std::string FindEntityProblem(std::string_view xml);

// A copy of `xml` with the general entities declared in its internal DTD
// subset (<!ENTITY name "value">) replaced by their values after the DOCTYPE.
std::string ExpandInternalEntities(std::string_view xml);

// A copy of `xml` with bare '&' escaped and control characters that XML
// forbids replaced by spaces: the usual damage in hand-made feeds.
std::string RepairXml(std::string_view xml);

}  // namespace newsx::ingest::internal
