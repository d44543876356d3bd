#include "feed/feed_charset.h"

#include <unicode/ucnv.h>

#include <cstring>

namespace newsx::ingest::internal {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Reads encoding="..." from an XML declaration at the start of ASCII-compatible bytes.
std::string XmlDeclaredEncoding(std::string_view bytes) {
  if (bytes.substr(0, 5) != "<?xml") return "";
  const std::size_t end = bytes.find("?>");
  const std::string_view decl = bytes.substr(0, end == std::string_view::npos ? 256 : end);
  const std::size_t key = decl.find("encoding");
  if (key == std::string_view::npos) return "";
  std::size_t pos = decl.find_first_of("\"'", key);
  if (pos == std::string_view::npos) return "";
  const char quote = decl[pos];
  const std::size_t close = decl.find(quote, pos + 1);
  if (close == std::string_view::npos) return "";
  return Lower(decl.substr(pos + 1, close - pos - 1));
}

bool IsUtf8Name(std::string_view name) { return name == "utf-8" || name == "utf8"; }

bool IsLatinName(std::string_view name) {
  return name == "iso-8859-1" || name == "latin1" || name == "latin-1" || name == "iso8859-1" ||
         name == "windows-1252" || name == "cp1252" || name == "us-ascii" || name == "ascii" ||
         name == "iso-8859-15";
}

// Browser (WHATWG) aliases: these labels mean a superset in practice.
std::string IcuName(const std::string& name) {
  if (name == "gb2312" || name == "gb_2312-80" || name == "x-gbk" || name == "chinese") {
    return "GBK";
  }
  if (name == "iso-8859-1" || name == "latin1" || name == "latin-1" || name == "iso8859-1" ||
      name == "us-ascii" || name == "ascii") {
    return "windows-1252";
  }
  return name;
}

bool HasNonAscii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

// Converts with ICU; false if ICU does not know the charset.
bool Convert(std::string_view bytes, const std::string& charset, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  out->resize(bytes.size() * 3 + 16);
  int32_t n = ucnv_convert("UTF-8", charset.c_str(), out->data(),
                           static_cast<int32_t>(out->size()), bytes.data(),
                           static_cast<int32_t>(bytes.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    status = U_ZERO_ERROR;
    out->resize(static_cast<std::size_t>(n) + 1);
    n = ucnv_convert("UTF-8", charset.c_str(), out->data(), static_cast<int32_t>(out->size()),
                     bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  }
  if (U_FAILURE(status)) {
    out->clear();
    return false;
  }
  out->resize(static_cast<std::size_t>(n));
  return true;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    // ASCII fast path, 8 bytes at a time.
    while (end - p >= 8) {
      std::uint64_t word;
      std::memcpy(&word, p, 8);
      if (word & 0x8080808080808080ull) break;
      p += 8;
    }
    if (p >= end) break;
    const unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int extra;
    std::uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (end - p <= extra) return false;
    for (int i = 1; i <= extra; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
      return false;
    }
    p += extra + 1;
  }
  return true;
}

std::string CharsetFromContentType(std::string_view content_type) {
  const std::string lower = Lower(content_type);
  const std::size_t key = lower.find("charset=");
  if (key == std::string::npos) return "";
  std::size_t begin = key + 8;
  if (begin < lower.size() && (lower[begin] == '"' || lower[begin] == '\'')) ++begin;
  std::size_t end = lower.find_first_of("\"'; \t", begin);
  if (end == std::string::npos) end = lower.size();
  return lower.substr(begin, end - begin);
}

Utf8Text DecodeToUtf8(std::string_view bytes, std::string_view content_type) {
  Utf8Text result;
  std::string charset;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    charset = "utf-8";
  } else if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 4) == std::string_view("<\0?\0", 4)) {
    charset = "utf-16le";
  } else if (bytes.substr(0, 2) == "\xFE\xFF" || bytes.substr(0, 4) == std::string_view("\0<\0?", 4)) {
    charset = "utf-16be";
  }
  if (charset.empty()) charset = CharsetFromContentType(content_type);
  const std::string declared = XmlDeclaredEncoding(bytes);
  if (charset.empty()) charset = declared;
  if (charset.empty()) charset = "utf-8";

  if (IsUtf8Name(charset) || IsLatinName(charset)) {
    if (!HasNonAscii(bytes)) {  // ASCII reads the same in all of these.
      result.text = bytes;
      result.charset = "UTF-8";
      return result;
    }
    if (IsValidUtf8(bytes) && (IsUtf8Name(charset) || HasNonAscii(bytes))) {
      if (!IsUtf8Name(charset)) {
        result.problems.push_back("declared charset " + charset + " but the bytes are UTF-8");
      }
      result.text = bytes;
      result.charset = "UTF-8";
      return result;
    }
    if (IsUtf8Name(charset)) {
      result.problems.push_back("invalid UTF-8; decoded as windows-1252");
      charset = "windows-1252";
    }
  }
  const std::string icu_name = IcuName(charset);
  if (!Convert(bytes, icu_name, &result.converted)) {
    result.problems.push_back("unknown charset " + charset + "; decoded as windows-1252");
    Convert(bytes, "windows-1252", &result.converted);
    result.text = result.converted;
    result.charset = "windows-1252";
    return result;
  }
  result.text = result.converted;
  if (result.text.substr(0, 3) == "\xEF\xBB\xBF") result.text.remove_prefix(3);
  result.charset = icu_name;
  return result;
}

}  // namespace newsx::ingest::internal
