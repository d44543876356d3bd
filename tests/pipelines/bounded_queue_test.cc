#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "newsx/pipelines/bounded_queue.h"
#include "newsx/pipelines/completion_tracker.h"

using newsx::pipelines::BoundedQueue;
using newsx::pipelines::CompletionTracker;

TEST_CASE("BoundedQueue blocks producers at capacity (backpressure)", "[pipelines][queue]") {
  BoundedQueue<int> q(4);
  std::atomic<int> pushed{0};
  std::thread producer([&] {
    for (int i = 0; i < 100; ++i) {
      if (!q.Push(i)) break;
      pushed.fetch_add(1);
    }
  });
  // The consumer has not started: the producer can get at most `capacity`
  // items in. Wait (bounded) until it has filled the queue.
  for (int i = 0; i < 2000 && pushed.load() < 4; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK(pushed.load() == 4);
  CHECK(q.size() == 4);
  int expected = 0;
  while (expected < 100) {
    auto item = q.Pop();
    REQUIRE(item.has_value());
    CHECK(*item == expected++);
    CHECK(q.size() <= 4);
  }
  producer.join();
  q.Close();
  CHECK(!q.Pop().has_value());
}

TEST_CASE("BoundedQueue Close drains remaining items and fails pushes", "[pipelines][queue]") {
  BoundedQueue<int> q(8);
  REQUIRE(q.Push(1));
  REQUIRE(q.Push(2));
  q.Close();
  CHECK(!q.Push(3));
  CHECK(q.Pop() == 1);
  CHECK(q.Pop() == 2);
  CHECK(!q.Pop().has_value());
}

TEST_CASE("CompletionTracker watermark only advances over contiguous completions",
          "[pipelines][checkpoint]") {
  CompletionTracker t;
  t.Register(0, "after-0");
  t.Register(1, "after-1");
  t.Register(2, "after-2");
  CHECK(!t.Watermark().has_value());
  t.MarkDone(1);
  CHECK(!t.Watermark().has_value());
  t.MarkDone(0);
  CHECK(t.Watermark() == "after-1");
  t.MarkDone(2);
  CHECK(t.Watermark() == "after-2");
  CHECK(t.completed() == 3);
}
