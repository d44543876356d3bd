#include "nats_client.h"

#include <nats/nats.h>

#include <chrono>
#include <functional>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "newsx/pipelines/cluster/cluster_messages.h"

namespace newsx::pipelines::cluster::internal {

namespace {

// The one place where libnats' errors become Status values.
Status FromNats(natsStatus s, int js_err, std::string_view what) {
  if (s == NATS_OK) return Status::Ok();
  std::string message(what);
  message += ": ";
  message += natsStatus_GetText(s);
  if (js_err != 0) message += " (JetStream error " + std::to_string(js_err) + ")";
  natsStatus last = NATS_OK;
  if (const char* detail = nats_GetLastError(&last); detail != nullptr && *detail != '\0') {
    message += ": ";
    message += detail;
  }
  switch (s) {
    case NATS_TIMEOUT: return DeadlineExceededError(message);
    case NATS_MAX_PAYLOAD: return ResourceExhaustedError(message);
    case NATS_INVALID_ARG: return InvalidArgumentError(message);
    case NATS_NOT_FOUND: return NotFoundError(message);
    case NATS_NO_SERVER:
    case NATS_NO_RESPONDERS:
    case NATS_CONNECTION_CLOSED:
    case NATS_CONNECTION_DISCONNECTED:
    case NATS_STALE_CONNECTION:
    case NATS_IO_ERROR:
      return UnavailableError(message);
    default: return UnavailableError(message);  // Server-side refusals are retried.
  }
}

bool Retryable(const Status& s) {
  return s.code() == StatusCode::kUnavailable || s.code() == StatusCode::kDeadlineExceeded;
}

std::int64_t MsToNs(std::int64_t ms) { return ms * 1'000'000; }

// Runs `call` until it succeeds, fails for good, or `retry_ms` have passed
// (backing off from 50 ms to 1 s).
Status RetryTransient(int retry_ms, const std::function<Status()>& call) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(retry_ms);
  int backoff_ms = 50;
  while (true) {
    Status s = call();
    if (s.ok() || !Retryable(s) || std::chrono::steady_clock::now() >= deadline) return s;
    std::this_thread::sleep_for(std::chrono::milliseconds(backoff_ms));
    backoff_ms = std::min(backoff_ms * 2, 1000);
  }
}

}  // namespace

// --- Message ---------------------------------------------------------------

Message::Message(natsMsg* msg) : msg_(msg) {}
Message::~Message() {
  if (msg_ != nullptr) natsMsg_Destroy(msg_);
}
Message::Message(Message&& other) noexcept : msg_(other.msg_) { other.msg_ = nullptr; }

std::string_view Message::subject() const { return natsMsg_GetSubject(msg_); }
std::string_view Message::data() const {
  return std::string_view(natsMsg_GetData(msg_), natsMsg_GetDataLength(msg_));
}

std::uint64_t Message::delivered() const {
  jsMsgMetaData* meta = nullptr;
  if (natsMsg_GetMetaData(&meta, msg_) != NATS_OK) return 1;
  const std::uint64_t n = meta->NumDelivered;
  jsMsgMetaData_Destroy(meta);
  return n;
}

Status Message::Ack() { return FromNats(natsMsg_Ack(msg_, nullptr), 0, "ack"); }
Status Message::Nak() { return FromNats(natsMsg_Nak(msg_, nullptr), 0, "nak"); }
Status Message::InProgress() {
  return FromNats(natsMsg_InProgress(msg_, nullptr), 0, "in-progress");
}

// --- PullSubscription ------------------------------------------------------

PullSubscription::PullSubscription(natsSubscription* sub) : sub_(sub) {}
PullSubscription::~PullSubscription() {
  // Unsubscribing a bound pull subscription does not delete the durable
  // consumer (the library deletes only consumers it created).
  natsSubscription_Destroy(sub_);
}

Result<std::vector<Message>> PullSubscription::Fetch(int batch, int timeout_ms) {
  natsMsgList list{nullptr, 0};
  jsErrCode js_err = static_cast<jsErrCode>(0);
  const natsStatus s = natsSubscription_Fetch(&list, sub_, batch, timeout_ms, &js_err);
  std::vector<Message> out;
  if (s == NATS_TIMEOUT) return out;
  if (s != NATS_OK) return FromNats(s, js_err, "fetching messages");
  out.reserve(static_cast<std::size_t>(list.Count));
  for (int i = 0; i < list.Count; ++i) {
    out.emplace_back(list.Msgs[i]);
    list.Msgs[i] = nullptr;  // Owned by the Message now.
  }
  natsMsgList_Destroy(&list);
  return out;
}

Result<std::vector<Message>> PullSubscription::FetchNoWait(int batch) {
  jsFetchRequest req;
  jsFetchRequest_Init(&req);
  req.Batch = batch;
  // A NoWait request with nothing there still waits for its Expires in
  // this client (measured: the whole second), so ask for a short wait.
  req.Expires = MsToNs(5);
  natsMsgList list{nullptr, 0};
  const natsStatus s = natsSubscription_FetchRequest(&list, sub_, &req);
  std::vector<Message> out;
  // Nothing there ends as a timeout (or "not found", 404).
  if (s == NATS_TIMEOUT || s == NATS_NOT_FOUND) return out;
  if (s != NATS_OK) return FromNats(s, 0, "fetching messages");
  out.reserve(static_cast<std::size_t>(list.Count));
  for (int i = 0; i < list.Count; ++i) {
    out.emplace_back(list.Msgs[i]);
    list.Msgs[i] = nullptr;
  }
  natsMsgList_Destroy(&list);
  return out;
}

// --- KeyValue --------------------------------------------------------------

KeyValue::KeyValue(kvStore* kv, int retry_ms) : kv_(kv), retry_ms_(retry_ms) {}
KeyValue::~KeyValue() { kvStore_Destroy(kv_); }

Result<std::uint64_t> KeyValue::Create(const std::string& key, std::string_view value) {
  std::uint64_t rev = 0;
  const natsStatus s =
      kvStore_Create(&rev, kv_, key.c_str(), value.data(), static_cast<int>(value.size()));
  if (s == NATS_OK) return rev;
  // A refusal by the server (wrong last sequence) is NATS_ERR: taken.
  if (s == NATS_ERR) return FailedPreconditionError(key + " is held");
  return FromNats(s, 0, "creating " + key);
}

Result<std::uint64_t> KeyValue::Update(const std::string& key, std::string_view value,
                                       std::uint64_t last) {
  std::uint64_t rev = 0;
  const natsStatus s = kvStore_Update(&rev, kv_, key.c_str(), value.data(),
                                      static_cast<int>(value.size()), last);
  if (s == NATS_OK) return rev;
  if (s == NATS_ERR) {
    return FailedPreconditionError(FromNats(s, 0, key + " was written by another").message());
  }
  return FromNats(s, 0, "updating " + key);
}

Status KeyValue::Put(const std::string& key, std::string_view value) {
  return RetryTransient(retry_ms_, [&]() -> Status {
    std::uint64_t rev = 0;
    return FromNats(
        kvStore_Put(&rev, kv_, key.c_str(), value.data(), static_cast<int>(value.size())), 0,
        "writing " + key);
  });
}

Result<std::optional<std::string>> KeyValue::Get(const std::string& key) {
  std::optional<std::string> value;
  NEWSX_RETURN_IF_ERROR(RetryTransient(retry_ms_, [&]() -> Status {
    kvEntry* entry = nullptr;
    const natsStatus s = kvStore_Get(&entry, kv_, key.c_str());
    if (s == NATS_NOT_FOUND) return Status::Ok();
    if (s != NATS_OK) return FromNats(s, 0, "reading " + key);
    const auto* data = static_cast<const char*>(kvEntry_Value(entry));
    value.emplace(data == nullptr ? std::string_view()
                                  : std::string_view(data, kvEntry_ValueLen(entry)));
    kvEntry_Destroy(entry);
    return Status::Ok();
  }));
  return value;
}

Status KeyValue::Delete(const std::string& key) {
  return FromNats(kvStore_Delete(kv_, key.c_str()), 0, "deleting " + key);
}

Result<std::vector<std::string>> KeyValue::Keys() {
  kvKeysList list{nullptr, 0};
  const natsStatus s = kvStore_Keys(&list, kv_, nullptr);
  std::vector<std::string> out;
  if (s == NATS_NOT_FOUND) return out;  // No keys.
  if (s != NATS_OK) return FromNats(s, 0, "listing keys");
  for (int i = 0; i < list.Count; ++i) out.emplace_back(list.Keys[i]);
  kvKeysList_Destroy(&list);
  return out;
}

// --- NatsClient ------------------------------------------------------------

NatsClient::NatsClient(const ClusterOptions& options, natsConnection* conn, jsCtx* js)
    : options_(options), conn_(conn), js_(js) {}

NatsClient::~NatsClient() {
  jsCtx_Destroy(js_);
  natsConnection_Destroy(conn_);  // Closes and flushes (pending acks go out).
}

Result<std::unique_ptr<NatsClient>> NatsClient::Connect(const ClusterOptions& options) {
  NEWSX_RETURN_IF_ERROR(options.Validate());
  natsOptions* opts = nullptr;
  natsStatus s = natsOptions_Create(&opts);
  // natsOptions_SetURL takes one server: a list goes through SetServers,
  // which the client also fails over between and reconnects to.
  const std::vector<std::string> urls = options.Servers();
  std::vector<const char*> servers;
  servers.reserve(urls.size());
  for (const std::string& url : urls) servers.push_back(url.c_str());
  if (s == NATS_OK) {
    s = natsOptions_SetServers(opts, servers.data(), static_cast<int>(servers.size()));
  }
  if (s == NATS_OK) s = natsOptions_SetName(opts, options.client_name.c_str());
  if (s == NATS_OK) s = natsOptions_SetTimeout(opts, 2000);
  // A server lost mid-run must not end the worker: reconnect to the others
  // (or to it when it is back) for ever, quickly.
  if (s == NATS_OK) s = natsOptions_SetMaxReconnect(opts, -1);
  if (s == NATS_OK) s = natsOptions_SetReconnectWait(opts, 250);
  if (s == NATS_OK) s = natsOptions_SetPingInterval(opts, 2000);
  if (s == NATS_OK) s = natsOptions_SetMaxPingsOut(opts, 2);
  natsConnection* conn = nullptr;
  if (s == NATS_OK) s = natsConnection_Connect(&conn, opts);
  natsOptions_Destroy(opts);
  if (s != NATS_OK) return FromNats(s, 0, "connecting to " + options.urls);
  jsOptions jo;
  jsOptions_Init(&jo);
  jo.Wait = 5000;
  jsCtx* js = nullptr;
  s = natsConnection_JetStream(&js, conn, &jo);
  if (s != NATS_OK) {
    natsConnection_Destroy(conn);
    return FromNats(s, 0, "opening JetStream");
  }
  return std::unique_ptr<NatsClient>(new NatsClient(options, conn, js));
}

Status NatsClient::EnsureStream(const char* name, const char* subject) {
  jsStreamInfo* si = nullptr;
  jsErrCode js_err = static_cast<jsErrCode>(0);
  natsStatus s = js_GetStreamInfo(&si, js_, name, nullptr, &js_err);
  if (s == NATS_OK) {
    jsStreamInfo_Destroy(si);
    return Status::Ok();
  }
  if (s != NATS_NOT_FOUND && js_err != JSStreamNotFoundErr) {
    return FromNats(s, js_err, std::string("looking up stream ") + name);
  }
  jsStreamConfig cfg;
  jsStreamConfig_Init(&cfg);
  cfg.Name = name;
  const char* subjects[] = {subject};
  cfg.Subjects = subjects;
  cfg.SubjectsLen = 1;
  // Work queue: a message is gone once its one consumer acked it.
  cfg.Retention = js_WorkQueuePolicy;
  cfg.Storage = js_FileStorage;
  cfg.Replicas = options_.replicas;
  cfg.Duplicates = MsToNs(options_.duplicate_window_ms);
  cfg.MaxBytes = options_.max_stream_bytes;
  cfg.Discard = js_DiscardNew;  // Full: refuse new work rather than drop queued work.
  js_err = static_cast<jsErrCode>(0);
  s = js_AddStream(&si, js_, &cfg, nullptr, &js_err);
  if (s == NATS_OK) {
    jsStreamInfo_Destroy(si);
    return Status::Ok();
  }
  if (js_err == JSStreamNameExistErr) return Status::Ok();  // Another process won the race.
  return FromNats(s, js_err, std::string("creating stream ") + name);
}

Status NatsClient::EnsureConsumer(const char* stream, const char* name, const char* filter) {
  jsConsumerInfo* ci = nullptr;
  jsErrCode js_err = static_cast<jsErrCode>(0);
  natsStatus s = js_GetConsumerInfo(&ci, js_, stream, name, nullptr, &js_err);
  if (s == NATS_OK) {
    jsConsumerInfo_Destroy(ci);
    return Status::Ok();
  }
  if (s != NATS_NOT_FOUND && js_err != JSConsumerNotFoundErr) {
    return FromNats(s, js_err, std::string("looking up consumer ") + name);
  }
  jsConsumerConfig cc;
  jsConsumerConfig_Init(&cc);
  cc.Durable = name;
  cc.AckPolicy = js_AckExplicit;
  cc.AckWait = MsToNs(options_.ack_wait_ms);
  // Unlimited here: the worker itself turns a message delivered more than
  // max_deliver times into a dead letter, so that it lands in the store
  // with a reason instead of silently staying in the stream.
  cc.MaxDeliver = -1;
  cc.MaxAckPending = 1000;
  cc.DeliverPolicy = js_DeliverAll;
  // A work-queue stream with several consumers needs disjoint filters.
  cc.FilterSubject = filter;
  js_err = static_cast<jsErrCode>(0);
  s = js_AddConsumer(&ci, js_, stream, &cc, nullptr, &js_err);
  if (s == NATS_OK) {
    jsConsumerInfo_Destroy(ci);
    return Status::Ok();
  }
  if (js_err == JSConsumerNameExistErr) return Status::Ok();
  return FromNats(s, js_err, std::string("creating consumer ") + name);
}

Status NatsClient::EnsureTopology(std::stop_token stop) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.publish_timeout_ms);
  while (true) {
    Status s = EnsureStream(kPagesStream, kPagesSubject);
    if (s.ok()) s = EnsureStream(kRecordsStream, kRecordsSubjects);
    if (s.ok()) s = EnsureConsumer(kPagesStream, kExtractConsumer);
    if (s.ok()) s = EnsureConsumer(kRecordsStream, kStoreConsumer);
    if (s.ok()) s = EnsureStream(kFetchStream, kFetchSubjects);
    for (int p = 0; p < kFetchPartitions && s.ok(); ++p) {
      s = EnsureConsumer(kFetchStream, FetchConsumer(p).c_str(), FetchSubject(p).c_str());
    }
    // The buckets too, so that they get this process's replica count when
    // it is `cluster init` (a bucket made later by a worker would get 1).
    if (s.ok()) s = OpenKeyValue(kLeaseBucket, options_.lease_ms).status();
    if (s.ok()) s = OpenKeyValue(kProducerBucket, 0).status();
    if (s.ok() || !Retryable(s) || std::chrono::steady_clock::now() >= deadline) return s;
    if (!SleepUnlessStopped(stop, 250)) return CancelledError("stopped");
  }
}

Result<PublishAck> NatsClient::Publish(const char* subject, std::string_view data,
                                       const std::string& msg_id, std::stop_token stop) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.publish_timeout_ms);
  int backoff_ms = 50;
  while (true) {
    jsPubOptions po;
    jsPubOptions_Init(&po);
    po.MsgId = msg_id.c_str();
    po.MaxWait = 5000;
    jsPubAck* ack = nullptr;
    jsErrCode js_err = static_cast<jsErrCode>(0);
    const natsStatus s = js_Publish(&ack, js_, subject, data.data(), static_cast<int>(data.size()),
                                    &po, &js_err);
    if (s == NATS_OK) {
      PublishAck out{ack->Sequence, ack->Duplicate};
      jsPubAck_Destroy(ack);
      return out;
    }
    // A retry after a lost acknowledgement is safe: the message id makes the
    // server drop the second copy.
    const Status error = FromNats(s, js_err, std::string("publishing to ") + subject);
    if (!Retryable(error) || std::chrono::steady_clock::now() >= deadline) return error;
    if (!SleepUnlessStopped(stop, backoff_ms)) return CancelledError("stopped");
    backoff_ms = std::min(backoff_ms * 2, 1000);
  }
}

Result<std::unique_ptr<PullSubscription>> NatsClient::Subscribe(const char* stream,
                                                                const char* consumer,
                                                                const char* subject) {
  jsSubOptions so;
  jsSubOptions_Init(&so);
  so.Stream = stream;
  so.Consumer = consumer;
  natsSubscription* sub = nullptr;
  jsErrCode js_err = static_cast<jsErrCode>(0);
  const natsStatus s = js_PullSubscribe(&sub, js_, subject, consumer, nullptr, &so, &js_err);
  if (s != NATS_OK) {
    return FromNats(s, js_err, std::string("subscribing to consumer ") + consumer);
  }
  return std::make_unique<PullSubscription>(sub);
}

Result<std::unique_ptr<KeyValue>> NatsClient::OpenKeyValue(const char* bucket, int ttl_ms) {
  kvStore* kv = nullptr;
  natsStatus s = js_KeyValue(&kv, js_, bucket);
  if (s == NATS_OK) return std::make_unique<KeyValue>(kv, options_.publish_timeout_ms);
  kvConfig cfg;
  kvConfig_Init(&cfg);
  cfg.Bucket = bucket;
  cfg.History = 1;
  cfg.TTL = MsToNs(ttl_ms);
  cfg.Replicas = options_.replicas;
  cfg.StorageType = js_FileStorage;
  s = js_CreateKeyValue(&kv, js_, &cfg);
  if (s != NATS_OK) {
    // Another worker may have created it meanwhile.
    if (js_KeyValue(&kv, js_, bucket) == NATS_OK) return std::make_unique<KeyValue>(kv, options_.publish_timeout_ms);
    return FromNats(s, 0, std::string("opening key-value bucket ") + bucket);
  }
  return std::make_unique<KeyValue>(kv, options_.publish_timeout_ms);
}

Result<StreamState> NatsClient::GetStream(const char* stream) {
  jsStreamInfo* si = nullptr;
  jsErrCode js_err = static_cast<jsErrCode>(0);
  const natsStatus s = js_GetStreamInfo(&si, js_, stream, nullptr, &js_err);
  if (s != NATS_OK) return FromNats(s, js_err, std::string("stream ") + stream);
  StreamState out;
  out.name = stream;
  out.messages = si->State.Msgs;
  out.bytes = si->State.Bytes;
  out.first_seq = si->State.FirstSeq;
  out.last_seq = si->State.LastSeq;
  out.replicas = si->Config != nullptr ? si->Config->Replicas : 0;
  if (si->Cluster != nullptr && si->Cluster->Leader != nullptr) out.leader = si->Cluster->Leader;
  jsStreamInfo_Destroy(si);
  return out;
}

Result<ConsumerState> NatsClient::GetConsumer(const char* stream, const char* consumer) {
  jsConsumerInfo* ci = nullptr;
  jsErrCode js_err = static_cast<jsErrCode>(0);
  const natsStatus s = js_GetConsumerInfo(&ci, js_, stream, consumer, nullptr, &js_err);
  if (s != NATS_OK) return FromNats(s, js_err, std::string("consumer ") + consumer);
  ConsumerState out;
  out.stream = stream;
  out.name = consumer;
  out.delivered = ci->Delivered.Consumer;
  out.ack_floor = ci->AckFloor.Stream;
  out.ack_pending = ci->NumAckPending;
  out.redelivered = ci->NumRedelivered;
  out.waiting = ci->NumWaiting;
  out.pending = ci->NumPending;
  jsConsumerInfo_Destroy(ci);
  return out;
}

}  // namespace newsx::pipelines::cluster::internal
