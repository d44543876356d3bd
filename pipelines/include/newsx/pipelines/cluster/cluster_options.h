#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "newsx/core/status.h"

namespace newsx::pipelines::cluster {

// Where the JetStream servers are and how the streams and consumers that
// carry items between stages are configured (docs/scaleout.md explains
// each choice). Streams and consumers are created by the first process that
// needs them; later processes use them as they are.
//
//   stream NEWSX_PAGES    subject newsx.pages          work queue, consumer "extract"
//   stream NEWSX_RECORDS  subjects newsx.records.>     work queue, consumer "store"
//     newsx.records.article  one extracted article with its raw page
//     newsx.records.dead     one dead letter (DeadLetter JSON)
//   stream NEWSX_FETCH    subjects newsx.fetch.<P>     work queue, consumer "fetch-<P>" each
//     one URL to fetch (a page frame without body), P = host hash partition;
//     a fetch worker holds a partition only under its lease in the KV
//     bucket NEWSX_FETCH_LEASES, so one host's requests come from one worker
struct ClusterOptions {
  // Comma-separated server URLs ("nats://127.0.0.1:4222,nats://..."); the
  // client fails over between them. Default: nats://127.0.0.1:4222.
  std::string urls = "nats://127.0.0.1:4222";
  // Replicas of each stream when this process creates it (1, 3 or 5 on a
  // cluster; 1 on a single server). Default: 1.
  int replicas = 1;
  // A message delivered more than this many times without an ack (its
  // worker died on it or kept timing out) becomes a dead letter instead of
  // being processed again. Default: 5.
  int max_deliver = 5;
  // How long a worker may hold a message before the server redelivers it
  // to another worker. Workers send progress on long items. Default: 30 s.
  int ack_wait_ms = 30'000;
  // JetStream de-duplication window for message ids. Default: 20 min.
  std::int64_t duplicate_window_ms = 20 * 60 * 1000;
  // Limit of each stream; a full stream refuses new messages (the producer
  // waits). Default: 4 GiB.
  std::int64_t max_stream_bytes = 4LL << 30;
  // Producers pause while the page stream holds this many messages
  // (backpressure towards the source). Default: 20,000.
  std::int64_t max_pending_pages = 20'000;
  // How long one publish or API call may wait for the server, including
  // a leader election after a server loss (retried until then). Default: 60 s.
  int publish_timeout_ms = 60'000;
  // Messages a worker asks for at once. Default: 16.
  int fetch_batch = 16;
  // How long a fetch worker's partition lease lives without renewal (a
  // killed worker's partitions pass to others after this); renewed every
  // third of it. Keep it above the per-host delay. Default: 15 s.
  int lease_ms = 15'000;
  // Client name shown by the server (monitoring). Default: "newsx".
  std::string client_name = "newsx";

  // The server URLs of `urls`, split on commas, blanks trimmed, empty
  // entries dropped (in order).
  std::vector<std::string> Servers() const;

  // kInvalidArgument naming the first bad field (no server URL among them).
  Status Validate() const;
};

// Stream, subject and consumer names (fixed: every process must agree).
inline constexpr const char* kPagesStream = "NEWSX_PAGES";
inline constexpr const char* kPagesSubject = "newsx.pages";
inline constexpr const char* kRecordsStream = "NEWSX_RECORDS";
inline constexpr const char* kRecordsSubjects = "newsx.records.>";
inline constexpr const char* kArticleSubject = "newsx.records.article";
inline constexpr const char* kDeadSubject = "newsx.records.dead";
inline constexpr const char* kExtractConsumer = "extract";
inline constexpr const char* kStoreConsumer = "store";
inline constexpr const char* kFetchStream = "NEWSX_FETCH";
inline constexpr const char* kFetchSubjects = "newsx.fetch.>";
inline constexpr const char* kLeaseBucket = "NEWSX_FETCH_LEASES";
// Producers' memory, kept on the cluster (no expiry): backfill checkpoints
// and, for `crawl --nats`, the feed states.
inline constexpr const char* kProducerBucket = "NEWSX_PRODUCERS";
// Host hash partitions of the fetch stream (fixed: every process must agree).
inline constexpr int kFetchPartitions = 16;

}  // namespace newsx::pipelines::cluster
