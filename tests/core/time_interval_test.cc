#include <catch2/catch.hpp>

#include "newsx/core/time_interval.h"

using namespace newsx;

TEST_CASE("Date values become half-open [start, end) timestamps", "[core][time]") {
  auto iso = [](std::string_view v) { return DateValueIsoInterval(v); };
  CHECK(iso("2026-01-20") == IsoInterval{"2026-01-20T00:00:00Z", "2026-01-21T00:00:00Z"});
  CHECK(iso("2026-01") == IsoInterval{"2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"});
  CHECK(iso("2025-12") == IsoInterval{"2025-12-01T00:00:00Z", "2026-01-01T00:00:00Z"});
  CHECK(iso("2026") == IsoInterval{"2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"});
  CHECK(iso("2026-01-12/2026-01-18") ==
        IsoInterval{"2026-01-12T00:00:00Z", "2026-01-19T00:00:00Z"});
  CHECK(iso("2025-11/2026-02") == IsoInterval{"2025-11-01T00:00:00Z", "2026-03-01T00:00:00Z"});
  CHECK(iso("2024-02-28/2024-02-29") ==
        IsoInterval{"2024-02-28T00:00:00Z", "2024-03-01T00:00:00Z"});
  CHECK(iso("2026-01-20T10:30:00Z") ==
        IsoInterval{"2026-01-20T10:30:00Z", "2026-01-20T10:30:01Z"});
  CHECK(DateValueInterval("2026-01-20") == UnixInterval{1768867200, 1768953600});
  for (const char* bad : {"", "20", "2026-13", "2026-02-30", "2026-01-20/", "/2026",
                          "2026-01-20/2026-01-10", "next week", "2026-1-5"}) {
    CAPTURE(bad);
    CHECK(!DateValueInterval(bad).has_value());
  }
}
