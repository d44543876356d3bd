#pragma once

#include <vector>

#include "newsx/core/analysis.h"

namespace newsx::extract::analysis {

// One event per happening: events of one type whose arguments agree (no
// role holds two different entities or two different amounts, and they
// share at least one entity or amount, or neither names any) and whose
// polarity is the same merge into the first, in text order. The merged
// event keeps the union of the arguments, every evidence sentence
// (Event::evidence, in text order), the earliest specific time, the
// strongest modality and the highest confidence.
std::vector<Event> MergeEvents(std::vector<Event> events);

}  // namespace newsx::extract::analysis
