#include "newsx/ingest/crawl_state.h"

#include <catch2/catch.hpp>

namespace newsx::ingest {
namespace {

constexpr std::int64_t kNow = 1769592600;  // 2026-01-28T09:30:00Z

TEST_CASE("FeedState round-trips through JSON", "[ingest][crawl]") {
  FeedState s;
  s.etag = "\"x\"";
  s.last_modified = "Wed, 28 Jan 2026 09:30:00 GMT";
  s.consecutive_failures = 2;
  s.interval_s = 1200;
  s.next_due_unix_s = kNow;
  s.seen_urls = {"http://a.example/1", "http://a.example/2"};
  auto back = FeedStateFromJson(FeedStateToJson(s));
  REQUIRE(back.ok());
  CHECK(back->etag == s.etag);
  CHECK(back->last_modified == s.last_modified);
  CHECK(back->consecutive_failures == 2);
  CHECK(back->interval_s == 1200);
  CHECK(back->next_due_unix_s == kNow);
  CHECK(back->seen_urls == s.seen_urls);
  CHECK(FeedStateFromJson("[1,2]").status().code() == StatusCode::kInvalidArgument);
  CHECK(FeedStateFromJson("{not json").status().code() == StatusCode::kInvalidArgument);
  CHECK(FeedStateFromJson(R"({"etag": 5, "future_key": true})").ok());
}

TEST_CASE("The poll interval follows the feed's publishing rhythm, within bounds", "[ingest][crawl]") {
  const ScheduleOptions bounds{600, 86400};
  SECTION("hourly posts give a 30-minute interval") {
    FeedState s;
    std::vector<std::int64_t> times;
    for (int i = 0; i < 8; ++i) times.push_back(kNow - 1800 - i * 3600);
    ScheduleAfterSuccess(&s, kNow, 3, times, bounds);
    CHECK(s.interval_s == 1800);
    CHECK(s.next_due_unix_s == kNow + 1800);
    CHECK(s.consecutive_failures == 0);
  }
  SECTION("a busy feed is capped at the minimum, a dead one at the maximum") {
    FeedState busy, dead;
    ScheduleAfterSuccess(&busy, kNow, 10, {kNow - 10, kNow - 20, kNow - 30}, bounds);
    CHECK(busy.interval_s == 600);
    ScheduleAfterSuccess(&dead, kNow, 0, {kNow - 400 * 86400, kNow - 500 * 86400}, bounds);
    CHECK(dead.interval_s == 86400);
  }
  SECTION("without dates the interval grows after silence and shrinks after news") {
    FeedState s;
    s.interval_s = 4000;
    ScheduleAfterSuccess(&s, kNow, 0, {}, bounds);
    CHECK(s.interval_s == 6000);
    ScheduleAfterSuccess(&s, kNow, 2, {}, bounds);
    CHECK(s.interval_s == 3000);
  }
  SECTION("failures back off exponentially and honor Retry-After") {
    FeedState s;
    ScheduleAfterFailure(&s, kNow, "unavailable: HTTP 503", 0, bounds);
    CHECK(s.next_due_unix_s == kNow + 600);
    ScheduleAfterFailure(&s, kNow, "unavailable: HTTP 503", 0, bounds);
    CHECK(s.next_due_unix_s == kNow + 1200);
    for (int i = 0; i < 30; ++i) ScheduleAfterFailure(&s, kNow, "x", 0, bounds);
    CHECK(s.next_due_unix_s == kNow + 86400);
    FeedState r;
    ScheduleAfterFailure(&r, kNow, "resource_exhausted: HTTP 429", 7200, bounds);
    CHECK(r.next_due_unix_s == kNow + 7200);
    CHECK(r.last_error == "resource_exhausted: HTTP 429");
    ScheduleAfterSuccess(&r, kNow, 0, {}, bounds);
    CHECK(r.consecutive_failures == 0);
    CHECK(r.last_error.empty());
  }
}

}  // namespace
}  // namespace newsx::ingest
