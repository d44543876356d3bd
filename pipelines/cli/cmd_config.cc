// `newsx config check|show`: validate a config file, print the effective settings.

#include <cstdio>

#include "cli_context.h"
#include "newsx/pipelines/lexicon_loader.h"

namespace newsx::cli {

namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += "\"" + items[i] + "\"";
  }
  return out + "]";
}

void PrintConfig(const pipelines::Config& c) {
  std::printf("[store]\npath = \"%s\"\n\n", c.db_path.c_str());
  std::printf("[workers]\nextract = %d\nstore = %d\nqueue_capacity = %d\n\n", c.extract_workers,
              c.store_workers, c.queue_capacity);
  std::printf("[lexicons]\ndirs = %s\n\n", Join(c.lexicon_dirs).c_str());
  std::printf(
      "[politeness]\nuser_agent = \"%s\"\nper_host_concurrency = %d\nper_host_delay_ms = %d\n"
      "max_crawl_delay_s = %d\nrespect_robots = %s\ntimeout_ms = %d\nmax_body_bytes = %lld\n\n",
      c.user_agent.c_str(), c.per_host_concurrency, c.per_host_delay_ms, c.max_crawl_delay_s,
      c.respect_robots ? "true" : "false", c.timeout_ms, static_cast<long long>(c.max_body_bytes));
  std::printf("[crawl]\nfeeds = %s\nfeed_list = \"%s\"\nmin_interval_s = %d\nmax_interval_s = %d\n"
              "max_concurrent_transfers = %d\n\n",
              Join(c.feeds).c_str(), c.feed_list.c_str(), c.min_interval_s, c.max_interval_s,
              c.max_concurrent_transfers);
  std::printf("[log]\nlevel = \"%s\"\nformat = \"%s\"\n", c.log_level.c_str(),
              c.log_format.c_str());
}

}  // namespace

Command AddConfigCommand(CLI::App& root) {
  CLI::App* app = root.add_subcommand("config", "Check or show the configuration");
  app->require_subcommand(1);
  app->add_subcommand(
      "check", "Validate the config file given with --config (syntax, types, ranges, unknown "
               "keys) and that its lexicon folders load; exit 2 if anything is wrong");
  CLI::App* show = app->add_subcommand("show", "Print the effective settings as TOML");
  return Command{app, [show](const CliContext& ctx) {
                   if (show->parsed()) {
                     PrintConfig(ctx.config());
                     return kExitOk;
                   }
                   // The file itself was validated when the context was made; what is
                   // left is whether the lexicons it names load and compile.
                   auto extractor = ctx.MakeExtractor();
                   if (!extractor.ok()) {
                     ReportError(ctx, extractor.status(), "lexicons");
                     return kExitUsage;
                   }
                   const std::string& file = ctx.config_path();
                   std::printf("config ok: %s\n",
                               file.empty() ? "(no --config file: defaults)" : file.c_str());
                   return kExitOk;
                 }};
}

}  // namespace newsx::cli
