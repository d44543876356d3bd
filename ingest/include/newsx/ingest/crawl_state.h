#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/core/result.h"

namespace newsx::ingest {

// An entry whose article was queued for fetching but is not known to be
// done (stored or dead-lettered). Kept in the feed state from the moment
// the feed is read, so that a crawl killed before the article is stored
// fetches it on the next run.
struct PendingEntry {
  std::string url;        // Canonical entry URL.
  std::string title;      // From the feed, as a hint for extraction.
  std::string published;  // ISO 8601 from the feed, or empty.

  bool operator==(const PendingEntry&) const = default;
};

// What the crawler remembers about one feed between runs, stored as JSON
// in a FeedStateStore (keyed by feed URL).
struct FeedState {
  std::string etag;           // Validators of the last 200 response.
  std::string last_modified;
  std::int64_t last_fetch_unix_s = 0;
  std::int64_t last_success_unix_s = 0;
  std::int64_t last_failure_unix_s = 0;
  std::string last_error;     // Status text of the last failure.
  int consecutive_failures = 0;
  std::int64_t interval_s = 0;      // Current poll interval; 0 before the first fetch.
  std::int64_t next_due_unix_s = 0; // 0: due now.
  std::uint64_t fetches = 0;
  std::uint64_t new_entries = 0;    // Entries first seen, over the feed's life.
  // Canonical URLs of the feed's recent entries (newest first, bounded), so
  // that an entry is fetched once even when its article is not stored
  // (extraction failed, or the page names another canonical URL).
  std::vector<std::string> seen_urls;
  // Entries seen but whose article is not done yet; the next crawl pass
  // fetches them whether the feed is due or not.
  std::vector<PendingEntry> pending;
};

// Bounds of the adaptive interval. Defaults: 10 minutes and 1 day.
struct ScheduleOptions {
  std::int64_t min_interval_s = 600;
  std::int64_t max_interval_s = 86400;
};

// Where a crawl keeps its feed states between passes, and whether an
// article is stored already: the article store in process; a JetStream
// key-value bucket for `crawl --nats`, whose producer has no store.
class FeedStateStore {
 public:
  virtual ~FeedStateStore() = default;
  // The state JSON saved for `feed_url`, or nullopt for a feed never saved.
  virtual Result<std::optional<std::string>> Get(const std::string& feed_url) = 0;
  virtual Status Put(const std::string& feed_url, std::string_view state_json) = 0;
  // Whether an article with this canonical URL is stored; false where that
  // cannot be known (the article is then sent on; the store is idempotent).
  virtual Result<bool> Stored(const std::string& url) = 0;
};

std::string FeedStateToJson(const FeedState& state);
// kInvalidArgument for text that is not a FeedState JSON object; unknown
// keys are ignored (forward compatibility).
Result<FeedState> FeedStateFromJson(std::string_view json);

// Schedules the next poll after a successful fetch (200 or 304).
// `entry_times_unix_s` are the feed's entry dates (published, else updated;
// any order); `new_entries` how many were first seen now. The interval is
// half the median gap between recent entries when the feed has dates, else
// it halves after news and grows by half after none; always within bounds.
void ScheduleAfterSuccess(FeedState* state, std::int64_t now_unix_s, std::size_t new_entries,
                          std::vector<std::int64_t> entry_times_unix_s,
                          const ScheduleOptions& options);

// Schedules the next poll after a failure: min_interval * 2^(failures-1),
// at most max_interval, and no earlier than `retry_after_s` when the server
// sent one.
void ScheduleAfterFailure(FeedState* state, std::int64_t now_unix_s, const std::string& error,
                          std::int64_t retry_after_s, const ScheduleOptions& options);

}  // namespace newsx::ingest
