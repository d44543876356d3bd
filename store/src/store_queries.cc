// Read paths of ArticleStore: scans, event queries, top entities, the
// changelog and Stats.

#include <rocksdb/db.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <unordered_map>

#include "entity_record.h"
#include "event_index_value.h"
#include "keys.h"
#include "newsx/core/record_json.h"
#include "newsx/core/strings.h"
#include "newsx/core/url.h"
#include "record_codec.h"
#include "store_impl.h"

namespace newsx::store {

namespace {

using namespace internal;

bool Matches(const Event& e, const EventQuery& q, const std::string& text_lower) {
  if (!q.type.empty() && e.type != q.type) return false;
  if (!q.entity_id.empty()) {
    const std::vector<std::string> ids = EventEntityIds(e);
    if (!std::binary_search(ids.begin(), ids.end(), q.entity_id)) return false;
  }
  return EventMatchesText(e, text_lower);
}

// The source an article is counted under in Stats: its site, else its host,
// else where it was read from (a WARC file without the record offset, the
// folder of a saved page).
std::string SourceGroup(const Article& a) {
  if (!a.site.empty()) return a.site;
  std::string host = UrlHost(a.url);
  if (!host.empty()) return host;
  std::string_view source = a.source;
  source = source.substr(0, source.rfind('@'));
  const std::size_t slash = source.rfind('/');
  if (slash != std::string_view::npos && slash > 0) source = source.substr(0, slash);
  return source.empty() ? "(unknown)" : std::string(source);
}

}  // namespace

Status ArticleStore::ScanArticles(
    const std::function<bool(const ExtractedArticle&)>& visit) const {
  Status error;
  NEWSX_RETURN_IF_ERROR(
      impl_->Scan(kArticles, "", "", [&](std::string_view key, std::string_view value) {
        Result<ExtractedArticle> x = ParseArticleValue(value);
        if (!x.ok()) {
          error = x.status().WithContext("article " + std::string(key));
          return false;
        }
        return visit(*x);
      }));
  return error;
}

Status ArticleStore::ScanEntities(const std::function<bool(const StoredEntity&)>& visit) const {
  Status error;
  NEWSX_RETURN_IF_ERROR(
      impl_->Scan(kEntities, "", "", [&](std::string_view key, std::string_view value) {
        Result<EntityRecord> r = DecodeEntityRecord(value);
        if (!r.ok()) {
          error = r.status().WithContext("entity " + std::string(key));
          return false;
        }
        return r->article_count == 0 || visit(r->ToStored());
      }));
  return error;
}

namespace {

// The most selective index for a query, and the key range it scans; the
// other filters are checked on the record.
struct EventIndexRange {
  Family index = kEventTime;
  std::string prefix;
  std::string begin, end;
};

EventIndexRange IndexRangeFor(const EventQuery& q) {
  EventIndexRange r;
  if (!q.entity_id.empty()) {
    r.index = kEventEntity;
    r.prefix = Join2(q.entity_id, "");
  } else if (!q.type.empty()) {
    r.index = kEventType;
    r.prefix = Join2(q.type, "");
  }
  r.begin = r.prefix + EncodeTime(q.since_unix_s);
  r.end = r.prefix + EncodeTime(q.until_unix_s);
  return r;
}

std::string HexEncode(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    const auto u = static_cast<unsigned char>(c);
    out += kDigits[u >> 4];
    out += kDigits[u & 15];
  }
  return out;
}

std::optional<std::string> HexDecode(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    int v = 0;
    const auto [ptr, ec] = std::from_chars(hex.data() + i, hex.data() + i + 2, v, 16);
    if (ec != std::errc() || ptr != hex.data() + i + 2) return std::nullopt;
    out += static_cast<char>(v);
  }
  return out;
}

}  // namespace

// Visits the events of `q`'s index entries from `begin` to `end` (forward
// or backward); `visit` gets the index key, the index time, the event's
// type and, when `load` is set, the event (type empty: it does not match or
// is gone). The filters are checked on the index value when it has one
// (schema version 3), so only matching events are read; an entry without
// one is checked on the event. Stale index entries are skipped (Verify
// reports them).
Status ArticleStore::ScanEventIndex(const EventQuery& q, std::string_view begin,
                                    std::string_view end, bool backward, bool load,
                                    const EventIndexVisitor& visit) const {
  const EventIndexRange range = IndexRangeFor(q);
  const std::string text_lower = AsciiLower(q.text);
  const std::size_t time_offset = range.prefix.size();
  Status error;
  auto on_key = [&](std::string_view key, std::string_view value) {
    const std::string_view event_id = key.substr(std::min(time_offset + 8, key.size()));
    const std::int64_t time = DecodeTime(key.substr(std::min(time_offset, key.size())));
    // The index chosen implies the entity filter (kEventEntity), or the
    // type's (kEventType); the value holds the type and the texts.
    const std::string_view type = EventIndexValueType(value);
    if (!type.empty()) {
      if ((!q.type.empty() && type != q.type) || !EventIndexValueMatches(value, text_lower)) {
        return visit(key, time, "", nullptr);
      }
      if (!load) return visit(key, time, type, nullptr);
    }
    Result<std::optional<std::string>> stored = impl_->Get(kEvents, event_id);
    if (!stored.ok()) {
      error = stored.status();
      return false;
    }
    if (!stored->has_value()) return visit(key, time, "", nullptr);
    Result<Event> e = ParseEvent(**stored);
    if (!e.ok()) {
      error = DataLossError("event " + std::string(event_id) + ": " + e.status().message());
      return false;
    }
    if (!Matches(*e, q, text_lower)) return visit(key, time, "", nullptr);
    return visit(key, time, e->type, &*e);
  };
  NEWSX_RETURN_IF_ERROR(backward ? impl_->ScanBackward(range.index, begin, end, on_key)
                                 : impl_->Scan(range.index, begin, end, on_key));
  return error;
}

Status ArticleStore::FindEvents(const EventQuery& q,
                                const std::function<bool(const Event&)>& visit) const {
  const EventIndexRange range = IndexRangeFor(q);
  return ScanEventIndex(q, range.begin, range.end, false, true,
                        [&](std::string_view, std::int64_t, std::string_view, const Event* e) {
                          return e == nullptr || visit(*e);
                        });
}

Result<EventPage> ArticleStore::FindEventsPage(const EventQuery& q,
                                               const EventPageRequest& page) const {
  const EventIndexRange range = IndexRangeFor(q);
  std::string begin = range.begin, end = range.end;
  if (!page.cursor.empty()) {
    const std::optional<std::string> key = HexDecode(page.cursor);
    if (!key || *key < range.begin || *key >= range.end) {
      return InvalidArgumentError("cursor does not belong to this query");
    }
    // Strictly after the cursor's key in the direction of the scan.
    if (page.newest_first) {
      end = *key;
    } else {
      begin = *key + '\0';
    }
  }
  const std::size_t limit = std::max<std::size_t>(page.limit, 1);
  EventPage out;
  std::string last_key;
  bool more = false;
  NEWSX_RETURN_IF_ERROR(ScanEventIndex(
      q, begin, end, page.newest_first, true,
      [&](std::string_view key, std::int64_t time, std::string_view, const Event* e) {
        if (out.events.size() >= limit ||
            (page.max_scanned != 0 && out.scanned >= page.max_scanned)) {
          more = true;
          return false;
        }
        ++out.scanned;
        last_key = key;
        if (e != nullptr) out.events.push_back(TimedEvent{time, *e});
        return true;
      }));
  if (more) out.next_cursor = HexEncode(last_key);
  return out;
}

Result<std::vector<EventStamp>> ArticleStore::LatestEventStamps(const EventQuery& q,
                                                                std::size_t limit,
                                                                bool* truncated) const {
  const EventIndexRange range = IndexRangeFor(q);
  std::vector<EventStamp> out;
  *truncated = false;
  NEWSX_RETURN_IF_ERROR(ScanEventIndex(
      q, range.begin, range.end, true, false,
      [&](std::string_view, std::int64_t time, std::string_view type, const Event*) {
        if (type.empty()) return true;
        if (out.size() >= limit) {
          *truncated = true;
          return false;
        }
        out.push_back(EventStamp{time, std::string(type)});
        return true;
      }));
  return out;
}

Result<std::vector<ArticleEntity>> ArticleStore::EntitiesOfArticle(
    std::string_view article_id) const {
  std::vector<ArticleEntity> out;
  if (impl_->schema_version < 3) {
    // Older articles have no article_entities entries: read the article.
    NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> value, impl_->Get(kArticles, article_id));
    if (!value) return out;
    NEWSX_ASSIGN_OR_RETURN(ExtractedArticle x, ParseArticleValue(*value));
    for (const auto& [entity_id, entity] : EntitiesById(x.entities)) {
      out.push_back(ArticleEntity{entity_id, entity.mentions.size()});
    }
    return out;
  }
  const std::string prefix = Join2(article_id, "");
  NEWSX_RETURN_IF_ERROR(
      impl_->ScanPrefix(kArticleEntities, prefix, [&](std::string_view key, std::string_view value) {
        ArticleEntity e;
        e.entity_id = std::string(key.substr(prefix.size()));
        std::from_chars(value.data(), value.data() + value.size(), e.mentions);
        out.push_back(std::move(e));
        return true;
      }));
  return out;
}

Result<std::vector<EntityArticle>> ArticleStore::ArticlesMentioning(
    std::string_view entity_id, std::int64_t since_unix_s, std::int64_t until_unix_s,
    std::size_t limit) const {
  const std::string prefix = Join2(entity_id, "");
  std::vector<EntityArticle> out;
  NEWSX_RETURN_IF_ERROR(impl_->ScanBackward(
      kMentions, prefix + EncodeTime(since_unix_s), prefix + EncodeTime(until_unix_s),
      [&](std::string_view key, std::string_view value) {
        if (out.size() >= limit) return false;
        const std::string_view rest = key.substr(std::min(prefix.size(), key.size()));
        EntityArticle a;
        a.time_unix_s = DecodeTime(rest);
        a.article_id = std::string(rest.substr(std::min<std::size_t>(8, rest.size())));
        std::from_chars(value.data(), value.data() + value.size(), a.mentions);
        out.push_back(std::move(a));
        return true;
      }));
  return out;
}

Result<std::vector<std::string>> ArticleStore::EventTypes() const {
  // One seek per type: skip past "<type>\0..." to the next type.
  std::vector<std::string> types;
  std::string from;
  while (true) {
    std::optional<std::string> type;
    NEWSX_RETURN_IF_ERROR(impl_->Scan(kEventType, from, "", [&](std::string_view key,
                                                                 std::string_view) {
      type = std::string(key.substr(0, key.find('\0')));
      return false;
    }));
    if (!type) return types;
    types.push_back(*type);
    from = *type + '\x01';
  }
}

Result<std::vector<EntityCount>> ArticleStore::TopEntities(std::int64_t since_unix_s,
                                                           std::int64_t until_unix_s,
                                                           std::size_t limit) const {
  struct Counts {
    std::uint64_t mentions = 0;
    std::uint64_t articles = 0;
  };
  std::unordered_map<std::string, Counts> counts;
  NEWSX_RETURN_IF_ERROR(impl_->Scan(
      kMentionTime, EncodeTime(since_unix_s), EncodeTime(until_unix_s),
      [&](std::string_view key, std::string_view value) {
        const std::string_view rest = key.substr(std::min<std::size_t>(8, key.size()));
        Counts& c = counts[std::string(rest.substr(0, rest.find('\0')))];
        std::uint64_t n = 0;
        std::from_chars(value.data(), value.data() + value.size(), n);
        c.mentions += n;
        c.articles += 1;
        return true;
      }));
  std::vector<std::pair<std::string, Counts>> ranked(counts.begin(), counts.end());
  auto by_mentions = [](const auto& a, const auto& b) {
    if (a.second.mentions != b.second.mentions) return a.second.mentions > b.second.mentions;
    return a.first < b.first;
  };
  const std::size_t n = std::min(limit, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(n),
                    ranked.end(), by_mentions);
  std::vector<EntityCount> out;
  for (std::size_t i = 0; i < n; ++i) {
    Result<StoredEntity> entity = GetEntity(ranked[i].first);
    if (!entity.ok() && entity.status().code() != StatusCode::kNotFound) return entity.status();
    EntityCount row;
    if (entity.ok()) {
      row.entity = std::move(entity).value();
    } else {
      row.entity.entity.id = ranked[i].first;  // Stale: Verify reports it.
    }
    row.mentions_in_window = ranked[i].second.mentions;
    row.articles_in_window = ranked[i].second.articles;
    out.push_back(std::move(row));
  }
  return out;
}

Result<std::vector<Change>> ArticleStore::ReadChanges(std::uint64_t after_seq,
                                                      std::size_t limit) const {
  std::vector<Change> out;
  if (after_seq == UINT64_MAX) return out;
  NEWSX_RETURN_IF_ERROR(impl_->Scan(
      kChangelog, EncodeU64(after_seq + 1), "", [&](std::string_view key, std::string_view value) {
        if (out.size() >= limit) return false;
        if (value.empty() || value[0] != kChangeArticle) return true;
        out.push_back(Change{DecodeU64(key), std::string(value.substr(1))});
        return true;
      }));
  return out;
}

Status ArticleStore::ScanChangedEntities(
    std::uint64_t after_seq, std::uint64_t until_seq,
    const std::function<bool(const StoredEntity&)>& visit) const {
  Status error;
  NEWSX_RETURN_IF_ERROR(
      impl_->Scan(kEntities, "", "", [&](std::string_view key, std::string_view value) {
        Result<EntityRecord> r = DecodeEntityRecord(value);
        if (!r.ok()) {
          error = r.status().WithContext("entity " + std::string(key));
          return false;
        }
        return r->seq <= after_seq || r->seq > until_seq || visit(r->ToStored());
      }));
  return error;
}

Result<std::uint64_t> ArticleStore::LastChangeSeq() const {
  NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> seq, impl_->Get(kMeta, kMetaChangelogSeq));
  std::uint64_t v = 0;
  if (seq) std::from_chars(seq->data(), seq->data() + seq->size(), v);
  return v;
}

Result<StoreStats> ArticleStore::Stats() const {
  StoreStats stats;
  for (int f = 0; f < kFamilyCount; ++f) {
    std::uint64_t& n = stats.keys_by_family[kFamilyNames[f]];
    NEWSX_RETURN_IF_ERROR(impl_->Scan(static_cast<Family>(f), "", "",
                                      [&](std::string_view, std::string_view) {
                                        ++n;
                                        return true;
                                      }));
    std::uint64_t bytes = 0;
    if (impl_->cf(static_cast<Family>(f)) != nullptr &&
        impl_->db->GetIntProperty(impl_->cf(static_cast<Family>(f)),
                                  "rocksdb.estimate-live-data-size", &bytes)) {
      stats.live_data_bytes += bytes;
    }
  }
  stats.articles = stats.keys_by_family["articles"];
  stats.events = stats.keys_by_family["events"];
  stats.dead_letters = stats.keys_by_family["dead_letters"];
  NEWSX_RETURN_IF_ERROR(ScanEntities([&](const StoredEntity& e) {
    ++stats.entities;
    stats.mentions += e.mention_count;
    return true;
  }));
  NEWSX_RETURN_IF_ERROR(ScanArticles([&](const ExtractedArticle& x) {
    ++stats.articles_by_source[SourceGroup(x.article)];
    stats.aliases += x.article.aliases.size();
    return true;
  }));
  NEWSX_ASSIGN_OR_RETURN(std::vector<DeadLetter> dead, ListDeadLetters());
  for (const DeadLetter& d : dead) ++stats.dead_letters_by_reason[d.stage + "/" + d.code];
  return stats;
}

}  // namespace newsx::store
