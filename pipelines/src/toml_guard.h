#pragma once

// Keeping non-ASCII characters away from the places where toml++ cannot
// take them. Private to pipelines/.
//
// Debian 12's toml++ 3.3.0 reaches __builtin_unreachable (undefined
// behaviour) when it asks whether some non-ASCII characters are whitespace
// (U+00A1..U+0499, U+2CB6..U+30AF, U+FC36..U+FEFE, e.g. "é"): its table of
// non-ASCII whitespace misses cases. It asks that of every character where
// whitespace may stand, which in valid TOML excludes the inside of strings
// and comments, except right after a line-ending backslash in a multi-line
// string. Found by fuzz/config_fuzz.
//
// ParseConfig first parses a copy with every non-ASCII character replaced
// by '~' (ASCII only: safe). If that fails, its error is the answer (the
// copy differs only where the original has non-ASCII characters). If it
// parses, the non-ASCII characters all sit in strings and comments as
// toml++ itself reads them, and the original is parsed.

#include <string>
#include <string_view>

namespace newsx::pipelines::internal {

// `text` with each non-ASCII character (a UTF-8 sequence, or a stray byte)
// replaced by one '~', so that lines and columns stay the same. A leading
// UTF-8 BOM is kept.
std::string AsciiPlaceholders(std::string_view text);

// "<line>:<column>: ..." for a non-ASCII character where a line-ending
// backslash makes toml++ skip whitespace, or "" when there is none.
std::string NonAsciiAfterLineEndingBackslash(std::string_view text);

}  // namespace newsx::pipelines::internal
