#include "newsx/pipelines/cluster/cluster_status.h"

#include <chrono>

#include "nats_client.h"

namespace newsx::pipelines::cluster {

namespace {

using internal::NatsClient;

StreamStatus ToStatus(const internal::StreamState& s) {
  return StreamStatus{s.name, s.messages, s.bytes, s.last_seq, s.replicas, s.leader};
}

ConsumerStatus ToStatus(const internal::ConsumerState& c) {
  return ConsumerStatus{c.stream,      c.name,    c.pending,   c.ack_pending,
                        c.redelivered, c.waiting, c.delivered, c.ack_floor};
}

}  // namespace

Status CreateTopology(const ClusterOptions& options) {
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<NatsClient> client, NatsClient::Connect(options));
  return client->EnsureTopology(std::stop_token());
}

Result<ClusterStatus> GetClusterStatus(const ClusterOptions& options) {
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<NatsClient> client, NatsClient::Connect(options));
  ClusterStatus out;
  for (const char* stream : {kPagesStream, kRecordsStream}) {
    NEWSX_ASSIGN_OR_RETURN(internal::StreamState s, client->GetStream(stream));
    out.streams.push_back(ToStatus(s));
  }
  const std::pair<const char*, const char*> consumers[] = {{kPagesStream, kExtractConsumer},
                                                           {kRecordsStream, kStoreConsumer}};
  for (const auto& [stream, consumer] : consumers) {
    NEWSX_ASSIGN_OR_RETURN(internal::ConsumerState c, client->GetConsumer(stream, consumer));
    out.consumers.push_back(ToStatus(c));
  }
  return out;
}

Result<bool> WaitUntilDrained(const ClusterOptions& options, int timeout_ms,
                              std::stop_token stop) {
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<NatsClient> client, NatsClient::Connect(options));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    // Pages first: a page leaves its stream only after its record is in
    // the record stream, so both empty in this order means all is stored.
    Result<internal::StreamState> pages = client->GetStream(kPagesStream);
    if (pages.ok() && pages->messages == 0) {
      Result<internal::StreamState> records = client->GetStream(kRecordsStream);
      if (records.ok() && records->messages == 0) return true;
    }
    // Errors here (a server lost, a leader election) pass: keep asking.
    if (!internal::SleepUnlessStopped(stop, 200)) return false;
  }
  return false;
}

}  // namespace newsx::pipelines::cluster
