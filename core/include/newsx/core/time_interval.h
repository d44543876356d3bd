#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsx {

// A half-open time interval [start, end) in Unix seconds (UTC).
struct UnixInterval {
  std::int64_t start_s = 0;
  std::int64_t end_s = 0;
  friend bool operator==(const UnixInterval&, const UnixInterval&) = default;
};

// The same interval as ISO 8601 UTC timestamps ("2026-01-20T00:00:00Z").
struct IsoInterval {
  std::string start;  // Inclusive.
  std::string end;    // Exclusive.
  friend bool operator==(const IsoInterval&, const IsoInterval&) = default;
};

// Turns a resolved date value (DateExpr::value, Event::time_value) into the
// interval it covers:
//   "2026-01-20"             -> [2026-01-20T00:00:00Z, 2026-01-21T00:00:00Z)  (a day)
//   "2026-01"                -> [2026-01-01, 2026-02-01)                        (a month)
//   "2026"                   -> [2026-01-01, 2027-01-01)                        (a year)
//   "2026-01-12/2026-01-18"  -> [2026-01-12, 2026-01-19)  (both ends are whole days, months
//                               or years: the interval runs to the end of the last one)
//   "2026-01-20T10:30:00Z"   -> [that second, the next second)
// Returns nullopt for an empty or unparseable value, or when end <= start.
// Thread-safe (pure).
std::optional<UnixInterval> DateValueInterval(std::string_view value);
std::optional<IsoInterval> DateValueIsoInterval(std::string_view value);

}  // namespace newsx
