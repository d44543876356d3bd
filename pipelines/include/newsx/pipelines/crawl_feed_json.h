#pragma once

#include <string>

#include "newsx/ingest/feed_parser.h"

namespace newsx::pipelines {

// The feed's own fields as one JSON object (no entries; "entries" holds
// their count): format, title, link, id, description, language, updated
// (ISO 8601 UTC), authors, encoding, well_formed, problems.
std::string FeedHeaderToJson(const ingest::Feed& feed);

// One entry as a JSON object: title, link, id, published, updated (ISO 8601
// UTC or absent), authors [{name,email,url}], summary, content, categories,
// enclosures [{url,type,length}].
std::string FeedEntryToJson(const ingest::FeedEntry& entry);

}  // namespace newsx::pipelines
