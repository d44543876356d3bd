#pragma once

// The [since, until) time window of the query and reprocess jobs, from the
// text a user typed (a flag, a URL parameter).

#include <cstdint>
#include <optional>
#include <string_view>

#include "newsx/core/result.h"
#include "newsx/store/store_types.h"

namespace newsx::pipelines {

// Unix seconds, half-open [since, until); the defaults leave that side open.
struct TimeWindow {
  std::int64_t since = store::kMinTime;
  std::int64_t until = store::kMaxTime;
};

// Parses one bound (any form ParseDateTime accepts: "2026-01-28", RFC 3339...).
// nullopt for empty text; kInvalidArgument "<name>: not a date or time: <text>"
// for anything unparseable.
Result<std::optional<std::int64_t>> ParseTimeBound(std::string_view text, std::string_view name);

// Both bounds; an empty one leaves that side open. The first error, as above.
Result<TimeWindow> ParseTimeWindow(std::string_view since, std::string_view until,
                                   std::string_view since_name = "--since",
                                   std::string_view until_name = "--until");

}  // namespace newsx::pipelines
