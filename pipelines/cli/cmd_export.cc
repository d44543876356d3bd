// `newsx export`: the database as JSON Lines files, incrementally (the
// export job, newsx/pipelines/jobs/export_job.h).

#include <cstdio>
#include <string>

#include "cli_context.h"
#include "newsx/pipelines/jobs/export_job.h"

namespace newsx::cli {

namespace {

int Run(pipelines::ExportOptions options, const CliContext& ctx) {
  options.db_path = ctx.config().db_path;
  const Result<pipelines::ExportReport> r = pipelines::ExportDatabase(options);
  if (!r.ok()) return ReportError(ctx, r.status(), options.out_dir);
  std::printf("export: %llu articles, %llu entities, %llu mentions, %llu events, %llu stories, "
              "%llu happenings to %s (%s; "
              "cursor %s now at change %llu)\n",
              static_cast<unsigned long long>(r->articles),
              static_cast<unsigned long long>(r->entities),
              static_cast<unsigned long long>(r->mentions),
              static_cast<unsigned long long>(r->events),
              static_cast<unsigned long long>(r->stories),
              static_cast<unsigned long long>(r->happenings), options.out_dir.c_str(),
              r->full ? "full" : ("changes after " + std::to_string(r->after_seq)).c_str(),
              options.cursor.c_str(), static_cast<unsigned long long>(r->last_seq));
  return kExitOk;
}

}  // namespace

Command AddExportCommand(CLI::App& root) {
  auto flags = std::make_shared<pipelines::ExportOptions>();
  CLI::App* app = root.add_subcommand(
      "export",
      "Write articles.jsonl, entities.jsonl, mentions.jsonl, events.jsonl, stories.jsonl and "
      "happenings.jsonl: everything new "
      "or changed since the previous export (the first export, or --full, writes everything)");
  app->add_option("--out", flags->out_dir, "Output directory (created if missing)")->required();
  app->add_flag("--gzip", flags->gzip, "Write .jsonl.gz files");
  app->add_flag("--full", flags->full, "Export everything, not only what changed");
  app->add_option("--cursor", flags->cursor,
                  "Name of the export cursor, one per downstream consumer (default: default)");
  return Command{app, [flags](const CliContext& ctx) { return Run(*flags, ctx); }};
}

}  // namespace newsx::cli
