#include "newsx/pipelines/crawl_feed_json.h"

#include <nlohmann/json.hpp>

#include "newsx/core/time_format.h"

namespace newsx::pipelines {
namespace {

using Json = nlohmann::ordered_json;

Json People(const std::vector<ingest::FeedPerson>& people) {
  Json out = Json::array();
  for (const ingest::FeedPerson& p : people) {
    Json person = Json::object();
    if (!p.name.empty()) person["name"] = p.name;
    if (!p.email.empty()) person["email"] = p.email;
    if (!p.url.empty()) person["url"] = p.url;
    out.push_back(std::move(person));
  }
  return out;
}

void PutTime(Json* object, const char* key, const std::optional<std::int64_t>& t) {
  if (t) (*object)[key] = FormatIsoUtc(*t);
}

// Invalid UTF-8 cannot reach here (the parser decodes to UTF-8), but a
// replacement beats an exception if it ever does.
std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace

std::string FeedHeaderToJson(const ingest::Feed& feed) {
  Json j = Json::object();
  j["format"] = std::string(ingest::FeedFormatName(feed.format));
  j["title"] = feed.title;
  j["link"] = feed.link;
  j["id"] = feed.id;
  j["description"] = feed.description;
  j["language"] = feed.language;
  PutTime(&j, "published", feed.published_unix_s);
  PutTime(&j, "updated", feed.updated_unix_s);
  j["authors"] = People(feed.authors);
  j["categories"] = feed.categories;
  j["encoding"] = feed.encoding;
  j["well_formed"] = feed.well_formed;
  j["problems"] = feed.problems;
  j["entries"] = feed.entries.size();
  return Dump(j);
}

std::string FeedEntryToJson(const ingest::FeedEntry& entry) {
  Json j = Json::object();
  j["title"] = entry.title;
  j["link"] = entry.link;
  j["id"] = entry.id;
  PutTime(&j, "published", entry.published_unix_s);
  PutTime(&j, "updated", entry.updated_unix_s);
  j["authors"] = People(entry.authors);
  j["summary"] = entry.summary;
  j["content"] = entry.content;
  j["categories"] = entry.categories;
  Json enclosures = Json::array();
  for (const ingest::FeedEnclosure& e : entry.enclosures) {
    enclosures.push_back(Json{{"url", e.url}, {"type", e.type}, {"length", e.length}});
  }
  j["enclosures"] = std::move(enclosures);
  return Dump(j);
}

}  // namespace newsx::pipelines
