#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/doc_state.h"
#include "newsx/core/analysis.h"

namespace newsx::extract::analysis {

// What a vocabulary word means to the date resolver.
struct DateWord {
  enum Kind : std::uint8_t {
    kNone,
    kMonth,
    kWeekday,
    kDeictic,
    kUnit,
    kLast,
    kThis,
    kNext,
    kEarlier,
    kLater,
    kAgo,
    kPast,
    kYearPrep,
    kNumber,
  };
  Kind kind = kNone;
  std::uint8_t value = 0;  // Month 1-12, weekday 0-6 (Monday 0), deictic day offset + 1,
                           // unit (1 day, 2 week, 3 month, 4 year), number 1-12.
};

// Adds the date words to `vocab` and returns the table indexed by word id.
// REQUIRES: called after every other word was added (the table is sized
// to the vocabulary).
std::vector<DateWord> BuildDateWords(Vocabulary* vocab);

// Finds absolute dates ("January 28, 2026", "28 Jan", "2026-01-28", "in
// 2025", "in March") and relative ones ("today", "last week", "on Tuesday",
// "earlier this year", "three days ago"), resolving them against
// `published_day` (days since 1970-01-01; nullopt leaves relative and
// year-less dates unresolved). Records each in d->dates.
std::vector<DateExpr> FindDates(DocState* d, const std::vector<DateWord>& words,
                                std::optional<std::int64_t> published_day);

}  // namespace newsx::extract::analysis
