// newsx: news ingestion and entity extraction. See README.md.

#include <iostream>
#include <vector>

#include "cli_context.h"
#include "newsx/ingest/http_fetcher.h"

namespace {

// The deepest parsed (sub)command that needs a subcommand but got none, and
// the first word it left unparsed: a mistyped command. Empty if none.
std::string UnknownCommand(const CLI::App& app) {
  const CLI::App* at = &app;
  while (true) {
    const std::vector<const CLI::App*> parsed = at->get_subcommands([](const CLI::App* sub) {
      return sub->parsed();
    });
    if (parsed.empty()) break;
    at = parsed.front();
  }
  if (at->get_require_subcommand_min() == 0) return "";
  const std::vector<std::string> rest = at->remaining();
  for (const std::string& word : rest) {
    if (!word.empty() && word[0] != '-') return word;
  }
  return "";
}

std::string CommandNames(const CLI::App& app) {
  const CLI::App* at = &app;
  while (true) {
    const std::vector<const CLI::App*> parsed = at->get_subcommands([](const CLI::App* sub) {
      return sub->parsed();
    });
    if (parsed.empty()) break;
    at = parsed.front();
  }
  std::string names;
  for (const CLI::App* sub : at->get_subcommands([](const CLI::App*) { return true; })) {
    names += (names.empty() ? "" : ", ") + sub->get_name();
  }
  return names;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace newsx::cli;
  CLI::App app{"newsx: fetch news, extract chips, firms, officials, quantities and events, "
               "store them in RocksDB and export them."};
  app.set_version_flag("--version", "newsx 0.1.0");
  app.require_subcommand(1);
  app.fallthrough();  // Global flags may also follow the subcommand.
  GlobalFlags flags;
  app.add_option("-c,--config", flags.config_path, "TOML config file");
  app.add_option("--db", flags.db_path, "Database directory (default ./newsx-data)");
  app.add_option("--lexicons", flags.lexicon_dirs, "Extra lexicon folder (repeatable)");
  app.add_option("-j,--workers", flags.workers, "Extract workers")->check(CLI::Range(1, 256));
  app.add_flag("-q,--quiet", flags.quiet, "Only log errors");
  app.add_flag("-v,--verbose", flags.verbose, "Log debug details");
  app.add_option("--log-format", flags.log_format, "Log format: text or json")
      ->check(CLI::IsMember({"text", "json"}));

  std::vector<Command> commands = {
      AddBackfillCommand(app),
      AddConfigCommand(app),
      AddExtractCommand(app),
      AddExportCommand(app),
      AddQueryCommand(app),
      AddReprocessCommand(app),
      AddStatsCommand(app),
      AddVerifyCommand(app),
      AddFeedCommand(app),
      AddCrawlCommand(app),
      AddServeCommand(app),
      AddWorkerCommand(app),
      AddClusterCommand(app),
  };

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 reports a mistyped command as "A subcommand is required"; name
    // the word it did not know, and the commands it knows.
    if (const std::string unknown = UnknownCommand(app); !unknown.empty()) {
      std::cerr << "newsx: unknown command \"" << unknown << "\"; commands: "
                << CommandNames(app) << "\nRun with --help for more information.\n";
      return kExitUsage;
    }
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  // libcurl's global set-up must happen before any thread starts (the
  // context starts the signal watcher).
  if (newsx::Status s = newsx::ingest::InitHttpGlobal(); !s.ok()) {
    std::cerr << "newsx: error: " << s.ToString() << "\n";
    return kExitFailure;
  }
  auto ctx = CliContext::Create(flags);
  if (!ctx.ok()) {
    std::cerr << "newsx: error: " << ctx.status().ToString() << "\n";
    return kExitUsage;
  }
  for (const Command& command : commands) {
    if (command.app->parsed()) {
      try {
        return command.run(**ctx);
      } catch (const std::exception& e) {
        std::cerr << "newsx: error: internal: " << e.what() << "\n";
        return kExitFailure;
      }
    }
  }
  return kExitUsage;
}
