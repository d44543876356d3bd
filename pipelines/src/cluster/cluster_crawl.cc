#include "newsx/pipelines/cluster/cluster_crawl.h"

#include "crawl/crawl_source.h"
#include "nats_client.h"
#include "newsx/core/hash.h"
#include "publish_items.h"

namespace newsx::pipelines::cluster {

namespace {

// Feed states in the cluster's NEWSX_PRODUCERS bucket. Whether an article
// is stored cannot be known without the store: each new entry's URL is
// published, and the feed's seen URLs, message ids and the idempotent store
// keep it from being stored twice.
class ClusterFeedStates final : public ingest::FeedStateStore {
 public:
  explicit ClusterFeedStates(internal::KeyValue* kv) : kv_(kv) {}
  Result<std::optional<std::string>> Get(const std::string& feed_url) override {
    return kv_->Get(Key(feed_url));
  }
  Status Put(const std::string& feed_url, std::string_view state_json) override {
    return kv_->Put(Key(feed_url), state_json);
  }
  Result<bool> Stored(const std::string&) override { return false; }

 private:
  static std::string Key(const std::string& feed_url) { return "feed." + Hash128Hex(feed_url); }

  internal::KeyValue* const kv_;
};

}  // namespace

Result<ClusterCrawlReport> RunClusterCrawlPass(const CrawlOptions& crawl,
                                               const ClusterOptions& options, Logger& log,
                                               std::stop_token stop) {
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<ingest::HttpFetcher> fetcher,
                         ingest::HttpFetcher::Create(crawl.fetch));
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<internal::NatsClient> client,
                         internal::NatsClient::Connect(options));
  NEWSX_RETURN_IF_ERROR(client->EnsureTopology(stop));
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<internal::KeyValue> kv,
                         client->OpenKeyValue(kProducerBucket, 0));
  ClusterFeedStates states(kv.get());
  ClusterCrawlReport report;
  pipelines::internal::CrawlSource source(crawl, std::move(fetcher), &states, &log, &report.crawl, stop,
                               pipelines::internal::ArticleFetch::kElsewhere);
  NEWSX_RETURN_IF_ERROR(source.Start());
  NEWSX_ASSIGN_OR_RETURN(report.produce,
                         internal::PublishItems(*client, source, ProduceOptions{}, log, stop,
                                                nullptr));
  // Every URL handed out is confirmed by the stream now. After a stop the
  // last one handed out may not be: the pass's entries all stay pending
  // and the next pass publishes them again (their ids make that harmless).
  if (!report.produce.interrupted) source.Finish();
  NEWSX_RETURN_IF_ERROR(source.store_status());
  report.crawl.next_due_unix_s = source.NextDueUnixS();
  if (crawl.metrics != nullptr) crawl.metrics->PassFinished(report.crawl);
  return report;
}

}  // namespace newsx::pipelines::cluster
