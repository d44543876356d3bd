#pragma once

#include <string>

#include "analysis/doc_state.h"

namespace newsx::extract::analysis {

// The text layer, parse, tagger labels and entity mentions of `d` as
// CoNLL-U (TextAnalyzer::Conllu()). REQUIRES: the entity stages have run.
std::string RenderConllu(const DocState& d);

}  // namespace newsx::extract::analysis
