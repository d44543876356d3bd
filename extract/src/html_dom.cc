#include "html_dom.h"

#include <climits>

namespace newsx::extract::internal {

namespace {

void AppendText(const xmlNode* node, int depth, std::string* out) {
  if (depth > kMaxDomDepth) return;
  for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) *out += reinterpret_cast<const char*>(n->content);
    } else if (IsElement(n)) {
      const std::string_view name = Name(n);
      if (name == "script" || name == "style") continue;
      if (name == "br" || name == "p" || name == "div" || name == "li") *out += ' ';
      AppendText(n, depth + 1, out);
    }
  }
}

}  // namespace

HtmlDocPtr ParseHtml(std::string_view utf8, const std::string& url) {
  if (utf8.size() > static_cast<std::size_t>(INT_MAX)) return nullptr;
  return HtmlDocPtr(htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), url.c_str(),
                                   "UTF-8",
                                   HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                       HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                       HTML_PARSE_COMPACT));
}

std::string_view Attr(const xmlNode* node, std::string_view name) {
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (a->name == nullptr || name != reinterpret_cast<const char*>(a->name)) continue;
    const xmlNode* value = a->children;
    if (value == nullptr || value->content == nullptr) return {};
    return reinterpret_cast<const char*>(value->content);
  }
  return {};
}

bool HasAttr(const xmlNode* node, std::string_view name) {
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (a->name != nullptr && name == reinterpret_cast<const char*>(a->name)) return true;
  }
  return false;
}

std::string TextOf(const xmlNode* node) {
  std::string raw;
  AppendText(node, 0, &raw);
  return CollapseSpace(raw);
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool nbsp = c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || nbsp) {
      space = true;
      if (nbsp) ++i;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

}  // namespace newsx::extract::internal
