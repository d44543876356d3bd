#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsx::ingest::internal {

// Bytes of an XML (or JSON) document converted to UTF-8.
struct Utf8Text {
  // UTF-8, without a BOM: a view of the input bytes when they were UTF-8
  // already (no copy), else of `converted`. Valid while both live.
  std::string_view text;
  std::string converted;
  std::string charset;                // What the bytes were decoded from.
  std::vector<std::string> problems;  // Charset mismatches, invalid bytes, unknown names.
};

// Decodes `bytes` using, in order: a BOM; the charset parameter of
// `content_type`; the XML declaration's encoding; UTF-8. A declared Latin
// charset whose bytes are valid non-ASCII UTF-8 is read as UTF-8 (a common
// server misconfiguration); UTF-8 that is not valid falls back to
// windows-1252. Other charsets are converted with ICU (GB2312 read as GBK,
// ISO-8859-1 and US-ASCII as windows-1252, as browsers do). Thread-safe.
Utf8Text DecodeToUtf8(std::string_view bytes, std::string_view content_type);

// The charset parameter of a Content-Type value, lower-cased, or "".
std::string CharsetFromContentType(std::string_view content_type);

// True if `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

}  // namespace newsx::ingest::internal
