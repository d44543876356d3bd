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
    kPastCue,    // "was", "said", "began": the clause tells of the past.
    kFutureCue,  // "will", "plans", "scheduled": the clause tells of the future.
    kClauseStart,  // "that", "while": tense cues before it belong to another clause.
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
//
// A month or month-day without a year ("in March", "the March 21 call")
// takes the occurrence that started last on or before the publication day,
// unless the next one starts within kFutureWindowDays of it; a future cue
// earlier in the sentence ("will", "plans to", "is scheduled") takes the
// next occurrence instead, a past cue ("was", "said", "-ed" verbs) always
// the earlier one. News reports mostly what happened: "arrested in April"
// in a November article is this year's April, not next year's.
inline constexpr int kFutureWindowDays = 45;
std::vector<DateExpr> FindDates(DocState* d, const std::vector<DateWord>& words,
                                std::optional<std::int64_t> published_day);

}  // namespace newsx::extract::analysis
