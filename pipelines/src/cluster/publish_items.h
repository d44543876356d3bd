#pragma once

#include <stop_token>

#include "nats_client.h"
#include "newsx/pipelines/cluster/cluster_producer.h"

namespace newsx::pipelines::cluster::internal {

// PublishSource on a connected client whose streams exist: the backfill
// producer and the crawl producer (which also keeps its feed states on
// that client) share it.
Result<ProduceReport> PublishItems(NatsClient& client, ingest::DocumentSource& source,
                                   const ProduceOptions& produce, Logger& log,
                                   std::stop_token stop, const ProduceProgressFn& progress);

}  // namespace newsx::pipelines::cluster::internal
