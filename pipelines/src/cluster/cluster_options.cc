#include "newsx/pipelines/cluster/cluster_options.h"

#include "newsx/core/strings.h"

namespace newsx::pipelines::cluster {

std::vector<std::string> ClusterOptions::Servers() const {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at <= urls.size()) {
    std::size_t comma = urls.find(',', at);
    if (comma == std::string::npos) comma = urls.size();
    const std::string_view server = Trim(std::string_view(urls).substr(at, comma - at));
    if (!server.empty()) out.emplace_back(server);
    at = comma + 1;
  }
  return out;
}

Status ClusterOptions::Validate() const {
  if (Servers().empty()) return InvalidArgumentError("no NATS server URL");
  if (replicas < 1 || replicas > 5) return InvalidArgumentError("replicas must be 1 to 5");
  if (max_deliver < 1) return InvalidArgumentError("max deliveries must be at least 1");
  if (ack_wait_ms < 100) return InvalidArgumentError("ack wait must be at least 100 ms");
  if (duplicate_window_ms < 1000) {
    return InvalidArgumentError("de-duplication window must be at least 1 s");
  }
  if (max_pending_pages < 1) return InvalidArgumentError("max pending pages must be >= 1");
  if (publish_timeout_ms < 1000) return InvalidArgumentError("publish timeout must be >= 1 s");
  if (fetch_batch < 1 || fetch_batch > 256) return InvalidArgumentError("fetch batch: 1 to 256");
  if (lease_ms < 1000) return InvalidArgumentError("lease must be at least 1 s");
  return Status::Ok();
}

}  // namespace newsx::pipelines::cluster
