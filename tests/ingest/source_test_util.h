#pragma once

// Helpers shared by the DocumentSource tests.

#include <catch2/catch.hpp>

#include <cstddef>
#include <vector>

#include "newsx/ingest/document_source.h"

namespace newsx::testing {

// Pulls every item (at most `limit`, so a looping source cannot hang the test).
inline std::vector<ingest::SourceItem> DrainSource(ingest::DocumentSource& source,
                                                   std::size_t limit = 100000) {
  std::vector<ingest::SourceItem> items;
  while (items.size() < limit) {
    auto next = source.Next();
    REQUIRE(next.ok());
    if (!next->has_value()) break;
    items.push_back(std::move(**next));
  }
  return items;
}

}  // namespace newsx::testing
