#include "newsx/pipelines/jobs/reprocess_job.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <string>
#include <thread>
#include <vector>


#include "newsx/core/time_format.h"
#include "newsx/pipelines/first_error.h"

namespace newsx::pipelines {

namespace {

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

// The task boundary: an exception (bad_alloc, a library throwing) becomes
// the job's error instead of terminating the process.
Status ReprocessOneCaught(const std::string& id, const extract::ArticleExtractor& extractor,
                          store::ArticleStore& store, Counters& counters) {
  try {
    return ReprocessOne(id, extractor, store, counters);
  } catch (const std::exception& e) {
    return InternalError(std::string("exception: ") + e.what());
  } catch (...) {
    return InternalError("unknown exception");
  }
}

}  // namespace

Result<ReprocessReport> ReprocessArticles(store::ArticleStore& store,
                                          const extract::ArticleExtractor& extractor,
                                          const ReprocessOptions& options, std::stop_token stop) {
  ReprocessReport report;
  // Select first, then rewrite: the ids are small, and the scan never sees
  // the records being replaced.
  std::vector<std::string> ids;
  NEWSX_RETURN_IF_ERROR(store.ScanArticles([&](const ExtractedArticle& x) {
    const std::int64_t t = ArticleTime(x.article);
    if (t < options.window.since || t >= options.window.until) return true;
    ids.push_back(x.article.id);
    return true;
  }).WithContext("scanning articles"));
  report.selected = ids.size();
  const Result<std::uint64_t> first_seq = store.LastChangeSeq();

  Counters counters;
  std::atomic<std::size_t> next{0};
  FirstError first_error;  // The first failure; it stops everyone.
  const auto start = std::chrono::steady_clock::now();
  {
    std::vector<std::jthread> workers;
    const int n = std::max(1, options.workers);
    for (int w = 0; w < n; ++w) {
      workers.emplace_back([&] {
        for (std::size_t i = next++;
             i < ids.size() && !first_error.failed() && !stop.stop_requested(); i = next++) {
          const Status s = ReprocessOneCaught(ids[i], extractor, store, counters);
          if (!s.ok()) first_error.Set(s.WithContext("article " + ids[i]));
        }
      });
    }
  }
  NEWSX_RETURN_IF_ERROR(first_error.Get());
  report.elapsed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const Result<std::uint64_t> last_seq = store.LastChangeSeq();
  report.changes = first_seq.ok() && last_seq.ok() ? *last_seq - *first_seq : 0;
  report.reextracted = counters.done.load();
  report.failed = counters.failed.load();
  report.interrupted = stop.stop_requested();
  return report;
}

}  // namespace newsx::pipelines
