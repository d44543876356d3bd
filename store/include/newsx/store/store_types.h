#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "newsx/core/analysis.h"

namespace newsx::store {

struct StoreOptions {
  std::string path = "newsx-data";  // Database directory. Default: ./newsx-data.
  bool create_if_missing = true;    // Default: true.
  bool read_only = false;           // Open without taking the write lock. Default: false.
  // Bound on the write-ahead log while a writer runs: past it, the column
  // families that hold the oldest log are flushed to tables so that the log
  // can be dropped. Read-only opens replay the log, so it is also what a
  // read command may have to replay during a write. Default: 64 MiB.
  std::uint64_t max_wal_bytes = 64ull << 20;
  // Test hook: once this many bytes have been written to the database's
  // files, every further file write fails as on a full disk (ENOSPC).
  // 0: never. Default: 0.
  std::uint64_t disk_full_after_bytes_for_testing = 0;
  // Give articles stories and events happenings (docs/stories.md). false
  // only to measure what that costs (bench/story_cost_bench.cc): articles
  // written so have none. Default: true.
  bool index_stories = true;
};

// What ArticleStore::Put did with an article (see Put).
enum class PutOutcome { kNew, kChanged, kUnchanged, kDuplicate };

// "new", "changed", "unchanged", "duplicate".
const char* PutOutcomeName(PutOutcome outcome);

// Record counts, for `newsx stats` and the demo.
struct StoreStats {
  std::uint64_t articles = 0;
  std::uint64_t entities = 0;  // With at least one mention.
  std::uint64_t mentions = 0;  // Mention occurrences, summed over articles.
  std::uint64_t events = 0;
  std::uint64_t dead_letters = 0;
  // URLs kept as aliases: pages whose main text an article (under another
  // URL) already had, so they were not stored as articles of their own.
  std::uint64_t aliases = 0;
  std::map<std::string, std::uint64_t> dead_letters_by_reason;  // "stage/code" -> count.
  std::map<std::string, std::uint64_t> keys_by_family;          // Column family -> keys.
  // Articles per source: site name, else host, else input (WARC file, folder).
  std::map<std::string, std::uint64_t> articles_by_source;
  std::uint64_t live_data_bytes = 0;  // RocksDB's estimate of live SST data.
};

// A canonical entity with its counts over all stored articles. The entity's
// name, aliases and roles are merged over the articles that mention it (the
// most frequent name wins; ties go to the lexicographically smaller one).
struct StoredEntity {
  Entity entity;  // `mentions` is empty.
  std::uint64_t mention_count = 0;  // Mention occurrences in all articles.
  std::uint64_t article_count = 0;  // Articles mentioning it.
};

// One row of TopEntities: mentions within the window.
struct EntityCount {
  StoredEntity entity;
  std::uint64_t mentions_in_window = 0;
  std::uint64_t articles_in_window = 0;
};

inline constexpr std::int64_t kMinTime = std::numeric_limits<std::int64_t>::min();
inline constexpr std::int64_t kMaxTime = std::numeric_limits<std::int64_t>::max();

// Filters of FindEvents; empty/default fields do not filter. Times are Unix
// seconds, half-open [since, until), compared with the event's time (its
// resolved time value, else its article's time).
struct EventQuery {
  std::string type;       // Exact event type.
  std::string entity_id;  // An argument or the source is this entity.
  std::int64_t since_unix_s = kMinTime;
  std::int64_t until_unix_s = kMaxTime;
  std::string text;       // Case-insensitive (ASCII) substring of sentence, trigger or args.
};

// Paging of ArticleStore::FindEventsPage.
struct EventPageRequest {
  // Empty: from the first matching event; else the next_cursor of a page of
  // the same query and direction.
  std::string cursor;
  std::size_t limit = 50;     // Events per page (0 is taken as 1).
  bool newest_first = false;  // Latest event time first.
  // Index entries examined at most, so that a rare text filter cannot make
  // one call read the whole database; when reached the page may be short
  // (even empty) and next_cursor continues after what was examined.
  // 0: no bound.
  std::size_t max_scanned = 0;
};

// An event with the time it is indexed under (see EventQuery).
struct TimedEvent {
  std::int64_t time_unix_s = 0;
  Event event;
};

struct EventPage {
  std::vector<TimedEvent> events;
  std::string next_cursor;  // Empty when no event can follow; opaque ([0-9a-f]*).
  std::size_t scanned = 0;  // Index entries examined.
};

// An article that mentions an entity (ArticleStore::ArticlesMentioning).
struct EntityArticle {
  std::string article_id;
  std::int64_t time_unix_s = 0;  // The article's time (keys.h).
  std::uint64_t mentions = 0;    // Mentions of the entity in it.
};

// An entity an article mentions (ArticleStore::EntitiesOfArticle).
struct ArticleEntity {
  std::string entity_id;
  std::uint64_t mentions = 0;  // Mentions of it in the article.
};

// The index time and the type of an event (ArticleStore::LatestEventStamps).
struct EventStamp {
  std::int64_t time_unix_s = 0;
  std::string type;
};

// One article of a story, with its time (published, else fetched, else 0).
struct StoryMember {
  std::string article_id;
  std::int64_t time_unix_s = 0;
};

// A story: an article and its near-copies (syndicated republications).
// Its id is the id of the article that started it; it stays the story's id
// as articles join, leave or are reprocessed.
struct StorySummary {
  std::string id;
  std::vector<StoryMember> members;  // In time order (ties by article id).
  std::int64_t first_seen_unix_s = 0;  // Time of the earliest member.
  std::int64_t last_seen_unix_s = 0;   // Time of the latest member.
};

// Filters of FindStories; empty/default fields do not filter.
struct StoryQuery {
  // Stories with a member whose time is in [since, until).
  std::int64_t since_unix_s = kMinTime;
  std::int64_t until_unix_s = kMaxTime;
  std::string entity_id;     // A member article mentions this entity.
  std::size_t min_articles = 1;  // Stories with at least this many articles.
};

// One source of a happening: an event of one article.
struct HappeningSource {
  std::string event_id;
  std::string article_id;
  std::string story_id;
  std::string site;              // The article's site name, else its URL's host.
  std::int64_t time_unix_s = 0;  // The article's time.
};

// A happening: the events of several articles (sources) that report the
// same real-world happening (docs/stories.md). Its id is the id of the
// event that started it; it stays its id as sources join, leave or are
// reprocessed.
struct HappeningSummary {
  std::string id;
  std::string type;
  std::vector<HappeningSource> sources;  // In time order (ties by event id).
  std::int64_t first_seen_unix_s = 0;   // Time of the earliest source.
};

// One changelog entry: an article that was stored or changed.
struct Change {
  std::uint64_t seq = 0;
  std::string article_id;
};

// A problem found by Verify: the family and key concerned and what is wrong.
struct Inconsistency {
  std::string family;
  std::string key;  // Printable: NUL shown as "|", binary times as decimals.
  std::string problem;
};

}  // namespace newsx::store
