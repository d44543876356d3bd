#pragma once

#include <stop_token>

#include "newsx/core/result.h"
#include "newsx/pipelines/cluster/cluster_options.h"
#include "newsx/pipelines/cluster/cluster_producer.h"
#include "newsx/pipelines/crawl.h"
#include "newsx/pipelines/logger.h"

namespace newsx::pipelines::cluster {

struct ClusterCrawlReport {
  CrawlReport crawl;      // Feeds and entries (articles_fetched and ingest stay 0 here).
  ProduceReport produce;  // The new entries' URLs published to the fetch stream.
};

// One crawl pass whose articles the cluster's workers fetch, extract and
// store (`crawl --nats`): fetches the due feeds here (conditional GET,
// robots, per-host politeness), then publishes each new entry's URL with
// the feed's hints to its host's fetch partition, with a message id from
// the URL (JetStream drops a URL published again). The feed states live in
// the key-value bucket NEWSX_PRODUCERS, so any machine can run the next
// pass; an entry is pending in its feed's state from the moment the feed is
// read until the stream confirmed its URL, so a pass killed or stopped at
// any point publishes the rest next time. `crawl.ingest` is not used (the
// workers have their own settings). Returns an error when the cluster
// cannot be reached or refuses the feed states; per-feed failures are
// recorded in the feed states and the pass goes on.
Result<ClusterCrawlReport> RunClusterCrawlPass(const CrawlOptions& crawl,
                                               const ClusterOptions& options, Logger& log,
                                               std::stop_token stop);

}  // namespace newsx::pipelines::cluster
