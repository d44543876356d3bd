// Page dispatch, the overview, the events page and the error page.

#include "pages.h"

#include "api.h"
#include "entity_overview.h"
#include "html.h"
#include "newsx/core/time_format.h"
#include "timeline_svg.h"

namespace newsx::pipelines::serve {

namespace {

Response Html(std::string body) { return Response{200, "text/html; charset=utf-8", std::move(body)}; }

std::string Count(std::uint64_t n) { return "<td class=\"num\">" + std::to_string(n) + "</td>"; }

std::string EntitySearchResults(const StoreView& view, const std::string& q,
                                const std::string& type) {
  std::string out = "<h1>Entities matching “" + Escape(q) + "”</h1>";
  const auto hits = SearchEntities(view, q, type, 100);
  if (hits.empty()) return out + "<p class=\"muted\">No entity matches.</p>";
  out += "<table id=\"entity-results\"><thead><tr><th>entity</th><th>type</th><th>id</th>"
         "<th>articles</th><th>mentions</th></tr></thead><tbody>";
  for (const store::StoredEntity* e : hits) {
    out += "<tr><td>" + EntityLink(view, e->entity.id) + "</td><td>" +
           Escape(EntityTypeName(e->entity.type)) + "</td><td class=\"muted\">" +
           Escape(e->entity.id) + "</td>" + Count(e->article_count) + Count(e->mention_count) +
           "</tr>";
  }
  return out + "</tbody></table>";
}

Result<std::string> TopEntitiesTable(const StoreView& view) {
  NEWSX_ASSIGN_OR_RETURN(std::vector<store::EntityCount> rows,
                         view.store().TopEntities(store::kMinTime, store::kMaxTime, 20));
  std::string out = "<table id=\"top-entities\"><thead><tr><th>entity</th><th>type</th>"
                    "<th>articles</th><th>mentions</th></tr></thead><tbody>";
  for (const store::EntityCount& row : rows) {
    out += "<tr><td>" + EntityLink(view, row.entity.entity.id) + "</td><td>" +
           Escape(EntityTypeName(row.entity.entity.type)) + "</td>" +
           Count(row.articles_in_window) + Count(row.mentions_in_window) + "</tr>";
  }
  return out + "</tbody></table>";
}

std::string StatsTable(const StoreView& view) {
  const store::StoreStats& s = view.stats();
  return "<table id=\"stats\"><tbody><tr><th>articles</th>" + Count(s.articles) +
         "</tr><tr><th>entities</th>" + Count(s.entities) + "</tr><tr><th>events</th>" +
         Count(s.events) + "</tr><tr><th>mentions</th>" + Count(s.mentions) +
         "</tr><tr><th>dead letters</th>" + Count(s.dead_letters) + "</tr></tbody></table>"
         "<p class=\"muted\">Database view opened " + Escape(FormatIsoUtc(view.opened_unix_s())) +
         " (changelog position " + std::to_string(view.last_change_seq()) + ").</p>";
}

std::string Select(const std::string& name, const std::vector<std::string>& options,
                   const std::string& selected) {
  std::string out = "<select name=\"" + Escape(name) + "\"><option value=\"\">any</option>";
  for (const std::string& o : options) {
    out += "<option" + std::string(o == selected ? " selected" : "") + ">" + Escape(o) + "</option>";
  }
  return out + "</select>";
}

std::string Input(const std::string& label, const std::string& name, const std::string& value) {
  return "<label>" + Escape(label) + " <input name=\"" + Escape(name) + "\" value=\"" +
         Escape(value) + "\"></label>";
}

}  // namespace

Response ErrorPage(const Status& status) {
  const int code = HttpStatusFor(status);
  const char* title = code == 400 ? "Bad request" : code == 404 ? "Not found" : "Error";
  Response r = Html(Page(title, "<h1>" + std::string(title) + "</h1><p class=\"error\">" +
                                    Escape(status.message()) + "</p>"));
  r.status = code;
  return r;
}

Response OverviewPage(const Request& request, const StoreView& view, const ServeOptions&) {
  if (Status s = CheckParamNames(request, {"q", "type"}); !s.ok()) return ErrorPage(s);
  Result<std::string> q = TextParam(request, "q");
  if (!q.ok()) return ErrorPage(q.status());
  Result<std::string> type = ChoiceParam(request, "type", {"chip", "org", "person", "place"}, "");
  if (!type.ok()) return ErrorPage(type.status());
  if (!q->empty() || !type->empty()) {
    return Html(Page("Entities", EntitySearchResults(view, *q, *type)));
  }
  std::string body = view.CacheGet("page/overview");
  if (body.empty()) {
    Result<store::EventPage> recent =
        view.store().FindEventsPage({}, {.limit = 20, .newest_first = true});
    if (!recent.ok()) return ErrorPage(recent.status());
    Result<std::string> top = TopEntitiesTable(view);
    if (!top.ok()) return ErrorPage(top.status());
    std::uint64_t counted = 0;
    bool truncated = false;
    Result<std::vector<TimelineBucket>> timeline =
        BuildTimeline(view, {}, "week", &counted, &truncated);
    if (!timeline.ok()) return ErrorPage(timeline.status());
    body = "<h1>Overview</h1><div class=\"cols\"><section><h2>The database</h2>" +
           StatsTable(view) + "</section><section><h2>Top entities</h2>" + *top +
           "</section></div><h2>Events per week</h2>" + TimelineSvg(*timeline, "week") +
           (truncated ? "<p class=\"muted\">The latest " + std::to_string(counted) +
                            " events are counted.</p>"
                      : "") +
           "<h2>Recent events</h2>" + EventsTable(recent->events, view, "recent-events") +
           "<p><a href=\"/events\">All events</a></p>";
    view.CachePut("page/overview", body);
  }
  return Html(Page("Overview", body));
}

Response EventsPage(const Request& request, const StoreView& view, const ServeOptions& options) {
  Result<EventsQuery> q = ParseEventsQuery(request, options);
  if (!q.ok()) return ErrorPage(q.status());
  Result<store::EventPage> page = view.store().FindEventsPage(q->query, q->page);
  if (!page.ok()) return ErrorPage(page.status());
  auto param = [&](const char* name) {
    const auto it = request.params.find(name);
    return it == request.params.end() ? std::string() : it->second;
  };
  std::string body = "<h1>Events</h1><form class=\"filters\" method=\"get\" action=\"/events\">" +
                     std::string("<label>type ") + Select("type", view.event_types(), param("type")) +
                     "</label>" + Input("entity id", "entity", param("entity")) +
                     Input("words", "text", param("text")) +
                     Input("since", "since", param("since")) + Input("until", "until", param("until")) +
                     "<label>order " + Select("order", {"desc", "asc"}, param("order")) +
                     "</label><button>Filter</button></form>";
  body += EventsTable(page->events, view, "events");
  if (!page->next_cursor.empty()) {
    std::vector<std::pair<std::string, std::string>> params;
    for (const auto& [name, value] : request.params) {
      if (name != "cursor") params.emplace_back(name, value);
    }
    params.emplace_back("cursor", page->next_cursor);
    body += "<p><a id=\"next-page\" href=\"" + Href("/events", params) + "\">Next page</a></p>";
  }
  return Html(Page("Events", body));
}

Response HandlePage(const Request& request, const StoreView& view, const ServeOptions& options) {
  const std::string& p = request.path;
  if (p == "/") return OverviewPage(request, view, options);
  if (p == "/entity") return EntityPage(request, view);
  if (p == "/events") return EventsPage(request, view, options);
  if (p == "/article") return ArticlePage(request, view);
  if (p == "/style.css") return Response{200, "text/css; charset=utf-8", StyleSheet()};
  return ErrorPage(NotFoundError("no page at " + p.substr(0, 200)));
}

}  // namespace newsx::pipelines::serve
