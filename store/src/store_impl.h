#pragma once

// Internals shared by the store's .cc files: the column families and the
// RocksDB handles behind ArticleStore.

#include <rocksdb/db.h>
#include <rocksdb/iterator.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/core/mutex.h"
#include "newsx/core/result.h"
#include "newsx/store/article_store.h"

namespace newsx::store {

namespace internal {

// Column families, in the order of kFamilyNames (see keys.h).
enum Family {
  kMeta, kArticles, kRaw, kUrls, kHashes, kEntities, kMentions, kMentionTime, kEvents,
  kEventTime, kEventType, kEventEntity, kChangelog, kDeadLetters, kFeeds,
  kStories, kStoryBands, kStoryMembers, kStoryTime,
  kHappenings, kHappeningStory, kHappeningEntity, kHappeningMembers, kArticleEntities,
  kFamilyCount
};

inline constexpr const char* kFamilyNames[kFamilyCount] = {
    "meta",       "articles",   "raw",         "urls",         "hashes",
    "entities",   "mentions",   "mention_time", "events",      "event_time",
    "event_type", "event_entity", "changelog", "dead_letters", "feeds",
    "stories",    "story_bands", "story_members", "story_time",
    "happenings", "happening_story", "happening_entity", "happening_members",
    "article_entities"};

// Converts a RocksDB status; `what` says what was being done.
Status FromRocks(const rocksdb::Status& s, std::string_view what);

// Key made printable for messages: NUL as "|", other bytes < 0x20 or
// >= 0x7f as \xNN.
std::string PrintableKey(std::string_view key);

}  // namespace internal

struct ArticleStore::Impl {
  std::unique_ptr<rocksdb::Env> env;  // Set for test fault injection; outlives db.
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> families;
  bool read_only = false;
  // Meta "schema_version" as opened (keys.h): 2 until RebuildIndexes.
  int schema_version = 0;
  // Serializes the writers that read-modify-write entity records and the
  // changelog sequence: article writes and RebuildIndexes. Mutable for
  // LastSeq().
  mutable Mutex write_mu;
  std::uint64_t last_seq NEWSX_GUARDED_BY(write_mu) = 0;  // Last changelog seq written.

  // last_seq, for a reader that does not hold write_mu.
  std::uint64_t LastSeq() const NEWSX_EXCLUDES(write_mu) {
    MutexLock lock(write_mu);
    return last_seq;
  }

  ~Impl();

  // nullptr for a family a read-only open did not find (a database written
  // before the family existed): reads of it find nothing.
  rocksdb::ColumnFamilyHandle* cf(internal::Family f) const { return families[f]; }

  // The value at `key`, or nullopt when absent.
  Result<std::optional<std::string>> Get(internal::Family f, std::string_view key) const;

  // Visits keys in [begin, end) (end empty: to the end of the family) in
  // order; `visit` returns false to stop.
  Status Scan(internal::Family f, std::string_view begin, std::string_view end,
              const std::function<bool(std::string_view key, std::string_view value)>& visit)
      const;

  // As Scan, from the last key before `end` down to `begin`.
  Status ScanBackward(internal::Family f, std::string_view begin, std::string_view end,
                      const std::function<bool(std::string_view key, std::string_view value)>&
                          visit) const;

  // Visits keys starting with `prefix`.
  Status ScanPrefix(internal::Family f, std::string_view prefix,
                    const std::function<bool(std::string_view key, std::string_view value)>&
                        visit) const;

  // ScanPrefix for each of `prefixes` in turn, on one iterator (one
  // iterator per prefix costs more than the seeks when most prefixes match
  // nothing, as a new article's signature bands do); `visit` gets the
  // prefix's index and returns false to go on to the next prefix.
  Status ScanPrefixes(internal::Family f, const std::vector<std::string>& prefixes,
                      const std::function<bool(std::size_t prefix, std::string_view key,
                                               std::string_view value)>& visit) const;

  Status RequireWritable() const;
  // Flushes every family's memtable (writable stores only).
  Status FlushAll();
  // Counts `bytes` written to the log; flushes every family once
  // max_wal_bytes have been written since the last flush. Call without
  // holding write_mu.
  Status Written(std::uint64_t bytes);

  std::uint64_t max_wal_bytes = 64ull << 20;
  bool index_stories = true;                  // StoreOptions::index_stories.
  std::atomic<std::uint64_t> story_nanos{0};  // StorySeconds.
  std::atomic<std::uint64_t> unflushed_bytes{0};
};

}  // namespace newsx::store
