#include "attribute_cap.h"
#include "newsx/core/strings.h"

namespace newsx::extract::internal {

namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool StartsWithIgnoreCase(std::string_view s, std::size_t at, std::string_view prefix) {
  if (s.size() - at < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (AsciiLower(s[at + i]) != prefix[i]) return false;
  }
  return true;
}

// The position of "</name" (any case) at or after `from`, or the end.
std::size_t FindEndTag(std::string_view html, std::size_t from, std::string_view name) {
  for (std::size_t at = html.find("</", from); at != std::string_view::npos;
       at = html.find("</", at + 2)) {
    if (StartsWithIgnoreCase(html, at + 2, name)) return at;
  }
  return html.size();
}

// A start tag from its name to its closing '>' (or the end of input).
struct TagScan {
  std::size_t end = 0;           // Position of '>' or html.size().
  std::size_t attributes = 0;
  std::size_t keep_until = 0;    // Just after the max_attributes-th attribute.
  bool raw_text = false;         // <script> or <style>: raw text follows.
  std::string_view raw_name;
};

TagScan ScanStartTag(std::string_view html, std::size_t i, std::size_t max_attributes) {
  const std::size_t n = html.size();
  TagScan tag;
  const std::size_t name_start = i;
  while (i < n && !IsMarkupSpace(html[i]) && html[i] != '>' && html[i] != '/') ++i;
  const std::string_view name = html.substr(name_start, i - name_start);
  for (const std::string_view raw : {std::string_view("script"), std::string_view("style")}) {
    if (name.size() == raw.size() && StartsWithIgnoreCase(name, 0, raw)) {
      tag.raw_text = true;
      tag.raw_name = raw;
    }
  }
  while (i < n) {
    while (i < n && (IsMarkupSpace(html[i]) || html[i] == '/')) ++i;
    if (i >= n || html[i] == '>') break;
    while (i < n && !IsMarkupSpace(html[i]) && html[i] != '=' && html[i] != '>') ++i;
    std::size_t j = i;
    while (j < n && IsMarkupSpace(html[j])) ++j;
    if (j < n && html[j] == '=') {
      i = j + 1;
      while (i < n && IsMarkupSpace(html[i])) ++i;
      if (i < n && (html[i] == '"' || html[i] == '\'')) {
        const std::size_t close = html.find(html[i], i + 1);
        i = close == std::string_view::npos ? n : close + 1;
      } else {
        while (i < n && !IsMarkupSpace(html[i]) && html[i] != '>') ++i;
      }
    }
    if (++tag.attributes == max_attributes) tag.keep_until = i;
  }
  tag.end = i;
  return tag;
}

}  // namespace

std::optional<std::string> CapAttributes(std::string_view html, std::size_t max_attributes) {
  std::optional<std::string> out;
  std::size_t copied = 0;  // html[0, copied) is in *out.
  const std::size_t n = html.size();
  std::size_t i = 0;
  while (i < n) {
    const std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= n) break;
    i = lt + 1;
    if (html[i] == '!') {
      const bool comment = html.compare(i, 3, "!--") == 0;
      const std::size_t end = comment ? html.find("-->", i + 3) : html.find('>', i);
      i = end == std::string_view::npos ? n : end + (comment ? 3 : 1);
      continue;
    }
    if (!IsAlpha(html[i])) continue;  // End tags, "<?", a lone '<' in text.
    const TagScan tag = ScanStartTag(html, i, max_attributes);
    if (tag.attributes > max_attributes) {
      if (!out) out.emplace().reserve(n);
      out->append(html.substr(copied, tag.keep_until - copied));
      copied = tag.end;  // The '>' itself is kept.
    }
    i = tag.end;
    if (tag.raw_text && i < n) i = FindEndTag(html, i + 1, tag.raw_name);
  }
  if (out) out->append(html.substr(copied));
  return out;
}

}  // namespace newsx::extract::internal
