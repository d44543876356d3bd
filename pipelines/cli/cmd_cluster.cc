// Scale-out over NATS JetStream (docs/scaleout.md): `newsx worker`,
// `newsx cluster init|status`, and `newsx backfill --nats`.

#include <chrono>
#include <cstdio>
#include <optional>

#include "cli_context.h"
#include "cmd_cluster.h"
#include "newsx/pipelines/cluster/cluster_producer.h"
#include "newsx/pipelines/cluster/cluster_status.h"
#include "newsx/pipelines/cluster/cluster_worker.h"
#include "newsx/pipelines/periodic_task.h"
#include "newsx/store/article_store.h"

namespace newsx::cli {

namespace {

using pipelines::cluster::ClusterOptions;

struct WorkerFlags {
  ClusterOptions cluster;
  std::string role;
  int threads = 0;  // 0: -j / config extract_workers.
};

struct StatusFlags {
  ClusterOptions cluster;
  int wait_drained_s = 0;
};

void AddNatsFlags(CLI::App* app, ClusterOptions* o) {
  app->add_option("--nats", o->urls, "NATS server URLs, comma-separated")->required();
  app->add_option("--max-deliver", o->max_deliver,
                  "Deliveries of one message before it becomes a dead letter (default 5)")
      ->check(CLI::PositiveNumber);
}

// Per-worker rates, every 10 s, for the operator's log.
void LogRates(const CliContext& ctx, const std::string& role,
              const pipelines::cluster::WorkerCounters& c, double elapsed_s) {
  const double acked = static_cast<double>(c.acked.load());
  ctx.log().Info("worker", {{"role", role},
                            {"received", std::to_string(c.received.load())},
                            {"acked", std::to_string(c.acked.load())},
                            {"redeliveries", std::to_string(c.redeliveries.load())},
                            {"dead_letters", std::to_string(c.dead_letters.load())},
                            {"partitions", std::to_string(c.partitions.load())},
                            {"per_s", std::to_string(elapsed_s > 0 ? acked / elapsed_s : 0)}});
}

int RunWorker(const WorkerFlags& flags, const CliContext& ctx) {
  pipelines::cluster::WorkerCounters counters;
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&start] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  std::optional<pipelines::PeriodicTask> reporter(
      std::in_place, std::chrono::seconds(10),
      [&] { LogRates(ctx, flags.role, counters, elapsed()); });
  Status s;
  if (flags.role == "extract") {
    auto extractor = ctx.MakeExtractor();
    if (!extractor.ok()) return ReportError(ctx, extractor.status(), "lexicons");
    const pipelines::cluster::WorkerOptions worker{
        .threads = flags.threads > 0 ? flags.threads : ctx.config().extract_workers};
    s = pipelines::cluster::RunExtractWorker(flags.cluster, worker, **extractor, ctx.log(),
                                             ctx.shutdown().token(), &counters);
  } else if (flags.role == "fetch") {
    // The politeness settings of the config file, held across all fetch
    // workers by the partition leases.
    pipelines::cluster::FetchWorkerOptions worker;
    worker.fetch = pipelines::FetchOptionsFromConfig(ctx.config());
    worker.max_in_flight = worker.fetch.max_concurrent_transfers;
    s = pipelines::cluster::RunFetchWorker(flags.cluster, worker, ctx.log(),
                                           ctx.shutdown().token(), &counters);
  } else {
    auto store = store::ArticleStore::Open({.path = ctx.config().db_path});
    if (!store.ok()) return ReportError(ctx, store.status(), ctx.config().db_path);
    s = pipelines::cluster::RunStoreWorker(flags.cluster, **store, ctx.log(),
                                           ctx.shutdown().token(), &counters);
  }
  reporter.reset();  // Stops and joins.
  const double secs = elapsed();
  std::printf("worker %s: received %llu (%llu redelivered), acked %llu, published %llu, "
              "dead letters %llu; store: %llu new, %llu changed, %llu unchanged, %llu duplicates; "
              "%.1f s\n",
              flags.role.c_str(), static_cast<unsigned long long>(counters.received.load()),
              static_cast<unsigned long long>(counters.redeliveries.load()),
              static_cast<unsigned long long>(counters.acked.load()),
              static_cast<unsigned long long>(counters.published.load()),
              static_cast<unsigned long long>(counters.dead_letters.load()),
              static_cast<unsigned long long>(counters.new_articles.load()),
              static_cast<unsigned long long>(counters.changed.load()),
              static_cast<unsigned long long>(counters.unchanged.load()),
              static_cast<unsigned long long>(counters.duplicates.load()), secs);
  if (!s.ok()) return ReportError(ctx, s, flags.cluster.urls);
  return ctx.shutdown().requested() ? kExitOk : kExitFailure;
}

int RunInit(const ClusterOptions& options, const CliContext& ctx) {
  // Workers and producers create missing streams with the defaults; this
  // creates them first, with the replica count and timings chosen here.
  const auto status = pipelines::cluster::GetClusterStatus(options);
  if (status.ok()) {
    std::printf("cluster: streams exist (replicas %lld); left as they are\n",
                static_cast<long long>(status->streams.front().replicas));
    return kExitOk;
  }
  const Status s = pipelines::cluster::CreateTopology(options);
  if (!s.ok()) return ReportError(ctx, s, options.urls);
  std::printf("cluster: created streams %s, %s and %s and buckets %s and %s (replicas %d, "
              "ack wait %d ms, de-duplication window %lld s)\n",
              pipelines::cluster::kPagesStream, pipelines::cluster::kRecordsStream,
              pipelines::cluster::kFetchStream, pipelines::cluster::kLeaseBucket,
              pipelines::cluster::kProducerBucket,
              options.replicas, options.ack_wait_ms,
              static_cast<long long>(options.duplicate_window_ms / 1000));
  return kExitOk;
}

int RunStatus(const StatusFlags& flags, const CliContext& ctx) {
  if (flags.wait_drained_s > 0) {
    auto drained = pipelines::cluster::WaitUntilDrained(flags.cluster, flags.wait_drained_s * 1000,
                                                        ctx.shutdown().token());
    if (!drained.ok()) return ReportError(ctx, drained.status(), flags.cluster.urls);
    if (!*drained) {
      ctx.log().Error("streams not drained within --wait-drained");
      return kExitFailure;
    }
  }
  auto status = pipelines::cluster::GetClusterStatus(flags.cluster);
  if (!status.ok()) return ReportError(ctx, status.status(), flags.cluster.urls);
  for (const auto& s : status->streams) {
    std::printf("stream %-14s depth %llu (%.1f MB)  stored so far %llu  replicas %lld%s%s\n",
                s.name.c_str(), static_cast<unsigned long long>(s.messages), s.bytes / 1e6,
                static_cast<unsigned long long>(s.last_seq), static_cast<long long>(s.replicas),
                s.leader.empty() ? "" : "  leader ", s.leader.c_str());
  }
  for (const auto& c : status->consumers) {
    std::printf("consumer %-8s on %-14s pending %llu  in flight %lld  redelivered %lld  "
                "waiting pulls %lld  deliveries %llu\n",
                c.name.c_str(), c.stream.c_str(), static_cast<unsigned long long>(c.pending),
                static_cast<long long>(c.ack_pending), static_cast<long long>(c.redelivered),
                static_cast<long long>(c.waiting), static_cast<unsigned long long>(c.delivered));
  }
  return kExitOk;
}

}  // namespace

Command AddWorkerCommand(CLI::App& root) {
  auto flags = std::make_shared<WorkerFlags>();
  CLI::App* app = root.add_subcommand(
      "worker", "Run one pipeline stage as a worker on NATS JetStream (see docs/scaleout.md)");
  AddNatsFlags(app, &flags->cluster);
  app->add_option("--role", flags->role, "fetch, extract or store")
      ->required()
      ->check(CLI::IsMember({"fetch", "extract", "store"}));
  app->add_option("--threads", flags->threads, "Consumer threads of an extract worker (default -j)")
      ->check(CLI::Range(1, 256));
  return Command{app, [flags](const CliContext& ctx) { return RunWorker(*flags, ctx); }};
}

Command AddClusterCommand(CLI::App& root) {
  auto init = std::make_shared<ClusterOptions>();
  auto status = std::make_shared<StatusFlags>();
  CLI::App* app = root.add_subcommand("cluster", "Set up and inspect the JetStream streams");
  app->require_subcommand(1);
  CLI::App* init_app = app->add_subcommand("init", "Create the streams and consumers");
  AddNatsFlags(init_app, init.get());
  init_app->add_option("--replicas", init->replicas, "Stream replicas (1, 3 or 5)")
      ->check(CLI::Range(1, 5));
  init_app->add_option("--ack-wait-ms", init->ack_wait_ms,
                       "Redeliver an unacknowledged message after this long (default 30000)")
      ->check(CLI::Range(100, 3'600'000));
  CLI::App* status_app =
      app->add_subcommand("status", "Stream depths, consumers in flight and redeliveries");
  AddNatsFlags(status_app, &status->cluster);
  status_app->add_option("--wait-drained", status->wait_drained_s,
                         "First wait up to this many seconds until every page and record "
                         "published is stored (exit 1 if not)")
      ->check(CLI::PositiveNumber);
  auto command = [app, init_app, status_app, init, status](const CliContext& ctx) {
    if (init_app->parsed()) return RunInit(*init, ctx);
    if (status_app->parsed()) return RunStatus(*status, ctx);
    (void)app;
    return kExitUsage;
  };
  return Command{app, command};
}

int RunBackfillOverNats(const CliContext& ctx, ingest::DocumentSource& source,
                        const std::string& urls,
                        const pipelines::cluster::ProduceOptions& produce) {
  ClusterOptions options;
  options.urls = urls;
  auto report = pipelines::cluster::PublishSource(
      source, options, ctx.log(), ctx.shutdown().token(),
      // Progress from the stream's side: how far the workers are behind
      // (depth), every 10 s for the operator's log.
      [&ctx, last = -10.0](const pipelines::cluster::ProduceReport& r,
                           std::uint64_t depth) mutable {
        if (r.elapsed_s - last < 10) return;
        last = r.elapsed_s;
        ctx.log().Info("published", {{"read", std::to_string(r.read)},
                                     {"published", std::to_string(r.published)},
                                     {"already_in_stream", std::to_string(r.deduplicated)},
                                     {"page_stream_depth", std::to_string(depth)},
                                     {"per_s", std::to_string(r.elapsed_s > 0 ? r.read / r.elapsed_s : 0)}});
      },
      produce);
  if (!report.ok()) return ReportError(ctx, report.status(), urls);
  std::printf("backfill: read %llu%s, published %llu (%.1f MB), %llu already in the stream, "
              "%llu dead letters, %llu filtered in %.2f s%s\n",
              static_cast<unsigned long long>(report->read),
              report->resumed ? " after the checkpoint" : "",
              static_cast<unsigned long long>(report->published), report->bytes / 1e6,
              static_cast<unsigned long long>(report->deduplicated),
              static_cast<unsigned long long>(report->failed),
              static_cast<unsigned long long>(report->filtered), report->elapsed_s,
              report->interrupted ? " (interrupted; rerun with --resume to continue)" : "");
  return report->interrupted ? kExitInterrupted : kExitOk;
}

}  // namespace newsx::cli
