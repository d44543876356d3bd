#pragma once

#include <cstdint>
#include <vector>

#include "analysis/doc_parse.h"
#include "analysis/lexicon.h"

namespace newsx::extract::analysis {

// The rule language's grammatical places over the parse: the tokens that
// head the phrases filling a slot of a trigger.

// The token of [first, end) (a trigger's words) whose head lies outside it.
std::uint32_t TriggerHead(const DocParse& p, std::uint32_t first, std::uint32_t end);

// Heads of the phrases at `place` (kSubj, kObj, kObj2, kPrep, kMod) of the
// trigger headed by `head`, nearest relation first, each followed by its
// conjuncts ("in Arizona, Ohio and Oregon"). Subjects are inherited as a
// reader infers them: "X plans to invest" (the planner invests), "cleared
// AMD to sell" (AMD sells), "X, which received" (X receives), "X announced
// an investment" (X invests), "X approved and shipped" (X ships).
// Positional places (kBefore, kAfter, kAny) and kClause give nothing here.
void PlaceHeads(const DocParse& p, std::uint32_t head, const SlotPlace& place,
                std::vector<std::uint32_t>* out);

// The clause a trigger belongs to, as a token: the trigger itself when it
// is a verb, the verb it is an argument of when it is a noun ("announced an
// investment"), for kClause slots and clause-level dates.
std::uint32_t ClauseHead(const DocParse& p, std::uint32_t head);

// The verb a trigger's phrase hangs from: `head` when it is a verb, else
// the first verb up to three heads above it, else the token three heads up
// (or the root) where the climb stops.
std::uint32_t VerbOver(const DocParse& p, std::uint32_t head);

// True when the verb over a noun trigger (up to three heads above it) draws
// in what others do: "the Department catalyzed billions of dollars in
// private investments", "attracted $2 billion of investment". Its subject
// and the names before it are not the trigger's doer.
bool DrawnIn(const DocParse& p, std::uint32_t head);

}  // namespace newsx::extract::analysis
