#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newsx/core/analysis.h"
#include "newsx/core/dead_letter.h"
#include "newsx/core/raw_document.h"
#include "newsx/core/result.h"
#include "newsx/store/store_types.h"

namespace newsx::store {

// The embedded RocksDB database that holds articles and everything derived
// from them. The only code that knows RocksDB. Key layouts and value
// encodings are documented in store/src/keys.h.
//
// Thread-safe: one instance is shared by all workers of a process. Writes of
// articles are serialized internally (they read-modify-write entity counts);
// reads never block. A second process opening the same directory for
// writing gets kFailedPrecondition. Visitors passed to Scan*/Find* run on
// the calling thread and must not call back into writes of this store.
class ArticleStore {
 public:
  // Opens or creates the database. Returns kFailedPrecondition "database is
  // in use by another newsx process" when another process holds it, or when
  // it was written with another schema version; kNotFound when it does not
  // exist and !create_if_missing; kIoError or kDataLoss for other failures.
  // Opening for writing first verifies the block checksums of every table
  // file not verified since it last changed, and returns kDataLoss
  // ("database is damaged, refusing to write to it: ...") for a damaged
  // one; read-only opens do not (reads check the blocks they touch).
  static Result<std::unique_ptr<ArticleStore>> Open(const StoreOptions& options);
  // A writable store flushes (see Flush) when it is destroyed, so that the
  // next open, read-only or not, has no log to replay.
  ~ArticleStore();

  // Writes every column family's memtable to tables and drops the
  // write-ahead log they were in. Writers call it when a run ends (the
  // destructor does too); a no-op on a read-only store. kIoError on failure.
  Status Flush();

  ArticleStore(const ArticleStore&) = delete;
  ArticleStore& operator=(const ArticleStore&) = delete;

  // Stores the article, its raw page (kept for reprocessing) and everything
  // derived from it in one atomic write, and says what happened in
  // `*outcome` (when not null):
  // - kUnchanged: the same record is stored (identical apart from `fetched`,
  //   `source` and `url`): nothing changes, not even the changelog; the
  //   first fetch's time and source are kept. A URL it was not yet known
  //   under is added to its aliases (a changelog entry, nothing else).
  // - kDuplicate: another article (another id) already has this main text
  //   (content_hash): the two are one article. The one with the smaller id
  //   is kept, so the result does not depend on the order of arrival; the
  //   other's URLs become its aliases, and it keeps the earlier fetch time
  //   and its source.
  // - kChanged: a different record under the same id replaces the old one
  //   and all its derived entries (its URLs stay aliases).
  // - kNew: anything else.
  // Returns kInvalidArgument for an article without id, kFailedPrecondition
  // on a read-only store.
  Status Put(const ExtractedArticle& extracted, const RawDocument& raw,
             PutOutcome* outcome = nullptr);
  // As above with only the page bytes; the raw document's other fields are
  // taken from the article (url, source, fetched, published as hint).
  Status Put(const ExtractedArticle& extracted, std::string_view raw_page,
             PutOutcome* outcome = nullptr);

  // For reprocessing: atomically removes the article `old_id` (unless it is
  // the new article's id) with everything derived from it, and stores
  // `extracted`, which keeps the old article's aliases. Used when a newer
  // extractor derives another id. No content dedup is applied.
  Status Replace(std::string_view old_id, const ExtractedArticle& extracted,
                 const RawDocument& raw, PutOutcome* outcome = nullptr);

  // True if an article fetched from, canonically at, or aliased to this URL is stored.
  Result<bool> ContainsUrl(std::string_view url) const;
  // True if an article with this content hash (Article::content_hash) is stored.
  Result<bool> ContainsContentHash(std::string_view content_hash) const;

  // Records an input that failed. A later failure of the same (stage,
  // source) replaces the earlier record.
  Status PutDeadLetter(const DeadLetter& dead_letter);
  // Every dead letter, ordered by stage then source.
  Result<std::vector<DeadLetter>> ListDeadLetters() const;

  // Named checkpoints for resumable jobs ("backfill:<input>", "export:<name>").
  Status PutCheckpoint(std::string_view name, std::string_view value);
  Result<std::optional<std::string>> GetCheckpoint(std::string_view name) const;

  // Crawl state of one feed, as an opaque JSON document owned by the crawler
  // (ETag, Last-Modified, next due time...). Keyed by feed URL.
  Status PutFeedState(std::string_view feed_url, std::string_view state_json);
  Result<std::optional<std::string>> GetFeedState(std::string_view feed_url) const;
  // Every feed state, sorted by feed URL: (feed_url, state_json).
  Result<std::vector<std::pair<std::string, std::string>>> ListFeedStates() const;

  // Full scan of every family; linear in the database size.
  Result<StoreStats> Stats() const;

  // Loads a stored article by id, or by fetched, canonical or alias URL. kNotFound if absent.
  Result<ExtractedArticle> GetArticle(std::string_view id) const;
  Result<ExtractedArticle> GetArticleByUrl(std::string_view url) const;
  // The page an article was extracted from. kNotFound if absent.
  Result<RawDocument> GetRawDocument(std::string_view article_id) const;
  // A canonical entity and its counts. kNotFound if absent.
  Result<StoredEntity> GetEntity(std::string_view entity_id) const;

  // Visitors return false to stop early. Errors are read or decode failures.
  // Articles in id order.
  Status ScanArticles(const std::function<bool(const ExtractedArticle&)>& visit) const;
  // Entities in id order; those no article mentions any more are skipped.
  Status ScanEntities(const std::function<bool(const StoredEntity&)>& visit) const;
  // Events matching `query`, in event time order (ties by event id).
  Status FindEvents(const EventQuery& query,
                    const std::function<bool(const Event&)>& visit) const;
  // One page of what FindEvents visits, in that order or newest first,
  // each event with its index time. Returns kInvalidArgument for a cursor
  // that is not a next_cursor of this query and direction.
  Result<EventPage> FindEventsPage(const EventQuery& query, const EventPageRequest& page) const;
  // The time and type of the latest `limit` events FindEventsPage would
  // give newest first (`query.text` too), read from the index entries
  // alone; *truncated is set when older ones were left out. Entries
  // written by schema version 2 (see SchemaVersion) cost a read of the
  // event each.
  Result<std::vector<EventStamp>> LatestEventStamps(const EventQuery& query, std::size_t limit,
                                                    bool* truncated) const;
  // The entities an article mentions, in id order; empty for an unknown
  // article. From the article_entities index, or, in a version-2
  // database, from the article record.
  Result<std::vector<ArticleEntity>> EntitiesOfArticle(std::string_view article_id) const;
  // Articles mentioning `entity_id` whose time is in [since, until), newest
  // first, at most `limit`.
  Result<std::vector<EntityArticle>> ArticlesMentioning(std::string_view entity_id,
                                                        std::int64_t since_unix_s,
                                                        std::int64_t until_unix_s,
                                                        std::size_t limit) const;
  // The distinct types of the stored events, sorted.
  Result<std::vector<std::string>> EventTypes() const;
  // The `limit` entities with most mentions in articles whose time is in
  // [since, until), most first (ties by entity id).
  Result<std::vector<EntityCount>> TopEntities(std::int64_t since_unix_s,
                                               std::int64_t until_unix_s,
                                               std::size_t limit) const;

  // The story of a stored article (see StorySummary): its id, or nullopt
  // for an article stored before stories existed (reprocess gives it one).
  // kNotFound if no such article.
  Result<std::optional<std::string>> StoryOf(std::string_view article_id) const;
  // A story with its members. kNotFound if no article is in it.
  Result<StorySummary> GetStory(std::string_view story_id) const;
  // Stories matching `query`, ordered by the time of their first member in
  // the window (ties by story id), each once.
  Status FindStories(const StoryQuery& query,
                     const std::function<bool(const StorySummary&)>& visit) const;

  // The happening of a stored event, or nullopt for an event stored before
  // happenings existed (reprocess gives it one).
  Result<std::optional<std::string>> HappeningOf(std::string_view event_id) const;
  // A happening with its sources. kNotFound if no event is in it.
  Result<HappeningSummary> GetHappening(std::string_view happening_id) const;
  // The happenings the events of a story's articles are in, sorted, each once.
  Result<std::vector<std::string>> StoryHappenings(std::string_view story_id) const;
  // Every happening, in id order.
  Status ScanHappenings(const std::function<bool(const HappeningSummary&)>& visit) const;

  // Seconds this instance spent choosing stories and happenings of the
  // articles it wrote (text signatures, index reads, choices): what
  // bench/story_cost_bench.cc reports.
  double StorySeconds() const;

  // Changelog entries with seq > after_seq, oldest first, at most `limit`.
  // Every article has exactly one entry, at its latest change.
  Result<std::vector<Change>> ReadChanges(std::uint64_t after_seq, std::size_t limit) const;
  // Entities whose record changed at a seq in (after_seq, until_seq], in id
  // order, including those no article mentions any more (zero counts).
  // Entities are few next to articles, so this scans them all.
  Status ScanChangedEntities(std::uint64_t after_seq, std::uint64_t until_seq,
                             const std::function<bool(const StoredEntity&)>& visit) const;
  // The highest seq used so far (0 for an empty database).
  Result<std::uint64_t> LastChangeSeq() const;

  // The database's schema version (store/src/keys.h): 3, or 2 for a
  // database written before the event index values and article_entities,
  // whose queries read records instead until RebuildIndexes.
  int SchemaVersion() const;

  // Rebuilds the event_time, event_type, event_entity and article_entities
  // families from the article records (deleting every entry first) and
  // raises the schema version to 3. What `newsx verify --repair` runs; the
  // schema version stays 2 until it completes, so an interrupted rebuild is
  // run again. Writable stores only (kFailedPrecondition); writes of other
  // threads wait. Sets *articles to the articles read.
  Status RebuildIndexes(std::uint64_t* articles = nullptr);

  // Checks that every index entry points to a record that has it, and that
  // every record is fully indexed (see keys.h "Invariants"). Returns the
  // problems found, at most `max_problems`; empty means consistent. Reads
  // are not isolated from concurrent writes of this instance: verify an
  // idle store, or a read-only instance (a fixed view as of its Open).
  Result<std::vector<Inconsistency>> Verify(std::size_t max_problems = 1000) const;

  // Test hook to break invariants on purpose: writes `value` at `key` in
  // the named column family, or deletes the key when `value` is nullopt.
  Status WriteRawForTesting(std::string_view family, std::string_view key,
                            std::optional<std::string_view> value);

  struct Impl;  // Shared by the store's .cc files.

 private:
  // Shared by FindEvents, FindEventsPage and LatestEventStamps
  // (store_queries.cc): visits the index entries of `query` in [begin, end)
  // with their time, and the type (empty when the event does not match or
  // is gone) and the event (when `load`).
  using EventIndexVisitor = std::function<bool(std::string_view key, std::int64_t time,
                                                std::string_view type, const Event* event)>;
  Status ScanEventIndex(const EventQuery& query, std::string_view begin, std::string_view end,
                        bool backward, bool load, const EventIndexVisitor& visit) const;

  explicit ArticleStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsx::store
