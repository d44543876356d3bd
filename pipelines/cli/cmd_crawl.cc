// `newsx crawl`: fetch the due feeds once (or keep going with --watch),
// fetch each new article once, extract and store it.

#include <cstdio>
#include <functional>
#include <optional>

#include "cli_context.h"
#include "newsx/ingest/http_fetcher.h"
#include "newsx/ingest/opml_parser.h"
#include "newsx/ingest/saved_page_source.h"
#include "newsx/pipelines/cluster/cluster_crawl.h"
#include "newsx/pipelines/crawl.h"
#include "newsx/pipelines/crawl_metrics.h"
#include "newsx/pipelines/metrics_server.h"
#include "newsx/store/article_store.h"

namespace newsx::cli {

namespace {

struct CrawlFlags {
  std::vector<std::string> feeds;
  std::string feed_list;
  bool watch = false;
  bool force = false;
  std::string metrics_listen;  // HOST:PORT for GET /metrics; "" = none.
  std::string nats;            // Publish new entries to these NATS servers' fetch workers.
};

// What one pass ended with: an exit code to return now, or (when none) the
// time the next feed is due.
struct PassOutcome {
  std::optional<int> exit_code;
  std::int64_t next_due_unix_s = 0;
};

Result<std::vector<std::string>> CollectFeeds(const CrawlFlags& flags,
                                              const pipelines::Config& config) {
  std::vector<std::string> feeds = config.feeds;
  for (const std::string& feed : flags.feeds) feeds.push_back(feed);
  for (const std::string& path : {config.feed_list, flags.feed_list}) {
    if (path.empty()) continue;
    NEWSX_ASSIGN_OR_RETURN(std::string bytes, ingest::ReadMaybeGzippedFile(path, 64ull << 20));
    Result<std::vector<ingest::FeedSubscription>> list = ingest::ParseFeedList(bytes);
    if (!list.ok()) return list.status().WithContext(path);
    for (const ingest::FeedSubscription& sub : *list) feeds.push_back(sub.url);
  }
  return feeds;
}

pipelines::CrawlOptions MakeOptions(const pipelines::Config& c, std::vector<std::string> feeds,
                                    bool force) {
  pipelines::CrawlOptions options;
  options.feeds = std::move(feeds);
  options.force = force;
  options.fetch = pipelines::FetchOptionsFromConfig(c);
  options.schedule.min_interval_s = c.min_interval_s;
  options.schedule.max_interval_s = c.max_interval_s;
  options.ingest.extract_workers = c.extract_workers;
  options.ingest.store_workers = c.store_workers;
  options.ingest.queue_capacity = c.queue_capacity;
  return options;
}

// One in-process pass: fetch, extract, store here.
PassOutcome LocalPass(const CliContext& ctx, const pipelines::CrawlOptions& options,
                      const extract::ArticleExtractor& extractor, store::ArticleStore& store,
                      std::stop_token stop) {
  auto report = pipelines::RunCrawlPass(options, extractor, store, ctx.log(), stop);
  if (!report.ok()) return {ReportError(ctx, report.status(), "crawl")};
  // Entries an interrupted run left pending are named only when there are some.
  const std::string resumed =
      report->entries_resumed == 0
          ? ""
          : " (+" + std::to_string(report->entries_resumed) + " left by an interrupted run)";
  std::printf("crawl: %llu feeds due, %llu fetched, %llu not modified, %llu failed; "
              "%llu new entries%s, %llu articles fetched: %s in %.2f s\n",
              static_cast<unsigned long long>(report->feeds_due),
              static_cast<unsigned long long>(report->feeds_fetched),
              static_cast<unsigned long long>(report->feeds_not_modified),
              static_cast<unsigned long long>(report->feeds_failed),
              static_cast<unsigned long long>(report->entries_new), resumed.c_str(),
              static_cast<unsigned long long>(report->articles_fetched),
              pipelines::DescribeCounts(report->ingest.counts).c_str(), report->ingest.elapsed_s);
  std::fflush(stdout);
  if (report->ingest.interrupted || stop.stop_requested()) return {kExitInterrupted};
  // Every due feed failed, or every article: nothing came in, and the
  // caller (cron, systemd) should hear about it.
  const bool feeds_all_failed =
      report->feeds_failed > 0 && report->feeds_fetched + report->feeds_not_modified == 0;
  pipelines::StoreCounts counts = report->ingest.counts;
  if (feeds_all_failed) counts.failed += report->feeds_failed;
  if (pipelines::NothingStoredButFailures(counts)) {
    ctx.log().Error("nothing was stored and everything fetched failed");
    return {kExitFailure};
  }
  return {std::nullopt, report->next_due_unix_s};
}

// One pass on a cluster: feeds here, articles by the fetch workers.
PassOutcome ClusterPass(const CliContext& ctx, const pipelines::CrawlOptions& options,
                        const pipelines::cluster::ClusterOptions& cluster, std::stop_token stop) {
  auto report = pipelines::cluster::RunClusterCrawlPass(options, cluster, ctx.log(), stop);
  if (!report.ok()) return {ReportError(ctx, report.status(), cluster.urls)};
  const pipelines::CrawlReport& c = report->crawl;
  const std::string resumed =
      c.entries_resumed == 0
          ? ""
          : " (+" + std::to_string(c.entries_resumed) + " left by an interrupted run)";
  std::printf("crawl: %llu feeds due, %llu fetched, %llu not modified, %llu failed; "
              "%llu new entries%s: %llu URLs published to the fetch workers, %llu already "
              "in the stream in %.2f s\n",
              static_cast<unsigned long long>(c.feeds_due),
              static_cast<unsigned long long>(c.feeds_fetched),
              static_cast<unsigned long long>(c.feeds_not_modified),
              static_cast<unsigned long long>(c.feeds_failed),
              static_cast<unsigned long long>(c.entries_new), resumed.c_str(),
              static_cast<unsigned long long>(report->produce.published),
              static_cast<unsigned long long>(report->produce.deduplicated),
              report->produce.elapsed_s);
  std::fflush(stdout);
  if (report->produce.interrupted || stop.stop_requested()) return {kExitInterrupted};
  if (c.feeds_failed > 0 && c.feeds_fetched + c.feeds_not_modified == 0) {
    ctx.log().Error("every due feed failed");
    return {kExitFailure};
  }
  return {std::nullopt, c.next_due_unix_s};
}

int Run(const CrawlFlags& flags, const CliContext& ctx) {
  const pipelines::Config& config = ctx.config();
  auto feeds = CollectFeeds(flags, config);
  if (!feeds.ok()) {
    ReportError(ctx, feeds.status(), "feed list");
    return kExitUsage;
  }
  if (feeds->empty()) {
    ctx.log().Error("no feeds: give --feed URL, --feeds FILE, or [crawl] feeds / feed_list in the config");
    return kExitUsage;
  }
  pipelines::CrawlOptions options = MakeOptions(config, std::move(feeds).value(), flags.force);
  pipelines::CrawlMetrics metrics;
  std::unique_ptr<pipelines::MetricsServer> metrics_server;
  if (!flags.metrics_listen.empty()) {
    auto at = pipelines::ParseListenAddress("--metrics-listen", flags.metrics_listen);
    if (!at.ok()) {
      ctx.log().Error(at.status().message());
      return kExitUsage;
    }
    if (!pipelines::IsLoopbackHost(at->host)) {
      ctx.log().Warn("crawl: metrics on " + at->host + ", not loopback: anyone who can reach it "
                     "can read the crawl's counters");
    }
    auto server = pipelines::MetricsServer::Start(*at, [&metrics] { return metrics.Render(); });
    if (!server.ok()) return ReportError(ctx, server.status(), "--metrics-listen");
    metrics_server = std::move(server).value();
    options.metrics = &metrics;
    ctx.log().Info("crawl metrics at " + pipelines::HttpUrl(at->host, metrics_server->port()) +
                   "/metrics");
  }
  const std::stop_token stop = ctx.shutdown().token();
  std::function<PassOutcome()> pass;
  std::unique_ptr<store::ArticleStore> store;
  std::unique_ptr<extract::ArticleExtractor> extractor;
  if (!flags.nats.empty()) {
    pipelines::cluster::ClusterOptions cluster;
    cluster.urls = flags.nats;
    pass = [&ctx, options, cluster, stop] { return ClusterPass(ctx, options, cluster, stop); };
  } else {
    auto made = ctx.MakeExtractor();
    if (!made.ok()) return ReportError(ctx, made.status(), "lexicons");
    extractor = std::move(made).value();
    auto opened = store::ArticleStore::Open({.path = config.db_path});
    if (!opened.ok()) return ReportError(ctx, opened.status(), config.db_path);
    store = std::move(opened).value();
    pass = [&] { return LocalPass(ctx, options, *extractor, *store, stop); };
  }
  // A pass's exit code ends the run; without one the next pass follows
  // when watching.
  std::optional<int> exit_code;
  const bool finished = pipelines::RepeatCrawlPasses(
      [&](std::int64_t* next_due_unix_s) {
        const PassOutcome outcome = pass();
        exit_code = outcome.exit_code;
        *next_due_unix_s = outcome.next_due_unix_s;
        return !exit_code;
      },
      flags.watch, config.max_interval_s, ctx.log(), stop);
  if (!finished) return kExitInterrupted;
  return exit_code.value_or(kExitOk);
}

}  // namespace

Command AddCrawlCommand(CLI::App& root) {
  auto flags = std::make_shared<CrawlFlags>();
  CLI::App* app = root.add_subcommand(
      "crawl", "Fetch the due feeds (conditional GET, robots.txt, per-host limits), then each "
               "new article once; extract and store them");
  app->add_option("--feed", flags->feeds, "Feed URL (repeatable; adds to the config's feeds)");
  app->add_option("--feeds", flags->feed_list, "Feed list: OPML, or one URL a line");
  app->add_flag("--watch", flags->watch, "Keep running, waking for each due feed");
  app->add_flag("--force", flags->force, "Fetch every feed now, due or not");
  app->add_option("--metrics-listen", flags->metrics_listen,
                  "Serve the crawl's counters on GET /metrics at HOST:PORT (Prometheus text; "
                  "port 0 picks one; mostly with --watch)");
  app->add_option("--nats", flags->nats,
                  "Publish each new entry's URL to the fetch workers on these NATS JetStream "
                  "servers instead of fetching and storing here; feed states live on the "
                  "cluster (docs/scaleout.md)");
  return Command{app, [flags](const CliContext& ctx) { return Run(*flags, ctx); }};
}

}  // namespace newsx::cli
