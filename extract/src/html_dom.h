#pragma once

// Thin helpers over libxml2's HTML tree, shared by the metadata and
// main-content passes. Private to extract/.

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace newsx::extract::internal {

// Deeper elements are ignored by every pass: real pages nest a few dozen
// levels, and the bound keeps hostile nesting from exhausting the stack.
inline constexpr int kMaxDomDepth = 400;

struct XmlDocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using HtmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

// Elements kept per page: the parse stops at this many and keeps the tree
// built so far. Real pages have a few thousand; a page of a million
// elements would take ~30 times its size in tree memory.
inline constexpr std::size_t kMaxHtmlElements = 200000;

// Parses UTF-8 HTML leniently (recovering from any error, no network, no
// diagnostics). Returns null only when libxml2 gives up (e.g. no markup at
// all). The declared charset of the page is ignored: the input is UTF-8.
// Start tags keep at most kMaxAttributesPerTag attributes (attribute_cap.h)
// and the parse stops after `max_elements` elements (*cut is then true),
// which keeps time and memory linear in the input and bounded.
HtmlDocPtr ParseHtml(std::string_view utf8, const std::string& url,
                     std::size_t max_elements = kMaxHtmlElements, bool* cut = nullptr);

inline std::string_view Name(const xmlNode* node) {
  return node->name ? std::string_view(reinterpret_cast<const char*>(node->name))
                    : std::string_view();
}

inline bool IsElement(const xmlNode* node) { return node->type == XML_ELEMENT_NODE; }

// Value of attribute `name` (lower-case; libxml2 lower-cases HTML attribute
// names), or an empty view. Points into the tree.
std::string_view Attr(const xmlNode* node, std::string_view name);

// True when the element has attribute `name`, even with an empty value.
bool HasAttr(const xmlNode* node, std::string_view name);

// Concatenated text of all descendant text nodes, whitespace collapsed and
// trimmed. Skips script and style.
std::string TextOf(const xmlNode* node);

// Collapses runs of ASCII whitespace and no-break spaces into one space and
// trims both ends.
std::string CollapseSpace(std::string_view s);

// Decodes character references (&amp;, &#039;, &#x2013;, &eacute;...) left in
// text that a site escaped twice, as metadata often is. Unknown or invalid
// references stay as they are.
std::string DecodeEntities(std::string_view s);

}  // namespace newsx::extract::internal
