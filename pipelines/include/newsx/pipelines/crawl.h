#pragma once

#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <vector>

#include "newsx/core/result.h"
#include "newsx/extract/article_extractor.h"
#include "newsx/ingest/fetch_options.h"
#include "newsx/pipelines/crawl_metrics.h"
#include "newsx/ingest/crawl_state.h"
#include "newsx/pipelines/ingest_pipeline.h"
#include "newsx/pipelines/logger.h"
#include "newsx/store/article_store.h"

namespace newsx::pipelines {

struct CrawlOptions {
  std::vector<std::string> feeds;  // Feed URLs.
  ingest::FetchOptions fetch;      // Client and politeness settings.
  ingest::ScheduleOptions schedule;
  IngestOptions ingest;            // Extract/store workers and queues (no fetch stage).
  bool force = false;              // Fetch every feed, due or not. Default: false.
  // Entries remembered per feed for dedup. Default: 1000.
  std::size_t max_seen_per_feed = 1000;
  // Counters updated as the pass goes (crawl --metrics-listen); must
  // outlive the pass. Unset: none.
  CrawlMetrics* metrics = nullptr;
};

// What one crawl pass did.
struct CrawlReport {
  std::uint64_t feeds_due = 0;
  std::uint64_t feeds_fetched = 0;       // 200 with a feed parsed.
  std::uint64_t feeds_not_modified = 0;  // 304.
  std::uint64_t feeds_failed = 0;
  std::uint64_t entries_new = 0;         // Entries whose article was queued for fetching.
  // Entries left pending by an earlier pass that was killed or stopped
  // before storing their article, queued again.
  std::uint64_t entries_resumed = 0;
  std::uint64_t articles_fetched = 0;
  IngestReport ingest;                   // extract -> store of the fetched articles.
  std::int64_t next_due_unix_s = 0;      // Earliest next due time over all feeds (0 if none).
};

// One crawl pass: fetches the due feeds (conditional GET), parses them,
// fetches each new entry's article once (canonical URL not seen before for
// the feed, nor stored), and sends the pages through extract -> store.
// Feed states are saved as each feed finishes. Per-feed and per-article
// failures are recorded (feed state, dead letters) and the pass goes on;
// returns an error only when the store or the pipeline fails. A stop
// request ends intake; in-flight articles drain. Crash-safe: a new entry is
// written to its feed's state as pending in the same write that marks it
// seen, and stays pending until the pass has stored or dead-lettered it, so
// that a pass killed (SIGKILL) or stopped at any point leaves every entry
// not yet done for the next pass, due feed or not. Thread: runs the fetcher
// in the calling thread, extract/store stages in their own.
Result<CrawlReport> RunCrawlPass(const CrawlOptions& options,
                                 const extract::ArticleExtractor& extractor,
                                 store::ArticleStore& store, Logger& log, std::stop_token stop);

// `crawl --watch`: calls `pass` (one crawl pass, in process or on a
// cluster), and while `watch` and `pass` returns true, sleeps until the
// next feed is due (`*next_due_unix_s` as `pass` set it; at least 1 s, at
// most `max_wait_s` later) and calls it again. Returns false when a stop
// request ended a wait, true otherwise (a pass saw the stop itself, or
// asked to end, or `watch` is off). Logs each wake time. Thread: the
// calling one.
bool RepeatCrawlPasses(const std::function<bool(std::int64_t* next_due_unix_s)>& pass,
                       bool watch, std::int64_t max_wait_s, Logger& log,
                       std::stop_token stop);

}  // namespace newsx::pipelines
