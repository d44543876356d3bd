#include <catch2/catch.hpp>

#include "newsx/core/time_format.h"

using newsx::FormatIsoUtc;
using newsx::ParseDateTime;

namespace {
std::string Iso(std::string_view text) {
  auto t = ParseDateTime(text);
  return t ? FormatIsoUtc(*t) : "none";
}
}  // namespace

TEST_CASE("ParseDateTime reads ISO 8601 and RFC 3339 forms", "[core][time]") {
  CHECK(Iso("2026-01-28") == "2026-01-28T00:00:00Z");
  CHECK(Iso("2026-01-28T09:30:00Z") == "2026-01-28T09:30:00Z");
  CHECK(Iso("2026-01-28T09:30:00.123+08:00") == "2026-01-28T01:30:00Z");
  CHECK(Iso("2026-01-28T09:30-0500") == "2026-01-28T14:30:00Z");
  CHECK(Iso("2026-01-28 09:30:00") == "2026-01-28T09:30:00Z");
  CHECK(Iso("20260128093000") == "2026-01-28T09:30:00Z");
  CHECK(Iso("  2019-11-05T17:02:41.000Z ") == "2019-11-05T17:02:41Z");
}

TEST_CASE("ParseDateTime reads RFC 822 dates and real-world variants", "[core][time]") {
  CHECK(Iso("Wed, 28 Jan 2026 09:30:00 GMT") == "2026-01-28T09:30:00Z");
  CHECK(Iso("Wed, 28 Jan 2026 09:30:00 +0800") == "2026-01-28T01:30:00Z");
  CHECK(Iso("28 Jan 2026 09:30 EST") == "2026-01-28T14:30:00Z");
  CHECK(Iso("Wednesday, 28-Jan-26 09:30:00 PDT") == "2026-01-28T16:30:00Z");
  CHECK(Iso("Sat, 1 Nov 2025 7:05:00 -0000") == "2025-11-01T07:05:00Z");
  CHECK(Iso("Jan 28, 2026 3:15 PM") == "2026-01-28T15:15:00Z");
  CHECK(Iso("Thu Jan 01 00:00:00 1970") == "1970-01-01T00:00:00Z");
}

TEST_CASE("ParseDateTime rejects junk and impossible dates", "[core][time]") {
  CHECK(Iso("") == "none");
  CHECK(Iso("yesterday") == "none");
  CHECK(Iso("2026-02-30") == "none");
  CHECK(Iso("2026-13-01") == "none");
  CHECK(Iso("Foo, 99 Bar 2026") == "none");
  CHECK(Iso(std::string(200, '9')) == "none");
}

TEST_CASE("civil date conversions round-trip", "[core][time]") {
  for (std::int64_t days : {-719468LL, -1LL, 0LL, 10957LL, 20000LL, 2932896LL}) {
    int y, m, d;
    newsx::CivilFromDays(days, &y, &m, &d);
    CHECK(newsx::DaysFromCivil(y, m, d) == days);
  }
  CHECK(FormatIsoUtc(-1) == "1969-12-31T23:59:59Z");
}
