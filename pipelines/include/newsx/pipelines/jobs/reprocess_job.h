#pragma once

// The reprocess job (`newsx reprocess`): re-extracts the stored raw pages
// with the given extractor (current code and lexicons) and replaces what was
// derived from them. Unchanged results change nothing (Replace is
// idempotent); a page the extractor now rejects keeps its old record and
// gets a dead letter (stage "reprocess").

#include <cstddef>
#include <cstdint>
#include <stop_token>

#include "newsx/core/result.h"
#include "newsx/extract/article_extractor.h"
#include "newsx/pipelines/jobs/time_window.h"
#include "newsx/store/article_store.h"

namespace newsx::pipelines {

struct ReprocessOptions {
  // Articles whose time (published, else fetched, else 0) is in [since, until).
  TimeWindow window;
  int workers = 1;  // Extract threads (at least 1).
};

struct ReprocessReport {
  std::size_t selected = 0;        // Articles in the window.
  std::uint64_t reextracted = 0;   // Replaced by the new extraction.
  std::uint64_t failed = 0;        // Rejected now; kept as they were, dead-lettered.
  std::uint64_t changes = 0;       // Changelog entries written (records that changed).
  double elapsed_s = 0;
  bool interrupted = false;        // `stop` was requested before the end.
};

// Selects the articles first, then rewrites them on `options.workers`
// threads, so that the scan never sees the records being replaced. A stop
// request lets each worker finish its article, then returns the report with
// `interrupted`. The first store error (or an exception thrown while
// extracting, as kInternal) stops every worker and is returned with the
// article id as context; what was replaced before stays replaced.
// `extractor` must be safe for concurrent Extract calls (it is).
Result<ReprocessReport> ReprocessArticles(store::ArticleStore& store,
                                          const extract::ArticleExtractor& extractor,
                                          const ReprocessOptions& options,
                                          std::stop_token stop = {});

}  // namespace newsx::pipelines
