#pragma once

#include <vector>

#include "analysis/doc_state.h"
#include "newsx/core/analysis.h"
#include "newsx/extract/quantity_extractor.h"

namespace newsx::extract::analysis {

// Runs the quantity extractor over the document text, records each
// quantity's tokens in d->quantities (for event arguments) and links
// `of` to the entity the text says is counted: an entity named between the
// amount and its counted noun ("two million Nvidia H200 chips"), or right
// after the amount ("two million H200s"). A counted chip with no unit gets
// unit "chip". REQUIRES: entity recognition has run on `d`.
std::vector<Quantity> FindQuantities(DocState* d, const QuantityExtractor& extractor);

}  // namespace newsx::extract::analysis
