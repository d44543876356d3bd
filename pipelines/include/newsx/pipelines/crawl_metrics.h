#pragma once

// What `crawl` did since the process started, over every pass, in the
// Prometheus text format: `crawl --metrics-listen ADDR` serves it on
// GET /metrics (docs/serve.md lists the metrics).

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/core/mutex.h"
#include "newsx/pipelines/ingest_pipeline.h"
#include "newsx/pipelines/stage.h"

namespace newsx::pipelines {

namespace metrics {
class Histogram;
}

struct CrawlReport;

// Thread-safe: the fetching thread, the pipeline's workers and the
// metrics server's thread all touch it.
class CrawlMetrics {
 public:
  // Upper bounds (seconds) of the fetch duration histogram's buckets.
  static constexpr std::array<double, 12> kFetchBuckets = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
                                                           1,    2.5,   5,    10,  30,   60};

  CrawlMetrics();
  ~CrawlMetrics();
  CrawlMetrics(const CrawlMetrics&) = delete;
  CrawlMetrics& operator=(const CrawlMetrics&) = delete;

  // One feed answered: `outcome` is "fetched" (200, parsed), "not_modified"
  // (304) or "failed"; `reason` says why it failed ("" otherwise).
  // `seconds`: from queueing the request to its answer.
  void ObserveFeed(std::string_view outcome, std::string_view reason, double seconds);
  // One article page answered; `reason` "" when fetched, else why not
  // (a status code name: not_found, unavailable, permission_denied ...).
  void ObserveArticleFetch(std::string_view reason, double seconds);
  // Requests the fetcher holds (queued or in flight) and fetched pages
  // waiting for the extract stage.
  void SetFetchQueue(std::size_t pending_requests, std::size_t ready_pages);
  // An article the pipeline gave up on: `stage` and StatusCodeName.
  void CountFailure(std::string_view stage, std::string_view reason);

  // The current pass's store outcomes so far and its stages' queues (about
  // once a second, from the pipeline's progress callback).
  void PassProgress(const StoreCounts& pass_counts, const std::vector<StageSnapshot>& stages);
  // A pass ended: its final counts join the totals.
  void PassFinished(const CrawlReport& report);

  std::string Render() const;

 private:
  mutable Mutex mu_;
  // (outcome, reason).
  std::map<std::pair<std::string, std::string>, std::uint64_t> feeds_ NEWSX_GUARDED_BY(mu_);
  // Reason ("" = ok).
  std::map<std::string, std::uint64_t> article_fetches_ NEWSX_GUARDED_BY(mu_);
  // (stage, reason).
  std::map<std::pair<std::string, std::string>, std::uint64_t> failed_ NEWSX_GUARDED_BY(mu_);
  // By kind.
  std::map<std::string, std::unique_ptr<metrics::Histogram>> fetch_seconds_
      NEWSX_GUARDED_BY(mu_);
  StoreCounts stored_before_pass_ NEWSX_GUARDED_BY(mu_);  // Totals of the passes that ended.
  StoreCounts stored_this_pass_ NEWSX_GUARDED_BY(mu_);
  std::map<std::string, std::size_t> queue_depths_ NEWSX_GUARDED_BY(mu_);  // Stage -> waiting.
  std::size_t fetch_pending_ NEWSX_GUARDED_BY(mu_) = 0;
  std::size_t fetch_ready_ NEWSX_GUARDED_BY(mu_) = 0;
  std::uint64_t passes_ NEWSX_GUARDED_BY(mu_) = 0;
  std::int64_t last_pass_end_unix_s_ NEWSX_GUARDED_BY(mu_) = 0;
};

}  // namespace newsx::pipelines
