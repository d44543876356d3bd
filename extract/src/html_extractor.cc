#include "newsx/extract/html_extractor.h"

#include <libxml/HTMLparser.h>

#include <string>

#include "newsx/core/hash.h"
#include "newsx/core/time_format.h"
#include "newsx/core/url.h"
#include "newsx/extract/text_normalizer.h"

namespace newsx::extract {

namespace {

// Minimal placeholder: <title> and <p> text. Replaced by the main-content
// extractor.
void Collect(xmlNode* node, std::string* title, std::string* text) {
  for (xmlNode* n = node; n != nullptr; n = n->next) {
    if (n->type == XML_ELEMENT_NODE) {
      const std::string name = reinterpret_cast<const char*>(n->name);
      if (name == "script" || name == "style") continue;
      if (name == "title" || name == "p") {
        xmlChar* content = xmlNodeGetContent(n);
        std::string s = content ? reinterpret_cast<const char*>(content) : "";
        xmlFree(content);
        if (name == "title" && title->empty()) {
          *title = s;
        } else if (name == "p") {
          if (!text->empty()) *text += '\n';
          *text += s;
        }
        continue;
      }
    }
    Collect(n->children, title, text);
  }
}

}  // namespace

Result<Article> ExtractArticle(const RawDocument& doc, const HtmlExtractOptions& options) {
  if (doc.body.size() > options.max_input_bytes) {
    return ResourceExhaustedError("page of " + std::to_string(doc.body.size()) +
                                  " bytes exceeds the limit");
  }
  htmlDocPtr html = htmlReadMemory(doc.body.data(), static_cast<int>(doc.body.size()),
                                   doc.url.c_str(), "UTF-8",
                                   HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                       HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (html == nullptr) return InvalidArgumentError("not parseable as HTML");
  std::string title, text;
  Collect(xmlDocGetRootElement(html), &title, &text);
  xmlFreeDoc(html);
  Article a;
  a.url = doc.url;
  a.source = doc.source;
  a.title = NormalizeText(title);
  a.text = NormalizeText(text);
  if (a.text.empty()) return InvalidArgumentError("page has no text");
  a.canonical_url = CanonicalizeUrl(doc.url);
  a.id = ArticleId(a.canonical_url.empty() ? doc.url : a.canonical_url);
  a.published = doc.hint_published;
  if (doc.fetched_unix_ms > 0) a.fetched = FormatIsoUtc(doc.fetched_unix_ms / 1000);
  a.content_hash = ContentHash(a.text);
  a.extractor_version = kHtmlExtractorVersion;
  return a;
}

}  // namespace newsx::extract
