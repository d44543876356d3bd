#pragma once

#include <string>
#include <vector>

#include "analysis/doc_state.h"
#include "newsx/core/analysis.h"

namespace newsx::extract::analysis {

// Builds events from the trigger hits in `d` (events.tsv rules): fills
// role slots with the sentence's entity mentions and quantities (or, when
// the rule allows, the previous sentence's chip for "the chips"), and sets
// polarity, modality, source, time and confidence. Event ids hash
// `article_id`, type and trigger span. REQUIRES: d->quantities and
// d->dates index into `quantities` and `dates`.
std::vector<Event> AssembleEvents(const DocState& d, const std::vector<Quantity>& quantities,
                                  const std::vector<DateExpr>& dates,
                                  const std::string& article_id);

}  // namespace newsx::extract::analysis
