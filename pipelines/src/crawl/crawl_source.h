#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <stop_token>
#include <string>
#include <unordered_map>
#include <vector>

#include "newsx/ingest/document_source.h"
#include "newsx/ingest/feed_parser.h"
#include "newsx/ingest/http_fetcher.h"
#include "newsx/pipelines/crawl.h"
#include "newsx/pipelines/logger.h"
#include "newsx/store/article_store.h"

namespace newsx::pipelines::internal {

// Whether a crawl fetches the articles of new entries itself.
enum class ArticleFetch {
  kHere,      // Yield the fetched pages (the in-process crawl).
  kElsewhere  // Yield URL-only items (needs_fetch) for the cluster's fetch workers.
};

// The crawl as a document source: it fetches the due feeds, then (kHere)
// each new entry's page, all on one HttpFetcher driven from Next(), and
// yields the fetched pages (needs_fetch = false) or per-article failures;
// with kElsewhere it yields each new entry as a URL-only item carrying the
// feed's hints. Feed states are written to `states` as each feed finishes,
// with the entries whose article is not done as `pending`; Finish() clears
// those the consumer finished. No checkpoints: feed states are the crawl's
// memory. Not thread-safe (one consumer).
class CrawlSource final : public ingest::DocumentSource {
 public:
  // `states`, `log` and `report` must outlive the source; `report` receives
  // the feed and article counters.
  CrawlSource(const CrawlOptions& options, std::unique_ptr<ingest::HttpFetcher> fetcher,
              ingest::FeedStateStore* states, Logger* log, CrawlReport* report, std::stop_token stop,
              ArticleFetch article_fetch = ArticleFetch::kHere);

  // Loads the states of `feeds`, queues the due ones and the pending
  // entries of every feed (those not stored since). Returns the store's error.
  Status Start();

  // After the consumer has finished every item Next() returned (stored or
  // dead-lettered; on a cluster, published): saves each feed's state with only the entries never
  // handed out still pending. Not called when the pipeline failed, so that
  // the pending entries are tried again.
  void Finish();

  Result<std::optional<ingest::SourceItem>> Next() override;
  std::string Checkpoint() const override { return ""; }
  Status Resume(std::string_view) override { return Status::Ok(); }
  ingest::SourceProgress Progress() const override;

  // Earliest next due time over all the feeds (0 when there are none).
  std::int64_t NextDueUnixS() const;

  // First failure while saving feed states (the run reports it).
  const Status& store_status() const { return store_status_; }

 private:
  struct EntryHint {
    std::string feed_url;
    ingest::PendingEntry entry;
    bool delivered = false;  // Handed out by Next().
  };
  struct Ready {
    std::size_t hint;  // Index in articles_.
    ingest::SourceItem item;
  };

  void OnResponse(ingest::FetchResponse&& response);
  // Queues `request` with the fetcher, noting when (for the metrics).
  void AddRequest(ingest::FetchRequest request);
  // Seconds since the request tagged `tag` was queued; forgets it.
  double TakeElapsed(std::uint64_t tag);
  void OnFeed(ingest::FetchResponse&& response);
  void OnArticle(ingest::FetchResponse&& response);
  void QueueNewEntries(const std::string& feed_url, const ingest::Feed& feed, ingest::FeedState* state,
                       std::size_t* new_entries);
  // Queues the article of `entry` for fetching; false if it was queued already.
  bool QueueArticle(const std::string& feed_url, ingest::PendingEntry entry);
  // Saves the state with `pending` set from this pass's entries of the
  // feed: all of them, or (`only_undelivered`) those never handed out.
  void SaveState(const std::string& feed_url, ingest::FeedState& state, bool only_undelivered = false);

  const CrawlOptions options_;
  std::unique_ptr<ingest::HttpFetcher> fetcher_;
  ingest::FeedStateStore* const states_store_;
  const ArticleFetch article_fetch_;
  Logger* const log_;
  CrawlReport* const report_;
  const std::stop_token stop_;
  std::vector<std::string> feed_urls_;             // Indexed by request tag.
  std::map<std::string, ingest::FeedState> states_;        // By feed URL.
  std::vector<EntryHint> articles_;                // Indexed by article tag.
  std::map<std::string, std::vector<std::size_t>> feed_articles_;  // Feed URL -> articles_ indexes.
  std::set<std::string> queued_urls_;              // Canonical URLs fetched this run.
  std::deque<Ready> ready_;
  std::unordered_map<std::uint64_t, std::chrono::steady_clock::time_point> queued_at_;  // By tag.
  std::uint64_t items_done_ = 0;
  Status store_status_;
};

// Feed states in the article store (its feed-state family), for the
// in-process crawl.
class StoreFeedStates final : public ingest::FeedStateStore {
 public:
  explicit StoreFeedStates(store::ArticleStore* store) : store_(store) {}
  Result<std::optional<std::string>> Get(const std::string& feed_url) override {
    return store_->GetFeedState(feed_url);
  }
  Status Put(const std::string& feed_url, std::string_view state_json) override {
    return store_->PutFeedState(feed_url, state_json);
  }
  Result<bool> Stored(const std::string& url) override { return store_->ContainsUrl(url); }

 private:
  store::ArticleStore* const store_;
};

}  // namespace newsx::pipelines::internal
