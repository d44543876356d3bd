#include "newsx/pipelines/jobs/time_window.h"

#include <string>

#include "newsx/core/time_format.h"

namespace newsx::pipelines {

Result<std::optional<std::int64_t>> ParseTimeBound(std::string_view text, std::string_view name) {
  if (text.empty()) return std::optional<std::int64_t>();
  const std::optional<std::int64_t> t = ParseDateTime(text);
  if (!t) {
    return InvalidArgumentError(std::string(name) + ": not a date or time: " + std::string(text));
  }
  return t;
}

Result<TimeWindow> ParseTimeWindow(std::string_view since, std::string_view until,
                                   std::string_view since_name, std::string_view until_name) {
  TimeWindow w;
  NEWSX_ASSIGN_OR_RETURN(std::optional<std::int64_t> s, ParseTimeBound(since, since_name));
  NEWSX_ASSIGN_OR_RETURN(std::optional<std::int64_t> u, ParseTimeBound(until, until_name));
  if (s) w.since = *s;
  if (u) w.until = *u;
  return w;
}

}  // namespace newsx::pipelines
