#pragma once

// The server-rendered pages (docs/serve.md): / (overview, entity search),
// /entity, /events, /article, and /style.css. Plain HTML, no script; every
// stored text escaped.

#include <string>
#include <vector>

#include "newsx/pipelines/serve.h"
#include "newsx/store/store_types.h"
#include "request.h"
#include "store_view.h"

namespace newsx::pipelines::serve {

// 200 with the page, 400 with an error page for bad parameters, 404 for an
// unknown id or path.
Response HandlePage(const Request& request, const StoreView& view, const ServeOptions& options);

Response OverviewPage(const Request& request, const StoreView& view, const ServeOptions& options);
Response EntityPage(const Request& request, const StoreView& view);
Response EventsPage(const Request& request, const StoreView& view, const ServeOptions& options);
Response ArticlePage(const Request& request, const StoreView& view);

// An error page with the status's HTTP code.
Response ErrorPage(const Status& status);

// The events table shared by the pages: time, type, trigger, arguments
// (entities linked, quantities normalized), source, polarity/modality,
// evidence sentence, article link. `id` is set on the <table>.
std::string EventsTable(const std::vector<store::TimedEvent>& events, const StoreView& view,
                        const std::string& id);

// A link to an entity's page, showing its name when known.
std::string EntityLink(const StoreView& view, const std::string& entity_id);

}  // namespace newsx::pipelines::serve
