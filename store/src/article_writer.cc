// ArticleStore::Put and Replace: one WriteBatch per article with everything
// derived from it, replacing the derived entries of what it supersedes.

#include <rocksdb/write_batch.h>

#include <map>
#include <mutex>
#include <vector>

#include "article_codec.h"
#include "derived_entries.h"
#include "entity_record.h"
#include "keys.h"
#include "newsx/core/time_format.h"
#include "record_codec.h"
#include "store_impl.h"

namespace newsx::store {

namespace {

using namespace internal;

// What can be computed before taking the write lock.
struct Prepared {
  ExtractedArticle x;
  StoredArticle value;  // seq is set under the lock.
  std::string raw_value;
  std::vector<IndexEntry> entries;
};

// One entity's contributions removed and added by this batch.
struct EntityDelta {
  std::vector<Entity> removed;
  std::vector<Entity> added;
};

class BatchBuilder {
 public:
  explicit BatchBuilder(ArticleStore::Impl& impl) : impl_(impl), seq_(impl.last_seq) {}

  // Deletes everything derived from `old` (stored at changelog `seq`);
  // with `delete_record`, the article and raw values too.
  Status RemoveArticle(const ExtractedArticle& old, std::uint64_t seq, bool delete_record) {
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

  void AddArticle(Prepared& p) {
    const std::string& id = p.x.article.id;
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

  // Applies the entity deltas, then writes the batch.
  Status Commit(std::string_view what) {
    for (const auto& [id, delta] : deltas_) NEWSX_RETURN_IF_ERROR(UpdateEntity(id, delta));
    batch_.Put(impl_.cf(kMeta), kMetaChangelogSeq, std::to_string(seq_));
    NEWSX_RETURN_IF_ERROR(
        FromRocks(impl_.db->Write(rocksdb::WriteOptions(), &batch_), std::string(what)));
    impl_.last_seq = seq_;
    return Status::Ok();
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
};

Prepared Prepare(const ExtractedArticle& extracted, const RawDocument& raw) {
  Prepared p{extracted, {}, EncodeRawDocument(raw), {}};
  FillEventIds(&p.x);
  // The body leaves fetched and source out (see StoredArticle).
  p.value.fetched = p.x.article.fetched;
  p.value.source = p.x.article.source;
  p.value.body = EncodeExtractedArticle(p.x);
  p.entries = IndexEntries(p.x);
  return p;
}

struct Loaded {
  StoredArticle value;
  ExtractedArticle x;  // Parsed only when it is to be replaced.
};

Result<std::optional<Loaded>> Load(const ArticleStore::Impl& impl, std::string_view id) {
  NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> value, impl.Get(kArticles, id));
  if (!value) return std::optional<Loaded>();
  NEWSX_ASSIGN_OR_RETURN(StoredArticle stored, DecodeArticleValue(*value));
  return std::optional<Loaded>(Loaded{std::move(stored), {}});
}

Status ParseLoaded(Loaded& loaded, std::string_view id) {
  Result<ExtractedArticle> x = DecodeExtractedArticle(loaded.value.body);
  if (!x.ok()) return x.status().WithContext("stored article " + std::string(id));
  loaded.x = std::move(x).value();
  loaded.x.article.fetched = loaded.value.fetched;
  loaded.x.article.source = loaded.value.source;
  return Status::Ok();
}

Status StoreArticle(ArticleStore::Impl& impl, std::string_view replaced_id,
                    const ExtractedArticle& extracted, const RawDocument& raw) {
  NEWSX_RETURN_IF_ERROR(impl.RequireWritable());
  const std::string& id = extracted.article.id;
  if (id.empty()) return InvalidArgumentError("article has no id");
  Prepared p = Prepare(extracted, raw);
  std::lock_guard<std::mutex> lock(impl.write_mu);
  NEWSX_ASSIGN_OR_RETURN(std::optional<Loaded> old, Load(impl, id));
  std::optional<Loaded> replaced;
  if (!replaced_id.empty() && replaced_id != id) {
    NEWSX_ASSIGN_OR_RETURN(replaced, Load(impl, replaced_id));
  }
  // Idempotence: the same record again (a re-fetch keeps the first fetch's
  // time and provenance) changes nothing.
  if (old && !replaced && old->value.body == p.value.body) return Status::Ok();
  BatchBuilder batch(impl);
  if (old) {
    NEWSX_RETURN_IF_ERROR(ParseLoaded(*old, id));
    NEWSX_RETURN_IF_ERROR(batch.RemoveArticle(old->x, old->value.seq, false));
  }
  if (replaced) {
    NEWSX_RETURN_IF_ERROR(ParseLoaded(*replaced, replaced_id));
    NEWSX_RETURN_IF_ERROR(batch.RemoveArticle(replaced->x, replaced->value.seq, true));
  }
  batch.AddArticle(p);
  return batch.Commit("writing article " + id);
}

}  // namespace

Status ArticleStore::Put(const ExtractedArticle& extracted, const RawDocument& raw) {
  return StoreArticle(*impl_, "", extracted, raw);
}

Status ArticleStore::Put(const ExtractedArticle& extracted, std::string_view raw_page) {
  RawDocument raw;
  raw.url = extracted.article.url;
  raw.source = extracted.article.source;
  raw.body = std::string(raw_page);
  if (auto fetched = ParseDateTime(extracted.article.fetched)) raw.fetched_unix_ms = *fetched * 1000;
  raw.hint_published = extracted.article.published;
  return StoreArticle(*impl_, "", extracted, raw);
}

Status ArticleStore::Replace(std::string_view old_id, const ExtractedArticle& extracted,
                             const RawDocument& raw) {
  return StoreArticle(*impl_, old_id, extracted, raw);
}

}  // namespace newsx::store
