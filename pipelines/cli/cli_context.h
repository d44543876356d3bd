#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "newsx/core/result.h"
#include "newsx/extract/article_extractor.h"
#include "newsx/pipelines/config.h"
#include "newsx/pipelines/logger.h"
#include "newsx/pipelines/shutdown.h"

namespace newsx::cli {

// Process exit codes of every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // Runtime failure.
inline constexpr int kExitUsage = 2;    // Bad flags, arguments or config.
inline constexpr int kExitInterrupted = 130;  // Stopped by SIGINT/SIGTERM after draining.

// Flags shared by every subcommand; they override the config file.
struct GlobalFlags {
  std::string config_path;
  std::string db_path;
  std::vector<std::string> lexicon_dirs;
  int workers = 0;  // Extract workers; 0 = from config.
  bool quiet = false;
  bool verbose = false;
  std::string log_format;
};

// What a subcommand needs from main(): the effective config and a logger.
class CliContext {
 public:
  // Loads the config file (if any) and applies the flags, and installs the
  // signal handling; call before starting any thread. Returns
  // kInvalidArgument / kNotFound with a message for the user.
  static Result<std::unique_ptr<CliContext>> Create(const GlobalFlags& flags);

  const pipelines::Config& config() const { return config_; }
  // The --config file given, or "".
  const std::string& config_path() const { return config_path_; }
  pipelines::Logger& log() const { return *logger_; }

  // SIGINT/SIGTERM as a stop request for long-running commands.
  pipelines::ShutdownSignal& shutdown() const { return *shutdown_; }

  // Builds the extractor with the built-in and configured lexicons and the
  // given page options (content format, comments: html_extractor.h).
  Result<std::unique_ptr<extract::ArticleExtractor>> MakeExtractor(
      const extract::HtmlExtractOptions& html = {}) const;

 private:
  CliContext() = default;
  pipelines::Config config_;
  std::string config_path_;
  std::unique_ptr<pipelines::Logger> logger_;
  std::unique_ptr<pipelines::ShutdownSignal> shutdown_;
};

// A subcommand: registered on the app, run if the user chose it.
struct Command {
  CLI::App* app = nullptr;
  // Returns an exit code. Runs after parsing succeeded.
  std::function<int(const CliContext&)> run;
};

// Each subcommand lives in its own cmd_*.cc.
Command AddExtractCommand(CLI::App& root);
Command AddBackfillCommand(CLI::App& root);
Command AddQueryCommand(CLI::App& root);
Command AddStatsCommand(CLI::App& root);
Command AddConfigCommand(CLI::App& root);
Command AddExportCommand(CLI::App& root);
Command AddReprocessCommand(CLI::App& root);
Command AddVerifyCommand(CLI::App& root);
Command AddFeedCommand(CLI::App& root);
Command AddCrawlCommand(CLI::App& root);
Command AddServeCommand(CLI::App& root);
Command AddWorkerCommand(CLI::App& root);   // cmd_cluster.cc
Command AddClusterCommand(CLI::App& root);

// Prints `status` for `item` on stderr through the logger and returns
// kExitFailure (or kExitUsage for kInvalidArgument of user input when
// `usage` is true).
int ReportError(const CliContext& ctx, const Status& status, std::string_view item);

}  // namespace newsx::cli
