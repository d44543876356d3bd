#include "cli_context.h"

#include <cstdlib>
#include <iostream>

#include "newsx/pipelines/lexicon_loader.h"

namespace newsx::cli {

Result<std::unique_ptr<CliContext>> CliContext::Create(const GlobalFlags& flags) {
  std::unique_ptr<CliContext> ctx(new CliContext());
  ctx->config_path_ = flags.config_path;
  if (!flags.config_path.empty()) {
    NEWSX_ASSIGN_OR_RETURN(ctx->config_, pipelines::LoadConfigFile(flags.config_path));
  }
  pipelines::Config& c = ctx->config_;
  if (!flags.db_path.empty()) c.db_path = flags.db_path;
  for (const std::string& dir : flags.lexicon_dirs) c.lexicon_dirs.push_back(dir);
  if (flags.workers > 0) c.extract_workers = flags.workers;
  if (flags.quiet) c.log_level = "error";
  if (flags.verbose) c.log_level = "debug";
  if (!flags.log_format.empty()) c.log_format = flags.log_format;
  NEWSX_RETURN_IF_ERROR(c.Validate());
  pipelines::LogLevel level = pipelines::LogLevel::kInfo;
  if (c.log_level == "debug") level = pipelines::LogLevel::kDebug;
  if (c.log_level == "warn") level = pipelines::LogLevel::kWarn;
  if (c.log_level == "error") level = pipelines::LogLevel::kError;
  ctx->logger_ = std::make_unique<pipelines::Logger>(&std::cerr, level, c.log_format == "json");
  ctx->shutdown_ = std::make_unique<pipelines::ShutdownSignal>([] {
    // A second Ctrl-C: the user does not want to wait for the drain.
    std::_Exit(kExitInterrupted);
  });
  return ctx;
}

Result<std::unique_ptr<extract::ArticleExtractor>> CliContext::MakeExtractor(
    const extract::HtmlExtractOptions& html) const {
  extract::ExtractorOptions options;
  options.html = html;
  NEWSX_ASSIGN_OR_RETURN(options.analyzer.lexicons,
                         pipelines::LoadLexiconDirs(config_.lexicon_dirs));
  return extract::ArticleExtractor::Create(options);
}

int ReportError(const CliContext& ctx, const Status& status, std::string_view item) {
  ctx.log().Error(status.ToString(), {{"item", item}});
  return kExitFailure;
}

}  // namespace newsx::cli
