#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "newsx/core/result.h"

namespace newsx::ingest {

// One subscription of a feed list.
struct FeedSubscription {
  std::string url;       // Feed URL (OPML xmlUrl), absolute.
  std::string title;     // OPML title or text; may be empty.
  std::string category;  // Titles of the enclosing outlines joined with "/"; may be empty.
};

// Parses an OPML subscription list: every <outline> with an xmlUrl, at any
// depth, in document order; duplicates (same URL) are kept once. Relative
// xmlUrls resolve against `base_url` when given. Returns kInvalidArgument
// when the text is not XML with an <opml> root. Thread-safe.
Result<std::vector<FeedSubscription>> ParseOpml(std::string_view bytes,
                                                std::string_view base_url = "");

// Reads a feed list that is either OPML (detected by content) or plain text:
// one URL a line, blank lines and lines starting with '#' ignored. Returns
// kInvalidArgument naming the line of a plain-text entry that is not an
// absolute http(s) URL. Thread-safe.
Result<std::vector<FeedSubscription>> ParseFeedList(std::string_view bytes);

}  // namespace newsx::ingest
