#include "newsx/store/article_store.h"

#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <rocksdb/write_batch.h>

#include <charconv>
#include <mutex>
#include <vector>

#include "keys.h"
#include "newsx/core/record_json.h"

namespace newsx::store {

namespace {

using internal::EncodeU64;
using internal::MentionKey;

enum Family { kMeta, kArticles, kRaw, kUrls, kEntities, kMentions, kEvents, kChangelog,
              kDeadLetters, kFeeds, kFamilyCount };

constexpr const char* kFamilyNames[kFamilyCount] = {
    "meta", "articles", "raw", "urls", "entities", "mentions", "events", "changelog",
    "dead_letters", "feeds"};

Status FromRocks(const rocksdb::Status& s, std::string_view what) {
  if (s.ok()) return Status::Ok();
  std::string message = std::string(what) + ": " + s.ToString();
  if (s.IsNotFound()) return NotFoundError(std::move(message));
  if (s.IsCorruption()) return DataLossError(std::move(message));
  if (s.IsInvalidArgument()) return InvalidArgumentError(std::move(message));
  return IoError(std::move(message));
}

std::uint64_t ParseU64(std::string_view s) {
  std::uint64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

}  // namespace

struct ArticleStore::Impl {
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> families;
  // Serializes Put/PutDeadLetter: they read-modify-write counters and
  // canonical entities. Guarded data lives in RocksDB.
  std::mutex write_mu;
  std::uint64_t dead_letter_seq = 0;  // Guarded by write_mu.

  ~Impl() {
    for (auto* h : families) {
      if (h != nullptr) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    }
    families.clear();
    if (db) db->Close().PermitUncheckedError();
  }

  rocksdb::ColumnFamilyHandle* cf(Family f) const { return families[f]; }

  Result<std::optional<std::string>> Get(Family f, std::string_view key) const {
    std::string value;
    const rocksdb::Status s = db->Get(rocksdb::ReadOptions(), cf(f), key, &value);
    if (s.IsNotFound()) return std::optional<std::string>();
    if (!s.ok()) return FromRocks(s, "read");
    return std::optional<std::string>(std::move(value));
  }

  Result<std::uint64_t> CountKeys(Family f) const {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), cf(f)));
    std::uint64_t n = 0;
    for (it->SeekToFirst(); it->Valid(); it->Next()) ++n;
    NEWSX_RETURN_IF_ERROR(FromRocks(it->status(), "scan"));
    return n;
  }
};

Result<std::unique_ptr<ArticleStore>> ArticleStore::Open(const StoreOptions& options) {
  rocksdb::DBOptions db_options;
  db_options.create_if_missing = options.create_if_missing;
  db_options.create_missing_column_families = true;
  db_options.max_background_jobs = 2;
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  descriptors.emplace_back(rocksdb::kDefaultColumnFamilyName, rocksdb::ColumnFamilyOptions());
  for (const char* name : kFamilyNames) {
    rocksdb::ColumnFamilyOptions cf_options;
    cf_options.compression = rocksdb::kZSTD;
    descriptors.emplace_back(name, cf_options);
  }
  auto impl = std::make_unique<Impl>();
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
    if (!options.create_if_missing && (s.IsInvalidArgument() || s.IsNotFound()) &&
        text.find("does not exist") != std::string::npos) {
      return NotFoundError("database " + options.path + " does not exist");
    }
    return FromRocks(s, "opening database " + options.path);
  }
  impl->db.reset(raw_db);
  // handles[0] is the default family; ours follow in kFamilyNames order.
  impl->db->DestroyColumnFamilyHandle(handles[0]).PermitUncheckedError();
  impl->families.assign(handles.begin() + 1, handles.end());
  if (!options.read_only) {
    const rocksdb::Status put = impl->db->Put(rocksdb::WriteOptions(), impl->cf(kMeta),
                                              internal::kMetaSchemaVersion, "1");
    NEWSX_RETURN_IF_ERROR(FromRocks(put, "writing schema version"));
  }
  return std::unique_ptr<ArticleStore>(new ArticleStore(std::move(impl)));
}

ArticleStore::ArticleStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ArticleStore::~ArticleStore() = default;

Status ArticleStore::Put(const ExtractedArticle& x, std::string_view raw_page) {
  const std::string& id = x.article.id;
  if (id.empty()) return InvalidArgumentError("article has no id");
  std::lock_guard<std::mutex> lock(impl_->write_mu);
  NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> existing, impl_->Get(kArticles, id));
  rocksdb::WriteBatch batch;
  if (existing) {
    NEWSX_ASSIGN_OR_RETURN(ExtractedArticle old, ParseExtractedArticle(*existing));
    if (old.article.content_hash == x.article.content_hash &&
        old.article.extractor_version == x.article.extractor_version) {
      return Status::Ok();  // Idempotent: nothing changed.
    }
    for (const Entity& e : old.entities) batch.Delete(impl_->cf(kMentions), MentionKey(e.id, id));
    for (const Event& e : old.events) batch.Delete(impl_->cf(kEvents), e.id);
  }
  batch.Put(impl_->cf(kArticles), id, ToJson(x));
  batch.Put(impl_->cf(kRaw), id, rocksdb::Slice(raw_page.data(), raw_page.size()));
  if (!x.article.canonical_url.empty()) {
    batch.Put(impl_->cf(kUrls), x.article.canonical_url, id);
  }
  for (const Entity& e : x.entities) {
    Entity canonical = e;
    canonical.mentions.clear();
    batch.Put(impl_->cf(kEntities), e.id, ToJson(canonical));
    batch.Put(impl_->cf(kMentions), MentionKey(e.id, id), std::to_string(e.mentions.size()));
  }
  for (const Event& e : x.events) batch.Put(impl_->cf(kEvents), e.id, ToJson(e));
  NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> seq_text,
                         impl_->Get(kMeta, internal::kMetaChangelogSeq));
  const std::uint64_t seq = (seq_text ? ParseU64(*seq_text) : 0) + 1;
  batch.Put(impl_->cf(kChangelog), EncodeU64(seq), id);
  batch.Put(impl_->cf(kMeta), internal::kMetaChangelogSeq, std::to_string(seq));
  return FromRocks(impl_->db->Write(rocksdb::WriteOptions(), &batch), "writing article " + id);
}

Result<bool> ArticleStore::ContainsUrl(std::string_view canonical_url) const {
  NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> id, impl_->Get(kUrls, canonical_url));
  return id.has_value();
}

Status ArticleStore::PutDeadLetter(const DeadLetter& dead_letter) {
  std::lock_guard<std::mutex> lock(impl_->write_mu);
  const std::string key = EncodeU64(static_cast<std::uint64_t>(dead_letter.time_unix_ms)) +
                          EncodeU64(++impl_->dead_letter_seq);
  return FromRocks(impl_->db->Put(rocksdb::WriteOptions(), impl_->cf(kDeadLetters), key,
                                  ToJson(dead_letter)),
                   "writing dead letter");
}

Status ArticleStore::PutCheckpoint(std::string_view name, std::string_view value) {
  const std::string key = std::string(internal::kCheckpointPrefix) + std::string(name);
  return FromRocks(impl_->db->Put(rocksdb::WriteOptions(), impl_->cf(kMeta), key,
                                  rocksdb::Slice(value.data(), value.size())),
                   "writing checkpoint");
}

Result<std::optional<std::string>> ArticleStore::GetCheckpoint(std::string_view name) const {
  return impl_->Get(kMeta, std::string(internal::kCheckpointPrefix) + std::string(name));
}

Status ArticleStore::PutFeedState(std::string_view feed_url, std::string_view state_json) {
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
  std::unique_ptr<rocksdb::Iterator> it(
      impl_->db->NewIterator(rocksdb::ReadOptions(), impl_->cf(kFeeds)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    out.emplace_back(it->key().ToString(), it->value().ToString());
  }
  NEWSX_RETURN_IF_ERROR(FromRocks(it->status(), "scanning feed states"));
  return out;
}

Result<StoreStats> ArticleStore::Stats() const {
  StoreStats stats;
  NEWSX_ASSIGN_OR_RETURN(stats.articles, impl_->CountKeys(kArticles));
  NEWSX_ASSIGN_OR_RETURN(stats.entities, impl_->CountKeys(kEntities));
  NEWSX_ASSIGN_OR_RETURN(stats.events, impl_->CountKeys(kEvents));
  std::unique_ptr<rocksdb::Iterator> it(
      impl_->db->NewIterator(rocksdb::ReadOptions(), impl_->cf(kMentions)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    stats.mentions += ParseU64(it->value().ToStringView());
  }
  NEWSX_RETURN_IF_ERROR(FromRocks(it->status(), "scanning mentions"));
  it.reset(impl_->db->NewIterator(rocksdb::ReadOptions(), impl_->cf(kDeadLetters)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    ++stats.dead_letters;
    Result<DeadLetter> d = ParseDeadLetter(it->value().ToStringView());
    if (d.ok()) ++stats.dead_letters_by_reason[d->stage + "/" + d->code];
  }
  NEWSX_RETURN_IF_ERROR(FromRocks(it->status(), "scanning dead letters"));
  return stats;
}

Result<ExtractedArticle> ArticleStore::GetArticle(std::string_view id) const {
  NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> json, impl_->Get(kArticles, id));
  if (!json) return NotFoundError("no article with id " + std::string(id));
  return ParseExtractedArticle(*json);
}

}  // namespace newsx::store
