#pragma once

#include <atomic>
#include <cstdint>
#include <stop_token>

#include "newsx/core/result.h"
#include "newsx/extract/article_extractor.h"
#include "newsx/ingest/fetch_options.h"
#include "newsx/pipelines/cluster/cluster_options.h"
#include "newsx/pipelines/ingest_pipeline.h"
#include "newsx/pipelines/logger.h"
#include "newsx/store/article_store.h"

namespace newsx::pipelines::cluster {

// Live counters of one worker process (all threads). Thread-safe.
struct WorkerCounters {
  std::atomic<std::uint64_t> received{0};     // Messages taken from the stream.
  std::atomic<std::uint64_t> redeliveries{0}; // Of those, delivered more than once.
  std::atomic<std::uint64_t> acked{0};
  std::atomic<std::uint64_t> published{0};    // Extract: records published downstream.
  std::atomic<std::uint64_t> dead_letters{0}; // Published (extract) or written (store).
  std::atomic<std::uint64_t> payload_bytes_in{0};
  std::atomic<std::uint64_t> payload_bytes_out{0};
  // Store worker: what the store made of the records (see StoreCounts).
  std::atomic<std::uint64_t> new_articles{0};
  std::atomic<std::uint64_t> changed{0};
  std::atomic<std::uint64_t> unchanged{0};
  std::atomic<std::uint64_t> duplicates{0};
  // Fetch worker: partitions whose lease it holds now.
  std::atomic<std::int64_t> partitions{0};
};

struct WorkerOptions {
  int threads = 1;  // Consumer threads, each with its own pull subscription. Default: 1.
};

// The extract stage as a worker: takes pages from NEWSX_PAGES, runs the
// same extractor the in-process pipeline runs, publishes the record (or a
// dead letter) to NEWSX_RECORDS and acks the page only once the server has
// acknowledged that publish: a worker killed at any point loses nothing
// (the page is redelivered) and duplicates nothing downstream (the record's
// message id is derived from the page's, so the server drops a repeat).
// Runs until `stop`; returns an error only when the cluster stays
// unreachable past options.publish_timeout_ms at start-up. `counters`
// (not null) must outlive the call. Thread-safe use of `extractor`.
Status RunExtractWorker(const ClusterOptions& options, const WorkerOptions& worker,
                        const extract::ArticleExtractor& extractor, Logger& log,
                        std::stop_token stop, WorkerCounters* counters);

struct FetchWorkerOptions {
  // Client and politeness settings, the same as the in-process fetch stage's.
  ingest::FetchOptions fetch;
  // URLs taken from the stream and not yet done, all hosts. Default: 32.
  int max_in_flight = 32;
};

// The fetch stage as a worker: takes URLs from the NEWSX_FETCH partitions
// whose lease it holds (NEWSX_FETCH_LEASES; a fair share of
// kFetchPartitions among the live fetch workers, rebalanced every third of
// options.lease_ms), fetches them with one HttpFetcher (per-host
// concurrency, delay and robots.txt as in process; since all URLs of a
// host are in one partition and a partition has one holder, they hold
// across all fetch workers), and publishes each page to NEWSX_PAGES (or
// its failure as a dead letter) before acking the URL. A partition given
// up is released only per_host_delay_ms after its last request ended.
// Runs until `stop` (in-flight URLs are handed back, leases released).
Status RunFetchWorker(const ClusterOptions& options, const FetchWorkerOptions& worker,
                      Logger& log, std::stop_token stop, WorkerCounters* counters);

// The store stage as a worker: takes records and dead letters from
// NEWSX_RECORDS, writes them to `store` (idempotent: a record seen twice is
// "unchanged") and acks after the write. A message delivered more than
// options.max_deliver times becomes a dead letter of stage "store". Returns
// an error when the store refuses a write (the message is not acked: it
// stays for the next store worker) or as RunExtractWorker.
Status RunStoreWorker(const ClusterOptions& options, store::ArticleStore& store, Logger& log,
                      std::stop_token stop, WorkerCounters* counters);

}  // namespace newsx::pipelines::cluster
