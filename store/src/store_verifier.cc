// ArticleStore::Verify: records against indexes and indexes against records.

#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <unordered_set>

#include "derived_entries.h"
#include "entity_record.h"
#include "keys.h"
#include "newsx/core/record_json.h"
#include "record_codec.h"
#include "store_impl.h"
#include "happening_index.h"
#include "story_index.h"

namespace newsx::store {

namespace {

using namespace internal;

// Keys an article implies, as family byte + key, for the index-to-record check.
using KeySet = std::unordered_set<std::string>;

std::string Tagged(Family f, std::string_view key) {
  std::string out(1, static_cast<char>(f));
  out.append(key);
  return out;
}

std::string_view AfterNul(std::string_view s) {
  const std::size_t nul = s.find('\0');
  return nul == std::string_view::npos ? std::string_view() : s.substr(nul + 1);
}

std::string_view Skip8(std::string_view s) { return s.substr(std::min<std::size_t>(8, s.size())); }

// A record kind derived from an owner record (a story record per article, a
// happening record per event) and stored with the index entries it implies.
template <typename Record>
struct DerivedKind {
  Family records;           // Where the derived records are.
  Family owners;            // Where their owners are, under the same id.
  const char* record_name;  // "story", "happening".
  const char* owner_name;   // "article", "event".
  Result<Record> (*decode)(std::string_view value);
  std::vector<IndexEntry> (*entries)(std::string_view id, const Record& record);
  Result<std::optional<Record>> (*load)(const ArticleStore::Impl& impl, std::string_view id);
  // Each index family, with how to read the owner's id from its key.
  std::vector<std::pair<Family, std::string_view (*)(std::string_view key)>> indexes;
};

const DerivedKind<StoryRecord> kStoryKind{
    kStories, kArticles, "story", "article", DecodeStoryRecord, StoryEntries, LoadStoryRecord,
    {{kStoryBands, [](std::string_view key) { return Skip8(key); }},
     {kStoryMembers, [](std::string_view key) { return Skip8(AfterNul(key)); }},
     {kStoryTime, [](std::string_view key) { return AfterNul(Skip8(key)); }}}};

const DerivedKind<HappeningRecord> kHappeningKind{
    kHappenings, kEvents, "happening", "event", DecodeHappeningRecord, HappeningEntries,
    LoadHappeningRecord,
    {{kHappeningStory, [](std::string_view key) { return AfterNul(AfterNul(key)); }},
     {kHappeningEntity, [](std::string_view key) { return Skip8(AfterNul(AfterNul(key))); }},
     {kHappeningMembers, [](std::string_view key) { return Skip8(AfterNul(key)); }}}};

class Verifier {
 public:
  Verifier(const ArticleStore::Impl& impl, std::size_t max_problems)
      : impl_(impl), max_problems_(max_problems) {}

  Result<std::vector<Inconsistency>> Run() {
    NEWSX_RETURN_IF_ERROR(CheckArticles());
    for (Family f : {kUrls, kHashes, kMentions, kMentionTime, kEvents, kEventTime, kEventType,
                     kEventEntity, kArticleEntities}) {
      NEWSX_RETURN_IF_ERROR(CheckIndex(f));
    }
    NEWSX_RETURN_IF_ERROR(CheckEntities());
    NEWSX_RETURN_IF_ERROR(CheckChangelog());
    NEWSX_RETURN_IF_ERROR(CheckDerived(kStoryKind));
    NEWSX_RETURN_IF_ERROR(CheckDerived(kHappeningKind));
    NEWSX_RETURN_IF_ERROR(impl_.Scan(kRaw, "", "", [&](std::string_view key, std::string_view) {
      Result<std::optional<std::string>> article = impl_.Get(kArticles, key);
      if (article.ok() && !article->has_value()) Report(kRaw, key, "raw page of no article");
      return !Full();
    }));
    return std::move(problems_);
  }

 private:
  bool Full() const { return problems_.size() >= max_problems_; }

  void Report(Family f, std::string_view key, std::string problem) {
    if (!Full()) problems_.push_back({kFamilyNames[f], PrintableKey(key), std::move(problem)});
  }

  Status CheckArticles() {
    Status error;
    NEWSX_RETURN_IF_ERROR(
        impl_.Scan(kArticles, "", "", [&](std::string_view key, std::string_view value) {
          error = CheckArticle(key, value);
          return error.ok() && !Full();
        }));
    return error;
  }

  Status CheckArticle(std::string_view id, std::string_view value) {
    Result<StoredArticle> stored = DecodeArticleValue(value);
    Result<ExtractedArticle> x = ParseArticleValue(value);
    if (!x.ok()) {
      Report(kArticles, id, "undecodable: " + x.status().message());
      return Status::Ok();
    }
    if (x->article.id != id) Report(kArticles, id, "record has id " + x->article.id);
    NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> change,
                           impl_.Get(kChangelog, EncodeU64(stored->seq)));
    if (change != ChangeValue(kChangeArticle, id)) {
      Report(kArticles, id, "no changelog entry at seq " + std::to_string(stored->seq));
    }
    NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> raw, impl_.Get(kRaw, id));
    if (!raw) Report(kArticles, id, "no raw page");
    // A version-2 database has these entries only for articles written
    // since this build, and older event index entries without values.
    const bool version2 = impl_.schema_version < 3;
    for (const IndexEntry& entry : IndexEntries(*x)) {
      if (version2 && entry.family == kArticleEntities) continue;
      NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> actual, impl_.Get(entry.family, entry.key));
      const std::string where = std::string(kFamilyNames[entry.family]) + " entry " +
                                PrintableKey(entry.key);
      const bool event_index = entry.family == kEventTime || entry.family == kEventType ||
                               entry.family == kEventEntity;
      if (version2 && event_index && actual && actual->empty()) continue;
      if (!actual) {
        Report(kArticles, id, "missing " + where);
      } else if (*actual != entry.value) {
        if (entry.family == kUrls) {
          NEWSX_ASSIGN_OR_RETURN(const KeySet* other, ExpectedKeys(*actual));
          if (other != nullptr && other->count(Tagged(kUrls, entry.key))) continue;
        }
        Report(kArticles, id, "stale value in " + where);
      }
    }
    return Status::Ok();
  }

  // The keys article `id` implies; nullptr if there is no such article.
  Result<const KeySet*> ExpectedKeys(const std::string& id) {
    if (auto it = cache_.find(id); it != cache_.end()) return &it->second;
    NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> value, impl_.Get(kArticles, id));
    if (!value) return static_cast<const KeySet*>(nullptr);
    Result<ExtractedArticle> x = ParseArticleValue(*value);
    if (!x.ok()) return static_cast<const KeySet*>(nullptr);
    if (cache_.size() > 4096) cache_.clear();
    KeySet& keys = cache_[id];
    for (const IndexEntry& entry : IndexEntries(*x)) keys.insert(Tagged(entry.family, entry.key));
    return &keys;
  }

  // The article an index entry refers to, or "" when it cannot be told.
  Result<std::string> ReferencedArticle(Family f, std::string_view key, std::string_view value) {
    auto event_article = [&](std::string_view event_id) -> Result<std::string> {
      NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> event, impl_.Get(kEvents, event_id));
      if (!event) return std::string();
      Result<Event> e = ParseEvent(*event);
      return e.ok() ? e->article : std::string();
    };
    switch (f) {
      case kUrls: return std::string(value);
      case kHashes: return std::string(AfterNul(key));
      case kArticleEntities: return std::string(key.substr(0, key.find('\0')));
      case kMentions: return std::string(Skip8(AfterNul(key)));
      case kMentionTime: return std::string(AfterNul(Skip8(key)));
      case kEvents: {
        Result<Event> e = ParseEvent(value);
        return e.ok() ? e->article : std::string();
      }
      case kEventTime: return event_article(Skip8(key));
      default: return event_article(Skip8(AfterNul(key)));
    }
  }

  Status CheckIndex(Family f) {
    Status error;
    NEWSX_RETURN_IF_ERROR(
        impl_.Scan(f, "", "", [&](std::string_view key, std::string_view value) {
          Result<std::string> id = ReferencedArticle(f, key, value);
          if (!id.ok()) {
            error = id.status();
            return false;
          }
          Result<const KeySet*> keys = ExpectedKeys(*id);
          if (!keys.ok()) {
            error = keys.status();
            return false;
          }
          if (*keys == nullptr) {
            Report(f, key, id->empty() ? "refers to no record" : "refers to missing article " + *id);
          } else if (!(*keys)->count(Tagged(f, key))) {
            Report(f, key, "stale: article " + *id + " does not have it");
          }
          return !Full();
        }));
    return error;
  }

  Status CheckEntities() {
    Status error;
    NEWSX_RETURN_IF_ERROR(
        impl_.Scan(kEntities, "", "", [&](std::string_view key, std::string_view value) {
          error = CheckEntity(key, value);
          return error.ok() && !Full();
        }));
    if (!error.ok()) return error;
    // Every mentioned entity has a record.
    std::string last;
    return impl_.Scan(kMentions, "", "", [&](std::string_view key, std::string_view) {
      const std::string entity(key.substr(0, key.find('\0')));
      if (entity == last) return true;
      last = entity;
      Result<std::optional<std::string>> record = impl_.Get(kEntities, entity);
      if (record.ok() && !record->has_value()) Report(kMentions, key, "entity has no record");
      return !Full();
    });
  }

  Status CheckEntity(std::string_view id, std::string_view value) {
    Result<EntityRecord> record = DecodeEntityRecord(value);
    if (!record.ok()) {
      Report(kEntities, id, "undecodable: " + record.status().message());
      return Status::Ok();
    }
    if (const std::uint64_t last_seq = impl_.LastSeq(); record->seq > last_seq) {
      Report(kEntities, id, "changed at seq " + std::to_string(record->seq) +
                                " after the last one used, " + std::to_string(last_seq));
    }
    std::uint64_t articles = 0, mentions = 0;
    NEWSX_RETURN_IF_ERROR(impl_.ScanPrefix(kMentions, Join2(id, ""),
                                           [&](std::string_view, std::string_view count) {
                                             std::uint64_t n = 0;
                                             std::from_chars(count.data(),
                                                             count.data() + count.size(), n);
                                             ++articles;
                                             mentions += n;
                                             return true;
                                           }));
    if (articles != record->article_count || mentions != record->mention_count) {
      Report(kEntities, id,
             "counts " + std::to_string(record->article_count) + " articles/" +
                 std::to_string(record->mention_count) + " mentions, index has " +
                 std::to_string(articles) + "/" + std::to_string(mentions));
    }
    return Status::Ok();
  }

  Status CheckChangelog() {
    Status error;
    NEWSX_RETURN_IF_ERROR(
        impl_.Scan(kChangelog, "", "", [&](std::string_view key, std::string_view value) {
          const std::uint64_t seq = DecodeU64(key);
          if (value.empty() || value[0] != kChangeArticle) {
            Report(kChangelog, key, "not an article change");
            return !Full();
          }
          const std::string id(value.substr(1));
          Result<std::optional<std::string>> record = impl_.Get(kArticles, id);
          if (!record.ok()) {
            error = record.status();
            return false;
          }
          std::uint64_t record_seq = 0;
          if (record->has_value()) {
            Result<StoredArticle> a = DecodeArticleValue(**record);
            record_seq = a.ok() ? a->seq : 0;
          }
          if (!record->has_value()) {
            Report(kChangelog, key, "refers to missing article " + id);
          } else if (record_seq != seq) {
            Report(kChangelog, key, "superseded entry for " + id + " (record is at seq " +
                                        std::to_string(record_seq) + ")");
          }
          return !Full();
        }));
    return error;
  }

  // Each derived record (story, happening) belongs to its owner record and
  // has its entries; each of its index entries is implied by its owner's
  // derived record.
  template <typename Record>
  Status CheckDerived(const DerivedKind<Record>& kind) {
    Status error;
    NEWSX_RETURN_IF_ERROR(
        impl_.Scan(kind.records, "", "", [&](std::string_view id, std::string_view value) {
          error = CheckDerivedRecord(kind, id, value);
          return error.ok() && !Full();
        }));
    if (!error.ok()) return error;
    // Named copies, not a structured binding: clang 14 (the fuzz and
    // thread-safety builds) cannot capture a binding in a lambda.
    for (const auto& index : kind.indexes) {
      const Family f = index.first;
      const auto owner_of = index.second;
      NEWSX_RETURN_IF_ERROR(impl_.Scan(f, "", "", [&](std::string_view key, std::string_view) {
        const std::string_view id = owner_of(key);
        Result<std::optional<Record>> record = kind.load(impl_, id);
        bool implied = false;
        if (record.ok() && record->has_value()) {
          for (const IndexEntry& entry : kind.entries(id, **record)) {
            implied = implied || (entry.family == f && entry.key == key);
          }
        }
        if (!implied) {
          Report(f, key, "stale: " + std::string(kind.owner_name) + " " + std::string(id) +
                             " does not have it");
        }
        return !Full();
      }));
    }
    return Status::Ok();
  }

  template <typename Record>
  Status CheckDerivedRecord(const DerivedKind<Record>& kind, std::string_view id,
                            std::string_view value) {
    Result<Record> record = kind.decode(value);
    if (!record.ok()) {
      Report(kind.records, id, "undecodable: " + record.status().message());
      return Status::Ok();
    }
    NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> owner, impl_.Get(kind.owners, id));
    if (!owner) {
      Report(kind.records, id,
             std::string(kind.record_name) + " record of no " + std::string(kind.owner_name));
    }
    for (const IndexEntry& entry : kind.entries(id, *record)) {
      NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> actual, impl_.Get(entry.family, entry.key));
      if (!actual) {
        Report(kind.records, id, std::string("missing ") + kFamilyNames[entry.family] +
                                     " entry " + PrintableKey(entry.key));
      }
    }
    return Status::Ok();
  }

  const ArticleStore::Impl& impl_;
  const std::size_t max_problems_;
  std::vector<Inconsistency> problems_;
  std::unordered_map<std::string, KeySet> cache_;
};

}  // namespace

Result<std::vector<Inconsistency>> ArticleStore::Verify(std::size_t max_problems) const {
  return Verifier(*impl_, max_problems).Run();
}

}  // namespace newsx::store
