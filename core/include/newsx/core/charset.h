#pragma once

#include <string>
#include <string_view>
#include <vector>

// The one way bytes of unknown charset become UTF-8: feeds, OPML and sitemap
// lists (ingest) and HTML pages (extract) all decode through here, so a page
// and a feed with the same bytes and labels read the same.
namespace newsx {

// Where the charset that decoded the bytes came from.
enum class CharsetSource {
  kBom,       // A byte order mark (for XML also a BOM-less UTF-16 "<?").
  kHttp,      // The charset parameter of the Content-Type.
  kDocument,  // Declared inside: <?xml ... encoding="..."?> or <meta charset>.
  kDetected,  // Nothing usable declared: valid UTF-8, else ICU's detector.
  kDefault,   // Nothing declared or detected: windows-1252.
};

// Which in-document declaration to look for.
enum class MarkupKind {
  kHtml,  // <meta charset=...> or http-equiv Content-Type in the first 16 KiB.
  kXml,   // The XML declaration's encoding (JSON has none: the same rules).
};

// Bytes decoded to UTF-8.
struct Utf8Text {
  // Valid UTF-8 without a BOM: a view of the input bytes when they were
  // valid UTF-8 already (no copy), else of `converted`. Valid while the input
  // lives; moving this object keeps it valid.
  std::string_view text() const { return copied ? std::string_view(converted) : uncopied; }

  std::string charset;  // The decoder used: "UTF-8", "windows-1252", "Shift_JIS"...
  CharsetSource source = CharsetSource::kDefault;
  // What did not match: an unknown or overridden label, undeclared non-UTF-8
  // bytes, ill-formed UTF-8 replaced by U+FFFD. Diagnostics, not errors.
  std::vector<std::string> problems;

  bool copied = false;        // Whether text() is `converted`.
  std::string_view uncopied;  // The input without its BOM, when !copied.
  std::string converted;      // The decoded text, when copied.
};

// Decodes `bytes` to UTF-8. The charset is taken, in order, from a byte order
// mark; the charset parameter of `content_type` (an HTTP Content-Type); the
// document's own declaration (`kind`); else the bytes are UTF-8 when they are
// valid UTF-8, else what ICU's detector says, else windows-1252. Labels map
// to the decoders browsers use for them (WHATWG Encoding Standard: ISO-8859-1
// and ASCII decode as windows-1252, GB2312 and GBK as GB18030, Shift_JIS as
// windows-31j); an unknown label is skipped (and named in `problems`). A
// declared single-byte charset yields to UTF-8 when the bytes are valid UTF-8
// with multi-byte sequences: the common mislabelling. Never fails: bytes a
// decoder cannot read become U+FFFD. Pure and thread-safe.
Utf8Text DecodeToUtf8(std::string_view bytes, std::string_view content_type, MarkupKind kind);

// The charset label of a Content-Type value ("text/html; charset=UTF-8" ->
// "utf-8"), lower-cased, or "".
std::string CharsetFromContentType(std::string_view content_type);

// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or code
// points above U+10FFFF).
bool IsValidUtf8(std::string_view bytes);

}  // namespace newsx
