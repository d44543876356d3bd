#pragma once

#include "analysis/doc_state.h"

namespace newsx::extract::analysis {

// The entity stages, run in this order over one document. Each adds
// mentions to tokens not yet covered, so earlier (more certain) stages win.

// Lexicon phrases: known entities and demonyms (longest match first),
// capitals as government metonyms, titles, event triggers and word classes.
void MatchLexicon(DocState* d);

// Unknown chip models next to a vendor or family ("Huawei Ascend 910D",
// "Nvidia B60") or before a chip noun ("the X900 accelerators").
void FindChipsByRule(DocState* d);

// Unknown firms: capitalized names ending in a company suffix ("Zhonghao
// Technologies Ltd") and names listed after "companies such as".
void FindOrgsByRule(DocState* d);

// People with their roles: "<Org> <title> <Name>", "<title> <Name>",
// "<Name>, a <title> for <Org>", "<Org>'s <title>, <Name>", "<Name> said".
void FindPersons(DocState* d);

// Later mentions by surname ("Huang") or by a rule-found firm's first word,
// and bare chip models seen before with their vendor.
void ResolveCoreference(DocState* d);

}  // namespace newsx::extract::analysis
