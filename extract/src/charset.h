#pragma once

#include <string>
#include <string_view>

namespace newsx::extract::internal {

// How the charset of a page was decided (for tests and diagnostics).
enum class CharsetSource { kBom, kHttp, kMeta, kDetected, kDefault };

struct DecodedPage {
  std::string utf8;     // Valid UTF-8 (ill-formed input became U+FFFD); not yet NFC.
  std::string charset;  // The decoder used, e.g. "UTF-8", "windows-1252", "Shift_JIS".
  CharsetSource source = CharsetSource::kDefault;
};

// Decodes page bytes to UTF-8. The charset is taken, in order, from a byte
// order mark, the HTTP Content-Type `charset` parameter, a <meta charset> or
// http-equiv Content-Type in the first 16 KiB, and finally ICU's charset
// detector, preferring UTF-8 whenever the bytes are valid UTF-8. Labels are
// mapped as browsers do (ISO-8859-1 and ASCII decode as windows-1252, GB2312
// and GBK as GB18030). A declared single-byte charset is overridden by UTF-8
// when the bytes are valid UTF-8 containing multi-byte sequences, the common
// mislabelling of UTF-8 pages. Never fails: undecodable bytes become U+FFFD.
// Pure and thread-safe.
DecodedPage DecodeToUtf8(std::string_view body, std::string_view content_type);

// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or
// code points above U+10FFFF).
bool IsValidUtf8(std::string_view bytes);

}  // namespace newsx::extract::internal
