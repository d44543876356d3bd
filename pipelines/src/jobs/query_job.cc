#include "newsx/pipelines/jobs/query_job.h"

#include <algorithm>

#include "newsx/core/url.h"

namespace newsx::pipelines {

Result<std::size_t> QueryEvents(const store::ArticleStore& store, const EventsQuery& query,
                                const std::function<bool(const Event&)>& visit) {
  const store::EventQuery q{.type = query.type, .entity_id = query.entity,
                            .since_unix_s = query.window.since,
                            .until_unix_s = query.window.until, .text = query.text};
  std::size_t n = 0;
  NEWSX_RETURN_IF_ERROR(store.FindEvents(q, [&](const Event& e) {
    ++n;
    return visit(e) && (query.limit == 0 || n < query.limit);
  }));
  return n;
}

Result<std::vector<Event>> QueryEvents(const store::ArticleStore& store, const EventsQuery& query) {
  std::vector<Event> events;
  NEWSX_RETURN_IF_ERROR(QueryEvents(store, query, [&](const Event& e) {
                          events.push_back(e);
                          return true;
                        }).status());
  return events;
}

std::optional<std::string> UnknownEventTypeNote(const store::ArticleStore& store,
                                                const std::string& type) {
  if (type.empty()) return std::nullopt;
  auto types = store.EventTypes();
  if (!types.ok() || std::find(types->begin(), types->end(), type) != types->end()) {
    return std::nullopt;
  }
  std::string known;
  for (const std::string& t : *types) known += (known.empty() ? "" : ", ") + t;
  return "no stored event has type " + type + "; stored types: " +
         (known.empty() ? "(none)" : known);
}

Result<std::vector<store::EntityCount>> QueryTopEntities(const store::ArticleStore& store,
                                                         const TopEntitiesQuery& query) {
  return store.TopEntities(query.window.since, query.window.until,
                           query.limit == 0 ? kDefaultTopEntities : query.limit);
}

Result<ExtractedArticle> QueryArticle(const store::ArticleStore& store, const ArticleQuery& query) {
  if (query.id.empty() == query.url.empty()) {
    return InvalidArgumentError("query article: give exactly one of --id and --url");
  }
  if (!query.id.empty()) return store.GetArticle(query.id);
  Result<ExtractedArticle> x = store.GetArticleByUrl(query.url);
  const std::string canonical = CanonicalizeUrl(query.url);
  if (!x.ok() && x.status().code() == StatusCode::kNotFound && !canonical.empty()) {
    x = store.GetArticleByUrl(canonical);
  }
  return x;
}

}  // namespace newsx::pipelines
