// `newsx config check|show|reference`: validate a config file, print the effective
// settings, print the settings reference (docs/configuration.md).

#include <cstdio>

#include "cli_context.h"
#include "newsx/pipelines/config_settings.h"
#include "newsx/pipelines/lexicon_loader.h"

namespace newsx::cli {

Command AddConfigCommand(CLI::App& root) {
  CLI::App* app = root.add_subcommand("config", "Check or show the configuration");
  app->require_subcommand(1);
  app->add_subcommand(
      "check", "Validate the config file given with --config (syntax, types, ranges, unknown "
               "keys) and that its lexicon folders load; exit 2 if anything is wrong");
  CLI::App* show = app->add_subcommand("show", "Print the effective settings as TOML");
  CLI::App* reference = app->add_subcommand(
      "reference", "Print every setting with its type, default, range and meaning (Markdown; "
                   "docs/configuration.md)");
  return Command{app, [show, reference](const CliContext& ctx) {
                   if (show->parsed()) {
                     std::fputs(pipelines::ConfigToToml(ctx.config()).c_str(), stdout);
                     return kExitOk;
                   }
                   if (reference->parsed()) {
                     std::fputs(pipelines::ConfigReferenceMarkdown().c_str(), stdout);
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
