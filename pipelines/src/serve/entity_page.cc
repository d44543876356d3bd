// /entity?id=...: the entity's facts, its timeline chart, its latest events
// with their evidence, co-mentioned entities and the articles.

#include "entity_overview.h"
#include "html.h"
#include "pages.h"
#include "timeline_svg.h"

namespace newsx::pipelines::serve {

namespace {

constexpr std::size_t kEntityPageEvents = 50;

std::string Facts(const StoreView& view, const store::StoredEntity& stored) {
  const Entity& e = stored.entity;
  std::string out = "<table id=\"entity-facts\"><tbody>";
  auto row = [&](const char* name, const std::string& html) {
    if (!html.empty()) out += "<tr><th>" + std::string(name) + "</th><td>" + html + "</td></tr>";
  };
  row("id", Escape(e.id));
  row("type", Escape(EntityTypeName(e.type)));
  std::string aliases;
  for (const std::string& a : e.aliases) aliases += (aliases.empty() ? "" : ", ") + Escape(a);
  row("aliases", aliases);
  if (!e.vendor.empty()) row("vendor", EntityLink(view, e.vendor));
  row("family", Escape(e.family));
  row("kind", Escape(e.kind));
  if (!e.country.empty()) row("country", EntityLink(view, e.country));
  std::string roles;
  for (const Role& r : e.roles) {
    roles += "<div>" + Escape(r.title) + (r.org.empty() ? "" : ", " + EntityLink(view, r.org)) +
             "</div>";
  }
  row("roles", roles);
  row("articles", std::to_string(stored.article_count));
  row("mentions", std::to_string(stored.mention_count));
  return out + "</tbody></table>";
}

std::string CoMentioned(const StoreView& view, const EntityOverview& o) {
  if (o.co_mentioned.empty()) return "<p class=\"muted\">None.</p>";
  std::string out = "<table id=\"co-mentioned\"><thead><tr><th>entity</th><th>type</th>"
                    "<th>shared articles</th></tr></thead><tbody>";
  for (const CoMention& c : o.co_mentioned) {
    out += "<tr><td>" + EntityLink(view, c.id) + "</td><td>" + Escape(c.type) +
           "</td><td class=\"num\">" + std::to_string(c.articles) + "</td></tr>";
  }
  return out + "</tbody></table><p class=\"muted\">Over the latest " +
         std::to_string(o.articles_read) + " articles mentioning it.</p>";
}

std::string Articles(const EntityOverview& o) {
  if (o.articles.empty()) return "<p class=\"muted\">None.</p>";
  std::string out = "<table id=\"entity-articles\"><thead><tr><th>published</th><th>title</th>"
                    "<th>site</th><th>mentions</th></tr></thead><tbody>";
  for (const ArticleLink& a : o.articles) {
    out += "<tr><td>" + Escape(a.published.substr(0, 10)) + "</td><td><a href=\"" +
           Href("/article", {{"id", a.id}}) + "\">" + Escape(a.title.empty() ? a.id : a.title) +
           "</a></td><td>" + Escape(a.site) + "</td><td class=\"num\">" +
           std::to_string(a.mentions) + "</td></tr>";
  }
  return out + "</tbody></table>";
}

}  // namespace

Response EntityPage(const Request& request, const StoreView& view) {
  Result<EntityParams> p = ParseEntityParams(request);
  if (!p.ok()) return ErrorPage(p.status());
  const std::string key = "page/entity\n" + p->CacheKey();
  std::string html = view.CacheGet(key);
  if (html.empty()) {
    const std::string& id = p->id;
    const std::string& bucket = p->bucket;
    Result<EntityOverview> o =
        BuildEntityOverview(view, id, p->since_unix_s, p->until_unix_s, bucket);
    if (!o.ok()) return ErrorPage(o.status());
    Result<store::EventPage> events = view.store().FindEventsPage(
        {.entity_id = id, .since_unix_s = p->since_unix_s, .until_unix_s = p->until_unix_s},
        {.limit = kEntityPageEvents, .newest_first = true});
    if (!events.ok()) return ErrorPage(events.status());
    const std::string name = o->entity.entity.name.empty() ? id : o->entity.entity.name;
    const std::string other_bucket = bucket == "week" ? "day" : "week";
    std::string body = "<h1>" + Escape(name) + "</h1>" + Facts(view, o->entity);
    body += "<h2>Events per " + Escape(bucket) + " by type</h2><p class=\"muted\"><a href=\"" +
            Href("/entity", {{"id", id}, {"bucket", other_bucket}}) + "\">per " + other_bucket +
            "</a> · " + std::to_string(o->events_counted) + " events" +
            (o->events_truncated ? " (the latest only)" : "") + "</p>" +
            TimelineSvg(o->timeline, bucket);
    body += "<h2>Latest events</h2>" + EventsTable(events->events, view, "entity-events");
    if (!events->next_cursor.empty()) {
      body += "<p><a href=\"" + Href("/events", {{"entity", id}}) + "\">All its events</a></p>";
    }
    body += "<div class=\"cols\"><section><h2>Mentioned with</h2>" + CoMentioned(view, *o) +
            "</section><section><h2>Latest articles</h2>" + Articles(*o) + "</section></div>";
    html = Page(name, body);
    view.CachePut(key, html);
  }
  return Response{200, "text/html; charset=utf-8", std::move(html)};
}

}  // namespace newsx::pipelines::serve
