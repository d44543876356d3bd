#include "newsx/pipelines/cluster/cluster_producer.h"

#include <chrono>

#include "nats_client.h"
#include "newsx/core/record_json.h"
#include "newsx/pipelines/cluster/cluster_messages.h"
#include "worker_common.h"

namespace newsx::pipelines::cluster {

namespace {

using internal::NatsClient;

// Checks the page stream's depth this often (publishes between checks).
constexpr std::uint64_t kDepthCheckEvery = 100;

}  // namespace

Result<ProduceReport> PublishSource(ingest::DocumentSource& source, const ClusterOptions& options,
                                    Logger& log, std::stop_token stop,
                                    const ProduceProgressFn& progress) {
  const auto start = std::chrono::steady_clock::now();
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<NatsClient> client, NatsClient::Connect(options));
  NEWSX_RETURN_IF_ERROR(client->EnsureTopology(stop));
  ProduceReport report;
  std::uint64_t depth = 0;
  auto last_progress = start;
  auto elapsed = [&start] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  auto dead_letter = [&](const std::string& position, const std::string& stage,
                         const Status& error) -> Status {
    log.Warn(error.message(), {{"stage", stage}, {"item", position},
                               {"code", StatusCodeName(error.code())}});
    const DeadLetter letter = internal::MakeDeadLetter(position, stage, error);
    NEWSX_ASSIGN_OR_RETURN(internal::PublishAck ack,
                           client->Publish(kDeadSubject, ToJson(letter),
                                           "d" + PageMessageId(position, stage), stop));
    (void)ack;
    ++report.failed;
    return Status::Ok();
  };

  while (!stop.stop_requested()) {
    NEWSX_ASSIGN_OR_RETURN(std::optional<ingest::SourceItem> item, source.Next());
    if (!item) break;
    ++report.read;
    if (!item->error.ok()) {
      NEWSX_RETURN_IF_ERROR(dead_letter(item->position, item->stage, item->error));
    } else {
      // A URL-only item goes to the fetch workers, in its host's partition;
      // a page straight to the extract workers. The same id either way: the
      // fetch worker publishes the fetched page under the URL's id.
      const std::string subject = item->document.needs_fetch
                                      ? FetchSubject(FetchPartition(item->document.url))
                                      : std::string(kPagesSubject);
      const std::string id = PageMessageId(item->position, item->document.url);
      const std::string data = EncodePage(PageItem{item->position, std::move(item->document)});
      Result<internal::PublishAck> ack = client->Publish(subject.c_str(), data, id, stop);
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
    // Backpressure: do not run ahead of the workers by more than the limit.
    if (report.read % kDepthCheckEvery == 0) {
      while (!stop.stop_requested()) {
        Result<internal::StreamState> state = client->GetStream(kPagesStream);
        if (state.ok()) depth = state->messages;
        if (!state.ok() || depth < static_cast<std::uint64_t>(options.max_pending_pages)) break;
        internal::SleepUnlessStopped(stop, 200);
      }
    }
    if (progress && std::chrono::steady_clock::now() - last_progress >= std::chrono::seconds(1)) {
      last_progress = std::chrono::steady_clock::now();
      report.elapsed_s = elapsed();
      progress(report, depth);
    }
  }
  report.interrupted = stop.stop_requested();
  report.elapsed_s = elapsed();
  return report;
}

}  // namespace newsx::pipelines::cluster
