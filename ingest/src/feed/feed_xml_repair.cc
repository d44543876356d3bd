// Detection and repair of the ill-formed XML found in real feeds.

#include <string>
#include <utility>
#include <vector>

#include "feed/feed_internal.h"

namespace newsx::ingest::internal {
namespace {

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_' || c == '-' || c == '.';
}

// Length of a character or entity reference starting at xml[pos] == '&'
// ("&amp;", "&#38;", "&nbsp;"), or 0 if it is a bare ampersand.
std::size_t ReferenceLength(std::string_view xml, std::size_t pos) {
  std::size_t i = pos + 1;
  if (i < xml.size() && xml[i] == '#') ++i;
  const std::size_t name_begin = i;
  while (i < xml.size() && IsNameChar(xml[i]) && i - pos < 40) ++i;
  if (i == name_begin || i >= xml.size() || xml[i] != ';') return 0;
  return i + 1 - pos;
}

bool IsPredefined(std::string_view ref) {
  return ref == "&amp;" || ref == "&lt;" || ref == "&gt;" || ref == "&quot;" || ref == "&apos;" ||
         (ref.size() > 3 && ref[1] == '#');
}

// Calls fn(pos) for each '&' outside CDATA sections and comments.
template <typename Fn>
void ForEachAmpersand(std::string_view xml, Fn fn) {
  std::size_t pos = 0;
  std::size_t lt = xml.find("<!");  // Next markup declaration; searched again only once passed.
  while (pos < xml.size()) {
    const std::size_t amp = xml.find('&', pos);
    if (amp == std::string_view::npos) return;
    if (lt != std::string_view::npos && lt < pos) lt = xml.find("<!", pos);
    if (lt != std::string_view::npos && lt < amp) {
      std::string_view end_marker;
      if (xml.compare(lt, 9, "<![CDATA[") == 0) end_marker = "]]>";
      else if (xml.compare(lt, 4, "<!--") == 0) end_marker = "-->";
      else end_marker = ">";
      const std::size_t end = xml.find(end_marker, lt + 2);
      if (end == std::string_view::npos) return;
      pos = end + end_marker.size();
      continue;
    }
    if (!fn(amp)) return;
    pos = amp + 1;
  }
}

}  // namespace

std::string FindEntityProblem(std::string_view xml) {
  // Entities declared in an internal DTD subset are defined; don't guess.
  if (xml.find("<!ENTITY") != std::string_view::npos) return "";
  std::string problem;
  ForEachAmpersand(xml, [&](std::size_t amp) {
    const std::size_t length = ReferenceLength(xml, amp);
    if (length == 0) {
      problem = "bare '&' at byte " + std::to_string(amp);
      return false;
    }
    const std::string_view ref = xml.substr(amp, length);
    if (!IsPredefined(ref)) {
      problem = "undefined entity " + std::string(ref) + " at byte " + std::to_string(amp);
      return false;
    }
    return true;
  });
  return problem;
}

std::string ExpandInternalEntities(std::string_view xml) {
  std::vector<std::pair<std::string, std::string>> entities;
  std::size_t pos = 0;
  while ((pos = xml.find("<!ENTITY", pos)) != std::string_view::npos) {
    pos += 8;
    while (pos < xml.size() && (xml[pos] == ' ' || xml[pos] == '\t' || xml[pos] == '\n')) ++pos;
    if (pos < xml.size() && xml[pos] == '%') continue;  // Parameter entity.
    const std::size_t name_end = xml.find_first_of(" \t\n", pos);
    const std::size_t quote = xml.find_first_of("\"'", name_end);
    if (name_end == std::string_view::npos || quote == std::string_view::npos) break;
    const std::size_t close = xml.find(xml[quote], quote + 1);
    if (close == std::string_view::npos) break;
    entities.emplace_back("&" + std::string(xml.substr(pos, name_end - pos)) + ";",
                          std::string(xml.substr(quote + 1, close - quote - 1)));
    pos = close;
  }
  const std::size_t subset_end = xml.find("]>");
  if (entities.empty() || subset_end == std::string_view::npos) return std::string(xml);
  std::string out(xml.substr(0, subset_end + 2));
  std::string rest(xml.substr(subset_end + 2));
  for (const auto& [ref, value] : entities) {
    for (std::size_t at = rest.find(ref); at != std::string::npos; at = rest.find(ref, at + value.size())) {
      rest.replace(at, ref.size(), value);
    }
  }
  return out + rest;
}

std::string RepairXml(std::string_view xml) {
  std::string out;
  out.reserve(xml.size() + 64);
  std::size_t done = 0;
  ForEachAmpersand(xml, [&](std::size_t amp) {
    if (ReferenceLength(xml, amp) == 0) {
      out.append(xml.substr(done, amp - done));
      out.append("&amp;");
      done = amp + 1;
    }
    return true;
  });
  out.append(xml.substr(done));
  for (char& c : out) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') c = ' ';
  }
  return out;
}

}  // namespace newsx::ingest::internal
