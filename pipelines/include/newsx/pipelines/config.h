#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "newsx/core/result.h"
#include "newsx/ingest/fetch_options.h"

namespace newsx::pipelines {

// Settings of a newsx run, from a TOML file (see README "Configuration")
// overridden by command-line flags. Every field has a default, so an absent
// file or section means defaults.
struct Config {
  // [store]
  std::string db_path = "newsx-data";  // Default: ./newsx-data.

  // [workers]
  int extract_workers = 2;  // Threads parsing and analysing pages. Default: 2.
  int store_workers = 1;    // Threads writing to RocksDB. Default: 1.
  int queue_capacity = 64;  // Items buffered between two stages. Default: 64.

  // [lexicons]
  std::vector<std::string> lexicon_dirs;  // Extra lexicon/rule folders. Default: none.

  // [politeness]
  std::string user_agent = "newsx/0.1 (+https://github.com/newsx/newsx)";
  int per_host_concurrency = 2;      // Default: 2.
  int per_host_delay_ms = 1000;      // Between requests to one host. Default: 1000.
  int max_crawl_delay_s = 30;        // Cap on robots.txt Crawl-delay. Default: 30.
  bool respect_robots = true;        // Default: true.
  int timeout_ms = 30000;            // Whole transfer. Default: 30000.
  std::int64_t max_body_bytes = 16ll << 20;  // Default: 16 MiB.

  // [crawl]
  std::vector<std::string> feeds;    // Feed URLs.
  std::string feed_list;             // Path of a plain list or OPML file of feeds.
  int min_interval_s = 600;          // Adaptive poll interval bounds. Default: 600.
  int max_interval_s = 86400;        // Default: 86400.
  int max_concurrent_transfers = 32; // Default: 32.

  // [log]
  std::string log_level = "info";    // debug, info, warn, error. Default: info.
  std::string log_format = "text";   // text or json. Default: text.

  // Returns kInvalidArgument naming the first offending setting.
  Status Validate() const;
};

// Parses TOML text. `origin` names the file in messages. Unknown sections
// or keys and wrong types are kInvalidArgument with the line and column.
Result<Config> ParseConfig(std::string_view toml_text, std::string_view origin);

// The HTTP client settings of a config ([politeness] and [crawl]).
ingest::FetchOptions FetchOptionsFromConfig(const Config& config);

// Reads and parses a config file; kNotFound if it does not exist.
Result<Config> LoadConfigFile(const std::string& path);

}  // namespace newsx::pipelines
