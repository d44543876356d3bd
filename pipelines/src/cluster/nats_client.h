#pragma once

// The only code that knows libnats (nats.h stays out of every public
// header). A thin RAII layer over a connection, its JetStream context, pull
// subscriptions and messages, with errors as Status values.

#include <cstdint>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/core/result.h"
#include "newsx/pipelines/cluster/cluster_options.h"
#include "newsx/pipelines/stop_wait.h"

struct __natsConnection;
struct __natsSubscription;
struct __natsMsg;
struct __jsCtx;
struct __kvStore;

namespace newsx::pipelines::cluster::internal {

// One delivered JetStream message; acks go to the server that delivered it.
// Not thread-safe.
class Message {
 public:
  explicit Message(__natsMsg* msg);
  ~Message();
  Message(Message&& other) noexcept;
  Message& operator=(Message&&) = delete;
  Message(const Message&) = delete;

  std::string_view subject() const;
  std::string_view data() const;
  // How many times the server has delivered it (1 on the first delivery).
  std::uint64_t delivered() const;

  // Done: the server removes it from the work queue.
  Status Ack();
  // Not done: redeliver now (to any worker).
  Status Nak();
  // Still working on it: restarts the ack-wait timer.
  Status InProgress();

 private:
  __natsMsg* msg_;
};

// A pull subscription bound to an existing durable consumer. Not
// thread-safe: one per worker thread.
class PullSubscription {
 public:
  explicit PullSubscription(__natsSubscription* sub);
  ~PullSubscription();
  PullSubscription(const PullSubscription&) = delete;
  PullSubscription& operator=(const PullSubscription&) = delete;

  // Up to `batch` messages, waiting at most `timeout_ms`; an empty vector
  // when none came. kUnavailable while the servers cannot be reached.
  Result<std::vector<Message>> Fetch(int batch, int timeout_ms);
  // Up to `batch` messages that are there now (waits at most 5 ms).
  Result<std::vector<Message>> FetchNoWait(int batch);

 private:
  __natsSubscription* sub_;
};

// A JetStream key-value bucket (fetch leases, producer state). Get and Put
// retry while the cluster elects a leader or reconnects, up to
// `retry_ms`; Create and Update (lease moves) answer at once. Thread-safe.
class KeyValue {
 public:
  KeyValue(struct __kvStore* kv, int retry_ms);
  ~KeyValue();
  KeyValue(const KeyValue&) = delete;
  KeyValue& operator=(const KeyValue&) = delete;

  // Sets `key` unless it holds a live value: its revision, or
  // kFailedPrecondition when another value is there.
  Result<std::uint64_t> Create(const std::string& key, std::string_view value);
  // Sets `key` if its revision is still `last`: the new revision, or
  // kFailedPrecondition when someone else wrote it since (or it expired).
  Result<std::uint64_t> Update(const std::string& key, std::string_view value,
                               std::uint64_t last);
  Status Put(const std::string& key, std::string_view value);
  // The live value of `key`, or nullopt when it has none (never written,
  // deleted or expired).
  Result<std::optional<std::string>> Get(const std::string& key);
  Status Delete(const std::string& key);
  // Keys with a live value (expired ones are gone).
  Result<std::vector<std::string>> Keys();

 private:
  struct __kvStore* kv_;
  const int retry_ms_;
};

struct StreamState {
  std::string name;
  std::uint64_t messages = 0;
  std::uint64_t bytes = 0;
  std::uint64_t first_seq = 0;
  std::uint64_t last_seq = 0;
  std::int64_t replicas = 0;
  std::string leader;  // Cluster leader's server name, "" on a single server.
};

struct ConsumerState {
  std::string stream;
  std::string name;
  std::uint64_t delivered = 0;      // Consumer sequence: deliveries so far.
  std::uint64_t ack_floor = 0;      // Stream sequence all before which are acked.
  std::int64_t ack_pending = 0;     // Delivered, not yet acked.
  std::int64_t redelivered = 0;     // Currently pending that were delivered more than once.
  std::int64_t waiting = 0;         // Pull requests waiting (about: idle workers).
  std::uint64_t pending = 0;        // Not yet delivered.
};

struct PublishAck {
  std::uint64_t sequence = 0;
  bool duplicate = false;  // The server already had this message id.
};

// Thread-safe (libnats connections are).
class NatsClient {
 public:
  // Connects to any of options.urls (reconnecting to the others for ever
  // after). kUnavailable when none answers.
  static Result<std::unique_ptr<NatsClient>> Connect(const ClusterOptions& options);
  ~NatsClient();
  NatsClient(const NatsClient&) = delete;
  NatsClient& operator=(const NatsClient&) = delete;

  // Creates the streams, their consumers and the key-value buckets
  // (leases, producers) if they do not exist (existing ones are used as
  // they are). Retries while the cluster has no leader, up to
  // publish_timeout_ms.
  Status EnsureTopology(std::stop_token stop);

  // Publishes and waits for the stream's acknowledgement (stored on the
  // stream's replicas). `msg_id` is the de-duplication id. Retries
  // transient failures (no leader, disconnected, full stream) until
  // publish_timeout_ms or a stop request (kCancelled). kResourceExhausted
  // for a message larger than the server's max_payload.
  Result<PublishAck> Publish(const char* subject, std::string_view data,
                             const std::string& msg_id, std::stop_token stop);

  Result<std::unique_ptr<PullSubscription>> Subscribe(const char* stream, const char* consumer,
                                                      const char* subject);

  // The key-value bucket `bucket`, created if missing with values that
  // expire `ttl_ms` after their last write, or never for 0
  // (options().replicas replicas).
  Result<std::unique_ptr<KeyValue>> OpenKeyValue(const char* bucket, int ttl_ms);

  Result<StreamState> GetStream(const char* stream);
  Result<ConsumerState> GetConsumer(const char* stream, const char* consumer);

  const ClusterOptions& options() const { return options_; }

 private:
  NatsClient(const ClusterOptions& options, __natsConnection* conn, __jsCtx* js);
  Status EnsureStream(const char* name, const char* subject);
  Status EnsureConsumer(const char* stream, const char* name, const char* filter = nullptr);

  const ClusterOptions options_;
  __natsConnection* conn_;
  __jsCtx* js_;
};

}  // namespace newsx::pipelines::cluster::internal
