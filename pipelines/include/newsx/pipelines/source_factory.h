#pragma once

#include <memory>
#include <string>
#include <vector>

#include "newsx/core/result.h"
#include "newsx/ingest/document_source.h"
#include "newsx/ingest/fetch_options.h"
#include "newsx/ingest/fetching_source.h"

namespace newsx::pipelines {

// How sources that list URLs (sitemaps, URL lists) fetch their pages.
struct SourceOpenOptions {
  ingest::FetchOptions fetch;
  ingest::FetchingSourceOptions fetching;
  // Fetch the pages of URL-only sources here (FetchingSource). False: yield
  // their URL-only items as they are (needs_fetch), for the cluster's fetch
  // workers. Default: true.
  bool fetch_urls = true;
};

// Opens the right DocumentSource for backfill inputs, by name: directories
// and .html/.htm(.gz) files are saved pages; .warc/.arc(.gz) are archives;
// .xml(.gz) and robots.txt are sitemaps and .txt/.urls/.lst URL lists, whose
// pages are fetched (FetchingSource, unless options.fetch_urls is false;
// requires ingest::InitHttpGlobal(), which main() calls).
// All `paths` must be of one kind. Returns kNotFound for a missing path and
// kInvalidArgument for an unrecognized or mixed set of inputs.
Result<std::unique_ptr<ingest::DocumentSource>> OpenSource(const std::vector<std::string>& paths,
                                                           const SourceOpenOptions& options = {});

}  // namespace newsx::pipelines
