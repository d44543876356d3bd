// The extract stage as a JetStream worker (cluster_worker.h).

#include <chrono>

#include "consume_loop.h"
#include "nats_client.h"
#include "newsx/core/record_json.h"
#include "newsx/pipelines/cluster/cluster_messages.h"
#include "newsx/pipelines/cluster/cluster_worker.h"
#include "worker_common.h"

namespace newsx::pipelines::cluster {

namespace {

using internal::Message;
using internal::NatsClient;

class ExtractWorker {
 public:
  ExtractWorker(NatsClient& client, const extract::ArticleExtractor& extractor, Logger& log,
                std::stop_token stop, WorkerCounters& counters)
      : client_(client), extractor_(extractor), log_(log), stop_(stop), counters_(counters) {}

  Status Handle(Message& msg) {
    counters_.received.fetch_add(1);
    counters_.payload_bytes_in.fetch_add(msg.data().size());
    const std::uint64_t delivered = msg.delivered();
    if (delivered > 1) counters_.redeliveries.fetch_add(1);
    Result<PageItem> page = DecodePage(msg.data());
    const std::string position = page.ok() ? page->position : "nats:" + std::string(kPagesStream);
    const std::string msg_id =
        page.ok() ? PageMessageId(page->position, page->document.url) : "";
    if (!page.ok()) return DeadLetterAndAck(msg, position, msg_id, page.status());
    if (delivered > static_cast<std::uint64_t>(client_.options().max_deliver)) {
      return DeadLetterAndAck(msg, position, msg_id, internal::TooManyDeliveries(delivered));
    }

    // The same call the in-process pipeline's extract stage makes.
    extract::Truncation truncation;
    Result<ExtractedArticle> extracted = extractor_.Extract(page->document, &truncation);
    if (!extracted.ok()) return DeadLetterAndAck(msg, position, msg_id, extracted.status());
    if (truncation.any()) {
      const DeadLetter note = internal::TruncationLetter(position, truncation);
      NEWSX_RETURN_IF_ERROR(PublishOrNak(msg, kDeadSubject, ToJson(note), "t" + msg_id));
    }
    const std::string record =
        EncodeRecord(RecordItem{position, std::move(*extracted), std::move(page->document)});
    Result<internal::PublishAck> ack = client_.Publish(kArticleSubject, record, RecordMessageId(msg_id), stop_);
    if (ack.status().code() == StatusCode::kResourceExhausted) {
      return DeadLetterAndAck(msg, position, msg_id, ack.status());
    }
    if (!ack.ok()) return Unpublished(msg, ack.status());
    counters_.published.fetch_add(1);
    counters_.payload_bytes_out.fetch_add(record.size());
    return AckAfterPublish(msg);
  }

 private:
  // The page failed: its dead letter goes to the store, then the page is done.
  Status DeadLetterAndAck(Message& msg, const std::string& position, const std::string& msg_id,
                          const Status& error) {
    log_.Warn(error.message(), {{"stage", "extract"}, {"item", position},
                                {"code", StatusCodeName(error.code())}});
    const DeadLetter letter = internal::MakeDeadLetter(position, "extract", error);
    const std::string id = "d" + (msg_id.empty() ? Hash128Hex(msg.data()) : msg_id);
    NEWSX_RETURN_IF_ERROR(PublishOrNak(msg, kDeadSubject, ToJson(letter), id));
    counters_.dead_letters.fetch_add(1);
    return AckAfterPublish(msg);
  }

  Status PublishOrNak(Message& msg, const char* subject, const std::string& data,
                      const std::string& id) {
    Result<internal::PublishAck> ack = client_.Publish(subject, data, id, stop_);
    if (!ack.ok()) return Unpublished(msg, ack.status());
    counters_.payload_bytes_out.fetch_add(data.size());
    return Status::Ok();
  }

  // The downstream publish did not go through (cluster unreachable past
  // the publish timeout, or stopping): the page goes back to the stream.
  // Only a stop ends the worker; otherwise the next message is tried.
  Status Unpublished(Message& msg, const Status& error) {
    msg.Nak().IgnoreError();
    if (error.code() == StatusCode::kCancelled) return Status::Ok();
    log_.Warn("publish failed; page handed back", {{"error", error.message()}});
    return Status::Ok();
  }

  Status AckAfterPublish(Message& msg) {
    // A lost ack only means a redelivery, which the record's message id
    // and the idempotent store absorb.
    if (Status s = msg.Ack(); !s.ok()) {
      log_.Warn("ack failed (the page will be redelivered)", {{"error", s.message()}});
      return Status::Ok();
    }
    counters_.acked.fetch_add(1);
    return Status::Ok();
  }

  NatsClient& client_;
  const extract::ArticleExtractor& extractor_;
  Logger& log_;
  std::stop_token stop_;
  WorkerCounters& counters_;
};

}  // namespace

Status RunExtractWorker(const ClusterOptions& options, const WorkerOptions& worker,
                        const extract::ArticleExtractor& extractor, Logger& log,
                        std::stop_token stop, WorkerCounters* counters) {
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<NatsClient> client, NatsClient::Connect(options));
  NEWSX_RETURN_IF_ERROR(client->EnsureTopology(stop));
  ExtractWorker handler(*client, extractor, log, stop, *counters);
  return internal::RunConsumers(
      *client, kPagesStream, kExtractConsumer, kPagesSubject, worker.threads,
      [&handler](Message& msg) { return handler.Handle(msg); }, log, stop);
}

}  // namespace newsx::pipelines::cluster
