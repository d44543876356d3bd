#pragma once

// The query jobs (`newsx query`, and `newsx serve`'s API): events, top
// entities and one article from a store. They only read; a read-only store
// (OpenStoreForReading) is enough. Rows for output: jobs/export_rows.h.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "newsx/core/analysis.h"
#include "newsx/core/result.h"
#include "newsx/pipelines/jobs/time_window.h"
#include "newsx/store/article_store.h"

namespace newsx::pipelines {

// Filters of QueryEvents; empty fields do not filter.
struct EventsQuery {
  std::string type;    // Exact event type, e.g. "export_approval".
  std::string entity;  // Entity id taking part (argument or source), e.g. "org:nvidia".
  std::string text;    // Case-insensitive (ASCII) words in sentence, trigger or arguments.
  TimeWindow window;   // The event's time (else its article's) in [since, until).
  std::size_t limit = 0;  // At most this many events; 0 = all.
};

// Calls `visit` for each matching event, in the store's index order, until
// `visit` returns false or `limit` events were visited. Returns the number
// visited, or the store's error.
Result<std::size_t> QueryEvents(const store::ArticleStore& store, const EventsQuery& query,
                                const std::function<bool(const Event&)>& visit);

// The same, collected.
Result<std::vector<Event>> QueryEvents(const store::ArticleStore& store, const EventsQuery& query);

// When no stored event has type `type`: a note for the user naming the
// stored types ("no stored event has type X; stored types: a, b"), since a
// typo finds nothing too. nullopt when the type exists, `type` is empty, or
// the types cannot be read.
std::optional<std::string> UnknownEventTypeNote(const store::ArticleStore& store,
                                                const std::string& type);

inline constexpr std::size_t kDefaultTopEntities = 20;

struct TopEntitiesQuery {
  TimeWindow window;  // Articles whose time is in [since, until).
  std::size_t limit = kDefaultTopEntities;  // 0 = kDefaultTopEntities.
};

// The entities with most mentions in the window, most first (ties by id).
Result<std::vector<store::EntityCount>> QueryTopEntities(const store::ArticleStore& store,
                                                         const TopEntitiesQuery& query);

// One article by exactly one of id and URL.
struct ArticleQuery {
  std::string id;
  std::string url;  // As fetched or canonical: tried as given, then canonicalized.
};

// The stored article with its findings. kInvalidArgument unless exactly one
// of id and url is given; kNotFound when there is no such article.
Result<ExtractedArticle> QueryArticle(const store::ArticleStore& store, const ArticleQuery& query);

}  // namespace newsx::pipelines
