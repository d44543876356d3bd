#include "newsx/ingest/opml_parser.h"

#include <pugixml.hpp>

#include <set>
#include <string>

#include "feed/feed_text.h"
#include "newsx/core/charset.h"
#include "newsx/core/strings.h"

namespace newsx::ingest {
namespace {

void Collect(const pugi::xml_node& node, const std::string& category, std::string_view base,
             std::set<std::string>* seen, std::vector<FeedSubscription>* out) {
  for (const pugi::xml_node& outline : node.children("outline")) {
    std::string title = outline.attribute("title").value();
    if (title.empty()) title = outline.attribute("text").value();
    const std::string url = internal::ResolveLink(base, outline.attribute("xmlUrl").value());
    if (!url.empty()) {
      if (seen->insert(url).second) out->push_back(FeedSubscription{url, title, category});
    }
    if (outline.first_child()) {
      const std::string inner = url.empty() && !title.empty()
                                    ? (category.empty() ? title : category + "/" + title)
                                    : category;
      Collect(outline, inner, base, seen, out);
    }
  }
}

bool IsHttpUrl(std::string_view s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0;
}

}  // namespace

Result<std::vector<FeedSubscription>> ParseOpml(std::string_view bytes, std::string_view base_url) {
  const Utf8Text decoded = DecodeToUtf8(bytes, "", MarkupKind::kXml);
  const std::string_view text = decoded.text();
  pugi::xml_document doc;
  const pugi::xml_parse_result result =
      doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  const pugi::xml_node root = doc.child("opml");
  if (!root) {
    return InvalidArgumentError(result ? "not an OPML document: no <opml> root"
                                       : std::string("not an OPML document: ") +
                                             result.description());
  }
  std::vector<FeedSubscription> feeds;
  std::set<std::string> seen;
  Collect(root.child("body"), "", base_url, &seen, &feeds);
  return feeds;
}

Result<std::vector<FeedSubscription>> ParseFeedList(std::string_view bytes) {
  const std::string_view head = Trim(bytes.substr(0, 4096), kMarkupWhitespace);
  if (head.rfind("<", 0) == 0) return ParseOpml(bytes);
  std::vector<FeedSubscription> feeds;
  std::set<std::string> seen;
  std::size_t line_number = 0;
  while (!bytes.empty()) {
    const std::size_t eol = bytes.find('\n');
    const std::string_view line = Trim(bytes.substr(0, eol), kMarkupWhitespace);
    bytes.remove_prefix(eol == std::string_view::npos ? bytes.size() : eol + 1);
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    if (!IsHttpUrl(line)) {
      return InvalidArgumentError("feed list line " + std::to_string(line_number) +
                                  ": not an http(s) URL: " + std::string(line.substr(0, 200)));
    }
    if (seen.insert(std::string(line)).second) feeds.push_back(FeedSubscription{std::string(line), "", ""});
  }
  return feeds;
}

}  // namespace newsx::ingest
