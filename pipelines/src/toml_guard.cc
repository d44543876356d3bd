#include "toml_guard.h"

namespace newsx::pipelines::internal {

namespace {

// Bytes of the UTF-8 sequence starting at text[i] (1 for a stray byte).
std::size_t SequenceLength(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  const std::size_t len = lead < 0xC2 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 1;
  for (std::size_t k = 1; k < len; ++k) {
    if (i + k >= text.size() || (static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 1;
  }
  return len;
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

}  // namespace

std::string AsciiPlaceholders(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  if (text.starts_with("\xEF\xBB\xBF")) {
    out = "\xEF\xBB\xBF";
    i = 3;
  }
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      out += text[i++];
    } else {
      out += '~';
      i += SequenceLength(text, i);
    }
  }
  return out;
}

std::string NonAsciiAfterLineEndingBackslash(std::string_view text) {
  for (std::size_t at = text.find('\\'); at != std::string_view::npos;
       at = text.find('\\', at + 1)) {
    std::size_t i = at + 1;
    while (i < text.size() && IsBlank(text[i])) ++i;
    if (i >= text.size() || text[i] != '\n') continue;
    while (i < text.size() && (IsBlank(text[i]) || text[i] == '\n')) ++i;
    if (i >= text.size() || static_cast<unsigned char>(text[i]) < 0x80) continue;
    std::size_t line = 1, column = 1;
    for (std::size_t k = 0; k < i; k += SequenceLength(text, k)) {
      if (text[k] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    return std::to_string(line) + ":" + std::to_string(column) +
           ": non-ASCII character right after a line-ending backslash (not supported)";
  }
  return "";
}

}  // namespace newsx::pipelines::internal
