#include "charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>

namespace newsx::extract::internal {

namespace {

constexpr std::size_t kMetaScanBytes = 16 * 1024;
constexpr std::size_t kDetectBytes = 64 * 1024;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool IsLabelChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
         c == ':';
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
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

std::string CharsetFromContentType(std::string_view content_type) {
  const std::string lower = LowerAscii(content_type);
  const std::size_t pos = lower.find("charset");
  return pos == std::string::npos ? "" : LabelAfterCharset(lower, pos);
}

// The first charset declared by a <meta> tag in the head of the page.
std::string CharsetFromMeta(std::string_view body) {
  const std::string head = LowerAscii(body.substr(0, std::min(body.size(), kMetaScanBytes)));
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

// Maps a declared label to the decoder browsers use for it (WHATWG Encoding
// Standard), as an ICU converter name; "" when ICU does not know it.
std::string ResolveLabel(const std::string& label, bool from_meta) {
  static constexpr struct {
    const char* label;
    const char* decoder;
  } kAliases[] = {
      {"utf8", "UTF-8"},
      {"unicode-1-1-utf-8", "UTF-8"},
      {"iso-8859-1", "windows-1252"},
      {"iso8859-1", "windows-1252"},
      {"iso_8859-1", "windows-1252"},
      {"latin1", "windows-1252"},
      {"l1", "windows-1252"},
      {"us-ascii", "windows-1252"},
      {"ascii", "windows-1252"},
      {"ansi_x3.4-1968", "windows-1252"},
      {"cp1252", "windows-1252"},
      {"x-cp1252", "windows-1252"},
      {"iso-8859-9", "windows-1254"},
      {"latin5", "windows-1254"},
      {"tis-620", "windows-874"},
      {"iso-8859-11", "windows-874"},
      {"gb2312", "GB18030"},
      {"gbk", "GB18030"},
      {"x-gbk", "GB18030"},
      {"cp936", "GB18030"},
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
  // A page cannot declare UTF-16 from inside itself: it would not be readable
  // as ASCII. Browsers take it as UTF-8.
  if (from_meta && label.rfind("utf-16", 0) == 0) return "UTF-8";
  std::string name = label;
  for (const auto& alias : kAliases) {
    if (label == alias.label) {
      name = alias.decoder;
      break;
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status) || converter == nullptr) return "";
  ucnv_close(converter);
  return name == "utf-8" ? "UTF-8" : name;
}

bool IsUtf8Name(const std::string& name) { return LowerAscii(name) == "utf-8"; }

bool IsSingleByte(const std::string& name) {
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
  return ResolveLabel(LowerAscii(name), /*from_meta=*/false);
}

std::string RepairUtf8(std::string_view bytes) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(bytes.data(), static_cast<int32_t>(bytes.size())))
      .toUTF8String(out);
  return out;
}

std::string Convert(std::string_view bytes, const std::string& charset) {
  if (IsUtf8Name(charset)) {
    return IsValidUtf8(bytes) ? std::string(bytes) : RepairUtf8(bytes);
  }
  // The codepage constructor substitutes U+FFFD for undecodable bytes.
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), charset.c_str());
  std::string out;
  if (u.isBogus()) return RepairUtf8(bytes);
  u.toUTF8String(out);
  return out;
}

std::string_view StripBom(std::string_view body, std::string* charset) {
  if (body.size() >= 3 && std::memcmp(body.data(), "\xEF\xBB\xBF", 3) == 0) {
    *charset = "UTF-8";
    return body.substr(3);
  }
  if (body.size() >= 2 && std::memcmp(body.data(), "\xFF\xFE", 2) == 0) {
    *charset = "UTF-16LE";
    return body.substr(2);
  }
  if (body.size() >= 2 && std::memcmp(body.data(), "\xFE\xFF", 2) == 0) {
    *charset = "UTF-16BE";
    return body.substr(2);
  }
  return body;
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

DecodedPage DecodeToUtf8(std::string_view body, std::string_view content_type) {
  DecodedPage page;
  std::string bom_charset;
  body = StripBom(body, &bom_charset);
  if (!bom_charset.empty()) {
    page.charset = bom_charset;
    page.source = CharsetSource::kBom;
  } else if (std::string http = ResolveLabel(CharsetFromContentType(content_type), false);
             !http.empty()) {
    page.charset = http;
    page.source = CharsetSource::kHttp;
  } else if (std::string meta = ResolveLabel(CharsetFromMeta(body), true); !meta.empty()) {
    page.charset = meta;
    page.source = CharsetSource::kMeta;
  }
  const bool declared = !page.charset.empty();
  if (page.source != CharsetSource::kBom && (!declared || IsSingleByte(page.charset))) {
    const bool valid_utf8 = IsValidUtf8(body);
    if (valid_utf8 && (!declared || HasNonAscii(body))) {
      page.charset = "UTF-8";
      if (!declared) page.source = CharsetSource::kDetected;
    } else if (!declared) {
      page.charset = DetectCharset(body);
      page.source = CharsetSource::kDetected;
      if (page.charset.empty()) {
        page.charset = "windows-1252";
        page.source = CharsetSource::kDefault;
      }
    }
  }
  page.utf8 = Convert(body, page.charset);
  return page;
}

}  // namespace newsx::extract::internal
