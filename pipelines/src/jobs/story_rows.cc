#include "newsx/pipelines/jobs/story_rows.h"

#include <nlohmann/json.hpp>

#include <set>

#include "newsx/core/time_format.h"
#include "newsx/pipelines/jobs/export_rows.h"

namespace newsx::pipelines {

namespace {

using nlohmann::json;

// Happenings kept by EventStoryLookup before it starts over.
constexpr std::size_t kMaxKeptHappenings = 4096;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json NullIfEmpty(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

// Unix seconds as ISO 8601 UTC; 0 (no known time) as null.
json TimeOrNull(std::int64_t unix_s) { return unix_s == 0 ? json(nullptr) : json(FormatIsoUtc(unix_s)); }

json SourceObject(const store::HappeningSource& s) {
  return json{{"event", s.event_id},
              {"article", s.article_id},
              {"story", NullIfEmpty(s.story_id)},
              {"site", NullIfEmpty(s.site)},
              {"seen", TimeOrNull(s.time_unix_s)}};
}

}  // namespace

Result<EventStory> EventStoryLookup::Lookup(const Event& event) {
  EventStory out;
  auto story = story_of_article_.find(event.article);
  if (story == story_of_article_.end()) {
    Result<std::optional<std::string>> s = store_.StoryOf(event.article);
    if (!s.ok() && s.status().code() != StatusCode::kNotFound) return s.status();
    if (story_of_article_.size() >= kMaxKeptHappenings) story_of_article_.clear();
    story = story_of_article_.emplace(event.article, s.ok() && s->has_value() ? **s : "").first;
  }
  out.story = story->second;
  NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> happening, store_.HappeningOf(event.id));
  if (!happening) return out;
  out.happening = *happening;
  auto it = happenings_.find(*happening);
  if (it == happenings_.end()) {
    Result<store::HappeningSummary> h = store_.GetHappening(*happening);
    if (!h.ok() && h.status().code() != StatusCode::kNotFound) return h.status();
    if (!h.ok()) return out;
    if (happenings_.size() >= kMaxKeptHappenings) happenings_.clear();
    it = happenings_.emplace(*happening, std::move(h).value()).first;
  }
  out.sources = it->second.sources;
  return out;
}

std::string EventRow(const Event& event, const EventStory& story) {
  json row = json::parse(EventRow(event));
  json sources = json::array();
  for (const store::HappeningSource& s : story.sources) sources.push_back(SourceObject(s));
  row["story"] = NullIfEmpty(story.story);
  row["happening"] = NullIfEmpty(story.happening);
  row["sources"] = std::move(sources);
  return Dump(row);
}

Result<StoryView> LoadStoryView(const store::ArticleStore& store, store::StorySummary summary) {
  StoryView view;
  for (const store::StoryMember& m : summary.members) {
    Result<ExtractedArticle> x = store.GetArticle(m.article_id);
    if (!x.ok() && x.status().code() == StatusCode::kNotFound) continue;  // Removed meanwhile.
    if (!x.ok()) return x.status();
    Article a = std::move(x->article);
    a.text.clear();
    view.articles.push_back(std::move(a));
  }
  NEWSX_ASSIGN_OR_RETURN(view.happenings, store.StoryHappenings(summary.id));
  view.summary = std::move(summary);
  return view;
}

std::string StoryRow(const StoryView& story) {
  json articles = json::array();
  std::set<std::string> sites;
  for (const Article& a : story.articles) {
    articles.push_back({{"id", a.id},
                        {"url", NullIfEmpty(a.url)},
                        {"site", NullIfEmpty(a.site)},
                        {"title", NullIfEmpty(a.title)},
                        {"published", NullIfEmpty(a.published)}});
    if (!a.site.empty()) sites.insert(a.site);
  }
  const store::StorySummary& s = story.summary;
  return Dump(json{{"id", s.id},
                   {"first_seen", TimeOrNull(s.first_seen_unix_s)},
                   {"last_seen", TimeOrNull(s.last_seen_unix_s)},
                   {"article_count", s.members.size()},
                   {"title", story.articles.empty() ? json(nullptr)
                                                    : NullIfEmpty(story.articles.front().title)},
                   {"sites", std::vector<std::string>(sites.begin(), sites.end())},
                   {"articles", std::move(articles)},
                   {"happenings", story.happenings}});
}

Result<HappeningView> LoadHappeningView(const store::ArticleStore& store,
                                        store::HappeningSummary summary) {
  HappeningView view;
  std::vector<store::HappeningSource> kept;
  for (const store::HappeningSource& s : summary.sources) {
    Result<ExtractedArticle> x = store.GetArticle(s.article_id);
    if (!x.ok() && x.status().code() == StatusCode::kNotFound) continue;  // Removed meanwhile.
    if (!x.ok()) return x.status();
    for (Event& e : x->events) {
      if (e.id != s.event_id) continue;
      view.events.push_back(std::move(e));
      kept.push_back(s);
      break;
    }
  }
  summary.sources = std::move(kept);
  view.summary = std::move(summary);
  return view;
}

std::string HappeningRow(const HappeningView& h) {
  json sources = json::array();
  std::set<std::string> stories, sites;
  json args = json::array(), time_start, time_end;
  for (std::size_t i = 0; i < h.summary.sources.size(); ++i) {
    const store::HappeningSource& s = h.summary.sources[i];
    // The event's columns as events.jsonl has them.
    const json event = json::parse(EventRow(h.events[i]));
    json source = SourceObject(s);
    source["evidence"] = event["evidence"];
    sources.push_back(std::move(source));
    if (!s.story_id.empty()) stories.insert(s.story_id);
    if (!s.site.empty()) sites.insert(s.site);
    if (args.empty() && !event["args"].empty()) args = event["args"];
    if (time_start.is_null() && !event["time_start"].is_null()) {
      time_start = event["time_start"];
      time_end = event["time_end"];
    }
  }
  return Dump(json{{"id", h.summary.id},
                   {"type", h.summary.type},
                   {"first_seen", TimeOrNull(h.summary.first_seen_unix_s)},
                   {"source_count", h.summary.sources.size()},
                   {"stories", std::vector<std::string>(stories.begin(), stories.end())},
                   {"sites", std::vector<std::string>(sites.begin(), sites.end())},
                   {"args", std::move(args)},
                   {"time_start", std::move(time_start)},
                   {"time_end", std::move(time_end)},
                   {"sources", std::move(sources)}});
}

Result<std::size_t> QueryStories(const store::ArticleStore& store, const StoriesQuery& query,
                                 const std::function<bool(const StoryView&)>& visit) {
  const store::StoryQuery q{.since_unix_s = query.window.since,
                            .until_unix_s = query.window.until,
                            .entity_id = query.entity,
                            .min_articles = query.min_articles};
  std::size_t n = 0;
  Status error;
  NEWSX_RETURN_IF_ERROR(store.FindStories(q, [&](const store::StorySummary& s) {
    Result<StoryView> view = LoadStoryView(store, s);
    if (!view.ok()) {
      error = view.status();
      return false;
    }
    ++n;
    return visit(*view) && (query.limit == 0 || n < query.limit);
  }));
  NEWSX_RETURN_IF_ERROR(error);
  return n;
}

}  // namespace newsx::pipelines
