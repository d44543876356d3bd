#include "api.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "entity_overview.h"
#include "newsx/core/record_json.h"
#include "newsx/core/strings.h"
#include "newsx/core/time_format.h"
#include "newsx/pipelines/jobs/export_rows.h"

namespace newsx::pipelines::serve {

namespace {

using nlohmann::json;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string JoinRows(const std::vector<std::string>& rows) {
  std::string out = "[";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i > 0) out += ',';
    out += rows[i];
  }
  return out + "]";
}

// The export row of an event plus "time", the time it is ordered by.
std::string TimedEventRow(const store::TimedEvent& e) {
  std::string row = EventRow(e.event);
  row.pop_back();  // The closing brace.
  return row + ",\"time\":\"" + FormatIsoUtc(e.time_unix_s) + "\"}";
}

Response Events(const Request& request, const StoreView& view, const ServeOptions& options) {
  Result<EventsQuery> q = ParseEventsQuery(request, options);
  if (!q.ok()) return JsonError(q.status());
  Result<store::EventPage> page = view.store().FindEventsPage(q->query, q->page);
  if (!page.ok()) return JsonError(page.status());
  std::vector<std::string> rows;
  for (const store::TimedEvent& e : page->events) rows.push_back(TimedEventRow(e));
  const json next = page->next_cursor.empty() ? json(nullptr) : json(page->next_cursor);
  return {200, "application/json",
          "{\"events\":" + JoinRows(rows) + ",\"next_cursor\":" + Dump(next) +
              ",\"scanned\":" + std::to_string(page->scanned) + "}"};
}

Response Entities(const Request& request, const StoreView& view, const ServeOptions& options) {
  if (Status s = CheckParamNames(request, {"q", "type", "limit"}); !s.ok()) return JsonError(s);
  Result<std::string> q = TextParam(request, "q");
  if (!q.ok()) return JsonError(q.status());
  Result<std::string> type = ChoiceParam(request, "type", {"chip", "org", "person", "place"}, "");
  if (!type.ok()) return JsonError(type.status());
  Result<std::size_t> limit = LimitParam(request, "limit", 50, options.max_limit);
  if (!limit.ok()) return JsonError(limit.status());
  std::vector<std::string> rows;
  for (const store::StoredEntity* e : SearchEntities(view, *q, *type, *limit)) {
    rows.push_back(EntityRow(*e));
  }
  return {200, "application/json", "{\"entities\":" + JoinRows(rows) + "}"};
}

Response EntityDetail(const Request& request, const StoreView& view) {
  Result<EntityParams> p = ParseEntityParams(request);
  if (!p.ok()) return JsonError(p.status());
  const std::string key = "api/entity\n" + p->CacheKey();
  std::string body = view.CacheGet(key);
  if (body.empty()) {
    Result<EntityOverview> overview =
        BuildEntityOverview(view, p->id, p->since_unix_s, p->until_unix_s, p->bucket);
    if (!overview.ok()) return JsonError(overview.status());
    body = EntityOverviewJson(*overview);
    view.CachePut(key, body);
  }
  return {200, "application/json", std::move(body)};
}

Response ArticleDetail(const Request& request, const StoreView& view) {
  if (Status s = CheckParamNames(request, {"id"}); !s.ok()) return JsonError(s);
  Result<std::string> id = RequiredParam(request, "id");
  if (!id.ok()) return JsonError(id.status());
  Result<ExtractedArticle> x = view.store().GetArticle(*id);
  if (!x.ok()) return JsonError(x.status());
  std::vector<std::string> events;
  for (const Event& e : x->events) events.push_back(EventRow(e));
  json entities = json::array();
  for (const Entity& e : x->entities) {
    entities.push_back({{"id", e.id}, {"type", EntityTypeName(e.type)}, {"name", e.name}});
  }
  return {200, "application/json",
          "{\"article\":" + ArticleRow(x->article) + ",\"entities\":" + Dump(entities) +
              ",\"mentions\":" + JoinRows(MentionRows(*x)) + ",\"events\":" + JoinRows(events) +
              "}"};
}

Response TopEntities(const Request& request, const StoreView& view, const ServeOptions& options) {
  if (Status s = CheckParamNames(request, {"since", "until", "limit"}); !s.ok()) {
    return JsonError(s);
  }
  Result<std::int64_t> since = TimeParam(request, "since", store::kMinTime);
  if (!since.ok()) return JsonError(since.status());
  Result<std::int64_t> until = TimeParam(request, "until", store::kMaxTime);
  if (!until.ok()) return JsonError(until.status());
  Result<std::size_t> limit = LimitParam(request, "limit", 20, options.max_limit);
  if (!limit.ok()) return JsonError(limit.status());
  const std::string key = "api/top\n" + std::to_string(*since) + "\n" + std::to_string(*until) +
                          "\n" + std::to_string(*limit);
  std::string body = view.CacheGet(key);
  if (body.empty()) {
    auto rows = view.store().TopEntities(*since, *until, *limit);
    if (!rows.ok()) return JsonError(rows.status());
    std::vector<std::string> out;
    for (const store::EntityCount& row : *rows) out.push_back(TopEntityRow(row));
    body = "{\"entities\":" + JoinRows(out) + "}";
    view.CachePut(key, body);
  }
  return {200, "application/json", std::move(body)};
}

Response Stats(const Request& request, const StoreView& view) {
  if (Status s = CheckParamNames(request, {}); !s.ok()) return JsonError(s);
  json j = json::parse(StatsRow(view.stats()));
  j["last_change_seq"] = view.last_change_seq();
  j["opened"] = FormatIsoUtc(view.opened_unix_s());
  return {200, "application/json", Dump(j)};
}

Response EventTypes(const Request& request, const StoreView& view) {
  if (Status s = CheckParamNames(request, {}); !s.ok()) return JsonError(s);
  return {200, "application/json", Dump(json{{"types", view.event_types()}})};
}

}  // namespace

bool IsApiPath(const std::string& path) { return path.rfind("/api/", 0) == 0; }

Result<EventsQuery> ParseEventsQuery(const Request& request, const ServeOptions& options) {
  NEWSX_RETURN_IF_ERROR(CheckParamNames(
      request, {"type", "entity", "text", "since", "until", "limit", "cursor", "order"}));
  EventsQuery q;
  NEWSX_ASSIGN_OR_RETURN(q.query.type, TextParam(request, "type", 100));
  NEWSX_ASSIGN_OR_RETURN(q.query.entity_id, TextParam(request, "entity", 300));
  NEWSX_ASSIGN_OR_RETURN(q.query.text, TextParam(request, "text", 200));
  NEWSX_ASSIGN_OR_RETURN(q.query.since_unix_s, TimeParam(request, "since", store::kMinTime));
  NEWSX_ASSIGN_OR_RETURN(q.query.until_unix_s, TimeParam(request, "until", store::kMaxTime));
  if (q.query.since_unix_s >= q.query.until_unix_s) {
    return InvalidArgumentError("since: must be before until");
  }
  NEWSX_ASSIGN_OR_RETURN(q.page.limit, LimitParam(request, "limit", 50, options.max_limit));
  NEWSX_ASSIGN_OR_RETURN(q.page.cursor, TextParam(request, "cursor", 2000));
  NEWSX_ASSIGN_OR_RETURN(std::string order, ChoiceParam(request, "order", {"asc", "desc"}, "desc"));
  q.page.newest_first = order == "desc";
  q.page.max_scanned = options.max_scanned;
  return q;
}

std::vector<const store::StoredEntity*> SearchEntities(const StoreView& view,
                                                       const std::string& q,
                                                       const std::string& type,
                                                       std::size_t limit) {
  const std::string needle = AsciiLower(q);
  auto matches = [&](std::string_view s) { return AsciiLower(s).find(needle) != std::string::npos; };
  std::vector<const store::StoredEntity*> out;
  for (const store::StoredEntity& e : view.entities()) {
    if (out.size() >= limit) break;
    if (!type.empty() && type != EntityTypeName(e.entity.type)) continue;
    bool hit = needle.empty() || matches(e.entity.id) || matches(e.entity.name);
    for (std::size_t i = 0; !hit && i < e.entity.aliases.size(); ++i) {
      hit = matches(e.entity.aliases[i]);
    }
    if (hit) out.push_back(&e);
  }
  return out;
}

Response HandleApi(const Request& request, const StoreView& view, const ServeOptions& options) {
  const std::string& p = request.path;
  if (p == "/api/events") return Events(request, view, options);
  if (p == "/api/entities") return Entities(request, view, options);
  if (p == "/api/entity") return EntityDetail(request, view);
  if (p == "/api/article") return ArticleDetail(request, view);
  if (p == "/api/top-entities") return TopEntities(request, view, options);
  if (p == "/api/stats") return Stats(request, view);
  if (p == "/api/event-types") return EventTypes(request, view);
  return JsonError(NotFoundError("no such API route: " + p.substr(0, 100)));
}

}  // namespace newsx::pipelines::serve
