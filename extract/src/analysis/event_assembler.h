#pragma once

#include <string>
#include <vector>

#include "analysis/doc_state.h"
#include "newsx/core/analysis.h"

namespace newsx::extract::analysis {

// Builds events from the trigger hits in `d` (events.tsv rules; a word
// whose lemma is a one-word trigger counts too): fills role slots by
// grammatical relation over the parse and by position, with the sentence's
// entity mentions, quantities and noun phrases (or, when the rule allows,
// the previous sentence's chip for "the chips"); sets polarity, modality,
// source, time (clause, sentence or `published`) and confidence; merges the
// mentions of one happening (MergeEvents()). Event ids hash `article_id`,
// type and trigger span. REQUIRES: d.quantities and d.dates index into
// `quantities` and `dates`.
// Marks in `*wanted` (one flag per sentence) the sentences that may hold an
// event trigger: a trigger phrase, or a word that may inflect a one-word
// trigger ("approving", "banned"), and a name or a number. Only these need
// the parse.
void MarkTriggerSentences(const DocState& d, std::vector<bool>* wanted);

std::vector<Event> AssembleEvents(const DocState& d, const std::vector<Quantity>& quantities,
                                  const std::vector<DateExpr>& dates, const std::string& article_id,
                                  const std::string& published);

}  // namespace newsx::extract::analysis
