#pragma once

#include <vector>

#include "newsx/core/analysis.h"

namespace newsx::extract::analysis {

// One event per happening: events of one type whose arguments agree (no
// role holds two different entities or two different amounts, and they
// share at least one entity or amount, or neither names any) and whose
// polarity is the same merge into the first, in text order. The merged
// event keeps the union of the arguments, every evidence sentence
// (Event::evidence, in text order), the earliest specific time and the
// highest confidence. Its modality is "reported" when any mention is
// attributed (a headline states what the body attributes), else the
// strongest of the mentions.
//
// Two events of one type told in one sentence that share an entity merge
// even when their amounts differ ("$750 million in direct funding along
// with $2 billion in loans": one award, both amounts).
//
// Actors compare by `entities`: a government or agency of a country and
// the country itself are one actor ("China", "the Chinese government",
// "Chinese customs"), so their mentions of one happening merge.
//
// `partials` are mentions that fill too few roles to stand alone ("This
// $100 billion investment will go into building five fabs"): each adds
// its arguments and evidence to the first merged event it shares an
// entity or amount with; a definite one ("The investment includes a fab
// in Boise") else to the latest earlier event of its type that it does
// not contradict; a demonstrative one ("This $6.1 billion investment in
// Clay, NY") failing both, to the event told in the sentence just before
// it, whatever its type ("... has finalized its largest award to Micron."),
// when they do not contradict (a demonstrative mention is placed among the
// events told before it, ahead of the later ones' merging, so that a later
// mention of another happening cannot take its event first); failing all
// these, to an event of its type
// told in the same sentence whose actors it does not contradict, its amount
// added to that event's ("$8.5 billion in direct funding along with $11
// billion in loans"); the others are dropped.
struct PartialMention {
  Event event;
  bool definite = false;       // "the/this/that <trigger>".
  bool demonstrative = false;  // "this/these <trigger>".
};
//
// `headline_end` is the code point where the document's headline ends (0:
// none). The headline announces what the body then tells ("Further US Chip
// Export Restrictions ..." over "The administration released another round
// of AI chip export restrictions against China"): an event told only in the
// headline merges with the first body event of its type that does not
// contradict it, even when they share no entity.
std::vector<Event> MergeEvents(std::vector<Event> events, std::vector<PartialMention> partials,
                               const std::vector<Entity>& entities, std::size_t headline_end = 0);

// Adds `from`'s arguments, evidence, time, modality and source to `into`
// (the rules of MergeEvents()), whatever their arguments.
void AbsorbEvent(Event* into, Event&& from);

}  // namespace newsx::extract::analysis
