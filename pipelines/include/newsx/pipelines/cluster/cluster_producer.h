#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>
#include <stop_token>

#include "newsx/core/result.h"
#include "newsx/ingest/document_source.h"
#include "newsx/pipelines/cluster/cluster_options.h"
#include "newsx/pipelines/logger.h"

namespace newsx::pipelines::cluster {

struct ProduceReport {
  std::uint64_t read = 0;          // Items read from the source.
  std::uint64_t published = 0;     // Pages stored by the stream.
  std::uint64_t deduplicated = 0;  // Pages the stream already had (same message id).
  std::uint64_t failed = 0;        // Items sent as dead letters instead (unreadable, too big).
  std::uint64_t filtered = 0;      // Items left out by ProduceOptions::hosts.
  bool resumed = false;            // Started from a saved checkpoint.
  std::uint64_t bytes = 0;         // Page message bytes published.
  bool interrupted = false;
  double elapsed_s = 0;
};

// Called about every second with the report so far and the page stream's depth.
using ProduceProgressFn = std::function<void(const ProduceReport& so_far, std::uint64_t depth)>;

// What a producer keeps besides the items it publishes.
struct ProduceOptions {
  // Names the producer's checkpoint (the source's position after the last
  // item the cluster confirmed), kept in the key-value bucket
  // NEWSX_PRODUCERS so that it survives the producer's machine; empty: none.
  std::string checkpoint_name;
  // Items between checkpoint saves (and one at the end). Default: 200.
  int checkpoint_every_items = 200;
  // Start from the checkpoint saved under checkpoint_name, if any (a
  // warning when there is none). Default: false.
  bool resume = false;
  // Publish only items whose URL is on one of these hosts (UrlOnHosts);
  // items without a web URL pass. Empty: all.
  std::vector<std::string> hosts;
};

// Publishes every item of `source` to NEWSX_PAGES (URL-only items to their
// host's NEWSX_FETCH partition, for the fetch workers), each with a message
// id derived from its position and URL (PageMessageId), after creating the
// streams if needed. Items that cannot be read go to NEWSX_RECORDS as dead
// letters, so the store records them. Waits while the page stream holds
// options.max_pending_pages messages. Returns an error when the source
// fails as a whole or the cluster refuses a publish past
// options.publish_timeout_ms; what was published stays published, and the
// checkpoint (produce.checkpoint_name) never passes an item not confirmed,
// so a re-run with produce.resume continues without a gap (items after
// the last save are published again and dropped by their message ids).
Result<ProduceReport> PublishSource(ingest::DocumentSource& source, const ClusterOptions& options,
                                    Logger& log, std::stop_token stop,
                                    const ProduceProgressFn& progress = nullptr,
                                    const ProduceOptions& produce = {});

}  // namespace newsx::pipelines::cluster
