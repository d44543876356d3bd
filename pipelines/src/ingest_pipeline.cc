#include "newsx/pipelines/ingest_pipeline.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

#include "newsx/core/mutex.h"
#include "newsx/core/time_format.h"
#include "newsx/core/url.h"
#include "newsx/pipelines/completion_tracker.h"
#include "newsx/pipelines/first_error.h"

namespace newsx::pipelines {

namespace {

struct ToStore {
  ExtractedArticle extracted;
  RawDocument raw;  // Kept whole: reprocess needs its content type and hints.
};

std::int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Shared state of one run, touched from every stage.
class RunState {
 public:
  RunState(store::ArticleStore& store, const IngestOptions& options, Logger& log)
      : store_(store), options_(options), log_(log) {}

  CompletionTracker& tracker() { return tracker_; }

  // An item is finished (stored, filtered or dead-lettered): advance the
  // resume point and write it every `checkpoint_every_items` items.
  void Done(std::uint64_t seq) {
    tracker_.MarkDone(seq);
    if (options_.checkpoint_name.empty()) return;
    if (done_since_checkpoint_.fetch_add(1) + 1 >= options_.checkpoint_every_items) {
      done_since_checkpoint_.store(0);
      WriteCheckpoint();
    }
  }

  void WriteCheckpoint() {
    if (options_.checkpoint_name.empty()) return;
    MutexLock lock(checkpoint_mu_);
    const std::optional<std::string> mark = tracker_.Watermark();
    if (!mark || *mark == last_written_) return;
    const Status s = store_.PutCheckpoint(options_.checkpoint_name, *mark);
    if (!s.ok()) {
      Fail(s.WithContext("writing checkpoint"));
      return;
    }
    last_written_ = *mark;
  }

  // An item failed: it becomes a dead letter and counts as done. Once the
  // run has failed (the store refused a write: disk full, damaged
  // database), failures are not the item's fault and nothing more is
  // marked done, so that the resume point stays before every item whose
  // outcome was not recorded and --resume redoes them.
  void RecordFailure(const std::string& stage, std::uint64_t seq, const std::string& position,
                  const Status& error) {
    if (failed()) return;
    failed_.fetch_add(1);
    log_.Warn(error.message(), {{"stage", stage}, {"item", position},
                                {"code", StatusCodeName(error.code())}});
    const Status s = store_.PutDeadLetter(newsx::DeadLetter{position, stage,
                                                     std::string(StatusCodeName(error.code())),
                                                     error.message(), NowMs()});
    if (!s.ok()) {
      Fail(s.WithContext("writing dead letter"));
      return;
    }
    if (options_.on_failure) options_.on_failure(stage, error);
    Done(seq);
  }

  // An article stored shortened by the per-article limits: a warning and a
  // dead letter saying what was cut, so that it is not silent. The item
  // itself goes on to the store.
  void RecordTruncation(const std::string& position, const extract::Truncation& truncation) {
    truncated.fetch_add(1);
    const std::string what = "stored truncated: " + truncation.ToString();
    log_.Warn(what, {{"stage", "extract"}, {"item", position}, {"code", "resource_exhausted"}});
    const Status s = store_.PutDeadLetter(newsx::DeadLetter{
        position, "extract", std::string(StatusCodeName(StatusCode::kResourceExhausted)), what,
        NowMs()});
    if (!s.ok()) Fail(s.WithContext("writing dead letter"));
  }

  // Records an infrastructure failure; the run stops taking new items.
  void Fail(const Status& s) { fatal_.Set(s); }
  bool failed() const { return fatal_.failed(); }
  Status fatal() const { return fatal_.Get(); }

  void Stored(store::PutOutcome outcome) {
    stored.fetch_add(1);
    switch (outcome) {
      case store::PutOutcome::kNew: new_articles.fetch_add(1); break;
      case store::PutOutcome::kChanged: changed.fetch_add(1); break;
      case store::PutOutcome::kUnchanged: unchanged.fetch_add(1); break;
      case store::PutOutcome::kDuplicate: duplicates.fetch_add(1); break;
    }
  }

  StoreCounts Counts() const {
    return StoreCounts{new_articles.load(), changed.load(), unchanged.load(), duplicates.load(),
                       failed_.load()};
  }

  std::atomic<std::uint64_t> stored{0};
  std::atomic<std::uint64_t> filtered{0};
  std::atomic<std::uint64_t> failed_{0};
  std::atomic<std::uint64_t> new_articles{0};
  std::atomic<std::uint64_t> changed{0};
  std::atomic<std::uint64_t> unchanged{0};
  std::atomic<std::uint64_t> duplicates{0};
  std::atomic<std::uint64_t> truncated{0};

 private:
  store::ArticleStore& store_;
  const IngestOptions& options_;
  Logger& log_;
  CompletionTracker tracker_;
  std::atomic<int> done_since_checkpoint_{0};
  Mutex checkpoint_mu_;
  std::string last_written_ NEWSX_GUARDED_BY(checkpoint_mu_);
  FirstError fatal_;
};

bool PassesTimeFilter(const Article& a, const IngestOptions& o) {
  if (!o.since_unix_s && !o.until_unix_s) return true;
  std::optional<std::int64_t> t;
  if (!a.published.empty()) t = ParseDateTime(a.published);
  if (!t && !a.fetched.empty()) t = ParseDateTime(a.fetched);
  if (!t) return false;  // Unknown time cannot be shown to be in the window.
  if (o.since_unix_s && *t < *o.since_unix_s) return false;
  if (o.until_unix_s && *t >= *o.until_unix_s) return false;
  return true;
}

}  // namespace

std::string DescribeCounts(const StoreCounts& c) {
  return std::to_string(c.new_articles) + " new, " + std::to_string(c.changed) + " changed, " +
         std::to_string(c.unchanged) + " unchanged, " + std::to_string(c.duplicates) +
         " duplicates, " + std::to_string(c.failed) + " failed";
}

bool NothingStoredButFailures(const StoreCounts& c) {
  return c.new_articles + c.changed + c.unchanged + c.duplicates == 0 && c.failed > 0;
}

Status IngestOptions::Validate() const {
  if (extract_workers < 1 || store_workers < 1) {
    return InvalidArgumentError("worker counts must be at least 1");
  }
  if (queue_capacity < 1) return InvalidArgumentError("queue capacity must be at least 1");
  if (checkpoint_every_items < 1) return InvalidArgumentError("checkpoint interval must be >= 1");
  if (resume && checkpoint_name.empty()) {
    return InvalidArgumentError("resume needs a checkpoint name");
  }
  return Status::Ok();
}

Result<IngestReport> RunIngest(ingest::DocumentSource& source,
                               const extract::ArticleExtractor& extractor,
                               store::ArticleStore& store, const IngestOptions& options,
                               Logger& log, std::stop_token stop, const ProgressFn& progress) {
  NEWSX_RETURN_IF_ERROR(options.Validate());
  const auto start = std::chrono::steady_clock::now();
  if (options.resume) {
    NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> checkpoint,
                           store.GetCheckpoint(options.checkpoint_name));
    if (checkpoint) {
      NEWSX_RETURN_IF_ERROR(source.Resume(*checkpoint).WithContext("resuming"));
      log.Info("resuming", {{"checkpoint", *checkpoint}});
    } else {
      log.Warn("no checkpoint for these inputs: starting from the beginning (a checkpoint "
               "belongs to the exact list of inputs of the run that wrote it)",
               {{"checkpoint", options.checkpoint_name}});
    }
  }

  RunState state(store, options, log);
  const FailureSink on_failure = [&state](const std::string& stage, std::uint64_t seq,
                                          const std::string& position, const Status& error) {
    state.RecordFailure(stage, seq, position, error);
  };
  const auto capacity = static_cast<std::size_t>(options.queue_capacity);
  BoundedQueue<Envelope<RawDocument>> extract_queue(capacity);
  BoundedQueue<Envelope<ToStore>> store_queue(capacity);

  Stage<ToStore, int> store_stage(
      "store", options.store_workers, &store_queue, nullptr,
      [&](Envelope<ToStore>& item) -> Result<std::optional<int>> {
        store::PutOutcome outcome = store::PutOutcome::kNew;
        const Status s = store.Put(item.payload.extracted, item.payload.raw, &outcome);
        if (s.code() == StatusCode::kInvalidArgument) return s;
        if (!s.ok()) {
          state.Fail(s);
          return s;
        }
        state.Stored(outcome);
        state.Done(item.seq);
        return std::optional<int>(0);
      },
      on_failure);
  Stage<RawDocument, ToStore> extract_stage(
      "extract", options.extract_workers, &extract_queue, &store_queue,
      [&](Envelope<RawDocument>& item) -> Result<std::optional<ToStore>> {
        extract::Truncation truncation;
        NEWSX_ASSIGN_OR_RETURN(ExtractedArticle x, extractor.Extract(item.payload, &truncation));
        if (truncation.any()) state.RecordTruncation(item.position, truncation);
        // A page passes the host filter when the URL it was read from or
        // its canonical URL is on one of the hosts.
        if (!PassesTimeFilter(x.article, options) ||
            !(UrlOnHosts(x.article.url, options.hosts) ||
              (!x.article.canonical_url.empty() &&
               UrlOnHosts(x.article.canonical_url, options.hosts)))) {
          state.filtered.fetch_add(1);
          state.Done(item.seq);
          return std::optional<ToStore>();
        }
        return std::optional<ToStore>(ToStore{std::move(x), std::move(item.payload)});
      },
      on_failure);
  auto snapshots = [&] {
    std::vector<StageSnapshot> out;
    out.push_back(extract_stage.Snapshot());
    out.push_back(store_stage.Snapshot());
    return out;
  };

  // The source's progress: the loop below writes it, the reporter reads it.
  struct SharedProgress {
    Mutex mu;
    ingest::SourceProgress value NEWSX_GUARDED_BY(mu);
  } source_progress;
  std::jthread reporter;
  if (progress) {
    reporter = std::jthread([&](std::stop_token st) {
      while (!st.stop_requested()) {
        for (int i = 0; i < 10 && !st.stop_requested(); ++i) {
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        ingest::SourceProgress p;
        {
          MutexLock lock(source_progress.mu);
          p = source_progress.value;
        }
        progress(p, state.Counts(), snapshots());
      }
    });
  }

  IngestReport report;
  Status source_status;
  std::uint64_t seq = 0;
  while (!stop.stop_requested() && !state.failed()) {
    Result<std::optional<ingest::SourceItem>> next = source.Next();
    if (!next.ok()) {
      source_status = next.status();
      break;
    }
    if (!next->has_value()) break;
    ingest::SourceItem& item = **next;
    ++report.read;
    {
      MutexLock lock(source_progress.mu);
      source_progress.value = source.Progress();
    }
    state.tracker().Register(seq, source.Checkpoint());
    if (!item.error.ok()) {
      state.RecordFailure(item.stage, seq, item.position, item.error);
    } else if (IsWebUrl(item.document.url) && !UrlOnHosts(item.document.url, options.hosts)) {
      state.filtered.fetch_add(1);
      state.Done(seq);
    } else if (item.document.needs_fetch) {
      state.RecordFailure("read", seq, item.position,
                          FailedPreconditionError("URL-only item reached the pipeline unfetched"));
    } else {
      extract_queue.Push(Envelope<RawDocument>{seq, item.position, std::move(item.document)});
    }
    ++seq;
  }
  report.interrupted = stop.stop_requested();
  extract_queue.Close();
  extract_stage.Join();
  store_stage.Join();
  if (reporter.joinable()) {
    reporter.request_stop();
    reporter.join();
  }
  state.WriteCheckpoint();
  // Leave no write-ahead log for the read commands that follow to replay.
  if (Status flushed = store.Flush(); !flushed.ok()) state.Fail(flushed);

  report.stored = state.stored.load();
  report.filtered = state.filtered.load();
  report.failed = state.failed_.load();
  report.counts = state.Counts();
  report.truncated = state.truncated.load();
  report.stages = snapshots();
  report.elapsed_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  NEWSX_RETURN_IF_ERROR(state.fatal());
  NEWSX_RETURN_IF_ERROR(source_status);
  return report;
}

}  // namespace newsx::pipelines
