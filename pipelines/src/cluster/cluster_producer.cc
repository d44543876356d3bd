#include "newsx/pipelines/cluster/cluster_producer.h"

#include <chrono>

#include "nats_client.h"
#include "newsx/core/hash.h"
#include "newsx/core/record_json.h"
#include "newsx/core/url.h"
#include "newsx/pipelines/cluster/cluster_messages.h"
#include "publish_items.h"
#include "worker_common.h"

namespace newsx::pipelines::cluster {

namespace internal {

namespace {

// Checks the page stream's depth this often (publishes between checks).
constexpr std::uint64_t kDepthCheckEvery = 100;

std::string CheckpointKey(const std::string& name) { return "checkpoint." + Hash128Hex(name); }

}  // namespace

Result<ProduceReport> PublishItems(NatsClient& client, ingest::DocumentSource& source,
                                   const ProduceOptions& produce, Logger& log,
                                   std::stop_token stop, const ProduceProgressFn& progress) {
  const auto start = std::chrono::steady_clock::now();
  ProduceReport report;
  std::unique_ptr<KeyValue> checkpoints;
  if (!produce.checkpoint_name.empty()) {
    NEWSX_ASSIGN_OR_RETURN(checkpoints, client.OpenKeyValue(kProducerBucket, 0));
    if (produce.resume) {
      NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> saved,
                             checkpoints->Get(CheckpointKey(produce.checkpoint_name)));
      if (saved) {
        NEWSX_RETURN_IF_ERROR(source.Resume(*saved));
        report.resumed = true;
        log.Info("resuming from the cluster's checkpoint", {{"name", produce.checkpoint_name}});
      } else {
        log.Warn("--resume: no checkpoint saved for these inputs; starting from the beginning",
                 {{"name", produce.checkpoint_name}});
      }
    }
  }
  auto save_checkpoint = [&]() -> Status {
    if (!checkpoints) return Status::Ok();
    return checkpoints->Put(CheckpointKey(produce.checkpoint_name), source.Checkpoint());
  };
  std::uint64_t depth = 0;
  auto last_progress = start;
  auto elapsed = [&start] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  auto dead_letter = [&](const std::string& position, const std::string& stage,
                         const Status& error) -> Status {
    log.Warn(error.message(), {{"stage", stage}, {"item", position},
                               {"code", StatusCodeName(error.code())}});
    const DeadLetter letter = MakeDeadLetter(position, stage, error);
    NEWSX_ASSIGN_OR_RETURN(PublishAck ack, client.Publish(kDeadSubject, ToJson(letter),
                                                          "d" + PageMessageId(position, stage),
                                                          stop));
    (void)ack;
    ++report.failed;
    return Status::Ok();
  };

  // The checkpoint may be saved only between items: after one is confirmed
  // (or filtered) and before the next is read.
  bool between_items = true;
  bool warned_no_url = false;
  int since_checkpoint = 0;
  while (!stop.stop_requested()) {
    NEWSX_ASSIGN_OR_RETURN(std::optional<ingest::SourceItem> item, source.Next());
    if (!item) break;
    between_items = false;
    ++report.read;
    if (!item->error.ok()) {
      NEWSX_RETURN_IF_ERROR(dead_letter(item->position, item->stage, item->error));
    } else if (IsWebUrl(item->document.url) && !UrlOnHosts(item->document.url, produce.hosts)) {
      ++report.filtered;
    } else {
      if (!produce.hosts.empty() && !IsWebUrl(item->document.url) && !warned_no_url) {
        // A saved page names its URL only in its markup, read by the
        // extract workers, which do not filter.
        warned_no_url = true;
        log.Warn("--host: pages without a URL before extraction are published unfiltered",
                 {{"item", item->position}});
      }
      // A URL-only item goes to the fetch workers, in its host's partition;
      // a page straight to the extract workers. The same id either way: the
      // fetch worker publishes the fetched page under the URL's id.
      const std::string subject = item->document.needs_fetch
                                      ? FetchSubject(FetchPartition(item->document.url))
                                      : std::string(kPagesSubject);
      const std::string id = PageMessageId(item->position, item->document.url);
      const std::string data = EncodePage(PageItem{item->position, std::move(item->document)});
      Result<PublishAck> ack = client.Publish(subject.c_str(), data, id, stop);
      if (ack.status().code() == StatusCode::kResourceExhausted) {
        NEWSX_RETURN_IF_ERROR(dead_letter(item->position, "read", ack.status()));
      } else if (ack.status().code() == StatusCode::kCancelled) {
        break;
      } else if (!ack.ok()) {
        return ack.status();
      } else if (ack->duplicate) {
        ++report.deduplicated;
      } else {
        ++report.published;
        report.bytes += data.size();
      }
    }
    between_items = true;
    if (++since_checkpoint >= produce.checkpoint_every_items) {
      since_checkpoint = 0;
      NEWSX_RETURN_IF_ERROR(save_checkpoint());
    }
    // Backpressure: do not run ahead of the workers by more than the limit.
    if (report.read % kDepthCheckEvery == 0) {
      while (!stop.stop_requested()) {
        Result<StreamState> state = client.GetStream(kPagesStream);
        if (state.ok()) depth = state->messages;
        if (!state.ok() || depth < static_cast<std::uint64_t>(client.options().max_pending_pages)) {
          break;
        }
        SleepUnlessStopped(stop, 200);
      }
    }
    if (progress && std::chrono::steady_clock::now() - last_progress >= std::chrono::seconds(1)) {
      last_progress = std::chrono::steady_clock::now();
      report.elapsed_s = elapsed();
      progress(report, depth);
    }
  }
  if (between_items) NEWSX_RETURN_IF_ERROR(save_checkpoint());
  report.interrupted = stop.stop_requested();
  report.elapsed_s = elapsed();
  return report;
}

}  // namespace internal

Result<ProduceReport> PublishSource(ingest::DocumentSource& source, const ClusterOptions& options,
                                    Logger& log, std::stop_token stop,
                                    const ProduceProgressFn& progress,
                                    const ProduceOptions& produce) {
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<internal::NatsClient> client,
                         internal::NatsClient::Connect(options));
  NEWSX_RETURN_IF_ERROR(client->EnsureTopology(stop));
  return internal::PublishItems(*client, source, produce, log, stop, progress);
}

}  // namespace newsx::pipelines::cluster
