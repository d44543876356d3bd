#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <stop_token>
#include <string>
#include <vector>

#include "newsx/ingest/document_source.h"
#include "newsx/ingest/feed_parser.h"
#include "newsx/ingest/http_fetcher.h"
#include "newsx/pipelines/crawl.h"
#include "newsx/pipelines/logger.h"
#include "newsx/store/article_store.h"

namespace newsx::pipelines::internal {

// The crawl as a document source: it fetches the due feeds, then each new
// entry's page, all on one HttpFetcher driven from Next(), and yields the
// fetched pages (needs_fetch = false) or per-article failures. Feed states
// are written to the store as each feed finishes. No checkpoints: feed
// states are the crawl's memory. Not thread-safe (one consumer).
class CrawlSource final : public ingest::DocumentSource {
 public:
  // `store`, `log` and `report` must outlive the source; `report` receives
  // the feed and article counters.
  CrawlSource(const CrawlOptions& options, std::unique_ptr<ingest::HttpFetcher> fetcher,
              store::ArticleStore* store, Logger* log, CrawlReport* report, std::stop_token stop);

  // Loads the states of `feeds` and queues the due ones. Returns the store's error.
  Status Start();

  Result<std::optional<ingest::SourceItem>> Next() override;
  std::string Checkpoint() const override { return ""; }
  Status Resume(std::string_view) override { return Status::Ok(); }
  ingest::SourceProgress Progress() const override;

  // Earliest next due time over all the feeds (0 when there are none).
  std::int64_t NextDueUnixS() const;

  // First store failure while saving feed states (the run reports it).
  const Status& store_status() const { return store_status_; }

 private:
  struct EntryHint {
    std::string feed_url;
    std::string title;
    std::string published;
    std::string canonical_url;
    bool delivered = false;
  };

  void OnResponse(ingest::FetchResponse&& response);
  void OnFeed(ingest::FetchResponse&& response);
  void OnArticle(ingest::FetchResponse&& response);
  void QueueNewEntries(const std::string& feed_url, const ingest::Feed& feed, FeedState* state,
                       std::size_t* new_entries);
  void SaveState(const std::string& feed_url, const FeedState& state);
  // On a stop request: forgets the entries whose article was not fetched
  // yet, and makes their feeds due again without validators, so that the
  // next run picks them up.
  void ReleaseUndelivered();

  const CrawlOptions options_;
  std::unique_ptr<ingest::HttpFetcher> fetcher_;
  store::ArticleStore* const store_;
  Logger* const log_;
  CrawlReport* const report_;
  const std::stop_token stop_;
  std::vector<std::string> feed_urls_;             // Indexed by request tag.
  std::map<std::string, FeedState> states_;        // By feed URL.
  std::vector<EntryHint> articles_;                // Indexed by tag - feed count.
  std::set<std::string> queued_urls_;              // Canonical URLs fetched this run.
  std::deque<ingest::SourceItem> ready_;
  std::uint64_t items_done_ = 0;
  Status store_status_;
};

}  // namespace newsx::pipelines::internal
