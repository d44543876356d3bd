#pragma once

// The index entries derived from one article (keys.h), computed the same way
// when writing, when deleting a replaced article and when verifying.

#include <string>
#include <vector>

#include "newsx/core/analysis.h"
#include "store_impl.h"

namespace newsx::store::internal {

struct IndexEntry {
  Family family;
  std::string key;
  std::string value;
};

// Every entry of the urls (url, canonical URL and aliases), hashes,
// mentions, mention_time, article_entities, events and event_* families
// that `x` implies, in the current schema version. Entity records, the article and raw values and
// the changelog are not included.
std::vector<IndexEntry> IndexEntries(const ExtractedArticle& x);

// Fills what the store needs from an article before storing it: event ids
// (article id + ":e" + position) and event article ids when empty.
void FillEventIds(ExtractedArticle* x);

}  // namespace newsx::store::internal
