#include "newsx/core/record_json.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <string>
#include <utility>

namespace newsx {

using nlohmann::json;

namespace {

json NullIfEmpty(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json OptionalNumber(const std::optional<double>& v) {
  return v ? json(*v) : json(nullptr);
}

std::string GetString(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

std::vector<std::string> GetStrings(const json& j, const char* key) {
  std::vector<std::string> out;
  const auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const json& e : *it) {
    if (e.is_string()) out.push_back(e.get<std::string>());
  }
  return out;
}

std::optional<double> GetNumber(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

std::size_t GetIndex(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_number_unsigned()) return 0;
  return it->get<std::size_t>();
}

Span GetSpan(const json& j) { return Span{GetIndex(j, "start"), GetIndex(j, "end")}; }

const json& EmptyArray() {
  static const json kEmpty = json::array();
  return kEmpty;
}

const json& GetArray(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return EmptyArray();
  return *it;
}

json ArticleToJson(const Article& a) {
  json j{{"id", a.id},
              {"url", a.url},
              {"canonical_url", NullIfEmpty(a.canonical_url)},
              {"source", NullIfEmpty(a.source)},
              {"title", a.title},
              {"authors", a.authors},
              {"published", NullIfEmpty(a.published)},
              {"modified", NullIfEmpty(a.modified)},
              {"fetched", NullIfEmpty(a.fetched)},
              {"lang", NullIfEmpty(a.lang)},
              {"lang_confidence", a.lang_confidence > 0 ? json(a.lang_confidence) : json()},
              {"site", NullIfEmpty(a.site)},
              {"description", NullIfEmpty(a.description)},
              {"section", NullIfEmpty(a.section)},
              {"tags", a.tags},
              {"image", NullIfEmpty(a.image)},
              {"text", a.text},
              {"content_hash", a.content_hash},
              {"extractor_version", a.extractor_version},
              {"aliases", a.aliases}};
  if (!a.comments.empty()) j["comments"] = a.comments;
  if (!a.content_format.empty()) {
    j["content"] = a.content;
    j["content_format"] = a.content_format;
  }
  return j;
}

Article ArticleFromJson(const json& j) {
  Article a;
  a.id = GetString(j, "id");
  a.url = GetString(j, "url");
  a.canonical_url = GetString(j, "canonical_url");
  a.source = GetString(j, "source");
  a.title = GetString(j, "title");
  a.authors = GetStrings(j, "authors");
  a.published = GetString(j, "published");
  a.modified = GetString(j, "modified");
  a.fetched = GetString(j, "fetched");
  a.lang = GetString(j, "lang");
  if (const auto it = j.find("lang_confidence"); it != j.end() && it->is_number())
    a.lang_confidence = it->get<double>();
  a.site = GetString(j, "site");
  a.description = GetString(j, "description");
  a.section = GetString(j, "section");
  a.tags = GetStrings(j, "tags");
  a.image = GetString(j, "image");
  a.text = GetString(j, "text");
  a.content_hash = GetString(j, "content_hash");
  a.extractor_version = GetString(j, "extractor_version");
  a.aliases = GetStrings(j, "aliases");
  a.content = GetString(j, "content");
  a.content_format = GetString(j, "content_format");
  a.comments = GetString(j, "comments");
  return a;
}

EntityType EntityTypeFromName(const std::string& name) {
  if (name == "chip") return EntityType::kChip;
  if (name == "person") return EntityType::kPerson;
  if (name == "place") return EntityType::kPlace;
  return EntityType::kOrg;
}

json EntityToJson(const Entity& e) {
  json j{{"id", e.id}, {"type", EntityTypeName(e.type)}, {"name", e.name},
         {"aliases", e.aliases}};
  switch (e.type) {
    case EntityType::kChip:
      j["vendor"] = NullIfEmpty(e.vendor);
      j["family"] = NullIfEmpty(e.family);
      break;
    case EntityType::kOrg:
      j["kind"] = NullIfEmpty(e.kind);
      j["country"] = NullIfEmpty(e.country);  // Agencies and governments: their country.
      break;
    case EntityType::kPerson: {
      json roles = json::array();
      for (const Role& r : e.roles) roles.push_back({{"title", r.title}, {"org", NullIfEmpty(r.org)}});
      j["roles"] = std::move(roles);
      break;
    }
    case EntityType::kPlace:
      j["kind"] = NullIfEmpty(e.kind);
      j["country"] = NullIfEmpty(e.country);
      break;
  }
  json mentions = json::array();
  for (const Mention& m : e.mentions) {
    mentions.push_back({{"start", m.span.begin}, {"end", m.span.end}, {"text", m.text}});
  }
  j["mentions"] = std::move(mentions);
  return j;
}

Entity EntityFromJson(const json& j) {
  Entity e;
  e.id = GetString(j, "id");
  e.type = EntityTypeFromName(GetString(j, "type"));
  e.name = GetString(j, "name");
  e.aliases = GetStrings(j, "aliases");
  e.vendor = GetString(j, "vendor");
  e.family = GetString(j, "family");
  e.kind = GetString(j, "kind");
  e.country = GetString(j, "country");
  for (const json& r : GetArray(j, "roles")) {
    e.roles.push_back(Role{GetString(r, "title"), GetString(r, "org")});
  }
  for (const json& m : GetArray(j, "mentions")) {
    e.mentions.push_back(Mention{GetSpan(m), GetString(m, "text")});
  }
  return e;
}

json QuantityToJson(const Quantity& q) {
  return json{{"text", q.text},        {"start", q.span.begin},
              {"end", q.span.end},     {"value", OptionalNumber(q.value)},
              {"low", OptionalNumber(q.low)}, {"high", OptionalNumber(q.high)},
              {"op", q.op},            {"approx", q.approx},
              {"kind", NullIfEmpty(q.kind)}, {"unit", NullIfEmpty(q.unit)},
              {"currency", NullIfEmpty(q.currency)}, {"of", NullIfEmpty(q.of)}};
}

Quantity QuantityFromJson(const json& j) {
  Quantity q;
  q.text = GetString(j, "text");
  q.span = GetSpan(j);
  q.value = GetNumber(j, "value");
  q.low = GetNumber(j, "low");
  q.high = GetNumber(j, "high");
  q.op = GetString(j, "op");
  if (q.op.empty()) q.op = "=";
  q.approx = j.value("approx", false);
  q.kind = GetString(j, "kind");
  q.unit = GetString(j, "unit");
  q.currency = GetString(j, "currency");
  q.of = GetString(j, "of");
  return q;
}

json DateToJson(const DateExpr& d) {
  return json{{"text", d.text}, {"start", d.span.begin}, {"end", d.span.end},
              {"value", NullIfEmpty(d.value)}, {"relative", d.relative}};
}

DateExpr DateFromJson(const json& j) {
  return DateExpr{GetString(j, "text"), GetSpan(j), GetString(j, "value"),
                  j.value("relative", false)};
}

json SpanText(const std::string& text, const Span& span) {
  return json{{"text", text}, {"start", span.begin}, {"end", span.end}};
}

void ReadSpanText(const json& j, const char* key, std::string* text, Span* span) {
  if (const auto it = j.find(key); it != j.end() && it->is_object()) {
    *text = GetString(*it, "text");
    *span = GetSpan(*it);
  }
}

EventArg ArgFromJson(std::string role, const json& value) {
  EventArg arg;
  arg.role = std::move(role);
  arg.entity_id = GetString(value, "entity");
  arg.text = GetString(value, "text");
  if (const auto q = value.find("quantity"); q != value.end() && q->is_object()) {
    arg.quantity = QuantityFromJson(*q);
  }
  return arg;
}

json EventToJson(const Event& e) {
  json args = json::array();
  for (const EventArg& a : e.args) {
    args.push_back(json{{"role", a.role},
                        {"entity", NullIfEmpty(a.entity_id)},
                        {"text", a.text},
                        {"quantity", a.quantity ? QuantityToJson(*a.quantity) : json(nullptr)}});
  }
  json evidence = json::array();
  for (const EventEvidence& ev : e.evidence) {
    evidence.push_back(json{{"sentence", SpanText(ev.sentence, ev.sentence_span)},
                            {"trigger", SpanText(ev.trigger, ev.trigger_span)}});
  }
  json time = nullptr;
  if (!e.time_text.empty() || !e.time_value.empty() || !e.time_start.empty()) {
    time = json{{"text", NullIfEmpty(e.time_text)},
                {"value", NullIfEmpty(e.time_value)},
                {"start", NullIfEmpty(e.time_start)},
                {"end", NullIfEmpty(e.time_end)},
                {"source", NullIfEmpty(e.time_source)}};
  }
  return json{{"id", e.id},
              {"type", e.type},
              {"trigger", SpanText(e.trigger, e.trigger_span)},
              {"sentence", SpanText(e.sentence, e.sentence_span)},
              {"evidence", std::move(evidence)},
              {"args", std::move(args)},
              {"time", std::move(time)},
              {"polarity", e.polarity},
              {"modality", e.modality},
              {"source", NullIfEmpty(e.source)},
              {"article", e.article},
              // Three decimals: the rules' sums print as 0.6, not 0.6000000000000001.
              {"confidence", std::round(e.confidence * 1000.0) / 1000.0}};
}

Event EventFromJson(const json& j) {
  Event e;
  e.id = GetString(j, "id");
  e.type = GetString(j, "type");
  ReadSpanText(j, "trigger", &e.trigger, &e.trigger_span);
  ReadSpanText(j, "sentence", &e.sentence, &e.sentence_span);
  for (const json& ev : GetArray(j, "evidence")) {
    EventEvidence evidence;
    ReadSpanText(ev, "sentence", &evidence.sentence, &evidence.sentence_span);
    ReadSpanText(ev, "trigger", &evidence.trigger, &evidence.trigger_span);
    e.evidence.push_back(std::move(evidence));
  }
  if (const auto it = j.find("args"); it != j.end()) {
    if (it->is_array()) {  // Schema 2: [{"role": ..., ...}].
      for (const json& value : *it) e.args.push_back(ArgFromJson(GetString(value, "role"), value));
    } else if (it->is_object()) {  // Schema 1: {"<role>": {...}}.
      for (const auto& [role, value] : it->items()) e.args.push_back(ArgFromJson(role, value));
    }
  }
  if (const auto it = j.find("time"); it != j.end() && it->is_object()) {
    e.time_text = GetString(*it, "text");
    e.time_value = GetString(*it, "value");
    e.time_start = GetString(*it, "start");
    e.time_end = GetString(*it, "end");
    e.time_source = GetString(*it, "source");
  }
  e.polarity = GetString(j, "polarity");
  e.modality = GetString(j, "modality");
  e.source = GetString(j, "source");
  e.article = GetString(j, "article");
  e.confidence = GetNumber(j, "confidence").value_or(0.0);
  return e;
}

json DeadLetterToJson(const DeadLetter& d) {
  return json{{"source", d.source}, {"stage", d.stage}, {"code", d.code},
              {"reason", d.reason}, {"time_unix_ms", d.time_unix_ms}};
}

std::string Dump(const json& j) {
  // Replace invalid UTF-8 rather than throw: text may come from anywhere.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<json> ParseObject(std::string_view text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return InvalidArgumentError("malformed JSON");
  if (!j.is_object()) return InvalidArgumentError("JSON value is not an object");
  return j;
}

}  // namespace

const char* EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kChip: return "chip";
    case EntityType::kOrg: return "org";
    case EntityType::kPerson: return "person";
    case EntityType::kPlace: return "place";
  }
  return "org";
}

std::string ToJson(const ExtractedArticle& x) {
  json entities = json::array();
  for (const Entity& e : x.entities) entities.push_back(EntityToJson(e));
  json quantities = json::array();
  for (const Quantity& q : x.quantities) quantities.push_back(QuantityToJson(q));
  json dates = json::array();
  for (const DateExpr& d : x.dates) dates.push_back(DateToJson(d));
  json events = json::array();
  for (const Event& e : x.events) events.push_back(EventToJson(e));
  return Dump(json{{"schema", kSchemaVersion},
                   {"article", ArticleToJson(x.article)},
                   {"entities", std::move(entities)},
                   {"quantities", std::move(quantities)},
                   {"dates", std::move(dates)},
                   {"events", std::move(events)}});
}

std::string ToJson(const Article& article) { return Dump(ArticleToJson(article)); }
std::string ToJson(const Entity& entity) { return Dump(EntityToJson(entity)); }
std::string ToJson(const Quantity& quantity) { return Dump(QuantityToJson(quantity)); }
std::string ToJson(const DateExpr& date) { return Dump(DateToJson(date)); }
std::string ToJson(const Event& event) { return Dump(EventToJson(event)); }
std::string ToJson(const DeadLetter& dead_letter) { return Dump(DeadLetterToJson(dead_letter)); }

Result<ExtractedArticle> ParseExtractedArticle(std::string_view text) {
  NEWSX_ASSIGN_OR_RETURN(const json j, ParseObject(text));
  const auto schema = GetNumber(j, "schema");
  if (schema && *schema > kSchemaVersion) {
    return FailedPreconditionError("record has schema " + std::to_string(static_cast<int>(*schema)) +
                                   ", newer than this build's " + std::to_string(kSchemaVersion));
  }
  const auto article = j.find("article");
  if (article == j.end() || !article->is_object()) {
    return InvalidArgumentError("record has no \"article\" object");
  }
  ExtractedArticle x;
  x.article = ArticleFromJson(*article);
  for (const json& e : GetArray(j, "entities")) x.entities.push_back(EntityFromJson(e));
  for (const json& q : GetArray(j, "quantities")) x.quantities.push_back(QuantityFromJson(q));
  for (const json& d : GetArray(j, "dates")) x.dates.push_back(DateFromJson(d));
  for (const json& e : GetArray(j, "events")) x.events.push_back(EventFromJson(e));
  return x;
}

Result<Article> ParseArticle(std::string_view text) {
  NEWSX_ASSIGN_OR_RETURN(const json j, ParseObject(text));
  return ArticleFromJson(j);
}

Result<Entity> ParseEntity(std::string_view text) {
  NEWSX_ASSIGN_OR_RETURN(const json j, ParseObject(text));
  return EntityFromJson(j);
}

Result<Event> ParseEvent(std::string_view text) {
  NEWSX_ASSIGN_OR_RETURN(const json j, ParseObject(text));
  return EventFromJson(j);
}

Result<DeadLetter> ParseDeadLetter(std::string_view text) {
  NEWSX_ASSIGN_OR_RETURN(const json j, ParseObject(text));
  DeadLetter d;
  d.source = GetString(j, "source");
  d.stage = GetString(j, "stage");
  d.code = GetString(j, "code");
  d.reason = GetString(j, "reason");
  d.time_unix_ms = static_cast<std::int64_t>(GetNumber(j, "time_unix_ms").value_or(0));
  return d;
}

}  // namespace newsx
