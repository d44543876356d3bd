// ArticleStore::Put and Replace: one WriteBatch per article with everything
// derived from it, replacing the derived entries of what it supersedes.

#include <rocksdb/write_batch.h>

#include <chrono>
#include <map>
#include <set>
#include <vector>

#include "article_codec.h"
#include "derived_entries.h"
#include "entity_record.h"
#include "happening_index.h"
#include "keys.h"
#include "newsx/core/time_format.h"
#include "record_codec.h"
#include "store_impl.h"
#include "story_index.h"

namespace newsx::store {

namespace {

using namespace internal;

// What can be computed before taking the write lock.
struct Prepared {
  ExtractedArticle x;
  StoredArticle value;  // seq is set under the lock.
  std::string raw_value;
  std::vector<IndexEntry> entries;
  TextSignature signature;  // Of the article text, for its story.
};

// One entity's contributions removed and added by this batch.
struct EntityDelta {
  std::vector<Entity> removed;
  std::vector<Entity> added;
};

class BatchBuilder {
 public:
  explicit BatchBuilder(ArticleStore::Impl& impl) NEWSX_REQUIRES(impl.write_mu)
      : impl_(impl), seq_(impl.last_seq) {}

  // Deletes everything derived from `old` (stored at changelog `seq`);
  // with `delete_record`, the article and raw values too.
  // Its story record, if any, is removed too and kept in previous_story().
  Status RemoveArticle(const ExtractedArticle& old, std::uint64_t seq, bool delete_record) {
    NEWSX_ASSIGN_OR_RETURN(std::optional<StoryRecord> story,
                           LoadStoryRecord(impl_, old.article.id));
    if (story) {
      for (const IndexEntry& entry : StoryEntries(old.article.id, *story)) {
        batch_.Delete(impl_.cf(entry.family), entry.key);
      }
      if (!previous_story_) previous_story_ = story->story_id;
    }
    for (const Event& e : old.events) {
      NEWSX_ASSIGN_OR_RETURN(std::optional<HappeningRecord> happening,
                             LoadHappeningRecord(impl_, e.id));
      if (!happening) continue;
      for (const IndexEntry& entry : HappeningEntries(e.id, *happening)) {
        batch_.Delete(impl_.cf(entry.family), entry.key);
      }
      previous_happenings_.emplace(e.id, happening->happening_id);
    }
    removed_.insert(old.article.id);
    for (const IndexEntry& entry : IndexEntries(old)) {
      if (entry.family == kUrls) {
        // Another article may have claimed the URL since; leave its entry.
        NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> owner, impl_.Get(kUrls, entry.key));
        if (owner != old.article.id) continue;
      }
      batch_.Delete(impl_.cf(entry.family), entry.key);
    }
    batch_.Delete(impl_.cf(kChangelog), EncodeU64(seq));
    for (auto& [id, entity] : EntitiesById(old.entities)) {
      deltas_[id].removed.push_back(std::move(entity));
    }
    if (delete_record) {
      batch_.Delete(impl_.cf(kArticles), old.article.id);
      batch_.Delete(impl_.cf(kRaw), old.article.id);
    }
    return Status::Ok();
  }

  // The story of the first removed article that had one.
  const std::optional<std::string>& previous_story() const { return previous_story_; }
  // The happening of each removed event that had one, by event id.
  const std::map<std::string, std::string>& previous_happenings() const {
    return previous_happenings_;
  }
  // Ids of the articles removed by this batch.
  const std::set<std::string>& removed() const { return removed_; }

  void AddArticle(Prepared& p, const std::string& story_id,
                  const std::vector<HappeningRecord>& happenings) {
    const std::string& id = p.x.article.id;
    if (!story_id.empty()) {  // Empty: stories are off (StoreOptions::index_stories).
      const StoryRecord story{story_id, ArticleTime(p.x.article), p.signature};
      for (const IndexEntry& entry : StoryEntries(id, story)) {
        batch_.Put(impl_.cf(entry.family), entry.key, entry.value);
      }
    }
    for (std::size_t i = 0; i < happenings.size(); ++i) {
      for (const IndexEntry& entry : HappeningEntries(p.x.events[i].id, happenings[i])) {
        batch_.Put(impl_.cf(entry.family), entry.key, entry.value);
      }
    }
    p.value.seq = ++seq_;
    batch_.Put(impl_.cf(kArticles), id, EncodeArticleValue(p.value));
    batch_.Put(impl_.cf(kRaw), id, p.raw_value);
    batch_.Put(impl_.cf(kChangelog), EncodeU64(p.value.seq), ChangeValue(kChangeArticle, id));
    for (const IndexEntry& entry : p.entries) {
      batch_.Put(impl_.cf(entry.family), entry.key, entry.value);
    }
    for (auto& [entity_id, entity] : EntitiesById(p.x.entities)) {
      deltas_[entity_id].added.push_back(std::move(entity));
    }
  }

  // Bytes the batch puts in the write-ahead log.
  std::uint64_t bytes() const { return batch_.GetDataSize(); }

  // The last changelog seq the batch uses.
  std::uint64_t seq() const { return seq_; }

  // Applies the entity deltas, then writes the batch. Then the caller, who
  // holds impl.write_mu (the analysis cannot see it through impl_), sets
  // impl.last_seq to seq().
  Status Commit(std::string_view what) {
    for (const auto& [id, delta] : deltas_) NEWSX_RETURN_IF_ERROR(UpdateEntity(id, delta));
    batch_.Put(impl_.cf(kMeta), kMetaChangelogSeq, std::to_string(seq_));
    return FromRocks(impl_.db->Write(rocksdb::WriteOptions(), &batch_), std::string(what));
  }

 private:
  Status UpdateEntity(const std::string& id, const EntityDelta& delta) {
    if (delta.removed.size() == 1 && delta.added.size() == 1 &&
        SameContribution(delta.removed[0], delta.added[0])) {
      return Status::Ok();
    }
    NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> value, impl_.Get(kEntities, id));
    EntityRecord record;
    record.id = id;
    if (value) {
      NEWSX_ASSIGN_OR_RETURN(record, DecodeEntityRecord(*value));
    }
    record.seq = 0;
    // Contributions that cancel out (a reprocessed article saying the same
    // in other words) leave the record and its changelog entry alone.
    const std::string before =
        value && !delta.removed.empty() ? EncodeEntityRecord(record) : std::string();
    for (const Entity& e : delta.removed) record.Apply(e, -1);
    for (const Entity& e : delta.added) record.Apply(e, +1);
    if (!before.empty() && EncodeEntityRecord(record) == before) return Status::Ok();
    // Entities have no changelog entries (they would double the write per
    // article); their seq tells incremental exports what changed.
    record.seq = ++seq_;
    batch_.Put(impl_.cf(kEntities), id, EncodeEntityRecord(record));
    return Status::Ok();
  }

  ArticleStore::Impl& impl_;
  rocksdb::WriteBatch batch_;
  std::uint64_t seq_;
  std::map<std::string, EntityDelta> deltas_;
  std::optional<std::string> previous_story_;
  std::map<std::string, std::string> previous_happenings_;
  std::set<std::string> removed_;
};

// Nanoseconds since `start`.
std::uint64_t NanosSince(std::chrono::steady_clock::time_point start) {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                        std::chrono::steady_clock::now() - start)
                                        .count());
}

Prepared Prepare(ArticleStore::Impl& impl, const ExtractedArticle& extracted,
                 const RawDocument& raw) {
  Prepared p{extracted, {}, EncodeRawDocument(raw), {}};
  FillEventIds(&p.x);
  // The body leaves fetched, source, url and aliases out (see StoredArticle).
  p.value.fetched = p.x.article.fetched;
  p.value.source = p.x.article.source;
  p.value.url = p.x.article.url;
  p.value.body = EncodeExtractedArticle(p.x);
  p.x.article.aliases.clear();
  p.entries = IndexEntries(p.x);
  if (impl.index_stories) {
    const auto start = std::chrono::steady_clock::now();
    p.signature = ComputeTextSignature(p.x.article.text, DefaultStorySettings().signature);
    impl.story_nanos += NanosSince(start);
  }
  return p;
}

struct Loaded {
  StoredArticle value;  // Always in the current layout (kV1 values are converted).
  ExtractedArticle x;   // Parsed only when needed (ParseLoaded).
  bool parsed = false;
};

Status ParseLoaded(Loaded& loaded, std::string_view id) {
  if (loaded.parsed) return Status::Ok();
  Result<ExtractedArticle> x = ParseStoredArticle(loaded.value);
  if (!x.ok()) return x.status().WithContext("stored article " + std::string(id));
  loaded.x = std::move(x).value();
  loaded.parsed = true;
  return Status::Ok();
}

Result<std::optional<Loaded>> Load(const ArticleStore::Impl& impl, std::string_view id) {
  NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> value, impl.Get(kArticles, id));
  if (!value) return std::optional<Loaded>();
  NEWSX_ASSIGN_OR_RETURN(StoredArticle stored, DecodeArticleValue(*value));
  Loaded loaded{std::move(stored), {}, false};
  if (loaded.value.layout == BodyLayout::kV1) {
    // An older record: bring it to the current layout, so that bodies
    // compare byte for byte and a rewrite keeps it readable.
    NEWSX_RETURN_IF_ERROR(ParseLoaded(loaded, id));
    loaded.value.layout = BodyLayout::kV2;
    loaded.value.url = loaded.x.article.url;
    loaded.value.body = EncodeExtractedArticle(loaded.x);
  }
  return std::optional<Loaded>(std::move(loaded));
}

// True if `a` was fetched before `b`: a known time before an unknown one,
// then the earlier time, then the smaller source (so that the choice does
// not depend on the order in which copies arrive).
bool EarlierFetch(const StoredArticle& a, const StoredArticle& b) {
  if (a.fetched.empty() != b.fetched.empty()) return !a.fetched.empty();
  if (a.fetched != b.fetched) return a.fetched < b.fetched;
  return a.source < b.source;
}

// The URLs an article is known under (own URL, canonical URL, aliases).
std::set<std::string> KnownUrls(const Article& a) {
  std::set<std::string> urls(a.aliases.begin(), a.aliases.end());
  for (const std::string* u : {&a.url, &a.canonical_url}) {
    if (!u->empty()) urls.insert(*u);
  }
  return urls;
}

// Makes `urls` (less the article's own URL and canonical URL) the aliases
// of the article about to be written, with their urls entries.
void SetAliases(Prepared& p, const std::set<std::string>& urls) {
  std::vector<std::string> aliases;
  for (const std::string& u : urls) {
    if (u != p.x.article.url && u != p.x.article.canonical_url) aliases.push_back(u);
  }
  for (const std::string& alias : aliases) p.entries.push_back({kUrls, alias, p.x.article.id});
  p.value.aliases = aliases;
  p.x.article.aliases = std::move(aliases);
}

// The stored article (other than `id`) that has this content hash, if any.
Result<std::optional<std::string>> ContentHolder(const ArticleStore::Impl& impl,
                                                 std::string_view content_hash,
                                                 std::string_view id) {
  std::optional<std::string> holder;
  if (content_hash.empty()) return holder;
  const std::string prefix = Join2(content_hash, "");
  NEWSX_RETURN_IF_ERROR(impl.ScanPrefix(kHashes, prefix, [&](std::string_view key, std::string_view) {
    const std::string_view other = key.substr(prefix.size());
    if (other == id) return true;
    holder = std::string(other);
    return false;
  }));
  return holder;
}

// Adds `urls` to a stored article's aliases and, when `fetch` is earlier,
// takes its fetch time and source. Writes nothing if neither changes.
Status AddAliases(ArticleStore::Impl& impl, Loaded& stored, const std::vector<std::string>& urls,
                  const StoredArticle* fetch) NEWSX_REQUIRES(impl.write_mu) {
  const std::string& id = stored.x.article.id;
  const std::set<std::string> known = KnownUrls(stored.x.article);
  std::set<std::string> aliases(stored.value.aliases.begin(), stored.value.aliases.end());
  std::vector<std::string> added;
  for (const std::string& u : urls) {
    if (!u.empty() && !known.count(u) && aliases.insert(u).second) added.push_back(u);
  }
  const bool earlier = fetch != nullptr && EarlierFetch(*fetch, stored.value);
  if (added.empty() && !earlier) return Status::Ok();
  StoredArticle value = stored.value;
  value.aliases.assign(aliases.begin(), aliases.end());
  if (earlier) {
    value.fetched = fetch->fetched;
    value.source = fetch->source;
  }
  // A new changelog entry, so that incremental exports show the aliases.
  rocksdb::WriteBatch batch;
  value.seq = impl.last_seq + 1;
  batch.Delete(impl.cf(kChangelog), EncodeU64(stored.value.seq));
  batch.Put(impl.cf(kChangelog), EncodeU64(value.seq), ChangeValue(kChangeArticle, id));
  batch.Put(impl.cf(kArticles), id, EncodeArticleValue(value));
  for (const std::string& u : added) batch.Put(impl.cf(kUrls), u, id);
  batch.Put(impl.cf(kMeta), kMetaChangelogSeq, std::to_string(value.seq));
  NEWSX_RETURN_IF_ERROR(
      FromRocks(impl.db->Write(rocksdb::WriteOptions(), &batch), "writing aliases of " + id));
  impl.last_seq = value.seq;
  return Status::Ok();
}

std::vector<std::string> OwnUrls(const Article& a) { return {a.url, a.canonical_url}; }

Status WriteArticleBatch(ArticleStore::Impl& impl, std::string_view replaced_id,
                          const ExtractedArticle& extracted, const RawDocument& raw,
                          PutOutcome* outcome, std::uint64_t* written) {
  NEWSX_RETURN_IF_ERROR(impl.RequireWritable());
  const std::string& id = extracted.article.id;
  if (id.empty()) return InvalidArgumentError("article has no id");
  PutOutcome ignored;
  PutOutcome& result = outcome != nullptr ? *outcome : ignored;
  Prepared p = Prepare(impl, extracted, raw);
  MutexLock lock(impl.write_mu);
  NEWSX_ASSIGN_OR_RETURN(std::optional<Loaded> old, Load(impl, id));
  std::optional<Loaded> replaced;
  if (!replaced_id.empty() && replaced_id != id) {
    NEWSX_ASSIGN_OR_RETURN(replaced, Load(impl, replaced_id));
  }
  // Idempotence: the same record again keeps the first fetch's time and
  // provenance; only a URL not seen before is added (as an alias).
  if (old && !replaced && old->value.body == p.value.body) {
    result = PutOutcome::kUnchanged;
    NEWSX_RETURN_IF_ERROR(ParseLoaded(*old, id));
    return AddAliases(impl, *old, OwnUrls(p.x.article), nullptr);
  }
  std::set<std::string> aliases = KnownUrls(p.x.article);
  BatchBuilder batch(impl);
  bool duplicate = false;
  if (!old && !replaced) {
    // Content dedup: the same main text under another id is the same article.
    NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> holder_id,
                           ContentHolder(impl, p.x.article.content_hash, id));
    std::optional<Loaded> holder;
    if (holder_id) {
      NEWSX_ASSIGN_OR_RETURN(holder, Load(impl, *holder_id));
    }
    if (holder) {
      duplicate = true;
      result = PutOutcome::kDuplicate;
      NEWSX_RETURN_IF_ERROR(ParseLoaded(*holder, *holder_id));
      if (*holder_id < id) return AddAliases(impl, *holder, OwnUrls(p.x.article), &p.value);
      // The smaller id is kept: this article takes the holder's place.
      const std::set<std::string> theirs = KnownUrls(holder->x.article);
      aliases.insert(theirs.begin(), theirs.end());
      if (EarlierFetch(holder->value, p.value)) {
        p.value.fetched = holder->value.fetched;
        p.value.source = holder->value.source;
      }
      NEWSX_RETURN_IF_ERROR(batch.RemoveArticle(holder->x, holder->value.seq, true));
    }
  }
  if (old) {
    NEWSX_RETURN_IF_ERROR(ParseLoaded(*old, id));
    const std::set<std::string> theirs = KnownUrls(old->x.article);
    aliases.insert(theirs.begin(), theirs.end());
    NEWSX_RETURN_IF_ERROR(batch.RemoveArticle(old->x, old->value.seq, false));
  }
  if (replaced) {
    NEWSX_RETURN_IF_ERROR(ParseLoaded(*replaced, replaced_id));
    const std::set<std::string> theirs = KnownUrls(replaced->x.article);
    aliases.insert(theirs.begin(), theirs.end());
    NEWSX_RETURN_IF_ERROR(batch.RemoveArticle(replaced->x, replaced->value.seq, true));
  }
  result = duplicate ? PutOutcome::kDuplicate
                     : (old || replaced ? PutOutcome::kChanged : PutOutcome::kNew);
  SetAliases(p, aliases);
  std::set<std::string> excluded = batch.removed();
  excluded.insert(id);
  std::string story_id;
  std::vector<HappeningRecord> happenings;
  if (impl.index_stories) {
    const auto start = std::chrono::steady_clock::now();
    NEWSX_ASSIGN_OR_RETURN(story_id,
                           AssignStory(impl, id, p.signature, excluded, batch.previous_story()));
    std::vector<std::string> event_ids;
    for (const Event& e : p.x.events) {
      event_ids.push_back(e.id);
      happenings.push_back(MakeHappeningRecord(p.x, e, story_id));
    }
    NEWSX_RETURN_IF_ERROR(
        AssignHappenings(impl, event_ids, happenings, excluded, batch.previous_happenings()));
    impl.story_nanos += NanosSince(start);
  }
  batch.AddArticle(p, story_id, happenings);
  NEWSX_RETURN_IF_ERROR(batch.Commit("writing article " + id));
  impl.last_seq = batch.seq();
  *written = batch.bytes();
  return Status::Ok();
}

Status StoreArticle(ArticleStore::Impl& impl, std::string_view replaced_id,
                    const ExtractedArticle& extracted, const RawDocument& raw,
                    PutOutcome* outcome) {
  std::uint64_t written = 0;
  NEWSX_RETURN_IF_ERROR(
      WriteArticleBatch(impl, replaced_id, extracted, raw, outcome, &written));
  return impl.Written(written);
}

}  // namespace

const char* PutOutcomeName(PutOutcome outcome) {
  switch (outcome) {
    case PutOutcome::kNew: return "new";
    case PutOutcome::kChanged: return "changed";
    case PutOutcome::kUnchanged: return "unchanged";
    case PutOutcome::kDuplicate: return "duplicate";
  }
  return "new";
}

Status ArticleStore::Put(const ExtractedArticle& extracted, const RawDocument& raw,
                         PutOutcome* outcome) {
  return StoreArticle(*impl_, "", extracted, raw, outcome);
}

Status ArticleStore::Put(const ExtractedArticle& extracted, std::string_view raw_page,
                         PutOutcome* outcome) {
  RawDocument raw;
  raw.url = extracted.article.url;
  raw.source = extracted.article.source;
  raw.body = std::string(raw_page);
  if (auto fetched = ParseDateTime(extracted.article.fetched)) raw.fetched_unix_ms = *fetched * 1000;
  raw.hint_published = extracted.article.published;
  return StoreArticle(*impl_, "", extracted, raw, outcome);
}

Status ArticleStore::Replace(std::string_view old_id, const ExtractedArticle& extracted,
                             const RawDocument& raw, PutOutcome* outcome) {
  return StoreArticle(*impl_, old_id, extracted, raw, outcome);
}

}  // namespace newsx::store
