#include "record_codec.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "article_codec.h"
#include "binary_codec.h"
#include "keys.h"
#include "newsx/core/time_format.h"

namespace newsx::store::internal {

namespace {

using nlohmann::json;

constexpr std::size_t kLengthBytes = 4;

std::string EncodeU32(std::uint32_t v) {
  std::string out(4, '\0');
  for (int i = 3; i >= 0; --i) {
    out[i] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
  return out;
}

std::uint32_t DecodeU32(std::string_view s) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(s[i]);
  return v;
}

std::string StringField(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string EncodeArticleValue(const StoredArticle& stored) {
  BinaryWriter w;
  w.U8(kFormatV2);
  w.U64(stored.seq);
  w.Str(stored.fetched);
  w.Str(stored.source);
  w.Str(stored.url);
  w.U32(static_cast<std::uint32_t>(stored.aliases.size()));
  for (const std::string& alias : stored.aliases) w.Str(alias);
  w.Raw(stored.body);
  return w.Take();
}

Result<StoredArticle> DecodeArticleValue(std::string_view value) {
  BinaryReader r(value);
  StoredArticle stored;
  const std::uint8_t format = r.U8();
  const bool known = format == kFormatV1 || format == kFormatV2;
  stored.layout = format == kFormatV1 ? BodyLayout::kV1 : BodyLayout::kV2;
  stored.seq = r.U64();
  stored.fetched = std::string(r.Str());
  stored.source = std::string(r.Str());
  if (format == kFormatV2) {
    stored.url = std::string(r.Str());
    const std::uint32_t n = r.U32();
    for (std::uint32_t i = 0; i < n && r.ok(); ++i) stored.aliases.emplace_back(r.Str());
  }
  stored.body = std::string(r.Rest());
  if (!known || !r.ok()) return DataLossError("article value has an unknown format");
  return stored;
}

Result<ExtractedArticle> ParseStoredArticle(StoredArticle stored) {
  NEWSX_ASSIGN_OR_RETURN(ExtractedArticle x, DecodeExtractedArticle(stored.body, stored.layout));
  x.article.fetched = std::move(stored.fetched);
  x.article.source = std::move(stored.source);
  if (stored.layout != BodyLayout::kV1) {
    x.article.url = std::move(stored.url);
    x.article.aliases = std::move(stored.aliases);
  }
  return x;
}

Result<ExtractedArticle> ParseArticleValue(std::string_view value) {
  NEWSX_ASSIGN_OR_RETURN(StoredArticle stored, DecodeArticleValue(value));
  return ParseStoredArticle(std::move(stored));
}

std::string EncodeRawDocument(const RawDocument& doc) {
  const std::string header = json{{"url", doc.url},
                                  {"source", doc.source},
                                  {"content_type", doc.content_type},
                                  {"fetched_unix_ms", doc.fetched_unix_ms},
                                  {"hint_published", doc.hint_published},
                                  {"hint_title", doc.hint_title}}
                                 .dump(-1, ' ', false, json::error_handler_t::replace);
  std::string value(1, kFormatV1);
  value += EncodeU32(static_cast<std::uint32_t>(header.size()));
  value += header;
  value += doc.body;
  return value;
}

Result<RawDocument> DecodeRawDocument(std::string_view value) {
  if (value.size() < 1 + kLengthBytes || value[0] != kFormatV1) {
    return DataLossError("raw page value has an unknown format");
  }
  const std::uint32_t header_size = DecodeU32(value.substr(1, kLengthBytes));
  if (value.size() < 1 + kLengthBytes + header_size) {
    return DataLossError("raw page value is truncated");
  }
  const json header =
      json::parse(value.substr(1 + kLengthBytes, header_size), nullptr, false);
  if (!header.is_object()) return DataLossError("raw page header is not a JSON object");
  RawDocument doc;
  doc.url = StringField(header, "url");
  doc.source = StringField(header, "source");
  doc.content_type = StringField(header, "content_type");
  if (const auto it = header.find("fetched_unix_ms"); it != header.end() && it->is_number()) {
    doc.fetched_unix_ms = it->get<std::int64_t>();
  }
  doc.hint_published = StringField(header, "hint_published");
  doc.hint_title = StringField(header, "hint_title");
  doc.body = std::string(value.substr(1 + kLengthBytes + header_size));
  return doc;
}

std::int64_t ArticleTime(const Article& article) {
  if (auto t = ParseDateTime(article.published)) return *t;
  if (auto t = ParseDateTime(article.fetched)) return *t;
  return 0;
}

std::int64_t EventTime(const Event& event, std::int64_t article_time) {
  if (event.time_value.empty()) return article_time;
  const std::string_view value = event.time_value;
  if (auto t = ParseDateTime(value.substr(0, value.find('/')))) return *t;
  return article_time;
}

std::vector<std::string> EventEntityIds(const Event& event) {
  std::vector<std::string> ids;
  for (const EventArg& arg : event.args) {
    if (!arg.entity_id.empty()) ids.push_back(arg.entity_id);
  }
  if (!event.source.empty()) ids.push_back(event.source);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::map<std::string, Entity> EntitiesById(const std::vector<Entity>& entities) {
  std::map<std::string, Entity> by_id;
  for (const Entity& e : entities) {
    if (e.id.empty()) continue;
    auto [it, inserted] = by_id.emplace(e.id, e);
    if (inserted) continue;
    Entity& merged = it->second;
    merged.mentions.insert(merged.mentions.end(), e.mentions.begin(), e.mentions.end());
    merged.aliases.insert(merged.aliases.end(), e.aliases.begin(), e.aliases.end());
    merged.roles.insert(merged.roles.end(), e.roles.begin(), e.roles.end());
  }
  return by_id;
}

}  // namespace newsx::store::internal
