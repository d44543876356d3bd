#pragma once

#include <cstdint>
#include <vector>

#include "analysis/analysis_model.h"

namespace newsx::extract::analysis {

// The lexicon lists a name can come from, as features for the entity
// tagger: orgs by kind, places by kind, persons, chips, demonyms, titles.
enum GazetteerClass : std::uint32_t {
  kGazChip,
  kGazCompany,
  kGazAgency,    // Agencies and governments.
  kGazOtherOrg,  // Media and other organizations.
  kGazPerson,
  kGazCountry,
  kGazCity,
  kGazRegion,
  kGazDemonym,
  kGazTitle,
  kGazClasses,
};

// Bit of `cls` at position `pos` within the listed name: 0 begin, 1 inside,
// 2 last, 3 unit (a one-token name).
inline constexpr std::uint64_t GazetteerBit(std::uint32_t cls, std::uint32_t pos) {
  return std::uint64_t{1} << (cls * 4 + pos);
}

// For every token of `t`, the GazetteerBit()s of every lexicon name
// (entities of every kind, link-only ones included, demonyms and titles)
// that covers it, as the phrase matcher finds them (capitalization rules
// included). marks->size() becomes t.tokens.size().
void GazetteerMarks(const AnalysisModel& model, const TokenizedText& t,
                    std::vector<std::uint64_t>* marks);

}  // namespace newsx::extract::analysis
