// ArticleStore::RebuildIndexes: the families schema version 3 added or
// changed, rebuilt from the article records (`newsx verify --repair`).

#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <rocksdb/write_batch.h>

#include <algorithm>

#include "derived_entries.h"
#include "keys.h"
#include "record_codec.h"
#include "store_impl.h"

namespace newsx::store {

namespace {

using namespace internal;

constexpr Family kRebuilt[] = {kEventTime, kEventType, kEventEntity, kArticleEntities};

// Batches of about this many bytes keep memory bounded on a large database.
constexpr std::size_t kBatchBytes = 4u << 20;

bool Rebuilt(Family f) { return std::find(std::begin(kRebuilt), std::end(kRebuilt), f) != std::end(kRebuilt); }

Status SetSchemaVersion(ArticleStore::Impl& impl, int version) {
  NEWSX_RETURN_IF_ERROR(FromRocks(impl.db->Put(rocksdb::WriteOptions(), impl.cf(kMeta),
                                               kMetaSchemaVersion, std::to_string(version)),
                                  "writing schema version"));
  impl.schema_version = version;
  return Status::Ok();
}

// Writes `batch` once it is big (or when `force`), and starts a new one.
Status WriteIfFull(ArticleStore::Impl& impl, rocksdb::WriteBatch& batch, bool force) {
  if (batch.Count() == 0 || (!force && batch.GetDataSize() < kBatchBytes)) return Status::Ok();
  const std::uint64_t bytes = batch.GetDataSize();
  NEWSX_RETURN_IF_ERROR(
      FromRocks(impl.db->Write(rocksdb::WriteOptions(), &batch), "rebuilding indexes"));
  batch.Clear();
  return impl.Written(bytes);
}

}  // namespace

int ArticleStore::SchemaVersion() const { return impl_->schema_version; }

Status ArticleStore::RebuildIndexes(std::uint64_t* articles) {
  NEWSX_RETURN_IF_ERROR(impl_->RequireWritable());
  Impl& impl = *impl_;
  MutexLock lock(impl.write_mu);
  // Incomplete until the end: an interrupted rebuild leaves version 2,
  // whose readers do not trust these families.
  NEWSX_RETURN_IF_ERROR(SetSchemaVersion(impl, 2));
  rocksdb::WriteBatch batch;
  Status error;
  for (Family f : kRebuilt) {
    NEWSX_RETURN_IF_ERROR(impl.Scan(f, "", "", [&](std::string_view key, std::string_view) {
      batch.Delete(impl.cf(f), rocksdb::Slice(key.data(), key.size()));
      error = WriteIfFull(impl, batch, false);
      return error.ok();
    }));
    NEWSX_RETURN_IF_ERROR(error);
  }
  std::uint64_t read = 0;
  NEWSX_RETURN_IF_ERROR(
      impl.Scan(kArticles, "", "", [&](std::string_view key, std::string_view value) {
        Result<ExtractedArticle> x = ParseArticleValue(value);
        if (!x.ok()) {
          error = x.status().WithContext("article " + std::string(key));
          return false;
        }
        ++read;
        for (const IndexEntry& entry : IndexEntries(*x)) {
          if (Rebuilt(entry.family)) batch.Put(impl.cf(entry.family), entry.key, entry.value);
        }
        error = WriteIfFull(impl, batch, false);
        return error.ok();
      }));
  NEWSX_RETURN_IF_ERROR(error);
  NEWSX_RETURN_IF_ERROR(WriteIfFull(impl, batch, true));
  NEWSX_RETURN_IF_ERROR(impl.FlushAll());
  // The deletes left a tombstone under every rewritten key, which scans
  // would step over until a compaction: compact these (small) families now.
  for (Family f : kRebuilt) {
    rocksdb::CompactRangeOptions options;
    options.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
    NEWSX_RETURN_IF_ERROR(FromRocks(impl.db->CompactRange(options, impl.cf(f), nullptr, nullptr),
                                    std::string("compacting ") + kFamilyNames[f]));
  }
  NEWSX_RETURN_IF_ERROR(SetSchemaVersion(impl, kStoreSchemaVersion));
  if (articles != nullptr) *articles = read;
  return impl.FlushAll();
}

}  // namespace newsx::store
