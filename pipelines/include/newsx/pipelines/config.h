#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "newsx/core/result.h"
#include "newsx/ingest/fetch_options.h"
#include "newsx/pipelines/ingest_options.h"

namespace newsx::pipelines {

// Settings of a newsx run, from a TOML file overridden by command-line flags.
// Every field has a default, so an absent file or section means defaults.
// Which key sets which field, its range and its meaning are one row each in
// config_settings.cc (docs/configuration.md is generated from it); a field
// that belongs to another module's options takes its default from there.
struct Config {
  // [store]
  std::string db_path = "newsx-data";

  // [workers]: the defaults of RunIngest.
  int extract_workers = IngestOptions{}.extract_workers;
  int store_workers = IngestOptions{}.store_workers;
  int queue_capacity = IngestOptions{}.queue_capacity;

  // [lexicons]
  std::vector<std::string> lexicon_dirs;

  // [politeness] and crawl.max_concurrent_transfers: the HTTP client's
  // options, defaults included (ingest/fetch_options.h).
  ingest::FetchOptions fetch;

  // [crawl]
  std::vector<std::string> feeds;
  std::string feed_list;
  int min_interval_s = 600;
  int max_interval_s = 86400;

  // [log]
  std::string log_level = "info";
  std::string log_format = "text";

  // Returns kInvalidArgument naming the first offending setting (the ranges
  // of the settings table, then what spans settings).
  Status Validate() const;
};

// Parses TOML text. `origin` names the file in messages. Unknown sections
// or keys, wrong types and values out of range are kInvalidArgument with the
// line and column, all of them, one a line.
Result<Config> ParseConfig(std::string_view toml_text, std::string_view origin);

// The HTTP client settings of a config ([politeness] and [crawl]).
inline const ingest::FetchOptions& FetchOptionsFromConfig(const Config& config) {
  return config.fetch;
}

// Reads and parses a config file; kNotFound if it does not exist.
Result<Config> LoadConfigFile(const std::string& path);

}  // namespace newsx::pipelines
