#include "newsx/ingest/sitemap_parser.h"

#include <pugixml.hpp>

#include "newsx/core/strings.h"
#include "newsx/core/time_format.h"

namespace newsx::ingest {

namespace {

std::string_view LocalName(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// XML's whitespace (space, tab, CR, LF) around a value.
std::string_view TrimXmlSpace(std::string_view s) { return Trim(s, " \t\r\n"); }

// Text of the first child element named `local` (any prefix), trimmed.
std::string ChildText(const pugi::xml_node& parent, std::string_view local) {
  for (const pugi::xml_node& child : parent.children()) {
    if (child.type() == pugi::node_element && LocalName(child) == local) {
      return std::string(TrimXmlSpace(child.text().get()));
    }
  }
  return {};
}

pugi::xml_node Child(const pugi::xml_node& parent, std::string_view local) {
  for (const pugi::xml_node& child : parent.children()) {
    if (child.type() == pugi::node_element && LocalName(child) == local) return child;
  }
  return {};
}

SitemapUrl ParseUrl(const pugi::xml_node& node) {
  SitemapUrl url;
  url.loc = ChildText(node, "loc");
  url.lastmod = ChildText(node, "lastmod");
  if (const pugi::xml_node news = Child(node, "news")) {
    if (const auto seconds = ParseDateTime(ChildText(news, "publication_date"))) {
      url.published = FormatIsoUtc(*seconds);
    }
    url.title = ChildText(news, "title");
    if (const pugi::xml_node publication = Child(news, "publication")) {
      url.publication_name = ChildText(publication, "name");
      url.language = ChildText(publication, "language");
    }
  }
  return url;
}

}  // namespace

Result<Sitemap> ParseSitemap(std::string_view xml) {
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_trim_pcdata);
  if (!parsed) {
    return InvalidArgumentError(std::string("malformed sitemap XML at byte ") +
                                std::to_string(parsed.offset) + ": " + parsed.description());
  }
  const pugi::xml_node root = doc.document_element();
  Sitemap sitemap;
  const std::string_view root_name = LocalName(root);
  if (root_name == "sitemapindex") {
    sitemap.is_index = true;
    for (const pugi::xml_node& entry : root.children()) {
      if (entry.type() != pugi::node_element || LocalName(entry) != "sitemap") continue;
      std::string loc = ChildText(entry, "loc");
      if (!loc.empty()) sitemap.sitemaps.push_back(std::move(loc));
    }
  } else if (root_name == "urlset") {
    for (const pugi::xml_node& entry : root.children()) {
      if (entry.type() != pugi::node_element || LocalName(entry) != "url") continue;
      SitemapUrl url = ParseUrl(entry);
      if (!url.loc.empty()) sitemap.urls.push_back(std::move(url));
    }
  } else {
    return InvalidArgumentError("not a sitemap: root element is <" + std::string(root.name()) +
                                ">");
  }
  return sitemap;
}

std::vector<std::string> RobotsSitemapUrls(std::string_view robots_txt) {
  std::vector<std::string> urls;
  while (!robots_txt.empty()) {
    const std::size_t nl = robots_txt.find('\n');
    std::string_view line = robots_txt.substr(0, nl);
    robots_txt.remove_prefix(nl == std::string_view::npos ? robots_txt.size() : nl + 1);
    line = Trim(line.substr(0, line.find('#')), " \t\r\n");
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    if (!EqualsIgnoreAsciiCase(Trim(line.substr(0, colon), " \t\r\n"), "sitemap")) continue;
    const std::string_view value = Trim(line.substr(colon + 1), " \t\r\n");
    if (!value.empty()) urls.emplace_back(value);
  }
  return urls;
}

}  // namespace newsx::ingest
