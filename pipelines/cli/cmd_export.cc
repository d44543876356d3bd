// `newsx export`: the database as JSON Lines files, incrementally (the
// export job, newsx/pipelines/jobs/export_job.h).

#include <cstdio>
#include <string>

#include "cli_context.h"
#include "newsx/pipelines/jobs/export_job.h"

namespace newsx::cli {

namespace {

struct ExportFlags {
  pipelines::ExportOptions options;
  std::string format = "text";  // Checked by the parser: text, markdown or html.
};

int Run(const ExportFlags& flags, const CliContext& ctx) {
  pipelines::ExportOptions options = flags.options;
  options.db_path = ctx.config().db_path;
  if (flags.format == "markdown") options.content_format = extract::ContentFormat::kMarkdown;
  if (flags.format == "html") options.content_format = extract::ContentFormat::kHtml;
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
  if (r->content_unavailable > 0) {
    ctx.log().Warn("--format: content left null for articles without a stored page that "
                   "still extracts",
                   {{"articles", std::to_string(r->content_unavailable)}});
  }
  return kExitOk;
}

}  // namespace

Command AddExportCommand(CLI::App& root) {
  auto flags = std::make_shared<ExportFlags>();
  CLI::App* app = root.add_subcommand(
      "export",
      "Write articles.jsonl, entities.jsonl, mentions.jsonl, events.jsonl, stories.jsonl and "
      "happenings.jsonl: everything new "
      "or changed since the previous export (the first export, or --full, writes everything)");
  app->add_option("--out", flags->options.out_dir, "Output directory (created if missing)")
      ->required();
  app->add_flag("--gzip", flags->options.gzip, "Write .jsonl.gz files");
  app->add_flag("--full", flags->options.full, "Export everything, not only what changed");
  app->add_option("--cursor", flags->options.cursor,
                  "Name of the export cursor, one per downstream consumer (default: default)");
  app->add_option("--format", flags->format,
                  "Also give each article's main content as markdown or html (the \"content\" "
                  "column), rendered from its stored page; text (default): content null")
      ->check(CLI::IsMember({"text", "markdown", "html"}));
  return Command{app, [flags](const CliContext& ctx) { return Run(*flags, ctx); }};
}

}  // namespace newsx::cli
