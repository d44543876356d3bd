#include "worker_common.h"

#include <chrono>

namespace newsx::pipelines::cluster::internal {

namespace {

std::int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

DeadLetter MakeDeadLetter(const std::string& position, const std::string& stage,
                          const Status& error) {
  return DeadLetter{position, stage, std::string(StatusCodeName(error.code())), error.message(),
                    NowMs()};
}

DeadLetter TruncationLetter(const std::string& position, const extract::Truncation& truncation) {
  return DeadLetter{position, "extract",
                    std::string(StatusCodeName(StatusCode::kResourceExhausted)),
                    "stored truncated: " + truncation.ToString(), NowMs()};
}

Status TooManyDeliveries(std::uint64_t delivered) {
  // A worker died or timed out on it every time: most likely the item
  // itself (a page that crashes or stalls extraction), so it stops here.
  return ResourceExhaustedError("delivered " + std::to_string(delivered) +
                                " times without being acknowledged (workers died or timed out "
                                "on it); given up");
}

}  // namespace newsx::pipelines::cluster::internal
