#include "newsx/core/mutex.h"

#include <catch2/catch.hpp>

#include <condition_variable>
#include <thread>
#include <vector>

namespace newsx {
namespace {

struct Counter {
  Mutex mu;
  std::condition_variable changed;
  int n NEWSX_GUARDED_BY(mu) = 0;
};

TEST_CASE("MutexLock serializes and Mutex::Wait wakes on a notify", "[core][mutex]") {
  Counter c;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&c] {
      for (int i = 0; i < 1000; ++i) {
        MutexLock lock(c.mu);
        ++c.n;
        c.changed.notify_all();
      }
    });
  }
  {
    MutexLock lock(c.mu);
    while (c.n < 4000) c.mu.Wait(c.changed);  // Holds the mutex again on return.
    CHECK(c.n == 4000);
  }
  for (std::thread& t : threads) t.join();
  // Free again once every thread has joined. The branch (not CHECK around
  // the call) lets clang's thread-safety analysis see which path holds it.
  if (c.mu.try_lock()) {
    c.mu.unlock();
  } else {
    FAIL("mutex still held after every thread joined");
  }
}

}  // namespace
}  // namespace newsx
