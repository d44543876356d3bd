// `newsx reprocess`: re-extract stored raw pages with the current extractor
// and replace what was derived from them (the reprocess job,
// newsx/pipelines/jobs/reprocess_job.h).

#include <cstdio>

#include "cli_context.h"
#include "newsx/pipelines/jobs/reprocess_job.h"
#include "newsx/store/article_store.h"

namespace newsx::cli {

namespace {

struct ReprocessFlags {
  std::string since, until;
};

int Run(const ReprocessFlags& flags, const CliContext& ctx) {
  auto window = pipelines::ParseTimeWindow(flags.since, flags.until);
  if (!window.ok()) {
    ctx.log().Error(window.status().message());
    return kExitUsage;
  }
  auto extractor = ctx.MakeExtractor();
  if (!extractor.ok()) return ReportError(ctx, extractor.status(), "lexicons");
  auto store = store::ArticleStore::Open({.path = ctx.config().db_path, .create_if_missing = false});
  if (!store.ok()) return ReportError(ctx, store.status(), ctx.config().db_path);
  const pipelines::ReprocessOptions options{.window = *window,
                                            .workers = ctx.config().extract_workers};
  auto r = pipelines::ReprocessArticles(**store, **extractor, options, ctx.shutdown().token());
  if (!r.ok()) return ReportError(ctx, r.status(), "reprocess");
  std::printf("reprocess: %zu selected, %llu re-extracted, %llu failed (kept as they were), "
              "%llu records changed in %.2f s%s\n",
              r->selected, static_cast<unsigned long long>(r->reextracted),
              static_cast<unsigned long long>(r->failed),
              static_cast<unsigned long long>(r->changes), r->elapsed_s,
              r->interrupted ? " (interrupted)" : "");
  return r->interrupted ? kExitInterrupted : kExitOk;
}

}  // namespace

Command AddReprocessCommand(CLI::App& root) {
  auto flags = std::make_shared<ReprocessFlags>();
  CLI::App* app = root.add_subcommand(
      "reprocess",
      "Re-extract stored raw pages with the current extractor and lexicons, replacing the "
      "articles, mentions and events derived from them (unchanged results change nothing)");
  app->add_option("--since", flags->since, "Only articles published (else fetched) at or after");
  app->add_option("--until", flags->until, "Only articles published (else fetched) before");
  return Command{app, [flags](const CliContext& ctx) { return Run(*flags, ctx); }};
}

}  // namespace newsx::cli
