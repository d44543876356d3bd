#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "newsx/pipelines/stage.h"

using namespace newsx;
using namespace newsx::pipelines;

namespace {

struct Failures {
  std::mutex mu;
  std::vector<std::pair<std::string, Status>> items;
  FailureSink Sink() {
    return [this](const std::string&, std::uint64_t, const std::string& position,
                  const Status& error) {
      std::lock_guard<std::mutex> lock(mu);
      items.emplace_back(position, error);
    };
  }
};

}  // namespace

TEST_CASE("a slow consumer bounds the items in flight (backpressure)", "[pipelines][stage]") {
  constexpr int kItems = 300;
  constexpr std::size_t kCapacity = 4;
  BoundedQueue<Envelope<int>> input(kCapacity);
  BoundedQueue<Envelope<int>> output(kCapacity);
  std::atomic<int> produced{0};
  std::atomic<int> consumed{0};
  std::atomic<int> max_in_flight{0};
  Failures failures;
  Stage<int, int> stage("double", 2, &input, &output,
                        [](Envelope<int>& e) -> Result<std::optional<int>> {
                          return std::optional<int>(e.payload * 2);
                        },
                        failures.Sink());
  std::thread producer([&] {
    for (int i = 0; i < kItems; ++i) {
      input.Push(Envelope<int>{static_cast<std::uint64_t>(i), "item", i});
      const int in_flight = produced.fetch_add(1) + 1 - consumed.load();
      int seen = max_in_flight.load();
      while (in_flight > seen && !max_in_flight.compare_exchange_weak(seen, in_flight)) {
      }
    }
    input.Close();
  });
  while (auto item = output.Pop()) {
    std::this_thread::sleep_for(std::chrono::microseconds(200));  // The slow consumer.
    consumed.fetch_add(1);
  }
  producer.join();
  stage.Join();
  CHECK(consumed.load() == kItems);
  // Two queues plus one item held by each worker, plus one being pushed.
  CHECK(max_in_flight.load() <= static_cast<int>(2 * kCapacity + 2 + 1));
  CHECK(stage.Snapshot().out == kItems);
}

TEST_CASE("an exception or error on one item is reported and the others go on",
          "[pipelines][stage]") {
  BoundedQueue<Envelope<int>> input(8);
  BoundedQueue<Envelope<int>> output(64);
  Failures failures;
  Stage<int, int> stage(
      "flaky", 1, &input, &output,
      [](Envelope<int>& e) -> Result<std::optional<int>> {
        if (e.payload == 3) throw std::runtime_error("boom");
        if (e.payload == 5) return InvalidArgumentError("bad item");
        if (e.payload == 7) return std::optional<int>();  // Filtered.
        return std::optional<int>(e.payload);
      },
      failures.Sink());
  for (int i = 0; i < 10; ++i) input.Push(Envelope<int>{0, "item-" + std::to_string(i), i});
  input.Close();
  stage.Join();
  std::vector<int> out;
  while (auto item = output.Pop()) out.push_back(item->payload);
  CHECK(out == std::vector<int>{0, 1, 2, 4, 6, 8, 9});
  REQUIRE(failures.items.size() == 2);
  CHECK(failures.items[0].first == "item-3");
  CHECK(failures.items[0].second.code() == StatusCode::kInternal);
  CHECK(failures.items[0].second.message().find("boom") != std::string::npos);
  CHECK(failures.items[1].second.code() == StatusCode::kInvalidArgument);
  const StageSnapshot snap = stage.Snapshot();
  CHECK(snap.in == 10);
  CHECK(snap.failed == 2);
  CHECK(snap.out == 7);
}
