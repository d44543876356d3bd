// `crawl --watch`'s loop and the periodic reporter: calls, sleeps and stops,
// with waits bounded only to end a broken test.

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <sstream>
#include <thread>

#include "newsx/pipelines/crawl.h"
#include "newsx/pipelines/periodic_task.h"

namespace newsx::pipelines {
namespace {

std::int64_t NowUnixS() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

TEST_CASE("Without --watch the crawl loop runs one pass", "[pipelines][crawl]") {
  std::ostringstream out;
  Logger log(&out, LogLevel::kInfo, false);
  int passes = 0;
  const bool finished = RepeatCrawlPasses(
      [&](std::int64_t* next_due) {
        ++passes;
        *next_due = 0;
        return true;
      },
      /*watch=*/false, 3600, log, std::stop_token());
  CHECK(finished);
  CHECK(passes == 1);
}

TEST_CASE("With --watch the crawl loop repeats until a pass ends it", "[pipelines][crawl]") {
  std::ostringstream out;
  Logger log(&out, LogLevel::kInfo, false);
  int passes = 0;
  // Due at once: the loop still waits the 1 s minimum between passes.
  const bool finished = RepeatCrawlPasses(
      [&](std::int64_t* next_due) {
        *next_due = 0;
        return ++passes < 2;
      },
      /*watch=*/true, 3600, log, std::stop_token());
  CHECK(finished);
  CHECK(passes == 2);
  CHECK(out.str().find("waiting for the next due feed") != std::string::npos);
}

TEST_CASE("A stop request ends the crawl loop's wait at once", "[pipelines][crawl]") {
  std::ostringstream out;
  Logger log(&out, LogLevel::kInfo, false);
  std::stop_source stop;
  int passes = 0;
  std::jthread stopper([&stop](std::stop_token) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    stop.request_stop();
  });
  const auto start = std::chrono::steady_clock::now();
  const bool finished = RepeatCrawlPasses(
      [&](std::int64_t* next_due) {
        ++passes;
        *next_due = NowUnixS() + 3600;  // An hour away.
        return true;
      },
      /*watch=*/true, 7200, log, stop.get_token());
  CHECK_FALSE(finished);
  CHECK(passes == 1);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(60));
}

TEST_CASE("A periodic task runs until destroyed, then never again", "[pipelines]") {
  std::atomic<int> calls{0};
  {
    PeriodicTask task(std::chrono::milliseconds(5), [&calls] { ++calls; });
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (calls.load() < 3 && std::chrono::steady_clock::now() < give_up) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    CHECK(calls.load() >= 3);
  }
  const int after = calls.load();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK(calls.load() == after);
}

}  // namespace
}  // namespace newsx::pipelines
