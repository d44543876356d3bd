#include "newsx/core/time_interval.h"

#include <charconv>

#include "newsx/core/time_format.h"

namespace newsx {

namespace {

// Reads exactly `digits` decimal digits at the front of `s`.
std::optional<int> Digits(std::string_view s, std::size_t digits) {
  if (s.size() < digits) return std::nullopt;
  int v = 0;
  for (std::size_t i = 0; i < digits; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

// One end of a value: a year, a month, a day or a timestamp, as the
// interval it covers.
std::optional<UnixInterval> Part(std::string_view s) {
  constexpr std::int64_t kDay = 86400;
  const auto year = Digits(s, 4);
  if (!year) return std::nullopt;
  if (s.size() == 4) {
    return UnixInterval{DaysFromCivil(*year, 1, 1) * kDay, DaysFromCivil(*year + 1, 1, 1) * kDay};
  }
  if (s.size() < 7 || s[4] != '-') return std::nullopt;
  const auto month = Digits(s.substr(5), 2);
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  if (s.size() == 7) {
    const int next_y = *month == 12 ? *year + 1 : *year;
    const int next_m = *month == 12 ? 1 : *month + 1;
    return UnixInterval{DaysFromCivil(*year, *month, 1) * kDay,
                        DaysFromCivil(next_y, next_m, 1) * kDay};
  }
  const auto start = ParseDateTime(s);
  if (!start) return std::nullopt;
  // A date alone is a whole day; anything with a time is that second.
  return UnixInterval{*start, *start + (s.size() == 10 ? kDay : 1)};
}

}  // namespace

std::optional<UnixInterval> DateValueInterval(std::string_view value) {
  const std::size_t slash = value.find('/');
  const auto first = Part(value.substr(0, slash));
  if (!first) return std::nullopt;
  UnixInterval out = *first;
  if (slash != std::string_view::npos) {
    const auto last = Part(value.substr(slash + 1));
    if (!last) return std::nullopt;
    out.end_s = last->end_s;
  }
  if (out.end_s <= out.start_s) return std::nullopt;
  return out;
}

std::optional<IsoInterval> DateValueIsoInterval(std::string_view value) {
  const auto interval = DateValueInterval(value);
  if (!interval) return std::nullopt;
  return IsoInterval{FormatIsoUtc(interval->start_s), FormatIsoUtc(interval->end_s)};
}

}  // namespace newsx
