#pragma once

#include <cstddef>
#include <string>

#include "newsx/core/analysis.h"

namespace newsx::extract {

// Per-article bounds that keep one hostile or freak page (megabytes of
// text, a million numbers) from taking a worker's memory and time, or the
// store's: the text is cut before analysis, the findings after it. Real
// articles stay far below every default (docs/reliability.md lists the
// figures behind them).
struct ArticleLimits {
  // Main text longer than this is cut before analysis, at the last
  // paragraph break before the limit (else at a character boundary).
  // Default: 512 KiB.
  std::size_t max_text_bytes = 512u << 10;
  // Findings kept, those earliest in the text first. Defaults: 10,000
  // mentions over all entities, 1,000 entities, 5,000 quantities, 5,000
  // dates, 1,000 events.
  std::size_t max_mentions = 10000;
  std::size_t max_entities = 1000;
  std::size_t max_quantities = 5000;
  std::size_t max_dates = 5000;
  std::size_t max_events = 1000;
};

// What the limits cut from one article; all zero when nothing was cut.
struct Truncation {
  // The page's element limit when the page had more (HtmlExtractOptions::max_elements).
  std::size_t html_elements_limit = 0;
  std::size_t text_bytes_before = 0;  // Length of the text before the cut (0: not cut).
  std::size_t text_bytes_after = 0;
  std::size_t mentions_dropped = 0;
  std::size_t entities_dropped = 0;
  std::size_t quantities_dropped = 0;
  std::size_t dates_dropped = 0;
  std::size_t events_dropped = 0;

  bool any() const {
    return html_elements_limit != 0 || text_bytes_before != 0 || mentions_dropped != 0 || entities_dropped != 0 ||
           quantities_dropped != 0 || dates_dropped != 0 || events_dropped != 0;
  }
  // "text cut from 52428800 to 524280 bytes; 1200 events dropped", for logs
  // and dead letters.
  std::string ToString() const;
};

// Cuts x->article.text to limits.max_text_bytes (at a paragraph break, else
// at a UTF-8 character boundary) and recomputes nothing else: call it before
// analysis, then fix content_hash. Records the cut in *truncation.
// REQUIRES: x and truncation not null.
void CapText(const ArticleLimits& limits, ExtractedArticle* x, Truncation* truncation);

// Drops the findings over the limits, keeping those that start earliest in
// the text. Entities named by a kept event (argument or source) are kept
// with at least their first mention, so that events never point to an
// entity the article lacks. Records what was dropped in *truncation.
// REQUIRES: x and truncation not null.
void CapFindings(const ArticleLimits& limits, ExtractedArticle* x, Truncation* truncation);

}  // namespace newsx::extract
