#pragma once

// Building blocks of the server-rendered pages. Every text that comes
// from the database or the request goes through Escape (or EscapeAttr /
// QueryValue for attributes and URLs): stored pages are untrusted input.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsx::pipelines::serve {

// Sent with every response: no script, no remote content; styles only
// from /style.css; images only inline (the SVG charts are inline markup).
inline constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

// &, <, >, " and ' as character references.
std::string Escape(std::string_view text);

// Percent-encodes a query parameter value (RFC 3986 unreserved kept).
std::string QueryValue(std::string_view value);

// "/path?k=v&k2=v2" with the values encoded, then escaped for an attribute;
// pairs with empty values are left out.
std::string Href(std::string_view path,
                 const std::vector<std::pair<std::string, std::string>>& params = {});

// The page around `body` (already HTML): doctype, title, nav, stylesheet.
std::string Page(std::string_view title, const std::string& body);

// The stylesheet served at /style.css.
const std::string& StyleSheet();

}  // namespace newsx::pipelines::serve
