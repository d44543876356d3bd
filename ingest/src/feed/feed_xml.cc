// RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 on a pugixml DOM.

#include <pugixml.hpp>

#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "feed/feed_internal.h"
#include "feed/feed_text.h"
#include "newsx/core/charset.h"
#include "newsx/core/strings.h"

namespace newsx::ingest::internal {
namespace {

// An element name with its namespace reduced to a short conventional
// prefix ("dc", "atom", "content"...); "" for the document's own vocabulary.
struct QName {
  std::string_view ns;
  std::string_view local;
  bool Is(std::string_view n, std::string_view l) const { return ns == n && local == l; }
};

std::string_view ShortNamespace(std::string_view uri) {
  if (uri == "http://www.w3.org/2005/Atom" || uri == "http://purl.org/atom/ns#") return "atom";
  if (uri == "http://purl.org/dc/elements/1.1/") return "dc";
  if (uri == "http://purl.org/dc/terms/") return "dcterms";
  if (uri == "http://purl.org/rss/1.0/modules/content/") return "content";
  if (uri == "http://www.w3.org/1999/02/22-rdf-syntax-ns#") return "rdf";
  if (uri == "http://www.w3.org/1999/xhtml") return "xhtml";
  if (uri == "http://purl.org/rss/1.0/" || uri == "http://my.netscape.com/rdf/simple/0.9/" ||
      uri == "http://backend.userland.com/rss2" || uri == "http://backend.userland.com/rss") {
    return "rss";
  }
  return "";
}

// Resolves prefixes to short namespaces; built once per document.
class Names {
 public:
  Names(const pugi::xml_node& root, std::string_view own) : own_(own) {
    for (const pugi::xml_attribute& a : root.attributes()) {
      const std::string_view name = a.name();
      if (name.substr(0, 6) == "xmlns:") prefixes_.emplace_back(name.substr(6), a.value());
    }
  }

  QName Of(const pugi::xml_node& node) const {
    const std::string_view raw = node.name();
    const std::size_t colon = raw.find(':');
    if (colon == std::string_view::npos) return {"", raw};
    const std::string_view prefix = raw.substr(0, colon);
    std::string_view ns = Lookup(node, prefix);
    if (ns == own_) ns = "";
    return {ns, raw.substr(colon + 1)};
  }

 private:
  std::string_view Lookup(const pugi::xml_node& node, std::string_view prefix) const {
    for (const auto& [p, uri] : prefixes_) {
      if (p == prefix) {
        const std::string_view ns = ShortNamespace(uri);
        return ns.empty() ? prefix : ns;
      }
    }
    // Declared deeper than the root (rare): walk up.
    std::string attr = "xmlns:";
    attr += prefix;
    for (pugi::xml_node n = node; n; n = n.parent()) {
      const pugi::xml_attribute a = n.attribute(attr.c_str());
      if (a) {
        const std::string_view ns = ShortNamespace(a.value());
        return ns.empty() ? prefix : ns;
      }
    }
    return prefix;  // Undeclared: trust the conventional prefix.
  }

  std::string_view own_;
  std::vector<std::pair<std::string_view, std::string_view>> prefixes_;
};

struct Context {
  const Names& names;
  const FeedParseOptions& options;
};

bool IsHtmlType(std::string_view type) {
  return type.empty() || type == "text/html" || type == "application/xhtml+xml" ||
         type == "html" || type == "xhtml";
}

// An Atom text construct (title, summary, content, rights...).
std::string AtomText(const pugi::xml_node& node) {
  const std::string_view type = node.attribute("type").value();
  const std::string_view mode = node.attribute("mode").value();
  if (mode == "base64") {
    std::optional<std::string> decoded = DecodeBase64(node.text().get());
    return decoded ? std::string(Trim(*decoded, kMarkupWhitespace)) : TextOf(node);
  }
  if (type == "xhtml" || type == "application/xhtml+xml") {
    pugi::xml_node div = node;
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = child.name();
      if (name == "div" || (name.size() > 4 && name.substr(name.size() - 4) == ":div")) div = child;
      break;
    }
    return InnerXml(div);
  }
  if (mode == "xml" || (type.find("xml") != std::string_view::npos)) return InnerXml(node);
  // RFC 4287 4.1.3.3: other non-text media types are base64.
  if (type.find('/') != std::string_view::npos && type.substr(0, 5) != "text/") {
    std::optional<std::string> decoded = DecodeBase64(node.text().get());
    if (decoded && IsValidUtf8(*decoded)) return std::string(Trim(*decoded, kMarkupWhitespace));
  }
  return TextOf(node);
}

// Markup fields keep their links working once lifted out of the feed.
std::string ResolvedHtml(std::string text, const pugi::xml_node& node, const FeedParseOptions& options) {
  if (text.find(" href=") == std::string::npos && text.find(" src=") == std::string::npos) return text;
  return ResolveHtmlLinks(text, BaseAt(node, options.feed_url));
}

std::string PlainTitle(std::string text) {
  return text.find('&') == std::string::npos ? std::move(text) : DecodeHtmlEntities(text);
}

FeedPerson AtomPerson(const pugi::xml_node& node, const Context& ctx) {
  FeedPerson person;
  for (const pugi::xml_node& child : node.children()) {
    const QName q = ctx.names.Of(child);
    if (q.local == "name") person.name = TextOf(child);
    else if (q.local == "email") person.email = TextOf(child);
    else if (q.local == "uri" || q.local == "url") {
      person.url = ResolveLink(BaseAt(child, ctx.options.feed_url), TextOf(child));
    }
  }
  if (person.name.empty() && person.email.empty() && person.url.empty()) {
    return ParsePersonText(TextOf(node));
  }
  return person;
}

void AddPerson(std::vector<FeedPerson>* people, FeedPerson person) {
  if (person.name.empty() && person.email.empty() && person.url.empty()) return;
  people->push_back(std::move(person));
}

std::int64_t ParseLength(std::string_view text) {
  std::int64_t value = 0;
  for (const char c : Trim(text, kMarkupWhitespace)) {
    if (c < '0' || c > '9' || value > (std::int64_t{1} << 50)) return 0;
    value = value * 10 + (c - '0');
  }
  return value;
}

// An Atom <link>: alternate links become the link, enclosures enclosures.
void AtomLink(const pugi::xml_node& node, const Context& ctx, std::string* link,
              bool* link_is_html, std::vector<FeedEnclosure>* enclosures) {
  std::string_view rel = node.attribute("rel").value();
  if (rel.empty()) rel = "alternate";
  const char* href = node.attribute("href").value();
  if (*href == '\0') return;
  if (rel == "alternate") {
    const bool html = IsHtmlType(node.attribute("type").value());
    if (link->empty() || (html && !*link_is_html)) {
      *link = ResolveLink(BaseAt(node, ctx.options.feed_url), href);
      *link_is_html = html;
    }
  } else if (rel == "enclosure" && enclosures != nullptr) {
    enclosures->push_back(FeedEnclosure{ResolveLink(BaseAt(node, ctx.options.feed_url), href),
                                        node.attribute("type").value(),
                                        ParseLength(node.attribute("length").value())});
  }
}

void SetDate(std::optional<std::int64_t>* field, const pugi::xml_node& node) {
  if (!field->has_value()) *field = ParseFeedDate(node.text().get());
}

// Dublin Core and friends, shared by RSS items and Atom entries.
bool ExtensionField(const QName& q, const pugi::xml_node& child, const Context& ctx,
                    FeedEntry* entry) {
  if (q.ns == "dc") {
    if (q.local == "creator" || q.local == "author") {
      AddPerson(&entry->authors, ParsePersonText(TextOf(child)));
    } else if (q.local == "subject") {
      entry->categories.push_back(TextOf(child));
    } else if (q.local == "date") {
      SetDate(&entry->updated_unix_s, child);
    } else if (q.local == "title" && entry->title.empty()) {
      entry->title = PlainTitle(TextOf(child));
    } else if (q.local == "identifier" && entry->id.empty()) {
      entry->id = TextOf(child);
    }
    return true;
  }
  if (q.ns == "dcterms") {
    if (q.local == "issued" || q.local == "created") SetDate(&entry->published_unix_s, child);
    else if (q.local == "modified") SetDate(&entry->updated_unix_s, child);
    return true;
  }
  if (q.Is("content", "encoded")) {
    if (entry->content.empty()) entry->content = ResolvedHtml(TextOf(child), child, ctx.options);
    return true;
  }
  if (q.Is("xhtml", "body") || q.Is("xhtml", "div")) {
    if (entry->content.empty()) entry->content = InnerXml(child);
    return true;
  }
  return false;
}

FeedEntry ParseAtomEntry(const pugi::xml_node& node, const Context& ctx) {
  FeedEntry entry;
  bool link_is_html = false;
  for (const pugi::xml_node& child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    const QName q = ctx.names.Of(child);
    if (!q.ns.empty()) {
      ExtensionField(q, child, ctx, &entry);
      continue;
    }
    const std::string_view l = q.local;
    if (l == "title") {
      if (entry.title.empty()) entry.title = PlainTitle(AtomText(child));
    } else if (l == "link") {
      AtomLink(child, ctx, &entry.link, &link_is_html, &entry.enclosures);
    } else if (l == "id") {
      if (entry.id.empty()) entry.id = TextOf(child);
    } else if (l == "published" || l == "issued") {
      SetDate(&entry.published_unix_s, child);
    } else if (l == "updated" || l == "modified") {
      SetDate(&entry.updated_unix_s, child);
    } else if (l == "author") {
      AddPerson(&entry.authors, AtomPerson(child, ctx));
    } else if (l == "summary") {
      if (entry.summary.empty()) entry.summary = ResolvedHtml(AtomText(child), child, ctx.options);
    } else if (l == "content") {
      if (entry.content.empty()) entry.content = ResolvedHtml(AtomText(child), child, ctx.options);
    } else if (l == "category") {
      std::string term = child.attribute("term").value();
      if (term.empty()) term = child.attribute("label").value();
      if (term.empty()) term = TextOf(child);
      if (!term.empty()) entry.categories.push_back(std::move(term));
    }
  }
  return entry;
}

FeedEntry ParseRssItem(const pugi::xml_node& node, const Context& ctx) {
  FeedEntry entry;
  bool guid_is_permalink = false;
  bool atom_link_is_html = false;
  std::string atom_link;
  for (const pugi::xml_node& child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    const QName q = ctx.names.Of(child);
    if (!q.ns.empty()) {
      if (ExtensionField(q, child, ctx, &entry)) continue;
      if (q.Is("atom", "link")) AtomLink(child, ctx, &atom_link, &atom_link_is_html, nullptr);
      continue;
    }
    const std::string_view l = q.local;
    if (l == "title") {
      if (entry.title.empty()) entry.title = PlainTitle(TextOf(child));
    } else if (l == "link") {
      if (entry.link.empty()) {
        entry.link = ResolveLink(BaseAt(child, ctx.options.feed_url), TextOf(child));
      }
    } else if (l == "guid") {
      if (entry.id.empty()) {
        entry.id = TextOf(child);
        const std::string_view permalink = child.attribute("isPermaLink").value();
        guid_is_permalink = permalink != "false" && permalink != "False";
      }
    } else if (l == "description") {
      if (entry.summary.empty()) entry.summary = ResolvedHtml(TextOf(child), child, ctx.options);
    } else if (l == "fullitem") {
      if (entry.content.empty()) entry.content = TextOf(child);
    } else if (l == "author") {
      AddPerson(&entry.authors, ParsePersonText(TextOf(child)));
    } else if (l == "category") {
      std::string category = TextOf(child);
      if (!category.empty()) entry.categories.push_back(std::move(category));
    } else if (l == "enclosure") {
      const char* url = child.attribute("url").value();
      if (*url != '\0') {
        entry.enclosures.push_back(FeedEnclosure{
            ResolveLink(BaseAt(child, ctx.options.feed_url), url), child.attribute("type").value(),
            ParseLength(child.attribute("length").value())});
      }
    } else if (l == "pubDate") {
      SetDate(&entry.published_unix_s, child);
    }
  }
  if (entry.link.empty()) entry.link = std::move(atom_link);
  if (entry.link.empty() && guid_is_permalink &&
      (entry.id.rfind("http://", 0) == 0 || entry.id.rfind("https://", 0) == 0)) {
    entry.link = entry.id;
  }
  if (entry.id.empty()) entry.id = node.attribute("rdf:about").value();
  return entry;
}

void ParseAtomFeed(const pugi::xml_node& root, const Context& ctx, Feed* feed) {
  bool link_is_html = false;
  for (const pugi::xml_node& child : root.children()) {
    if (child.type() != pugi::node_element) continue;
    const QName q = ctx.names.Of(child);
    if (!q.ns.empty()) continue;
    const std::string_view l = q.local;
    if (l == "entry") {
      feed->entries.push_back(ParseAtomEntry(child, ctx));
    } else if (l == "title") {
      if (feed->title.empty()) feed->title = ResolvedHtml(PlainTitle(AtomText(child)), child, ctx.options);
    } else if (l == "subtitle" || l == "tagline") {
      if (feed->description.empty()) feed->description = AtomText(child);
    } else if (l == "link") {
      AtomLink(child, ctx, &feed->link, &link_is_html, nullptr);
    } else if (l == "id") {
      if (feed->id.empty()) feed->id = TextOf(child);
    } else if (l == "updated" || l == "modified") {
      SetDate(&feed->updated_unix_s, child);
    } else if (l == "published" || l == "issued") {
      SetDate(&feed->published_unix_s, child);
    } else if (l == "author") {
      AddPerson(&feed->authors, AtomPerson(child, ctx));
    } else if (l == "category") {
      std::string term = child.attribute("term").value();
      if (!term.empty()) feed->categories.push_back(std::move(term));
    }
  }
  if (const char* lang = root.attribute("xml:lang").value(); *lang != '\0') feed->language = lang;
}

void ParseRssChannel(const pugi::xml_node& channel, const Context& ctx, Feed* feed) {
  for (const pugi::xml_node& child : channel.children()) {
    if (child.type() != pugi::node_element) continue;
    const QName q = ctx.names.Of(child);
    const std::string_view l = q.local;
    if (q.ns.empty()) {
      if (l == "item") {
        feed->entries.push_back(ParseRssItem(child, ctx));
      } else if (l == "title") {
        if (feed->title.empty()) feed->title = PlainTitle(TextOf(child));
      } else if (l == "link") {
        if (feed->link.empty()) {
          feed->link = ResolveLink(BaseAt(child, ctx.options.feed_url), TextOf(child));
        }
      } else if (l == "description") {
        if (feed->description.empty()) feed->description = TextOf(child);
      } else if (l == "language") {
        feed->language = TextOf(child);
      } else if (l == "lastBuildDate") {
        SetDate(&feed->updated_unix_s, child);
      } else if (l == "pubDate") {
        SetDate(&feed->published_unix_s, child);
      } else if (l == "category") {
        if (std::string c = TextOf(child); !c.empty()) feed->categories.push_back(std::move(c));
      } else if (l == "managingEditor" || l == "author") {
        AddPerson(&feed->authors, ParsePersonText(TextOf(child)));
      }
    } else if (q.ns == "dc") {
      if (l == "creator" || l == "author") AddPerson(&feed->authors, ParsePersonText(TextOf(child)));
      else if (l == "date") SetDate(&feed->updated_unix_s, child);
      else if (l == "subject") feed->categories.push_back(TextOf(child));
      else if (l == "language" && feed->language.empty()) feed->language = TextOf(child);
    } else if (q.ns == "dcterms") {
      if (l == "modified") SetDate(&feed->updated_unix_s, child);
      else if (l == "issued" || l == "created") SetDate(&feed->published_unix_s, child);
    }
  }
}

FeedFormat RssVersion(std::string_view version) {
  if (version == "0.91") return FeedFormat::kRss091;
  if (version == "0.92") return FeedFormat::kRss092;
  if (version == "0.90") return FeedFormat::kRss090;
  return FeedFormat::kRss20;
}

Status BuildFeed(const pugi::xml_document& doc, const FeedParseOptions& options, Feed* feed) {
  const pugi::xml_node root = doc.document_element();
  const std::string_view raw = root.name();
  const std::string_view local = raw.substr(raw.find(':') == std::string_view::npos ? 0 : raw.find(':') + 1);
  if (local == "feed") {
    const std::string_view xmlns = root.attribute("xmlns").value();
    const bool atom03 = xmlns == "http://purl.org/atom/ns#" ||
                        std::string_view(root.attribute("version").value()) == "0.3";
    feed->format = atom03 ? FeedFormat::kAtom03 : FeedFormat::kAtom10;
    const Names names(root, "atom");
    ParseAtomFeed(root, Context{names, options}, feed);
    return Status::Ok();
  }
  if (local == "rss" || local == "RDF" || local == "channel") {
    const Names names(root, "rss");
    const Context ctx{names, options};
    if (local == "rss") {
      feed->format = RssVersion(root.attribute("version").value());
    } else if (local == "channel") {
      feed->format = FeedFormat::kRss091;
    } else {
      const std::string_view xmlns = root.attribute("xmlns").value();
      feed->format = xmlns == "http://my.netscape.com/rdf/simple/0.9/" ? FeedFormat::kRss090
                                                                       : FeedFormat::kRss10;
    }
    if (local == "channel") {
      ParseRssChannel(root, ctx, feed);
      return Status::Ok();
    }
    for (const pugi::xml_node& child : root.children()) {
      if (child.type() != pugi::node_element) continue;
      const QName q = names.Of(child);
      if (!q.ns.empty()) continue;
      if (q.local == "channel") ParseRssChannel(child, ctx, feed);
      else if (q.local == "item") feed->entries.push_back(ParseRssItem(child, ctx));
    }
    return Status::Ok();
  }
  if (raw.empty()) return InvalidArgumentError("not a feed: no root element");
  return InvalidArgumentError("not a feed: root element <" + std::string(raw) + ">");
}

std::string DescribeError(std::string_view xml, const pugi::xml_parse_result& result) {
  const std::size_t offset = std::min<std::size_t>(static_cast<std::size_t>(result.offset), xml.size());
  std::size_t line = 1;
  for (std::size_t i = 0; i < offset; ++i) line += xml[i] == '\n';
  return std::string(result.description()) + " at line " + std::to_string(line);
}

constexpr unsigned kParseFlags = pugi::parse_default;

}  // namespace

Result<Feed> ParseXmlFeed(std::string_view utf8, const FeedParseOptions& options) {
  Feed feed;
  std::string expanded;
  if (utf8.find("<!ENTITY") != std::string_view::npos) {
    expanded = ExpandInternalEntities(utf8);
    utf8 = expanded;
  }
  pugi::xml_document doc;
  const pugi::xml_parse_result result =
      doc.load_buffer(utf8.data(), utf8.size(), kParseFlags, pugi::encoding_utf8);
  if (result) {
    NEWSX_RETURN_IF_ERROR(BuildFeed(doc, options, &feed));
    if (std::string problem = FindEntityProblem(utf8); !problem.empty()) {
      feed.well_formed = false;
      feed.problems.push_back(std::move(problem));
    }
    return feed;
  }
  feed.well_formed = false;
  const std::string error = DescribeError(utf8, result);
  // What pugixml kept before the error, and a parse of a repaired copy:
  // whichever recovers more entries wins.
  Status partial = BuildFeed(doc, options, &feed);
  const std::string repaired_text = RepairXml(utf8);
  pugi::xml_document repaired_doc;
  const pugi::xml_parse_result repaired_result = repaired_doc.load_buffer(
      repaired_text.data(), repaired_text.size(), kParseFlags, pugi::encoding_utf8);
  Feed repaired;
  repaired.well_formed = false;
  const Status repaired_status = BuildFeed(repaired_doc, options, &repaired);
  if (repaired_status.ok() && (!partial.ok() || repaired.entries.size() > feed.entries.size() ||
                               (repaired_result && feed.entries.size() == repaired.entries.size()))) {
    feed = std::move(repaired);
    partial = Status::Ok();
  }
  if (!partial.ok()) return InvalidArgumentError(partial.message() + " (" + error + ")");
  feed.problems.push_back("ill-formed XML: " + error);
  return feed;
}

}  // namespace newsx::ingest::internal
