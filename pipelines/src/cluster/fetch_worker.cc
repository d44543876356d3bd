// The fetch stage as a JetStream worker (cluster_worker.h): politeness
// across workers comes from partition leases, politeness within the worker
// from the same HttpFetcher the in-process fetch stage uses.

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <thread>

#include "nats_client.h"
#include "newsx/core/record_json.h"
#include "newsx/ingest/http_fetcher.h"
#include "newsx/pipelines/cluster/cluster_messages.h"
#include "newsx/pipelines/cluster/cluster_worker.h"
#include "newsx/ingest/fetching_source.h"
#include "worker_common.h"

namespace newsx::pipelines::cluster {

namespace {

using internal::KeyValue;
using internal::Message;
using internal::NatsClient;
using internal::PullSubscription;
using Clock = std::chrono::steady_clock;

std::string LeaseKey(int partition) { return "p." + std::to_string(partition); }
constexpr const char* kWorkerKeyPrefix = "w.";

// A random id per worker process: names its leases and its heartbeat.
std::string NewWorkerId() {
  std::random_device rd;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%08x%08x", rd(), rd());
  return buf;
}

class FetchWorker {
 public:
  FetchWorker(NatsClient& client, KeyValue& leases, std::unique_ptr<ingest::HttpFetcher> fetcher,
              const FetchWorkerOptions& worker, Logger& log, std::stop_token stop,
              WorkerCounters& counters)
      : client_(client), leases_(leases), fetcher_(std::move(fetcher)), worker_(worker),
        log_(log), stop_(stop), counters_(counters), id_(NewWorkerId()) {}

  Status Run() {
    auto next_tick = Clock::now();
    const auto tick = std::chrono::milliseconds(client_.options().lease_ms / 3);
    auto next_progress = Clock::now();
    while (!stop_.stop_requested()) {
      if (Clock::now() >= next_tick) {
        MaintainLeases();
        next_tick = Clock::now() + tick;
      }
      const bool took = TakeWork();
      if (Clock::now() >= next_progress) {
        KeepInProgress();
        next_progress = Clock::now() + std::chrono::milliseconds(client_.options().ack_wait_ms / 3);
      }
      if (fetcher_->pending() > 0) {
        fetcher_->Poll(50, [this](ingest::FetchResponse&& r) { OnFetched(std::move(r)); });
      } else if (!took) {
        SleepUnlessStopped(stop_, 50);
      }
    }
    // Stopping: URLs not done go back at once; leases are released so that
    // the other workers take the partitions without waiting for expiry.
    for (auto& [tag, item] : in_flight_) item.msg.Nak().IgnoreError();
    in_flight_.clear();
    fetcher_.reset();  // Aborts the transfers.
    // The next holder's first request to a host must keep the delay after
    // this worker's last one.
    std::this_thread::sleep_for(std::chrono::milliseconds(worker_.fetch.per_host_delay_ms));
    for (auto& [p, held] : held_) {
      if (!held.lost) leases_.Delete(LeaseKey(p)).IgnoreError();
    }
    held_.clear();
    counters_.partitions.store(0);
    leases_.Delete(kWorkerKeyPrefix + id_).IgnoreError();
    return Status::Ok();
  }

 private:
  struct Held {
    std::uint64_t revision = 0;
    std::unique_ptr<PullSubscription> sub;
    bool releasing = false;  // Given up: no new URLs; released once idle.
    bool lost = false;       // Someone else holds the lease now: not ours to delete.
    int in_flight = 0;
    Clock::time_point last_done{};
  };
  struct InFlight {
    Message msg;
    int partition;
    std::string msg_id;
    ingest::SourceItem item;
  };

  // Renews the leases held, counts the live workers, and claims or gives
  // up partitions towards an even share.
  void MaintainLeases() {
    if (Status s = leases_.Put(kWorkerKeyPrefix + id_, "fetch"); !s.ok()) {
      log_.Warn("lease heartbeat failed", {{"error", s.message()}});
    }
    for (auto it = held_.begin(); it != held_.end();) {
      if (it->second.lost) {
        ++it;
        continue;
      }
      Result<std::uint64_t> rev = leases_.Update(LeaseKey(it->first), id_, it->second.revision);
      if (rev.ok()) {
        it->second.revision = *rev;
        ++it;
        continue;
      }
      if (rev.status().code() != StatusCode::kFailedPrecondition) {
        ++it;  // Cluster unreachable: keep it and try again next tick.
        continue;
      }
      // Lost (this worker stalled past the lease): another holds it now.
      // Its subscription stays until the URLs in hand are done (their acks
      // go through it); no new ones are taken.
      if (!it->second.lost) {
        log_.Warn("partition lease lost", {{"partition", std::to_string(it->first)},
                                           {"error", rev.status().message()}});
      }
      it->second.lost = true;
      it->second.releasing = true;
      ++it;
    }
    Result<std::vector<std::string>> keys = leases_.Keys();
    if (!keys.ok()) return;
    const auto workers = std::count_if(keys->begin(), keys->end(), [](const std::string& k) {
      return k.rfind(kWorkerKeyPrefix, 0) == 0;
    });
    const int share = static_cast<int>((kFetchPartitions + std::max<long>(workers, 1) - 1) /
                                       std::max<long>(workers, 1));
    int active = 0;
    for (auto& [p, held] : held_) active += held.releasing ? 0 : 1;
    // Give up the surplus (highest partitions first) ...
    for (auto it = held_.rbegin(); it != held_.rend() && active > share; ++it) {
      if (!it->second.releasing) {
        it->second.releasing = true;
        --active;
      }
    }
    // ... and release what is idle and quiet for the per-host delay, so
    // that the next holder's first request keeps the delay.
    const auto quiet = std::chrono::milliseconds(worker_.fetch.per_host_delay_ms);
    for (auto it = held_.begin(); it != held_.end();) {
      if (it->second.releasing && it->second.in_flight == 0 &&
          (it->second.lost || Clock::now() - it->second.last_done >= quiet)) {
        if (!it->second.lost) leases_.Delete(LeaseKey(it->first)).IgnoreError();
        it = held_.erase(it);
      } else {
        ++it;
      }
    }
    // Claim free partitions, starting at a random one so that workers
    // starting together spread out.
    const int start = static_cast<int>(std::random_device()() % kFetchPartitions);
    for (int i = 0; i < kFetchPartitions && active < share; ++i) {
      const int p = (start + i) % kFetchPartitions;
      if (held_.count(p) != 0) continue;
      Result<std::uint64_t> rev = leases_.Create(LeaseKey(p), id_);
      if (!rev.ok()) continue;
      auto sub = client_.Subscribe(kFetchStream, FetchConsumer(p).c_str(), FetchSubject(p).c_str());
      if (!sub.ok()) {
        leases_.Delete(LeaseKey(p)).IgnoreError();
        continue;
      }
      held_[p] = Held{*rev, std::move(*sub), false, false, 0, Clock::time_point{}};
      ++active;
    }
    counters_.partitions.store(static_cast<std::int64_t>(held_.size()));
  }

  // Takes URLs from the held partitions while there is room; true if any.
  bool TakeWork() {
    bool took = false;
    for (auto& [p, held] : held_) {
      const int room = worker_.max_in_flight - static_cast<int>(in_flight_.size());
      if (room <= 0) break;
      if (held.releasing) continue;
      auto batch = held.sub->FetchNoWait(std::min(room, client_.options().fetch_batch));
      if (!batch.ok()) {
        log_.Warn("fetch failed; retrying", {{"error", batch.status().message()}});
        continue;
      }
      for (Message& msg : *batch) {
        took = true;
        Take(p, held, std::move(msg));
      }
    }
    return took;
  }

  void Take(int partition, Held& held, Message msg) {
    counters_.received.fetch_add(1);
    counters_.payload_bytes_in.fetch_add(msg.data().size());
    const std::uint64_t delivered = msg.delivered();
    if (delivered > 1) counters_.redeliveries.fetch_add(1);
    Result<PageItem> page = DecodePage(msg.data());
    if (!page.ok()) {
      DeadLetterAndAck(msg, "nats:" + std::string(kFetchStream), Hash128Hex(msg.data()),
                       page.status());
      return;
    }
    const std::string msg_id = PageMessageId(page->position, page->document.url);
    if (delivered > static_cast<std::uint64_t>(client_.options().max_deliver)) {
      DeadLetterAndAck(msg, page->position, msg_id, internal::TooManyDeliveries(delivered));
      return;
    }
    const std::uint64_t tag = next_tag_++;
    fetcher_->Add(ingest::FetchRequest{.url = page->document.url, .tag = tag});
    ingest::SourceItem item;
    item.position = page->position;
    item.document = std::move(page->document);
    item.document.needs_fetch = true;
    ++held.in_flight;
    in_flight_.emplace(tag, InFlight{std::move(msg), partition, msg_id, std::move(item)});
  }

  void OnFetched(ingest::FetchResponse&& response) {
    auto it = in_flight_.find(response.request.tag);
    if (it == in_flight_.end()) return;
    InFlight done = std::move(it->second);
    in_flight_.erase(it);
    if (auto h = held_.find(done.partition); h != held_.end()) {
      --h->second.in_flight;
      h->second.last_done = Clock::now();
    }
    // The same step the in-process fetch stage takes.
    ingest::SourceItem item = ingest::FetchedItem(std::move(done.item), std::move(response));
    if (!item.error.ok()) {
      DeadLetterAndAck(done.msg, item.position, done.msg_id, item.error, "fetch");
      return;
    }
    const std::string data = EncodePage(PageItem{item.position, std::move(item.document)});
    Result<internal::PublishAck> ack = client_.Publish(kPagesSubject, data, done.msg_id, stop_);
    if (ack.status().code() == StatusCode::kResourceExhausted) {
      DeadLetterAndAck(done.msg, item.position, done.msg_id, ack.status(), "fetch");
      return;
    }
    if (!ack.ok()) {
      // Not published (cluster unreachable, or stopping): the URL goes back.
      done.msg.Nak().IgnoreError();
      return;
    }
    counters_.published.fetch_add(1);
    counters_.payload_bytes_out.fetch_add(data.size());
    Ack(done.msg);
  }

  void DeadLetterAndAck(Message& msg, const std::string& position, const std::string& msg_id,
                        const Status& error, const std::string& stage = "fetch") {
    log_.Warn(error.message(), {{"stage", stage}, {"item", position},
                                {"code", StatusCodeName(error.code())}});
    const DeadLetter letter = internal::MakeDeadLetter(position, stage, error);
    Result<internal::PublishAck> ack =
        client_.Publish(kDeadSubject, ToJson(letter), "d" + msg_id, stop_);
    if (!ack.ok()) {
      msg.Nak().IgnoreError();
      return;
    }
    counters_.dead_letters.fetch_add(1);
    Ack(msg);
  }

  void Ack(Message& msg) {
    if (Status s = msg.Ack(); !s.ok()) {
      log_.Warn("ack failed (the URL will be redelivered)", {{"error", s.message()}});
      return;
    }
    counters_.acked.fetch_add(1);
  }

  // URLs wait in the fetcher's per-host queues, possibly longer than the
  // ack wait: tell the server they are in work.
  void KeepInProgress() {
    for (auto& [tag, item] : in_flight_) item.msg.InProgress().IgnoreError();
  }

  NatsClient& client_;
  KeyValue& leases_;
  std::unique_ptr<ingest::HttpFetcher> fetcher_;
  const FetchWorkerOptions worker_;
  Logger& log_;
  std::stop_token stop_;
  WorkerCounters& counters_;
  const std::string id_;
  std::map<int, Held> held_;                   // By partition.
  std::map<std::uint64_t, InFlight> in_flight_;  // By fetch request tag.
  std::uint64_t next_tag_ = 0;
};

}  // namespace

Status RunFetchWorker(const ClusterOptions& options, const FetchWorkerOptions& worker,
                      Logger& log, std::stop_token stop, WorkerCounters* counters) {
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<ingest::HttpFetcher> fetcher,
                         ingest::HttpFetcher::Create(worker.fetch));
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<NatsClient> client, NatsClient::Connect(options));
  NEWSX_RETURN_IF_ERROR(client->EnsureTopology(stop));
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<KeyValue> leases,
                         client->OpenKeyValue(kLeaseBucket, options.lease_ms));
  FetchWorker w(*client, *leases, std::move(fetcher), worker, log, stop, *counters);
  return w.Run();
}

}  // namespace newsx::pipelines::cluster
