#pragma once

// What the entity page and /api/entity show about one entity: its events
// counted per day or week by type, the entities mentioned in the same
// articles, and the latest articles mentioning it.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "newsx/core/result.h"
#include "newsx/store/store_types.h"
#include "request.h"
#include "store_view.h"

namespace newsx::pipelines::serve {

struct TimelineBucket {
  std::int64_t start_unix_s = 0;                 // Midnight UTC of the day, or of the week's Monday.
  std::map<std::string, std::uint64_t> by_type;  // Event type -> events.
};

struct CoMention {
  std::string id;
  std::string name;
  std::string type;
  std::uint64_t articles = 0;  // Articles among those read that mention both.
};

struct ArticleLink {
  std::string id, title, published, site;
  std::uint64_t mentions = 0;  // Mentions of the entity in the article.
};

struct EntityOverview {
  store::StoredEntity entity;
  std::string bucket;                     // "day" or "week".
  std::vector<TimelineBucket> timeline;   // Oldest first; buckets with events only.
  std::uint64_t events_counted = 0;
  bool events_truncated = false;          // More than kMaxTimelineEvents: the oldest left out.
  std::uint64_t articles_read = 0;        // Latest articles read for co-mentions.
  std::vector<CoMention> co_mentioned;    // Most shared articles first.
  std::vector<ArticleLink> articles;      // Newest first.
};

inline constexpr std::size_t kMaxTimelineEvents = 20'000;
inline constexpr std::size_t kCoMentionArticles = 200;
inline constexpr std::size_t kMaxCoMentioned = 20;
inline constexpr std::size_t kMaxArticleLinks = 20;

// The parameters of /entity and /api/entity: id (required), since, until,
// bucket ("week" or "day"). kInvalidArgument naming the bad one.
struct EntityParams {
  std::string id;
  std::int64_t since_unix_s = 0, until_unix_s = 0;
  std::string bucket;
  std::string CacheKey() const;  // The same for the same parameters.
};
Result<EntityParams> ParseEntityParams(const Request& request);

// Events and articles whose time is in [since, until). kNotFound for an
// unknown entity.
Result<EntityOverview> BuildEntityOverview(const StoreView& view, const std::string& entity_id,
                                           std::int64_t since_unix_s, std::int64_t until_unix_s,
                                           const std::string& bucket);

// Events of `query` counted per bucket by type, newest kMaxTimelineEvents
// at most (*truncated when there were more).
Result<std::vector<TimelineBucket>> BuildTimeline(const StoreView& view,
                                                  const store::EventQuery& query,
                                                  const std::string& bucket,
                                                  std::uint64_t* counted, bool* truncated);

// Start of the day (bucket "day") or ISO week (Monday, "week") holding `t`.
std::int64_t BucketStart(std::int64_t t, const std::string& bucket);

// The overview as /api/entity's JSON object.
std::string EntityOverviewJson(const EntityOverview& overview);

}  // namespace newsx::pipelines::serve
