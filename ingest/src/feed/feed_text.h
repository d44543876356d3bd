#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "newsx/ingest/feed_parser.h"

namespace pugi {
class xml_node;
}

namespace newsx::ingest::internal {

// Concatenated character data (text and CDATA) of `node`, trimmed; when the
// element has child elements (unescaped markup), their serialization.
std::string TextOf(const pugi::xml_node& node);

// The children of `node` serialized as XML ("inner XML"), with "xhtml:"
// prefixes dropped.
std::string InnerXml(const pugi::xml_node& node);

// Decodes base64, ignoring whitespace; nullopt if malformed.
std::optional<std::string> DecodeBase64(std::string_view text);

// Replaces character references (&amp;, &#8217;, &nbsp;, &mdash;,
// &eacute;...) with their UTF-8 characters: for plain-text fields (titles)
// whose text was escaped HTML. Unknown references stay as written.
std::string DecodeHtmlEntities(std::string_view text);

// Splits RSS person strings: "me@example.com (Name)", "Name <me@example.com>",
// "Name (me@example.com)", a bare email, or a bare name.
FeedPerson ParsePersonText(std::string_view text);

// `ref` resolved against `base` (itself absolute or empty); `ref` trimmed and
// unchanged when it cannot be resolved.
std::string ResolveLink(std::string_view base, std::string_view ref);

// The base URL in effect at `node`: the feed URL with every xml:base from the
// root down to `node` applied.
std::string BaseAt(const pugi::xml_node& node, std::string_view feed_url);

// `html` with relative href="..." and src="..." values resolved against
// `base` (unchanged when `base` is empty).
std::string ResolveHtmlLinks(std::string_view html, std::string_view base);

// ParseDateTime on the trimmed text; nullopt when empty or unparseable.
std::optional<std::int64_t> ParseFeedDate(std::string_view text);

}  // namespace newsx::ingest::internal
