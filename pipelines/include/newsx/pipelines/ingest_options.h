#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "newsx/core/status.h"

namespace newsx::pipelines {

// How RunIngest runs (ingest_pipeline.h). Its worker defaults are also the
// defaults of the config file's [workers] section (config.h).
struct IngestOptions {
  int extract_workers = 2;  // Default: 2.
  int store_workers = 1;    // Default: 1.
  int queue_capacity = 64;  // Per queue. Default: 64.
  // Name under which the resume point is stored ("" = no checkpoints).
  std::string checkpoint_name;
  bool resume = false;                 // Continue from the stored checkpoint.
  int checkpoint_every_items = 200;    // Default: 200.
  // Keep only articles published (else captured) in [since, until), and
  // whose canonical URL host is one of `hosts` (suffix match). Unset = all.
  std::optional<std::int64_t> since_unix_s;
  std::optional<std::int64_t> until_unix_s;
  std::vector<std::string> hosts;
  // Called for each item that became a dead letter (stage, error), from
  // the worker that failed it: a metrics hook. Unset: none.
  std::function<void(const std::string& stage, const Status& error)> on_failure;

  Status Validate() const;
};

}  // namespace newsx::pipelines
