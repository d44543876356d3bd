#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "newsx/core/raw_document.h"
#include "newsx/core/result.h"
#include "newsx/extract/article_extractor.h"
#include "newsx/ingest/document_source.h"
#include "newsx/pipelines/ingest_options.h"
#include "newsx/pipelines/logger.h"
#include "newsx/pipelines/stage.h"
#include "newsx/store/article_store.h"

namespace newsx::pipelines {

// What the store made of the articles of a run (store::PutOutcome).
struct StoreCounts {
  std::uint64_t new_articles = 0;  // Not stored before.
  std::uint64_t changed = 0;       // Replaced an older version of the article.
  std::uint64_t unchanged = 0;     // The same record was already stored: nothing written.
  std::uint64_t duplicates = 0;    // Same main text as a stored article under another URL:
                                   // kept as an alias of it.
  std::uint64_t failed = 0;        // Dead letters written (any stage).
};

// "3 new, 1 changed, 10 unchanged, 2 duplicates, 1 failed".
std::string DescribeCounts(const StoreCounts& counts);

// True when the store accepted nothing (no article new, changed, unchanged
// or duplicate) while something failed: a run that exits non-zero.
bool NothingStoredButFailures(const StoreCounts& counts);

// What a run did.
struct IngestReport {
  std::uint64_t read = 0;       // Items read from the source.
  std::uint64_t stored = 0;     // Articles handed to the store (new + changed + unchanged +
                                // duplicates; see `counts` for which).
  std::uint64_t filtered = 0;   // Dropped by since/until/host.
  std::uint64_t failed = 0;     // Dead letters written.
  StoreCounts counts;
  // Articles stored shortened by extract::ArticleLimits (each also noted
  // as a dead letter of stage "extract", code resource_exhausted).
  std::uint64_t truncated = 0;
  bool interrupted = false;     // Stopped by a stop request before the end.
  double elapsed_s = 0;
  std::vector<StageSnapshot> stages;
};

// Live view for progress displays; called about once a second from a
// background thread while the run lasts.
using ProgressFn = std::function<void(const ingest::SourceProgress& source,
                                      const StoreCounts& counts,
                                      const std::vector<StageSnapshot>& stages)>;

// Runs source -> extract -> store with bounded queues between the stages.
// Sources that list URLs fetch their pages themselves (FetchingSource,
// CrawlSource); a URL-only item reaching the pipeline is a dead letter. Per-item failures become dead letters (with stage and reason) and
// the run goes on. When `stop` is requested, intake stops, in-flight items
// drain through every stage, and the final checkpoint is written.
// Returns an error only when the infrastructure fails (source unreadable as
// a whole, store write failure, bad checkpoint). With every worker count
// at 1 the run is deterministic.
Result<IngestReport> RunIngest(ingest::DocumentSource& source,
                               const extract::ArticleExtractor& extractor,
                               store::ArticleStore& store, const IngestOptions& options,
                               Logger& log, std::stop_token stop,
                               const ProgressFn& progress = nullptr);

}  // namespace newsx::pipelines
