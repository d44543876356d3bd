#pragma once

#include <memory>
#include <string>
#include <vector>

#include "newsx/core/result.h"
#include "newsx/ingest/document_source.h"

namespace newsx::pipelines {

// Opens the right DocumentSource for backfill inputs: directories and
// .html/.htm(.gz) files are saved pages; other kinds (WARC, sitemaps, URL
// lists) are recognized by name or content as their readers land.
// All `paths` must be of one kind. Returns kNotFound for a missing path and
// kInvalidArgument for an unrecognized or mixed set of inputs.
Result<std::unique_ptr<ingest::DocumentSource>> OpenSource(const std::vector<std::string>& paths);

}  // namespace newsx::pipelines
