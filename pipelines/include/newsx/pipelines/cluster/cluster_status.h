#pragma once

#include <cstdint>
#include <stop_token>
#include <string>
#include <vector>

#include "newsx/core/result.h"
#include "newsx/pipelines/cluster/cluster_options.h"

namespace newsx::pipelines::cluster {

struct StreamStatus {
  std::string name;
  std::uint64_t messages = 0;  // Waiting or in flight (work queue: acked ones are gone).
  std::uint64_t bytes = 0;
  std::uint64_t last_seq = 0;  // Messages ever stored.
  std::int64_t replicas = 0;
  std::string leader;
};

struct ConsumerStatus {
  std::string stream;
  std::string name;
  std::uint64_t pending = 0;      // Not yet delivered.
  std::int64_t ack_pending = 0;   // Delivered, not yet acknowledged.
  std::int64_t redelivered = 0;   // Of those, delivered more than once.
  std::int64_t waiting = 0;       // Pull requests waiting (idle worker threads).
  std::uint64_t delivered = 0;    // Deliveries so far (including redeliveries).
  std::uint64_t ack_floor = 0;
};

struct ClusterStatus {
  std::vector<StreamStatus> streams;
  std::vector<ConsumerStatus> consumers;
};

// Creates the streams and consumers with `options` (replicas, ack wait,
// de-duplication window, limits) unless they exist. Workers and producers
// do the same with their options on start.
Status CreateTopology(const ClusterOptions& options);

// Depth, redeliveries and consumers of the newsx streams. kNotFound when
// the streams do not exist yet; kUnavailable when no server answers.
Result<ClusterStatus> GetClusterStatus(const ClusterOptions& options);

// Waits until every URL, page and record published so far is processed and
// acknowledged: the fetch stream is empty, then the page stream, then the
// record stream (each item is acked only after its output is published
// downstream, so in this order nothing can be in between). Returns true
// when drained, false after `timeout_ms` or a stop request.
Result<bool> WaitUntilDrained(const ClusterOptions& options, int timeout_ms,
                              std::stop_token stop);

}  // namespace newsx::pipelines::cluster
