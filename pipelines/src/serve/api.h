#pragma once

// The JSON API (docs/serve.md): GET /api/events, /api/entities,
// /api/entity, /api/article, /api/top-entities, /api/stats,
// /api/event-types. Rows use the field names of `newsx export`.

#include "newsx/pipelines/serve.h"
#include "request.h"
#include "store_view.h"

namespace newsx::pipelines::serve {

// True if `path` is an API route.
bool IsApiPath(const std::string& path);

// Answers an API request from `view`: 200 with JSON, 400 with {"error"}
// for bad parameters, 404 for an unknown id or route.
Response HandleApi(const Request& request, const StoreView& view, const ServeOptions& options);

// The event filters shared by /api/events and the events page.
struct EventsQuery {
  store::EventQuery query;
  store::EventPageRequest page;
};
Result<EventsQuery> ParseEventsQuery(const Request& request, const ServeOptions& options);

// Entities whose id, name or an alias contains `q` (ASCII case-insensitive;
// all when empty), of `type` when not empty, most mentioned first.
std::vector<const store::StoredEntity*> SearchEntities(const StoreView& view,
                                                       const std::string& q,
                                                       const std::string& type,
                                                       std::size_t limit);

}  // namespace newsx::pipelines::serve
