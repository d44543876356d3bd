#include "consume_loop.h"

#include "newsx/pipelines/first_error.h"

#include <thread>
#include <vector>

namespace newsx::pipelines::cluster::internal {

Status RunConsumers(NatsClient& client, const char* stream, const char* consumer,
                    const char* subject, int threads, const MessageHandler& handle, Logger& log,
                    std::stop_token stop) {
  FirstError first_error;  // Set by the first thread that hits a fatal error.
  auto stopped = [&] { return stop.stop_requested() || first_error.failed(); };
  auto work = [&] {
    std::unique_ptr<PullSubscription> sub;
    while (!stopped()) {
      if (sub == nullptr) {
        auto made = client.Subscribe(stream, consumer, subject);
        if (!made.ok()) {
          log.Warn("cannot subscribe yet; retrying", {{"error", made.status().message()}});
          SleepUnlessStopped(stop, 500);
          continue;
        }
        sub = std::move(*made);
      }
      // Short fetches so that a stop request is seen within a second.
      auto batch = sub->Fetch(client.options().fetch_batch, 1000);
      if (!batch.ok()) {
        log.Warn("fetch failed; retrying", {{"error", batch.status().message()}});
        SleepUnlessStopped(stop, 250);
        continue;
      }
      for (Message& msg : *batch) {
        // Once stopping, hand the rest of the batch back at once rather
        // than after the ack wait.
        if (stopped()) {
          msg.Nak().IgnoreError();
          continue;
        }
        first_error.Set(handle(msg));
      }
    }
  };
  std::vector<std::jthread> pool;
  for (int i = 0; i < threads; ++i) pool.emplace_back(work);
  pool.clear();  // Joins.
  return first_error.Get();
}

}  // namespace newsx::pipelines::cluster::internal
