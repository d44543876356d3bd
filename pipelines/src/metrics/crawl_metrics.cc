#include "newsx/pipelines/crawl_metrics.h"

#include <chrono>

#include "metrics/prometheus_text.h"
#include "newsx/pipelines/crawl.h"

namespace newsx::pipelines {

namespace {

using metrics::Header;
using metrics::LabelValue;
using metrics::Sample;

std::string Label(std::string_view name, std::string_view value) {
  return std::string(name) + "=\"" + LabelValue(value) + "\"";
}

void Add(StoreCounts* to, const StoreCounts& c) {
  to->new_articles += c.new_articles;
  to->changed += c.changed;
  to->unchanged += c.unchanged;
  to->duplicates += c.duplicates;
  to->failed += c.failed;
}

}  // namespace

CrawlMetrics::CrawlMetrics() = default;
CrawlMetrics::~CrawlMetrics() = default;

void CrawlMetrics::ObserveFeed(std::string_view outcome, std::string_view reason, double seconds) {
  MutexLock lock(mu_);
  ++feeds_[{std::string(outcome), std::string(reason)}];
  auto& h = fetch_seconds_["feed"];
  if (!h) h = std::make_unique<metrics::Histogram>(kFetchBuckets);
  h->Observe(seconds);
}

void CrawlMetrics::ObserveArticleFetch(std::string_view reason, double seconds) {
  MutexLock lock(mu_);
  ++article_fetches_[std::string(reason)];
  auto& h = fetch_seconds_["article"];
  if (!h) h = std::make_unique<metrics::Histogram>(kFetchBuckets);
  h->Observe(seconds);
}

void CrawlMetrics::SetFetchQueue(std::size_t pending_requests, std::size_t ready_pages) {
  MutexLock lock(mu_);
  fetch_pending_ = pending_requests;
  fetch_ready_ = ready_pages;
}

void CrawlMetrics::CountFailure(std::string_view stage, std::string_view reason) {
  MutexLock lock(mu_);
  ++failed_[{std::string(stage), std::string(reason)}];
}

void CrawlMetrics::PassProgress(const StoreCounts& pass_counts,
                                const std::vector<StageSnapshot>& stages) {
  MutexLock lock(mu_);
  stored_this_pass_ = pass_counts;
  for (const StageSnapshot& s : stages) queue_depths_[s.name] = s.queue_depth;
}

void CrawlMetrics::PassFinished(const CrawlReport& report) {
  MutexLock lock(mu_);
  Add(&stored_before_pass_, report.ingest.counts);
  stored_this_pass_ = {};
  for (const StageSnapshot& s : report.ingest.stages) queue_depths_[s.name] = s.queue_depth;
  fetch_pending_ = 0;
  fetch_ready_ = 0;
  ++passes_;
  last_pass_end_unix_s_ = std::chrono::duration_cast<std::chrono::seconds>(
                              std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string CrawlMetrics::Render() const {
  MutexLock lock(mu_);
  std::string out;
  Header(&out, "newsx_crawl_feeds_total", "counter",
         "Feed fetches by outcome (fetched: 200 and parsed; not_modified: 304; failed) and "
         "failure reason.");
  for (const auto& [key, n] : feeds_) {
    Sample(&out, "newsx_crawl_feeds_total",
           Label("outcome", key.first) + "," + Label("reason", key.second), double(n));
  }
  Header(&out, "newsx_crawl_article_fetches_total", "counter",
         "Article page fetches by result: ok, or the failure's status code name.");
  for (const auto& [reason, n] : article_fetches_) {
    Sample(&out, "newsx_crawl_article_fetches_total", Label("result", reason.empty() ? "ok" : reason),
           double(n));
  }
  StoreCounts stored = stored_before_pass_;
  Add(&stored, stored_this_pass_);
  Header(&out, "newsx_crawl_articles_stored_total", "counter",
         "Articles the store accepted, by outcome (new, changed, unchanged, duplicate).");
  const std::pair<const char*, std::uint64_t> outcomes[] = {{"new", stored.new_articles},
                                                            {"changed", stored.changed},
                                                            {"unchanged", stored.unchanged},
                                                            {"duplicate", stored.duplicates}};
  for (const auto& [outcome, n] : outcomes) {
    Sample(&out, "newsx_crawl_articles_stored_total", Label("outcome", outcome), double(n));
  }
  Header(&out, "newsx_crawl_articles_failed_total", "counter",
         "Articles written as dead letters, by stage (fetch, extract, store) and reason (status "
         "code name).");
  for (const auto& [key, n] : failed_) {
    Sample(&out, "newsx_crawl_articles_failed_total",
           Label("stage", key.first) + "," + Label("reason", key.second), double(n));
  }
  Header(&out, "newsx_crawl_fetch_duration_seconds", "histogram",
         "From queueing a request to its answer (per-host politeness waits, retries and "
         "redirects included), by kind (feed, article).");
  for (const auto& [kind, h] : fetch_seconds_) {
    h->Render(&out, "newsx_crawl_fetch_duration_seconds", Label("kind", kind));
  }
  Header(&out, "newsx_crawl_queue_depth", "gauge",
         "Items waiting: fetch (requests queued or in flight), fetched (pages fetched, not yet "
         "taken by the pipeline), and the pipeline stages' input queues.");
  Sample(&out, "newsx_crawl_queue_depth", Label("queue", "fetch"), double(fetch_pending_));
  Sample(&out, "newsx_crawl_queue_depth", Label("queue", "fetched"), double(fetch_ready_));
  for (const auto& [stage, depth] : queue_depths_) {
    Sample(&out, "newsx_crawl_queue_depth", Label("queue", stage), double(depth));
  }
  Header(&out, "newsx_crawl_passes_total", "counter", "Crawl passes finished.");
  Sample(&out, "newsx_crawl_passes_total", "", double(passes_));
  Header(&out, "newsx_crawl_last_pass_end_timestamp_seconds", "gauge",
         "When the last crawl pass finished (0: none yet).");
  Sample(&out, "newsx_crawl_last_pass_end_timestamp_seconds", "", double(last_pass_end_unix_s_));
  return out;
}

}  // namespace newsx::pipelines
