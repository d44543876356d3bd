#include "newsx/core/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>

#include "newsx/core/strings.h"

namespace newsx {

namespace {

constexpr std::size_t kMetaScanBytes = 16 * 1024;
constexpr std::size_t kDetectBytes = 64 * 1024;

bool IsLabelChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
         c == ':';
}

// Reads the charset label that follows the "charset" at `pos` in the
// lower-cased `s`: optional spaces, '=', optional spaces and quotes.
std::string LabelAfterCharset(std::string_view s, std::size_t pos) {
  std::size_t i = pos + 7;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  if (i >= s.size() || s[i] != '=') return "";
  ++i;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '"' || s[i] == '\'')) ++i;
  std::size_t end = i;
  while (end < s.size() && IsLabelChar(s[end])) ++end;
  return std::string(s.substr(i, end - i));
}

// The first charset declared by a <meta> tag in the head of the page.
std::string CharsetFromMeta(std::string_view body) {
  const std::string head = AsciiLower(body.substr(0, std::min(body.size(), kMetaScanBytes)));
  std::size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    const std::size_t end = std::min(head.find('>', pos), head.size());
    const std::string_view tag = std::string_view(head).substr(pos, end - pos);
    const std::size_t cs = tag.find("charset");
    if (cs != std::string_view::npos) {
      std::string label = LabelAfterCharset(tag, cs);
      if (!label.empty()) return label;
    }
    pos = end;
  }
  return "";
}

// encoding="..." of an XML declaration at the start of ASCII-compatible bytes.
std::string CharsetFromXmlDeclaration(std::string_view bytes) {
  if (!bytes.starts_with("<?xml")) return "";
  const std::size_t end = bytes.find("?>");
  const std::string_view decl = bytes.substr(0, end == std::string_view::npos ? 256 : end);
  const std::size_t key = decl.find("encoding");
  if (key == std::string_view::npos) return "";
  const std::size_t open = decl.find_first_of("\"'", key);
  if (open == std::string_view::npos) return "";
  const std::size_t close = decl.find(decl[open], open + 1);
  if (close == std::string_view::npos) return "";
  return AsciiLower(Trim(decl.substr(open + 1, close - open - 1)));
}

bool IcuKnows(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status) || converter == nullptr) return false;
  ucnv_close(converter);
  return true;
}

// Maps a declared label to the decoder browsers use for it (WHATWG Encoding
// Standard), as an ICU converter name; "" when ICU does not know it.
std::string ResolveLabel(const std::string& label, bool from_document) {
  static constexpr struct {
    const char* label;
    const char* decoder;
  } kAliases[] = {
      {"utf-8", "UTF-8"},
      {"utf8", "UTF-8"},
      {"unicode-1-1-utf-8", "UTF-8"},
      {"iso-8859-1", "windows-1252"},
      {"iso8859-1", "windows-1252"},
      {"iso_8859-1", "windows-1252"},
      {"latin1", "windows-1252"},
      {"latin-1", "windows-1252"},
      {"l1", "windows-1252"},
      {"us-ascii", "windows-1252"},
      {"ascii", "windows-1252"},
      {"ansi_x3.4-1968", "windows-1252"},
      {"cp1252", "windows-1252"},
      {"x-cp1252", "windows-1252"},
      {"windows-1252", "windows-1252"},
      {"iso-8859-9", "windows-1254"},
      {"latin5", "windows-1254"},
      {"tis-620", "windows-874"},
      {"iso-8859-11", "windows-874"},
      {"gb2312", "GB18030"},
      {"gbk", "GB18030"},
      {"x-gbk", "GB18030"},
      {"cp936", "GB18030"},
      {"chinese", "GB18030"},
      {"gb_2312-80", "GB18030"},
      {"shift_jis", "windows-31j"},
      {"shift-jis", "windows-31j"},
      {"sjis", "windows-31j"},
      {"x-sjis", "windows-31j"},
      {"ms_kanji", "windows-31j"},
      {"ms932", "windows-31j"},
      {"euc-kr", "windows-949"},
      {"ks_c_5601-1987", "windows-949"},
  };
  if (label.empty()) return "";
  // A document cannot declare UTF-16 from inside itself: the declaration
  // would not be readable as ASCII. Browsers take it as UTF-8.
  if (from_document && label.starts_with("utf-16")) return "UTF-8";
  for (const auto& alias : kAliases) {
    if (label == alias.label) return alias.decoder;  // All known to ICU.
  }
  return IcuKnows(label) ? label : "";
}

bool IsUtf8Name(std::string_view name) { return EqualsIgnoreAsciiCase(name, "utf-8"); }

bool IsSingleByte(const std::string& name) {
  if (IsUtf8Name(name)) return false;
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status) || converter == nullptr) return false;
  const bool single = ucnv_getMaxCharSize(converter) == 1;
  ucnv_close(converter);
  return single;
}

bool HasNonAscii(std::string_view bytes) {
  return std::any_of(bytes.begin(), bytes.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

std::string DetectCharset(std::string_view body) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* detector = ucsdet_open(&status);
  if (U_FAILURE(status)) return "";
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> guard(detector, &ucsdet_close);
  ucsdet_enableInputFilter(detector, true);  // Ignore markup.
  const std::size_t n = std::min(body.size(), kDetectBytes);
  ucsdet_setText(detector, body.data(), static_cast<int32_t>(n), &status);
  const UCharsetMatch* match = ucsdet_detect(detector, &status);
  if (U_FAILURE(status) || match == nullptr) return "";
  const char* name = ucsdet_getName(match, &status);
  if (U_FAILURE(status) || name == nullptr) return "";
  return ResolveLabel(AsciiLower(name), /*from_document=*/false);
}

// Ill-formed sequences become U+FFFD.
std::string RepairUtf8(std::string_view bytes) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(bytes.data(), static_cast<int32_t>(bytes.size())))
      .toUTF8String(out);
  return out;
}

// Strips a byte order mark, naming the charset it stands for.
std::string_view StripBom(std::string_view bytes, std::string* charset) {
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    *charset = "UTF-8";
    return bytes.substr(3);
  }
  if (bytes.starts_with("\xFF\xFE")) {
    *charset = "UTF-16LE";
    return bytes.substr(2);
  }
  if (bytes.starts_with("\xFE\xFF")) {
    *charset = "UTF-16BE";
    return bytes.substr(2);
  }
  return bytes;
}

// XML without a BOM still shows UTF-16 in how "<?" is spelled (XML 1.0
// appendix F).
std::string Utf16FromXmlStart(std::string_view bytes) {
  if (bytes.starts_with(std::string_view("<\0?\0", 4))) return "UTF-16LE";
  if (bytes.starts_with(std::string_view("\0<\0?", 4))) return "UTF-16BE";
  return "";
}

// Takes `label` as the charset when a decoder exists for it; else records
// that it was skipped.
bool Adopt(const std::string& label, bool from_document, CharsetSource source,
           std::string_view where, Utf8Text* out) {
  if (label.empty()) return false;
  std::string decoder = ResolveLabel(label, from_document);
  if (decoder.empty()) {
    out->problems.push_back("unknown charset " + label + " in " + std::string(where) +
                            "; ignored");
    return false;
  }
  out->charset = std::move(decoder);
  out->source = source;
  return true;
}

// Charsets in which ASCII bytes mean ASCII (unlike, say, EBCDIC).
bool IsAsciiCompatible(std::string_view name) {
  const std::string lower = AsciiLower(name);
  return lower.starts_with("windows-") || lower.starts_with("iso-8859-") ||
         lower.starts_with("koi8") || lower == "gb18030" || lower.starts_with("euc-");
}

// `valid_utf8`: IsValidUtf8(bytes) when already known.
void Convert(std::string_view bytes, std::optional<bool> valid_utf8, Utf8Text* out) {
  const bool utf8 = IsUtf8Name(out->charset);
  if ((utf8 && valid_utf8.value_or(utf8 && IsValidUtf8(bytes))) ||
      (!utf8 && IsAsciiCompatible(out->charset) && !HasNonAscii(bytes))) {
    out->uncopied = bytes;  // Already UTF-8 as it is.
    return;
  }
  if (utf8) {
    out->problems.push_back("ill-formed UTF-8 replaced by U+FFFD");
    out->converted = RepairUtf8(bytes);
  } else {
    // The codepage constructor substitutes U+FFFD for undecodable bytes.
    icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), out->charset.c_str());
    if (u.isBogus()) {
      out->converted = RepairUtf8(bytes);
    } else {
      u.toUTF8String(out->converted);
    }
    // A BOM-less UTF-16 document may still begin with U+FEFF.
    if (std::string_view(out->converted).starts_with("\xEF\xBB\xBF")) out->converted.erase(0, 3);
  }
  out->copied = true;
}

}  // namespace

bool IsValidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    // Fast path over ASCII, eight bytes at a time.
    if (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, s + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    std::uint32_t min;
    std::uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, min = 0x10000, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

std::string CharsetFromContentType(std::string_view content_type) {
  const std::string lower = AsciiLower(content_type);
  const std::size_t pos = lower.find("charset");
  return pos == std::string::npos ? "" : LabelAfterCharset(lower, pos);
}

Utf8Text DecodeToUtf8(std::string_view bytes, std::string_view content_type, MarkupKind kind) {
  Utf8Text out;
  std::string bom;
  bytes = StripBom(bytes, &bom);
  if (bom.empty() && kind == MarkupKind::kXml) bom = Utf16FromXmlStart(bytes);
  const bool xml = kind == MarkupKind::kXml;
  if (!bom.empty()) {
    out.charset = bom;
    out.source = CharsetSource::kBom;
  } else if (!Adopt(CharsetFromContentType(content_type), false, CharsetSource::kHttp,
                    "Content-Type", &out)) {
    Adopt(xml ? CharsetFromXmlDeclaration(bytes) : CharsetFromMeta(bytes), true,
          CharsetSource::kDocument, xml ? "the XML declaration" : "a <meta> tag", &out);
  }
  const bool declared = !out.charset.empty();
  std::optional<bool> valid_utf8;
  if (out.source != CharsetSource::kBom && (!declared || IsSingleByte(out.charset))) {
    valid_utf8 = IsValidUtf8(bytes);
    if (*valid_utf8 && (!declared || HasNonAscii(bytes))) {
      if (declared) {
        out.problems.push_back("declared charset " + out.charset + " but the bytes are UTF-8");
      } else {
        out.source = CharsetSource::kDetected;
      }
      out.charset = "UTF-8";
    } else if (!declared) {
      out.charset = DetectCharset(bytes);
      out.source = CharsetSource::kDetected;
      if (out.charset.empty()) {
        out.charset = "windows-1252";
        out.source = CharsetSource::kDefault;
      }
      out.problems.push_back("no charset declared and the bytes are not UTF-8; decoded as " +
                             out.charset);
    }
  }
  Convert(bytes, valid_utf8, &out);
  return out;
}

}  // namespace newsx
