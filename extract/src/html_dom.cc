#include "html_dom.h"

#include <climits>
#include <cstdint>

#include "attribute_cap.h"

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

namespace {

// Counts elements as libxml2 creates them and stops the parse at the
// limit; the tree built so far is kept. Lives in the context's _private.
struct ElementBudget {
  startElementSAXFunc create = nullptr;  // libxml2's own handler.
  std::size_t left = 0;
  bool cut = false;
};

void CountedStartElement(void* user, const xmlChar* name, const xmlChar** attributes) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(user);
  auto* budget = static_cast<ElementBudget*>(ctxt->_private);
  if (budget->left == 0) {
    budget->cut = true;
    xmlStopParser(ctxt);
    return;
  }
  --budget->left;
  budget->create(user, name, attributes);
}

struct ParserCtxtDeleter {
  void operator()(htmlParserCtxtPtr ctxt) const { htmlFreeParserCtxt(ctxt); }
};

}  // namespace

HtmlDocPtr ParseHtml(std::string_view utf8, const std::string& url, std::size_t max_elements,
                     bool* cut) {
  if (cut != nullptr) *cut = false;
  // Keeps libxml2's per-tag duplicate check (quadratic in the attributes
  // of one tag) bounded; see attribute_cap.h.
  const std::optional<std::string> capped = CapAttributes(utf8);
  if (capped) utf8 = *capped;
  if (utf8.size() > static_cast<std::size_t>(INT_MAX)) return nullptr;
  std::unique_ptr<htmlParserCtxt, ParserCtxtDeleter> ctxt(htmlNewParserCtxt());
  if (ctxt == nullptr || ctxt->sax == nullptr) return nullptr;
  ElementBudget budget{ctxt->sax->startElement, max_elements, false};
  ctxt->_private = &budget;
  ctxt->sax->startElement = &CountedStartElement;
  HtmlDocPtr doc(htmlCtxtReadMemory(ctxt.get(), utf8.data(), static_cast<int>(utf8.size()),
                                    url.c_str(), "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                        HTML_PARSE_COMPACT));
  if (cut != nullptr) *cut = budget.cut;
  return doc;
}

namespace {

// `name` equals the NUL-terminated `s`. Compares in place: measuring every
// attribute name with strlen first cost more than the comparison, and the
// attribute lookups run for most elements of every page.
bool NameIs(const xmlChar* s, std::string_view name) {
  if (s == nullptr) return false;
  for (const char c : name) {
    if (static_cast<char>(*s) != c) return false;  // Also stops at s's NUL.
    ++s;
  }
  return *s == 0;
}

}  // namespace

std::string_view Attr(const xmlNode* node, std::string_view name) {
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (!NameIs(a->name, name)) continue;
    const xmlNode* value = a->children;
    if (value == nullptr || value->content == nullptr) return {};
    return reinterpret_cast<const char*>(value->content);
  }
  return {};
}

bool HasAttr(const xmlNode* node, std::string_view name) {
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (NameIs(a->name, name)) return true;
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

namespace {

void AppendUtf8(std::uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The code point of the reference body `ref` (between '&' and ';'), or 0.
std::uint32_t ReferenceValue(std::string_view ref) {
  if (ref.size() >= 2 && ref[0] == '#') {
    const bool hex = ref[1] == 'x' || ref[1] == 'X';
    std::uint32_t cp = 0;
    const std::string_view digits = ref.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return 0;
    for (const char c : digits) {
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (hex && ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')) {
        d = (c | 0x20) - 'a' + 10;
      } else {
        return 0;
      }
      cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return cp;
  }
  const std::string name(ref);
  const htmlEntityDesc* entity = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
  return entity == nullptr ? 0 : entity->value;
}

}  // namespace

std::string DecodeEntities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t amp = s.find('&', i);
    if (amp == std::string_view::npos) break;
    out.append(s.substr(i, amp - i));
    const std::size_t semi = s.find(';', amp + 1);
    const std::uint32_t cp = semi != std::string_view::npos && semi - amp <= 10
                                 ? ReferenceValue(s.substr(amp + 1, semi - amp - 1))
                                 : 0;
    if (cp == 0) {
      out += '&';
      i = amp + 1;
    } else {
      AppendUtf8(cp, &out);
      i = semi + 1;
    }
  }
  out.append(s.substr(i));
  return out;
}

}  // namespace newsx::extract::internal
