#include "newsx/pipelines/crawl.h"

#include "crawl/crawl_source.h"

namespace newsx::pipelines {

Result<CrawlReport> RunCrawlPass(const CrawlOptions& options,
                                 const extract::ArticleExtractor& extractor,
                                 store::ArticleStore& store, Logger& log, std::stop_token stop) {
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<ingest::HttpFetcher> fetcher,
                         ingest::HttpFetcher::Create(options.fetch));
  CrawlReport report;
  internal::StoreFeedStates states(&store);
  internal::CrawlSource source(options, std::move(fetcher), &states, &log, &report, stop);
  NEWSX_RETURN_IF_ERROR(source.Start());
  IngestOptions ingest = options.ingest;
  ingest.checkpoint_name.clear();  // Feed states are the crawl's memory.
  ingest.resume = false;
  ProgressFn progress;
  if (CrawlMetrics* m = options.metrics; m != nullptr) {
    ingest.on_failure = [m](const std::string& stage, const Status& error) {
      m->CountFailure(stage, StatusCodeName(error.code()));
    };
    progress = [m](const ingest::SourceProgress&, const StoreCounts& counts,
                   const std::vector<StageSnapshot>& stages) { m->PassProgress(counts, stages); };
  }
  NEWSX_ASSIGN_OR_RETURN(report.ingest,
                         RunIngest(source, extractor, store, ingest, log, stop, progress));
  // Every item handed out is stored or dead-lettered now: only those never
  // handed out (a stop came first) stay pending.
  source.Finish();
  NEWSX_RETURN_IF_ERROR(source.store_status());
  report.next_due_unix_s = source.NextDueUnixS();
  if (options.metrics != nullptr) options.metrics->PassFinished(report);
  return report;
}

}  // namespace newsx::pipelines
