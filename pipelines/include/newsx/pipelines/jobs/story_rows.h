#pragma once

// Stories and happenings as the query and export jobs print them
// (docs/stories.md, docs/export.md): stories.jsonl and happenings.jsonl
// rows, and the "story", "happening" and "sources" fields of event rows.
// Every row has every column of its file (export_schema.cc), null when
// absent.

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "newsx/core/analysis.h"
#include "newsx/core/result.h"
#include "newsx/pipelines/jobs/time_window.h"
#include "newsx/store/article_store.h"

namespace newsx::pipelines {

// The story and happening of one event.
struct EventStory {
  std::string story;      // Empty: its article has no story (stored before stories).
  std::string happening;  // Empty: stored before happenings.
  std::vector<store::HappeningSource> sources;  // The happening's sources, in time order.
};

// Looks up the story and happening of events. Keeps the happenings it read,
// so that an export reads each once while its events are near each other
// (bounded: the memory is cleared past a few thousand).
class EventStoryLookup {
 public:
  explicit EventStoryLookup(const store::ArticleStore& store) : store_(store) {}
  Result<EventStory> Lookup(const Event& event);

 private:
  const store::ArticleStore& store_;
  std::map<std::string, std::string> story_of_article_;
  std::map<std::string, store::HappeningSummary> happenings_;
};

// events.jsonl and `query events` rows: EventRow(event) plus "story",
// "happening" and "sources" (a list of {event, article, story, site, seen}).
std::string EventRow(const Event& event, const EventStory& story);

// A story with what its rows show: its articles and happenings.
struct StoryView {
  store::StorySummary summary;
  std::vector<Article> articles;        // In time order, without their text.
  std::vector<std::string> happenings;  // Ids, sorted.
};
Result<StoryView> LoadStoryView(const store::ArticleStore& store, store::StorySummary summary);

// stories.jsonl: id, first_seen, last_seen, article_count, title (of the
// first article), sites, articles ({id, url, site, title, published}), happenings.
std::string StoryRow(const StoryView& story);

// A happening with the event of each source.
struct HappeningView {
  store::HappeningSummary summary;
  std::vector<Event> events;  // One per source, in the same order.
};
Result<HappeningView> LoadHappeningView(const store::ArticleStore& store,
                                        store::HappeningSummary summary);

// happenings.jsonl: id, type, first_seen, source_count, stories, sites,
// args and time of the first source whose event has them, sources
// ({event, article, story, site, seen, evidence}).
std::string HappeningRow(const HappeningView& happening);

// `newsx query stories`.
struct StoriesQuery {
  TimeWindow window;      // A member article's time in [since, until).
  std::string entity;     // A member article mentions this entity id.
  std::size_t min_articles = 1;
  std::size_t limit = 0;  // 0 = all.
};

// Visits the matching stories in the order of their first member in the
// window. Returns the number visited.
Result<std::size_t> QueryStories(const store::ArticleStore& store, const StoriesQuery& query,
                                 const std::function<bool(const StoryView&)>& visit);

}  // namespace newsx::pipelines
