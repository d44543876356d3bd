#pragma once

#include <string>

#include "cli_context.h"
#include "newsx/ingest/document_source.h"

namespace newsx::cli {

// `newsx backfill --nats URLS`: publishes the source's pages to the page
// stream instead of running the pipeline here. Returns an exit code.
int RunBackfillOverNats(const CliContext& ctx, ingest::DocumentSource& source,
                        const std::string& urls);

}  // namespace newsx::cli
