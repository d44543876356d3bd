// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).

#include <nlohmann/json.hpp>

#include <string>

#include "feed/feed_internal.h"
#include "feed/feed_text.h"

namespace newsx::ingest::internal {
namespace {

using Json = nlohmann::json;

// nlohmann's typed getters throw on a type mismatch; these never do.
std::string Str(const Json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return "";
  return std::string(TrimView(it->get_ref<const std::string&>()));
}

std::string IdString(const Json& object) {
  const auto it = object.find("id");
  if (it == object.end()) return "";
  if (it->is_string()) return it->get_ref<const std::string&>();
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  return "";
}

void AddAuthors(const Json& object, const std::string& base, std::vector<FeedPerson>* people) {
  auto add = [&](const Json& a) {
    if (!a.is_object()) return;
    FeedPerson person{Str(a, "name"), "", ResolveLink(base, Str(a, "url"))};
    if (!person.name.empty() || !person.url.empty()) people->push_back(std::move(person));
  };
  if (const auto it = object.find("authors"); it != object.end() && it->is_array()) {
    for (const Json& a : *it) add(a);
  }
  if (people->empty()) {
    if (const auto it = object.find("author"); it != object.end()) add(*it);
  }
}

FeedEntry ParseItem(const Json& item, const std::string& base) {
  FeedEntry entry;
  entry.id = IdString(item);
  entry.title = DecodeHtmlEntities(Str(item, "title"));
  entry.link = ResolveLink(base, Str(item, "url"));
  if (entry.link.empty()) entry.link = ResolveLink(base, Str(item, "external_url"));
  entry.summary = Str(item, "summary");
  entry.content = Str(item, "content_html");
  if (entry.content.empty()) entry.content = Str(item, "content_text");
  entry.published_unix_s = ParseFeedDate(Str(item, "date_published"));
  entry.updated_unix_s = ParseFeedDate(Str(item, "date_modified"));
  AddAuthors(item, base, &entry.authors);
  if (const auto it = item.find("tags"); it != item.end() && it->is_array()) {
    for (const Json& tag : *it) {
      if (tag.is_string()) entry.categories.push_back(tag.get<std::string>());
    }
  }
  if (const auto it = item.find("attachments"); it != item.end() && it->is_array()) {
    for (const Json& a : *it) {
      if (!a.is_object() || Str(a, "url").empty()) continue;
      FeedEnclosure enclosure{ResolveLink(base, Str(a, "url")), Str(a, "mime_type"), 0};
      if (const auto size = a.find("size_in_bytes"); size != a.end() && size->is_number()) {
        enclosure.length = size->get<std::int64_t>();
      }
      entry.enclosures.push_back(std::move(enclosure));
    }
  }
  return entry;
}

}  // namespace

Result<Feed> ParseJsonFeed(std::string_view utf8, const FeedParseOptions& options) {
  const Json doc = Json::parse(utf8.begin(), utf8.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return InvalidArgumentError("not a feed: malformed JSON");
  if (!doc.is_object()) return InvalidArgumentError("not a feed: JSON is not an object");
  const std::string version = Str(doc, "version");
  if (version.find("jsonfeed.org/version/1") == std::string::npos) {
    return InvalidArgumentError("not a feed: JSON without a jsonfeed.org version");
  }
  Feed feed;
  feed.format = FeedFormat::kJsonFeed;
  feed.title = DecodeHtmlEntities(Str(doc, "title"));
  const std::string& base = options.feed_url;
  feed.link = ResolveLink(base, Str(doc, "home_page_url"));
  feed.id = Str(doc, "feed_url");
  feed.description = Str(doc, "description");
  feed.language = Str(doc, "language");
  AddAuthors(doc, base, &feed.authors);
  if (const auto it = doc.find("items"); it != doc.end() && it->is_array()) {
    for (const Json& item : *it) {
      if (item.is_object()) feed.entries.push_back(ParseItem(item, base));
    }
  } else {
    feed.problems.push_back("JSON Feed without an items array");
  }
  return feed;
}

}  // namespace newsx::ingest::internal
