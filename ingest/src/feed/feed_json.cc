// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), read with
// RapidJSON: several times faster than a std::map-based DOM on large feeds.

#include <rapidjson/document.h>

#include <string>

#include "feed/feed_internal.h"
#include "feed/feed_text.h"
#include "newsx/core/strings.h"

namespace newsx::ingest::internal {
namespace {

using Value = rapidjson::Value;

// Every access checks the type first: RapidJSON asserts on a mismatch.
const Value* Member(const Value& object, const char* key) {
  if (!object.IsObject()) return nullptr;
  const auto it = object.FindMember(key);
  return it == object.MemberEnd() ? nullptr : &it->value;
}

std::string Str(const Value& object, const char* key) {
  const Value* v = Member(object, key);
  if (v == nullptr || !v->IsString()) return "";
  return std::string(Trim(std::string_view(v->GetString(), v->GetStringLength()), kMarkupWhitespace));
}

std::string IdString(const Value& object) {
  const Value* v = Member(object, "id");
  if (v == nullptr) return "";
  if (v->IsString()) return std::string(v->GetString(), v->GetStringLength());
  if (v->IsInt64()) return std::to_string(v->GetInt64());
  return "";
}

void AddAuthors(const Value& object, const std::string& base, std::vector<FeedPerson>* people) {
  auto add = [&](const Value& a) {
    if (!a.IsObject()) return;
    FeedPerson person{Str(a, "name"), "", ResolveLink(base, Str(a, "url"))};
    if (!person.name.empty() || !person.url.empty()) people->push_back(std::move(person));
  };
  if (const Value* authors = Member(object, "authors"); authors != nullptr && authors->IsArray()) {
    for (const Value& a : authors->GetArray()) add(a);
  }
  if (people->empty()) {
    if (const Value* author = Member(object, "author")) add(*author);
  }
}

FeedEntry ParseItem(const Value& item, const std::string& base) {
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
  if (const Value* tags = Member(item, "tags"); tags != nullptr && tags->IsArray()) {
    for (const Value& tag : tags->GetArray()) {
      if (tag.IsString()) entry.categories.emplace_back(tag.GetString(), tag.GetStringLength());
    }
  }
  if (const Value* attachments = Member(item, "attachments");
      attachments != nullptr && attachments->IsArray()) {
    for (const Value& a : attachments->GetArray()) {
      if (Str(a, "url").empty()) continue;
      FeedEnclosure enclosure{ResolveLink(base, Str(a, "url")), Str(a, "mime_type"), 0};
      if (const Value* size = Member(a, "size_in_bytes"); size != nullptr && size->IsNumber()) {
        enclosure.length = static_cast<std::int64_t>(size->GetDouble());
      }
      entry.enclosures.push_back(std::move(enclosure));
    }
  }
  return entry;
}

}  // namespace

Result<Feed> ParseJsonFeed(std::string_view utf8, const FeedParseOptions& options) {
  rapidjson::Document doc;
  doc.Parse(utf8.data(), utf8.size());
  if (doc.HasParseError()) {
    return InvalidArgumentError("not a feed: malformed JSON at byte " +
                                std::to_string(doc.GetErrorOffset()));
  }
  if (!doc.IsObject()) return InvalidArgumentError("not a feed: JSON is not an object");
  if (Str(doc, "version").find("jsonfeed.org/version/1") == std::string::npos) {
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
  if (const Value* items = Member(doc, "items"); items != nullptr && items->IsArray()) {
    for (const Value& item : items->GetArray()) {
      if (item.IsObject()) feed.entries.push_back(ParseItem(item, base));
    }
  } else {
    feed.problems.push_back("JSON Feed without an items array");
  }
  return feed;
}

}  // namespace newsx::ingest::internal
