#include "newsx/pipelines/cluster/cluster_status.h"

#include <chrono>

#include "nats_client.h"
#include "newsx/pipelines/cluster/cluster_messages.h"

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

// One reading of every stream and consumer.
Result<ClusterStatus> ReadStatus(NatsClient& client) {
  ClusterStatus out;
  for (const char* stream : {kPagesStream, kRecordsStream, kFetchStream}) {
    NEWSX_ASSIGN_OR_RETURN(internal::StreamState s, client.GetStream(stream));
    out.streams.push_back(ToStatus(s));
  }
  const std::pair<const char*, const char*> consumers[] = {{kPagesStream, kExtractConsumer},
                                                           {kRecordsStream, kStoreConsumer}};
  for (const auto& [stream, consumer] : consumers) {
    NEWSX_ASSIGN_OR_RETURN(internal::ConsumerState c, client.GetConsumer(stream, consumer));
    out.consumers.push_back(ToStatus(c));
  }
  // The fetch partitions' consumers, summed into one line.
  ConsumerStatus fetch{kFetchStream, "fetch"};
  for (int p = 0; p < kFetchPartitions; ++p) {
    NEWSX_ASSIGN_OR_RETURN(internal::ConsumerState c,
                           client.GetConsumer(kFetchStream, FetchConsumer(p).c_str()));
    fetch.pending += c.pending;
    fetch.ack_pending += c.ack_pending;
    fetch.redelivered += c.redelivered;
    fetch.waiting += c.waiting;
    fetch.delivered += c.delivered;
  }
  out.consumers.push_back(fetch);
  return out;
}

}  // namespace

Status CreateTopology(const ClusterOptions& options) {
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<NatsClient> client, NatsClient::Connect(options));
  return client->EnsureTopology(std::stop_token());
}

Result<ClusterStatus> GetClusterStatus(const ClusterOptions& options) {
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<NatsClient> client, NatsClient::Connect(options));
  // Right after a server loss one of the 21 lookups may meet a leader
  // election ("JetStream system temporarily unavailable"): ask again, up
  // to the publish timeout, as publishes do.
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(options.publish_timeout_ms);
  while (true) {
    Result<ClusterStatus> status = ReadStatus(*client);
    if (status.ok() || status.status().code() != StatusCode::kUnavailable ||
        std::chrono::steady_clock::now() >= deadline) {
      return status;
    }
    SleepUnlessStopped(std::stop_token(), 250);
  }
}

Result<bool> WaitUntilDrained(const ClusterOptions& options, int timeout_ms,
                              std::stop_token stop) {
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<NatsClient> client, NatsClient::Connect(options));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    // Upstream first: a URL leaves the fetch stream only after its page is
    // in the page stream, a page only after its record is in the record
    // stream, so all three empty in this order means all is stored.
    bool drained = true;
    for (const char* stream : {kFetchStream, kPagesStream, kRecordsStream}) {
      Result<internal::StreamState> s = client->GetStream(stream);
      if (!s.ok() || s->messages != 0) {
        drained = false;
        break;
      }
    }
    if (drained) return true;
    // Errors here (a server lost, a leader election) pass: keep asking.
    if (!SleepUnlessStopped(stop, 200)) return false;
  }
  return false;
}

}  // namespace newsx::pipelines::cluster
