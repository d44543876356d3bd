// `newsx backfill`: saved pages (and archives, as their readers land) into the store.

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli_context.h"
#include "cmd_cluster.h"
#include "newsx/core/time_format.h"
#include "newsx/ingest/http_fetcher.h"
#include "newsx/pipelines/ingest_pipeline.h"
#include "newsx/pipelines/source_factory.h"
#include "newsx/store/article_store.h"

namespace newsx::cli {

namespace {

struct BackfillFlags {
  std::vector<std::string> inputs;
  bool resume = false;
  std::string since;
  std::string until;
  std::vector<std::string> hosts;
  int checkpoint_every = 200;
  bool no_progress = false;
  std::string nats;  // Publish to these NATS servers instead (cmd_cluster.cc).
};

std::string CheckpointName(const std::vector<std::string>& inputs) {
  std::string name = "backfill:";
  for (const std::string& in : inputs) {
    std::error_code ec;
    const auto abs = std::filesystem::absolute(in, ec);
    name += (ec ? in : abs.lexically_normal().string());
    name += '|';
  }
  return name;
}

Result<std::optional<std::int64_t>> ParseBound(const std::string& text, const char* flag) {
  if (text.empty()) return std::optional<std::int64_t>();
  const auto t = ParseDateTime(text);
  if (!t) return InvalidArgumentError(std::string(flag) + ": not a date: " + text);
  return std::optional<std::int64_t>(*t);
}

// Progress for people: one rewritten line on a terminal, a log line every
// 10 s otherwise.
pipelines::ProgressFn MakeProgress(const CliContext& ctx) {
  const bool tty = ::isatty(STDERR_FILENO) != 0;
  auto started = std::chrono::steady_clock::now();
  auto last_line = std::make_shared<std::chrono::steady_clock::time_point>(started);
  return [&ctx, tty, started, last_line](const ingest::SourceProgress& p,
                                         const pipelines::StoreCounts& counts,
                                         const std::vector<pipelines::StageSnapshot>& stages) {
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const std::uint64_t stored = stages.empty() ? 0 : stages.back().out;
    const double rate = elapsed > 0 ? stored / elapsed : 0;
    std::string eta = "?";
    if (p.bytes_total > 0 && p.bytes_done > 0) {
      const double remaining = elapsed * (double(p.bytes_total) / double(p.bytes_done) - 1.0);
      eta = std::to_string(static_cast<long>(remaining)) + "s";
    }
    char line[384];
    std::snprintf(line, sizeof line, "records %llu | %.1f/%.1f MB | %s | %.1f articles/s | ETA %s",
                  static_cast<unsigned long long>(p.items_done), p.bytes_done / 1e6,
                  p.bytes_total / 1e6, pipelines::DescribeCounts(counts).c_str(), rate,
                  eta.c_str());
    if (tty) {
      std::fprintf(stderr, "\r%s\033[K", line);
      std::fflush(stderr);
    } else if (std::chrono::steady_clock::now() - *last_line >= std::chrono::seconds(10)) {
      *last_line = std::chrono::steady_clock::now();
      ctx.log().Info(line);
    }
  };
}

int Run(const BackfillFlags& flags, const CliContext& ctx) {
  const pipelines::Config& config = ctx.config();
  pipelines::IngestOptions options;
  options.extract_workers = config.extract_workers;
  options.store_workers = config.store_workers;
  options.queue_capacity = config.queue_capacity;
  options.checkpoint_name = CheckpointName(flags.inputs);
  options.checkpoint_every_items = flags.checkpoint_every;
  options.resume = flags.resume;
  options.hosts = flags.hosts;
  auto since = ParseBound(flags.since, "--since");
  auto until = ParseBound(flags.until, "--until");
  if (!since.ok() || !until.ok()) {
    ctx.log().Error((since.ok() ? until.status() : since.status()).message());
    return kExitUsage;
  }
  options.since_unix_s = *since;
  options.until_unix_s = *until;

  pipelines::SourceOpenOptions source_options;
  source_options.fetch = pipelines::FetchOptionsFromConfig(config);
  source_options.fetching.max_in_flight = config.fetch.max_concurrent_transfers;
  source_options.fetching.since_unix_s = options.since_unix_s;
  source_options.fetching.until_unix_s = options.until_unix_s;
  if (!flags.nats.empty()) {
    // Dates are known only once a page is extracted, on another machine.
    if (options.since_unix_s || options.until_unix_s) {
      ctx.log().Error("--since/--until are not applied with --nats (the workers extract the "
                      "dates); select by date afterwards (query --since/--until)");
      return kExitUsage;
    }
    source_options.fetch_urls = false;  // URL lists go to the fetch workers.
  }
  auto source = pipelines::OpenSource(flags.inputs, source_options);
  if (!source.ok()) {
    ReportError(ctx, source.status(), flags.inputs.front());
    // A missing input or an unknown kind is a usage error; one that exists
    // but cannot be read (permissions, I/O) is a runtime failure.
    const StatusCode code = source.status().code();
    return code == StatusCode::kFailedPrecondition || code == StatusCode::kIoError ? kExitFailure
                                                                                   : kExitUsage;
  }
  if (!flags.nats.empty()) {
    pipelines::cluster::ProduceOptions produce;
    produce.checkpoint_name = options.checkpoint_name;
    produce.checkpoint_every_items = flags.checkpoint_every;
    produce.resume = flags.resume;
    produce.hosts = flags.hosts;
    return RunBackfillOverNats(ctx, **source, flags.nats, produce);
  }
  auto extractor = ctx.MakeExtractor();
  if (!extractor.ok()) return ReportError(ctx, extractor.status(), "lexicons");
  auto store = store::ArticleStore::Open({.path = config.db_path});
  if (!store.ok()) return ReportError(ctx, store.status(), config.db_path);

  const bool show_progress = !flags.no_progress && ctx.log().Enabled(pipelines::LogLevel::kInfo);
  auto report = pipelines::RunIngest(**source, **extractor, **store, options, ctx.log(),
                                     ctx.shutdown().token(),
                                     show_progress ? MakeProgress(ctx) : nullptr);
  if (show_progress && ::isatty(STDERR_FILENO)) std::fputc('\n', stderr);
  if (!report.ok()) {
    const int code = ReportError(ctx, report.status(), flags.inputs.front());
    // Nothing stored is lost and the checkpoint is before every item not
    // stored: the same command with --resume continues.
    ctx.log().Error("stopped; fix the cause, then run the same command with --resume");
    return code;
  }
  const std::string truncated =
      report->truncated == 0 ? ""
                             : " (" + std::to_string(report->truncated) + " stored truncated)";
  std::printf("backfill: read %llu: %s%s, %llu filtered in %.2f s%s\n",
              static_cast<unsigned long long>(report->read),
              pipelines::DescribeCounts(report->counts).c_str(), truncated.c_str(),
              static_cast<unsigned long long>(report->filtered), report->elapsed_s,
              report->interrupted ? " (interrupted; rerun with --resume to continue)" : "");
  for (const pipelines::StageSnapshot& s : report->stages) {
    ctx.log().Info("stage", {{"name", s.name}, {"in", std::to_string(s.in)},
                              {"out", std::to_string(s.out)},
                              {"failed", std::to_string(s.failed)},
                              {"busy_s", std::to_string(s.busy_s)}});
  }
  if (report->interrupted) return kExitInterrupted;
  if (pipelines::NothingStoredButFailures(report->counts)) {
    ctx.log().Error("nothing was stored and every item failed; see the dead letters (newsx stats)");
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

Command AddBackfillCommand(CLI::App& root) {
  auto flags = std::make_shared<BackfillFlags>();
  CLI::App* app = root.add_subcommand(
      "backfill", "Read saved pages, WARC archives, sitemaps or URL lists; extract; store");
  app->add_option("inputs", flags->inputs,
                  "Directories of saved pages, .html(.gz), .warc/.arc(.gz), sitemap .xml(.gz) "
                  "or robots.txt, .txt/.urls/.lst URL lists (one kind per run)")
      ->required();
  app->add_flag("--resume", flags->resume, "Continue from the checkpoint of a previous run");
  app->add_option("--since", flags->since, "Keep articles published (else captured) at or after");
  app->add_option("--until", flags->until, "Keep articles published (else captured) before");
  app->add_option("--host", flags->hosts, "Keep only articles of this host (repeatable)");
  app->add_option("--checkpoint-every", flags->checkpoint_every, "Items between checkpoints")
      ->check(CLI::PositiveNumber);
  app->add_flag("--no-progress", flags->no_progress, "Do not show progress");
  app->add_option("--nats", flags->nats,
                  "Publish the pages to these NATS JetStream servers for `newsx worker`s "
                  "instead of extracting here (docs/scaleout.md)");
  return Command{app, [flags](const CliContext& ctx) { return Run(*flags, ctx); }};
}

}  // namespace newsx::cli
