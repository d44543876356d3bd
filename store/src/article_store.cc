// ArticleStore: opening the database, point reads, small writes (dead
// letters, checkpoints, feed state). Article writes are in
// article_writer.cc, scans in store_queries.cc, Verify in store_verifier.cc.

#include "newsx/store/article_store.h"

#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "disk_full_fault.h"
#include "entity_record.h"
#include "info_log.h"
#include "keys.h"
#include "newsx/core/record_json.h"
#include "record_codec.h"
#include "store_impl.h"
#include "table_check.h"

namespace newsx::store {

namespace internal {

Status FromRocks(const rocksdb::Status& s, std::string_view what) {
  if (s.ok()) return Status::Ok();
  std::string message = std::string(what) + ": " + s.ToString();
  // RocksDB stops writing after ENOSPC; what was written before stays.
  if (s.IsNoSpace()) return ResourceExhaustedError("disk full: " + std::move(message));
  if (s.IsNotFound()) return NotFoundError(std::move(message));
  if (s.IsCorruption()) return DataLossError(std::move(message));
  if (s.IsInvalidArgument()) return InvalidArgumentError(std::move(message));
  return IoError(std::move(message));
}

std::string PrintableKey(std::string_view key) {
  std::string out;
  for (const char c : key) {
    const auto u = static_cast<unsigned char>(c);
    if (u == 0) {
      out += '|';
    } else if (u < 0x20 || u >= 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace internal

using namespace internal;

ArticleStore::Impl::~Impl() {
  if (db && !read_only) FlushAll().IgnoreError();
  for (auto* h : families) {
    if (h != nullptr) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  }
  families.clear();
  if (db) db->Close().PermitUncheckedError();
}

Result<std::optional<std::string>> ArticleStore::Impl::Get(Family f, std::string_view key) const {
  if (cf(f) == nullptr) return std::optional<std::string>();
  std::string value;
  const rocksdb::Status s = db->Get(rocksdb::ReadOptions(), cf(f), key, &value);
  if (s.IsNotFound()) return std::optional<std::string>();
  if (!s.ok()) return FromRocks(s, std::string("reading ") + kFamilyNames[f]);
  return std::optional<std::string>(std::move(value));
}

Status ArticleStore::Impl::Scan(
    Family f, std::string_view begin, std::string_view end,
    const std::function<bool(std::string_view, std::string_view)>& visit) const {
  if (cf(f) == nullptr) return Status::Ok();
  rocksdb::ReadOptions options;
  options.total_order_seek = true;  // Also in a family with a prefix bloom filter.
  rocksdb::Slice upper(end.data(), end.size());
  if (!end.empty()) options.iterate_upper_bound = &upper;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(options, cf(f)));
  for (it->Seek(rocksdb::Slice(begin.data(), begin.size())); it->Valid(); it->Next()) {
    if (!visit(it->key().ToStringView(), it->value().ToStringView())) break;
  }
  return FromRocks(it->status(), std::string("scanning ") + kFamilyNames[f]);
}

Status ArticleStore::Impl::ScanBackward(
    Family f, std::string_view begin, std::string_view end,
    const std::function<bool(std::string_view, std::string_view)>& visit) const {
  if (cf(f) == nullptr) return Status::Ok();
  rocksdb::ReadOptions options;
  options.total_order_seek = true;
  rocksdb::Slice lower(begin.data(), begin.size());
  rocksdb::Slice upper(end.data(), end.size());
  options.iterate_lower_bound = &lower;
  if (!end.empty()) options.iterate_upper_bound = &upper;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(options, cf(f)));
  for (it->SeekToLast(); it->Valid(); it->Prev()) {
    if (!visit(it->key().ToStringView(), it->value().ToStringView())) break;
  }
  return FromRocks(it->status(), std::string("scanning ") + kFamilyNames[f]);
}

Status ArticleStore::Impl::ScanPrefix(
    Family f, std::string_view prefix,
    const std::function<bool(std::string_view, std::string_view)>& visit) const {
  return Scan(f, prefix, "", [&](std::string_view key, std::string_view value) {
    if (key.substr(0, prefix.size()) != prefix) return false;
    return visit(key, value);
  });
}

Status ArticleStore::Impl::ScanPrefixes(
    Family f, const std::vector<std::string>& prefixes,
    const std::function<bool(std::size_t, std::string_view, std::string_view)>& visit) const {
  if (cf(f) == nullptr || prefixes.empty()) return Status::Ok();
  rocksdb::ReadOptions options;
  // Each seek stays within its prefix, so a family's prefix bloom filter
  // (kStoryBands) may skip what cannot hold it; without one this is plain
  // total order.
  options.prefix_same_as_start = true;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(options, cf(f)));
  for (std::size_t i = 0; i < prefixes.size(); ++i) {
    const std::string& prefix = prefixes[i];
    for (it->Seek(prefix); it->Valid(); it->Next()) {
      const std::string_view key = it->key().ToStringView();
      if (!key.starts_with(prefix) || !visit(i, key, it->value().ToStringView())) break;
    }
    if (!it->status().ok()) break;
  }
  return FromRocks(it->status(), std::string("scanning ") + kFamilyNames[f]);
}

Status ArticleStore::Impl::FlushAll() {
  if (read_only) return Status::Ok();
  rocksdb::FlushOptions options;
  options.wait = true;
  return FromRocks(db->Flush(options, families), "flushing the database");  // All present.
}

Status ArticleStore::Impl::Written(std::uint64_t bytes) {
  // RocksDB's own bound (max_total_wal_size) flushes only the families
  // holding the oldest log file, and measured here it let the log grow
  // past it; flushing everything at a byte count keeps it bounded.
  if (unflushed_bytes.fetch_add(bytes) + bytes < max_wal_bytes) return Status::Ok();
  if (unflushed_bytes.exchange(0) < max_wal_bytes) return Status::Ok();  // Another writer did.
  return FlushAll();
}

Status ArticleStore::Impl::RequireWritable() const {
  if (read_only) return FailedPreconditionError("the database is open read-only");
  return Status::Ok();
}

namespace {

rocksdb::ColumnFamilyOptions FamilyOptions(Family f) {
  rocksdb::ColumnFamilyOptions options;
  options.compression = rocksdb::kLZ4Compression;
  options.level_compaction_dynamic_level_bytes = true;
  if (f == kRaw) {
    // Raw pages are most of the bytes and are written once, read rarely
    // (reprocess): keep them in blob files, compressed once,
    // instead of recompressing them at every compaction. LZ4 rather than
    // zstd: store_bench measured zstd at 42 KB per eval page (LZ4: 61 KB)
    // but 62% of the extraction rate end to end (LZ4: 70%).
    options.enable_blob_files = true;
    options.min_blob_size = 1024;
    options.blob_compression_type = rocksdb::kLZ4Compression;
    options.enable_blob_garbage_collection = true;
  }
  if (f == kStoryBands) {
    // Every stored article looks up its 32 signature bands here, and almost
    // none is present (bands of distinct texts rarely meet): a prefix bloom
    // filter on the 8-byte band lets each seek skip the memtable and the
    // SST files that do not hold the band, which otherwise dominate the
    // story assignment's cost and grow with the store (profiled with
    // bench/story_cost_bench). Full scans of this family are total-order
    // (Scan sets total_order_seek).
    options.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(8));
    options.memtable_prefix_bloom_size_ratio = 0.05;
    rocksdb::BlockBasedTableOptions table;
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
    table.whole_key_filtering = false;
    options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  }
  return options;
}

Status CheckSchema(ArticleStore::Impl& impl, const std::string& path) {
  NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> version,
                         impl.Get(kMeta, kMetaSchemaVersion));
  const std::string expected = std::to_string(kStoreSchemaVersion);
  impl.schema_version = kStoreSchemaVersion;
  if (version) {
    int v = 0;
    const auto [end, ec] = std::from_chars(version->data(), version->data() + version->size(), v);
    if (ec != std::errc() || end != version->data() + version->size() ||
        v < kOldestSchemaVersion || v > kStoreSchemaVersion) {
      return FailedPreconditionError("database " + path + " has schema version " + *version +
                                     "; this build reads versions " +
                                     std::to_string(kOldestSchemaVersion) + " to " + expected);
    }
    impl.schema_version = v;
  } else if (!impl.read_only) {
    // A new database: every entry is written in the current layout.
    NEWSX_RETURN_IF_ERROR(FromRocks(
        impl.db->Put(rocksdb::WriteOptions(), impl.cf(kMeta), kMetaSchemaVersion, expected),
        "writing schema version"));
  }
  NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> seq, impl.Get(kMeta, kMetaChangelogSeq));
  if (seq) {
    MutexLock lock(impl.write_mu);  // Uncontended: the store is not shared yet.
    std::from_chars(seq->data(), seq->data() + seq->size(), impl.last_seq);
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<ArticleStore>> ArticleStore::Open(const StoreOptions& options) {
  rocksdb::DBOptions db_options;
  db_options.create_if_missing = options.create_if_missing;
  db_options.create_missing_column_families = true;
  db_options.max_background_jobs = 2;
  // One budget for all memtables rather than 64 MiB per family.
  db_options.db_write_buffer_size = 128ull << 20;
  // Small families (meta, changelog, feeds) fill their memtables slowly and
  // would keep every log file alive; this bound flushes them (issue 15: a
  // 20,000-article backfill left 700-970 MB of log that every read-only
  // open replayed).
  db_options.max_total_wal_size = options.max_wal_bytes;
  // RocksDB's LOG through our own writer: see info_log.h (full disks).
  db_options.info_log =
      internal::OpenInfoLog(options.path, options.create_if_missing && !options.read_only);
  // A read-only open cannot create families: it opens those that exist
  // (a database written by an older build lacks the newer ones).
  std::vector<std::string> existing;
  const bool list_existing =
      options.read_only &&
      rocksdb::DB::ListColumnFamilies(db_options, options.path, &existing).ok();
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  std::vector<int> opened;  // Family of each descriptor after the default one.
  descriptors.emplace_back(rocksdb::kDefaultColumnFamilyName, rocksdb::ColumnFamilyOptions());
  for (int f = 0; f < kFamilyCount; ++f) {
    if (list_existing && std::find(existing.begin(), existing.end(), kFamilyNames[f]) ==
                             existing.end()) {
      continue;
    }
    descriptors.emplace_back(kFamilyNames[f], FamilyOptions(static_cast<Family>(f)));
    opened.push_back(f);
  }
  auto impl = std::make_unique<Impl>();
  impl->read_only = options.read_only;
  impl->max_wal_bytes = options.max_wal_bytes;
  impl->index_stories = options.index_stories;
  if (options.disk_full_after_bytes_for_testing > 0) {
    impl->env = internal::NewDiskFullEnv(options.disk_full_after_bytes_for_testing);
    db_options.env = impl->env.get();
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw_db = nullptr;
  rocksdb::Status s =
      options.read_only
          ? rocksdb::DB::OpenForReadOnly(db_options, options.path, descriptors, &handles, &raw_db)
          : rocksdb::DB::Open(db_options, options.path, descriptors, &handles, &raw_db);
  if (!s.ok()) {
    const std::string text = s.ToString();
    if (s.IsIOError() && text.find("lock") != std::string::npos) {
      return FailedPreconditionError("database " + options.path +
                                     " is in use by another newsx process");
    }
    if ((!options.create_if_missing || options.read_only) &&
        (s.IsInvalidArgument() || s.IsNotFound() || s.IsPathNotFound() || s.IsIOError()) &&
        (text.find("does not exist") != std::string::npos ||
         text.find("No such file") != std::string::npos)) {
      return NotFoundError("database " + options.path + " does not exist");
    }
    return FromRocks(s, "opening database " + options.path);
  }
  impl->db.reset(raw_db);
  // handles[0] is the default family; ours follow in `opened` order.
  impl->db->DestroyColumnFamilyHandle(handles[0]).PermitUncheckedError();
  impl->families.assign(kFamilyCount, nullptr);
  for (std::size_t i = 0; i < opened.size(); ++i) impl->families[opened[i]] = handles[i + 1];
  NEWSX_RETURN_IF_ERROR(CheckSchema(*impl, options.path));
  if (!options.read_only) {
    // Table options are the same in every family: one Options reads them all.
    NEWSX_RETURN_IF_ERROR(internal::VerifyNewTableFiles(
        *impl, rocksdb::Options(db_options, FamilyOptions(kArticles)), options.path));
  }
  return std::unique_ptr<ArticleStore>(new ArticleStore(std::move(impl)));
}

ArticleStore::ArticleStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ArticleStore::~ArticleStore() = default;

Status ArticleStore::Flush() { return impl_->FlushAll(); }

Result<bool> ArticleStore::ContainsUrl(std::string_view url) const {
  NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> id, impl_->Get(kUrls, url));
  return id.has_value();
}

Result<bool> ArticleStore::ContainsContentHash(std::string_view content_hash) const {
  if (content_hash.empty()) return false;
  bool found = false;
  NEWSX_RETURN_IF_ERROR(impl_->ScanPrefix(kHashes, Join2(content_hash, ""),
                                          [&](std::string_view, std::string_view) {
                                            found = true;
                                            return false;
                                          }));
  return found;
}

Status ArticleStore::PutDeadLetter(const DeadLetter& dead_letter) {
  NEWSX_RETURN_IF_ERROR(impl_->RequireWritable());
  return FromRocks(impl_->db->Put(rocksdb::WriteOptions(), impl_->cf(kDeadLetters),
                                  Join2(dead_letter.stage, dead_letter.source),
                                  ToJson(dead_letter)),
                   "writing dead letter");
}

Result<std::vector<DeadLetter>> ArticleStore::ListDeadLetters() const {
  std::vector<DeadLetter> out;
  Status parse_error;
  NEWSX_RETURN_IF_ERROR(
      impl_->Scan(kDeadLetters, "", "", [&](std::string_view, std::string_view value) {
        Result<DeadLetter> d = ParseDeadLetter(value);
        if (!d.ok()) {
          parse_error = DataLossError("stored dead letter: " + d.status().message());
          return false;
        }
        out.push_back(std::move(d).value());
        return true;
      }));
  NEWSX_RETURN_IF_ERROR(parse_error);
  return out;
}

Status ArticleStore::PutCheckpoint(std::string_view name, std::string_view value) {
  NEWSX_RETURN_IF_ERROR(impl_->RequireWritable());
  const std::string key = std::string(kCheckpointPrefix) + std::string(name);
  return FromRocks(impl_->db->Put(rocksdb::WriteOptions(), impl_->cf(kMeta), key,
                                  rocksdb::Slice(value.data(), value.size())),
                   "writing checkpoint");
}

Result<std::optional<std::string>> ArticleStore::GetCheckpoint(std::string_view name) const {
  return impl_->Get(kMeta, std::string(kCheckpointPrefix) + std::string(name));
}

Status ArticleStore::PutFeedState(std::string_view feed_url, std::string_view state_json) {
  NEWSX_RETURN_IF_ERROR(impl_->RequireWritable());
  return FromRocks(impl_->db->Put(rocksdb::WriteOptions(), impl_->cf(kFeeds),
                                  rocksdb::Slice(feed_url.data(), feed_url.size()),
                                  rocksdb::Slice(state_json.data(), state_json.size())),
                   "writing feed state");
}

Result<std::optional<std::string>> ArticleStore::GetFeedState(std::string_view feed_url) const {
  return impl_->Get(kFeeds, feed_url);
}

Result<std::vector<std::pair<std::string, std::string>>> ArticleStore::ListFeedStates() const {
  std::vector<std::pair<std::string, std::string>> out;
  NEWSX_RETURN_IF_ERROR(
      impl_->Scan(kFeeds, "", "", [&](std::string_view key, std::string_view value) {
        out.emplace_back(std::string(key), std::string(value));
        return true;
      }));
  return out;
}

Result<ExtractedArticle> ArticleStore::GetArticle(std::string_view id) const {
  NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> value, impl_->Get(kArticles, id));
  if (!value) return NotFoundError("no article with id " + std::string(id));
  return ParseArticleValue(*value);
}

Result<ExtractedArticle> ArticleStore::GetArticleByUrl(std::string_view url) const {
  NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> id, impl_->Get(kUrls, url));
  if (!id) return NotFoundError("no article with URL " + std::string(url));
  return GetArticle(*id);
}

Result<RawDocument> ArticleStore::GetRawDocument(std::string_view article_id) const {
  NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> value, impl_->Get(kRaw, article_id));
  if (!value) return NotFoundError("no raw page for article " + std::string(article_id));
  return DecodeRawDocument(*value);
}

Result<StoredEntity> ArticleStore::GetEntity(std::string_view entity_id) const {
  NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> value, impl_->Get(kEntities, entity_id));
  if (!value) return NotFoundError("no entity with id " + std::string(entity_id));
  NEWSX_ASSIGN_OR_RETURN(EntityRecord record, DecodeEntityRecord(*value));
  return record.ToStored();
}

Status ArticleStore::WriteRawForTesting(std::string_view family, std::string_view key,
                                        std::optional<std::string_view> value) {
  for (int f = 0; f < kFamilyCount; ++f) {
    if (family != kFamilyNames[f]) continue;
    rocksdb::ColumnFamilyHandle* handle = impl_->cf(static_cast<Family>(f));
    const rocksdb::Slice k(key.data(), key.size());
    return FromRocks(value ? impl_->db->Put(rocksdb::WriteOptions(), handle, k,
                                            rocksdb::Slice(value->data(), value->size()))
                           : impl_->db->Delete(rocksdb::WriteOptions(), handle, k),
                     "test write");
  }
  return InvalidArgumentError("no column family " + std::string(family));
}

}  // namespace newsx::store
