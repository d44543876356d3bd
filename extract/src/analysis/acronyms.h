#pragma once

// Acronyms and the words a document defines them by: "Bureau of Industry
// and Security (BIS)", "Thin-Film Lithium Niobate (TFLN)".

#include <string>
#include <string_view>
#include <unordered_map>

#include "analysis/doc_state.h"

namespace newsx::extract::analysis {

// Two to six capital letters ("BIS", "TFLN"), nothing else.
bool IsAcronym(std::string_view w);

// Initials of a name, with and without its function words: "Bureau of
// Industry and Security" -> "BIS" and "BOIAS"; "Republic of Korea" -> "ROK".
// Hyphens separate words ("Thin-Film" -> "TF").
void Initials(std::string_view name, std::string* content, std::string* all);

struct TokenRange {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
};

// Acronym -> the words right before "(ACRONYM)" whose initials spell it,
// inside quotation marks or not ("Verified End User" (VEU)), where the
// document first defines it. One pass over the document; the keys view
// the document's text.
using AcronymDefinitions = std::unordered_map<std::string_view, TokenRange>;
AcronymDefinitions FindAcronymDefinitions(const DocState& d);

}  // namespace newsx::extract::analysis
