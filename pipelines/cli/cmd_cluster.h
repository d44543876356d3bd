#pragma once

#include <string>

#include "cli_context.h"
#include "newsx/ingest/document_source.h"
#include "newsx/pipelines/cluster/cluster_producer.h"

namespace newsx::cli {

// `newsx backfill --nats URLS`: publishes the source's pages to the page
// stream (URL-only items to the fetch stream) instead of running the
// pipeline here, with its checkpoint on the cluster. Returns an exit code.
int RunBackfillOverNats(const CliContext& ctx, ingest::DocumentSource& source,
                        const std::string& urls,
                        const pipelines::cluster::ProduceOptions& produce);

}  // namespace newsx::cli
