#include "entity_overview.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <unordered_map>

#include "newsx/core/time_format.h"
#include "newsx/pipelines/jobs/export_rows.h"

namespace newsx::pipelines::serve {

namespace {

constexpr std::int64_t kDay = 86'400;

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

Status FillArticles(const StoreView& view, const std::string& id, std::int64_t since,
                    std::int64_t until, EntityOverview* out) {
  const store::ArticleStore& store = view.store();
  NEWSX_ASSIGN_OR_RETURN(std::vector<store::EntityArticle> refs,
                         store.ArticlesMentioning(id, since, until, kCoMentionArticles));
  // Co-mentions from the article_entities index: no article is read for them.
  std::unordered_map<std::string, std::uint64_t> shared;
  for (const store::EntityArticle& ref : refs) {
    NEWSX_ASSIGN_OR_RETURN(std::vector<store::ArticleEntity> entities,
                           store.EntitiesOfArticle(ref.article_id));
    if (entities.empty()) continue;  // Stale reference (verify reports it).
    ++out->articles_read;
    for (const store::ArticleEntity& e : entities) {
      if (e.entity_id != id) ++shared[e.entity_id];
    }
  }
  std::vector<std::pair<std::string, std::uint64_t>> ranked(shared.begin(), shared.end());
  const std::size_t n = std::min(kMaxCoMentioned, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(n), ranked.end(),
                    [](const auto& a, const auto& b) {
                      return a.second != b.second ? a.second > b.second : a.first < b.first;
                    });
  ranked.resize(n);
  for (const auto& [entity_id, articles] : ranked) {
    CoMention c{entity_id, entity_id, "", articles};
    if (const store::StoredEntity* e = view.FindEntity(entity_id)) {
      c.name = e->entity.name;
      c.type = EntityTypeName(e->entity.type);
    }
    out->co_mentioned.push_back(std::move(c));
  }
  // Only the linked articles are read, for their titles.
  for (const store::EntityArticle& ref : refs) {
    if (out->articles.size() >= kMaxArticleLinks) break;
    Result<ExtractedArticle> x = store.GetArticle(ref.article_id);
    if (!x.ok()) {
      if (x.status().code() == StatusCode::kNotFound) continue;  // Stale: verify reports it.
      return x.status();
    }
    out->articles.push_back(ArticleLink{x->article.id, x->article.title, x->article.published,
                                        x->article.site, ref.mentions});
  }
  return Status::Ok();
}

}  // namespace

std::int64_t BucketStart(std::int64_t t, const std::string& bucket) {
  const std::int64_t day = FloorDiv(t, kDay);
  if (bucket != "week") return day * kDay;
  // 1970-01-01 was a Thursday: day 4 (1970-01-05) is a Monday.
  return (FloorDiv(day - 4, 7) * 7 + 4) * kDay;
}

std::string EntityParams::CacheKey() const {
  return id + "\n" + std::to_string(since_unix_s) + "\n" + std::to_string(until_unix_s) + "\n" +
         bucket;
}

Result<EntityParams> ParseEntityParams(const Request& request) {
  NEWSX_RETURN_IF_ERROR(CheckParamNames(request, {"id", "since", "until", "bucket"}));
  EntityParams p;
  NEWSX_ASSIGN_OR_RETURN(p.id, RequiredParam(request, "id"));
  NEWSX_ASSIGN_OR_RETURN(p.since_unix_s, TimeParam(request, "since", store::kMinTime));
  NEWSX_ASSIGN_OR_RETURN(p.until_unix_s, TimeParam(request, "until", store::kMaxTime));
  NEWSX_ASSIGN_OR_RETURN(p.bucket, ChoiceParam(request, "bucket", {"day", "week"}, "week"));
  return p;
}

Result<std::vector<TimelineBucket>> BuildTimeline(const StoreView& view,
                                                  const store::EventQuery& query,
                                                  const std::string& bucket,
                                                  std::uint64_t* counted, bool* truncated) {
  NEWSX_ASSIGN_OR_RETURN(std::vector<store::EventStamp> stamps,
                         view.store().LatestEventStamps(query, kMaxTimelineEvents, truncated));
  std::map<std::int64_t, TimelineBucket> buckets;
  for (const store::EventStamp& e : stamps) {
    const std::int64_t start = BucketStart(e.time_unix_s, bucket);
    TimelineBucket& b = buckets[start];
    b.start_unix_s = start;
    ++b.by_type[e.type];
  }
  *counted = stamps.size();
  std::vector<TimelineBucket> out;
  for (auto& [start, b] : buckets) out.push_back(std::move(b));
  return out;
}

Result<EntityOverview> BuildEntityOverview(const StoreView& view, const std::string& entity_id,
                                           std::int64_t since_unix_s, std::int64_t until_unix_s,
                                           const std::string& bucket) {
  EntityOverview out;
  NEWSX_ASSIGN_OR_RETURN(out.entity, view.store().GetEntity(entity_id));
  out.bucket = bucket;
  NEWSX_ASSIGN_OR_RETURN(
      out.timeline,
      BuildTimeline(view,
                    {.entity_id = entity_id, .since_unix_s = since_unix_s,
                     .until_unix_s = until_unix_s},
                    bucket, &out.events_counted, &out.events_truncated));
  NEWSX_RETURN_IF_ERROR(FillArticles(view, entity_id, since_unix_s, until_unix_s, &out));
  return out;
}

std::string EntityOverviewJson(const EntityOverview& o) {
  using nlohmann::json;
  json timeline = json::array();
  for (const TimelineBucket& b : o.timeline) {
    timeline.push_back({{"start", FormatIsoUtc(b.start_unix_s)}, {"counts", b.by_type}});
  }
  json co = json::array();
  for (const CoMention& c : o.co_mentioned) {
    co.push_back({{"id", c.id}, {"name", c.name}, {"type", c.type}, {"articles", c.articles}});
  }
  json articles = json::array();
  for (const ArticleLink& a : o.articles) {
    articles.push_back({{"id", a.id},
                        {"title", a.title},
                        {"published", a.published.empty() ? json(nullptr) : json(a.published)},
                        {"site", a.site},
                        {"mentions", a.mentions}});
  }
  json j{{"entity", json::parse(EntityRow(o.entity))},
         {"bucket", o.bucket},
         {"timeline", std::move(timeline)},
         {"events_counted", o.events_counted},
         {"events_truncated", o.events_truncated},
         {"articles_read", o.articles_read},
         {"co_mentioned", std::move(co)},
         {"articles", std::move(articles)}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace newsx::pipelines::serve
