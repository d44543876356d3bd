#include "derived_entries.h"

#include "event_index_value.h"
#include "keys.h"
#include "newsx/core/record_json.h"
#include "record_codec.h"

namespace newsx::store::internal {

std::vector<IndexEntry> IndexEntries(const ExtractedArticle& x) {
  const Article& a = x.article;
  std::vector<IndexEntry> out;
  if (!a.url.empty()) out.push_back({kUrls, a.url, a.id});
  if (!a.canonical_url.empty() && a.canonical_url != a.url) {
    out.push_back({kUrls, a.canonical_url, a.id});
  }
  for (const std::string& alias : a.aliases) {
    if (alias != a.url && alias != a.canonical_url) out.push_back({kUrls, alias, a.id});
  }
  if (!a.content_hash.empty()) out.push_back({kHashes, Join2(a.content_hash, a.id), ""});
  const std::int64_t time = ArticleTime(a);
  for (const auto& [entity_id, entity] : EntitiesById(x.entities)) {
    const std::string count = std::to_string(entity.mentions.size());
    out.push_back({kMentions, MentionKey(entity_id, time, a.id), count});
    out.push_back({kMentionTime, MentionTimeKey(time, entity_id, a.id), count});
    out.push_back({kArticleEntities, ArticleEntityKey(a.id, entity_id), count});
  }
  for (const Event& e : x.events) {
    const std::int64_t event_time = EventTime(e, time);
    const std::string value = EncodeEventIndexValue(e);
    out.push_back({kEvents, e.id, ToJson(e)});
    out.push_back({kEventTime, EventTimeKey(event_time, e.id), value});
    out.push_back({kEventType, EventIndexKey(e.type, event_time, e.id), value});
    for (const std::string& entity_id : EventEntityIds(e)) {
      out.push_back({kEventEntity, EventIndexKey(entity_id, event_time, e.id), value});
    }
  }
  return out;
}

void FillEventIds(ExtractedArticle* x) {
  for (std::size_t i = 0; i < x->events.size(); ++i) {
    Event& e = x->events[i];
    if (e.id.empty()) e.id = x->article.id + ":e" + std::to_string(i);
    if (e.article.empty()) e.article = x->article.id;
  }
}

}  // namespace newsx::store::internal
