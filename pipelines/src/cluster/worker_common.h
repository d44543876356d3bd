#pragma once

#include <cstdint>
#include <string>

#include "newsx/core/dead_letter.h"
#include "newsx/core/hash.h"
#include "newsx/core/status.h"
#include "newsx/extract/article_limits.h"

namespace newsx::pipelines::cluster::internal {

// A dead letter for `position` failing at `stage`, stamped now.
DeadLetter MakeDeadLetter(const std::string& position, const std::string& stage,
                          const Status& error);

// The note the in-process pipeline also writes for an article stored
// shortened (stage "extract", code resource_exhausted).
DeadLetter TruncationLetter(const std::string& position, const extract::Truncation& truncation);

// Why a message delivered `delivered` times is given up on.
Status TooManyDeliveries(std::uint64_t delivered);

}  // namespace newsx::pipelines::cluster::internal
