// The store stage as a JetStream worker (cluster_worker.h).

#include "consume_loop.h"
#include "nats_client.h"
#include "newsx/core/record_json.h"
#include "newsx/pipelines/cluster/cluster_messages.h"
#include "newsx/pipelines/cluster/cluster_worker.h"
#include "worker_common.h"

namespace newsx::pipelines::cluster {

namespace {

using internal::Message;

class StoreWorker {
 public:
  StoreWorker(const ClusterOptions& options, store::ArticleStore& store, Logger& log,
              WorkerCounters& counters)
      : options_(options), store_(store), log_(log), counters_(counters) {}

  Status Handle(Message& msg) {
    counters_.received.fetch_add(1);
    counters_.payload_bytes_in.fetch_add(msg.data().size());
    const std::uint64_t delivered = msg.delivered();
    if (delivered > 1) counters_.redeliveries.fetch_add(1);
    if (msg.subject() == kDeadSubject) {
      Result<DeadLetter> letter = ParseDeadLetter(msg.data());
      if (!letter.ok()) {
        NEWSX_RETURN_IF_ERROR(
            WriteDeadLetter("nats:" + std::string(kRecordsStream), letter.status()));
      } else {
        NEWSX_RETURN_IF_ERROR(store_.PutDeadLetter(*letter));
        counters_.dead_letters.fetch_add(1);
      }
      return Ack(msg);
    }
    Result<RecordItem> record = DecodeRecord(msg.data());
    if (!record.ok()) {
      NEWSX_RETURN_IF_ERROR(
          WriteDeadLetter("nats:" + std::string(kRecordsStream), record.status()));
      return Ack(msg);
    }
    if (delivered > static_cast<std::uint64_t>(options_.max_deliver)) {
      NEWSX_RETURN_IF_ERROR(
          WriteDeadLetter(record->position, internal::TooManyDeliveries(delivered)));
      return Ack(msg);
    }
    // The same call the in-process pipeline's store stage makes; the write
    // is in the store's log before the ack leaves.
    store::PutOutcome outcome = store::PutOutcome::kNew;
    const Status s = store_.Put(record->extracted, record->document, &outcome);
    if (s.code() == StatusCode::kInvalidArgument) {
      NEWSX_RETURN_IF_ERROR(WriteDeadLetter(record->position, s));
      return Ack(msg);
    }
    if (!s.ok()) {
      msg.Nak().IgnoreError();  // For the next store worker, once this store is fixed.
      return s.WithContext("store write");
    }
    switch (outcome) {
      case store::PutOutcome::kNew: counters_.new_articles.fetch_add(1); break;
      case store::PutOutcome::kChanged: counters_.changed.fetch_add(1); break;
      case store::PutOutcome::kUnchanged: counters_.unchanged.fetch_add(1); break;
      case store::PutOutcome::kDuplicate: counters_.duplicates.fetch_add(1); break;
    }
    return Ack(msg);
  }

 private:
  Status WriteDeadLetter(const std::string& position, const Status& error) {
    log_.Warn(error.message(), {{"stage", "store"}, {"item", position},
                                {"code", StatusCodeName(error.code())}});
    NEWSX_RETURN_IF_ERROR(
        store_.PutDeadLetter(internal::MakeDeadLetter(position, "store", error)));
    counters_.dead_letters.fetch_add(1);
    return Status::Ok();
  }

  Status Ack(Message& msg) {
    // A lost ack means a redelivery; writing the same record again is a
    // no-op ("unchanged"), so it is only logged.
    if (Status s = msg.Ack(); !s.ok()) {
      log_.Warn("ack failed (the record will be redelivered)", {{"error", s.message()}});
      return Status::Ok();
    }
    counters_.acked.fetch_add(1);
    return Status::Ok();
  }

  const ClusterOptions& options_;
  store::ArticleStore& store_;
  Logger& log_;
  WorkerCounters& counters_;
};

}  // namespace

Status RunStoreWorker(const ClusterOptions& options, store::ArticleStore& store, Logger& log,
                      std::stop_token stop, WorkerCounters* counters) {
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<internal::NatsClient> client,
                         internal::NatsClient::Connect(options));
  NEWSX_RETURN_IF_ERROR(client->EnsureTopology(stop));
  StoreWorker handler(options, store, log, *counters);
  // One thread: the store serializes article writes anyway.
  const Status s = internal::RunConsumers(
      *client, kRecordsStream, kStoreConsumer, kRecordsSubjects, 1,
      [&handler](Message& msg) { return handler.Handle(msg); }, log, stop);
  NEWSX_RETURN_IF_ERROR(store.Flush());
  return s;
}

}  // namespace newsx::pipelines::cluster
