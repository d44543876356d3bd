#include "newsx/pipelines/jobs/export_rows.h"

#include <nlohmann/json.hpp>

#include <cmath>

#include "newsx/core/record_json.h"
#include "newsx/core/time_interval.h"

namespace newsx::pipelines {

namespace {

using nlohmann::json;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json NullIfEmpty(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

// Every column of entities.jsonl (export_schema.cc), whatever the type.
json EntityObject(const store::StoredEntity& stored) {
  const Entity& e = stored.entity;
  json roles = json::array();
  for (const Role& r : e.roles) roles.push_back({{"title", r.title}, {"org", NullIfEmpty(r.org)}});
  return json{{"id", e.id},
              {"type", EntityTypeName(e.type)},
              {"name", e.name},
              {"aliases", e.aliases},
              {"vendor", NullIfEmpty(e.vendor)},
              {"family", NullIfEmpty(e.family)},
              {"kind", NullIfEmpty(e.kind)},
              {"country", NullIfEmpty(e.country)},
              {"roles", std::move(roles)},
              {"mention_count", stored.mention_count},
              {"article_count", stored.article_count}};
}

json QuantityObject(const Quantity& q) {
  // The JSON contract's quantity object already has every field.
  return json::parse(ToJson(q), nullptr, false);
}

json SpanObject(const std::string& text, const Span& span) {
  return json{{"text", text}, {"start", span.begin}, {"end", span.end}};
}

}  // namespace

std::string ArticleRow(const Article& article) {
  std::string row = ToJson(article);
  if (!article.content_format.empty()) return row;
  // The data contract leaves the content out when none was asked for; a
  // row has every column of its file (null when absent).
  row.pop_back();  // The object's closing brace.
  row += R"(,"content":null,"content_format":null})";
  return row;
}

std::string EntityRow(const store::StoredEntity& entity) { return Dump(EntityObject(entity)); }

std::vector<std::string> MentionRows(const ExtractedArticle& x) {
  std::vector<std::string> rows;
  const json published = x.article.published.empty() ? json(nullptr) : json(x.article.published);
  for (const Entity& e : x.entities) {
    for (const Mention& m : e.mentions) {
      rows.push_back(Dump(json{{"entity", e.id},
                               {"article", x.article.id},
                               {"start", m.span.begin},
                               {"end", m.span.end},
                               {"text", m.text},
                               {"published", published}}));
    }
  }
  return rows;
}

std::string EventRow(const Event& e) {
  json evidence = json::array();
  for (const EventEvidence& ev : e.evidence) {
    evidence.push_back({{"sentence", SpanObject(ev.sentence, ev.sentence_span)},
                        {"trigger", SpanObject(ev.trigger, ev.trigger_span)}});
  }
  json args = json::array();
  for (const EventArg& a : e.args) {
    args.push_back({{"role", a.role},
                    {"entity", NullIfEmpty(a.entity_id)},
                    {"text", a.text},
                    {"quantity", a.quantity ? QuantityObject(*a.quantity) : json(nullptr)}});
  }
  // Records stored before the analyzer filled time_start/time_end get them
  // from the resolved value.
  std::string start = e.time_start, end = e.time_end;
  if (start.empty()) {
    if (const auto interval = DateValueIsoInterval(e.time_value)) {
      start = interval->start;
      end = interval->end;
    }
  }
  return Dump(json{{"id", e.id},
                   {"type", e.type},
                   {"trigger", SpanObject(e.trigger, e.trigger_span)},
                   {"sentence", SpanObject(e.sentence, e.sentence_span)},
                   {"evidence", std::move(evidence)},
                   {"args", std::move(args)},
                   {"time_text", NullIfEmpty(e.time_text)},
                   {"time_value", NullIfEmpty(e.time_value)},
                   {"time_start", NullIfEmpty(start)},
                   {"time_end", NullIfEmpty(end)},
                   {"time_source", NullIfEmpty(e.time_source)},
                   {"polarity", e.polarity},
                   {"modality", e.modality},
                   {"source", NullIfEmpty(e.source)},
                   {"article", e.article},
                   {"confidence", std::round(e.confidence * 1000.0) / 1000.0}});
}

std::string TopEntityRow(const store::EntityCount& row) {
  json j = EntityObject(row.entity);
  j["mentions_in_window"] = row.mentions_in_window;
  j["articles_in_window"] = row.articles_in_window;
  return Dump(j);
}

std::string StatsRow(const store::StoreStats& s) {
  return Dump(json{{"articles", s.articles},
                   {"entities", s.entities},
                   {"mentions", s.mentions},
                   {"events", s.events},
                   {"aliases", s.aliases},
                   {"dead_letters", s.dead_letters},
                   {"live_data_bytes", s.live_data_bytes},
                   {"keys_by_family", s.keys_by_family},
                   {"articles_by_source", s.articles_by_source},
                   {"dead_letters_by_reason", s.dead_letters_by_reason}});
}

}  // namespace newsx::pipelines
