// `newsx reprocess`: re-extract stored raw pages with the current extractor
// and replace what was derived from them.

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

#include "cli_context.h"
#include "newsx/core/time_format.h"
#include "newsx/store/article_store.h"
#include "table_writer.h"

namespace newsx::cli {

namespace {

struct ReprocessFlags {
  std::string since, until;
};

std::int64_t ArticleTime(const Article& a) {
  if (auto t = ParseDateTime(a.published)) return *t;
  if (auto t = ParseDateTime(a.fetched)) return *t;
  return 0;
}

struct Counters {
  std::atomic<std::uint64_t> done{0};
  std::atomic<std::uint64_t> failed{0};
};

// Re-extracts one article; a page the extractor now rejects keeps its old
// record and gets a dead letter.
Status ReprocessOne(const std::string& id, const extract::ArticleExtractor& extractor,
                    store::ArticleStore& store, Counters& counters) {
  NEWSX_ASSIGN_OR_RETURN(RawDocument raw, store.GetRawDocument(id));
  Result<ExtractedArticle> x = extractor.Extract(raw);
  if (!x.ok()) {
    counters.failed.fetch_add(1);
    const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    return store.PutDeadLetter(DeadLetter{raw.source.empty() ? raw.url : raw.source, "reprocess",
                                          std::string(StatusCodeName(x.status().code())),
                                          x.status().message(), now_ms});
  }
  NEWSX_RETURN_IF_ERROR(store.Replace(id, *x, raw));
  counters.done.fetch_add(1);
  return Status::Ok();
}

int Run(const ReprocessFlags& flags, const CliContext& ctx) {
  auto since = ParseTimeFlag(flags.since, "--since");
  auto until = ParseTimeFlag(flags.until, "--until");
  if (!since.ok() || !until.ok()) {
    ctx.log().Error((since.ok() ? until.status() : since.status()).message());
    return kExitUsage;
  }
  auto extractor = ctx.MakeExtractor();
  if (!extractor.ok()) return ReportError(ctx, extractor.status(), "lexicons");
  auto store = store::ArticleStore::Open({.path = ctx.config().db_path, .create_if_missing = false});
  if (!store.ok()) return ReportError(ctx, store.status(), ctx.config().db_path);

  // Select first, then rewrite: the ids are small, and the scan never sees
  // the records being replaced.
  std::vector<std::string> ids;
  const Status scan = (*store)->ScanArticles([&](const ExtractedArticle& x) {
    const std::int64_t t = ArticleTime(x.article);
    if ((*since && t < **since) || (*until && t >= **until)) return true;
    ids.push_back(x.article.id);
    return true;
  });
  if (!scan.ok()) return ReportError(ctx, scan, "scanning articles");
  auto first_seq = (*store)->LastChangeSeq();

  Counters counters;
  std::atomic<std::size_t> next{0};
  std::mutex error_mu;
  Status error;  // Guarded by error_mu: the first store failure stops everyone.
  std::atomic<bool> stop{false};
  const auto start = std::chrono::steady_clock::now();
  {
    std::vector<std::jthread> workers;
    const int n = std::max(1, ctx.config().extract_workers);
    for (int w = 0; w < n; ++w) {
      workers.emplace_back([&] {
        for (std::size_t i = next++; i < ids.size() && !stop && !ctx.shutdown().requested();
             i = next++) {
          const Status s = ReprocessOne(ids[i], **extractor, **store, counters);
          if (!s.ok()) {
            std::lock_guard<std::mutex> lock(error_mu);
            if (error.ok()) error = s.WithContext("article " + ids[i]);
            stop = true;
          }
        }
      });
    }
  }
  if (!error.ok()) return ReportError(ctx, error, "reprocess");
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  auto last_seq = (*store)->LastChangeSeq();
  const std::uint64_t changes =
      first_seq.ok() && last_seq.ok() ? *last_seq - *first_seq : 0;
  std::printf("reprocess: %zu selected, %llu re-extracted, %llu failed (kept as they were), "
              "%llu records changed in %.2f s%s\n",
              ids.size(), static_cast<unsigned long long>(counters.done.load()),
              static_cast<unsigned long long>(counters.failed.load()),
              static_cast<unsigned long long>(changes), elapsed,
              ctx.shutdown().requested() ? " (interrupted)" : "");
  return ctx.shutdown().requested() ? kExitInterrupted : kExitOk;
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
