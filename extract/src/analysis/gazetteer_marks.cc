#include "analysis/gazetteer_marks.h"

namespace newsx::extract::analysis {

namespace {

std::uint32_t ClassOf(const Lexicon& lex, const PhraseInfo& info) {
  if (info.kind == PhraseKind::kTitle) return kGazTitle;
  if (info.kind == PhraseKind::kDemonym) return kGazDemonym;
  const Entity& e = lex.entities[info.ref].entity;
  switch (e.type) {
    case EntityType::kChip:
      return kGazChip;
    case EntityType::kPerson:
      return kGazPerson;
    case EntityType::kPlace:
      return e.kind == "country" ? kGazCountry : e.kind == "city" ? kGazCity : kGazRegion;
    case EntityType::kOrg:
      if (e.kind == "company") return kGazCompany;
      if (e.kind == "agency" || e.kind == "government") return kGazAgency;
      return kGazOtherOrg;
  }
  return kGazOtherOrg;
}

}  // namespace

void GazetteerMarks(const AnalysisModel& model, const TokenizedText& t,
                    std::vector<std::uint64_t>* marks) {
  marks->assign(t.tokens.size(), 0);
  model.matcher.ForEachMatch(t, [&](std::uint32_t first, std::uint32_t end, const PhraseInfo& info) {
    if (info.kind == PhraseKind::kWordClass || info.kind == PhraseKind::kTrigger) return;
    const std::uint32_t cls = ClassOf(model.lexicon, info);
    if (end - first == 1) {
      (*marks)[first] |= GazetteerBit(cls, 3);
      return;
    }
    (*marks)[first] |= GazetteerBit(cls, 0);
    for (std::uint32_t i = first + 1; i + 1 < end; ++i) (*marks)[i] |= GazetteerBit(cls, 1);
    (*marks)[end - 1] |= GazetteerBit(cls, 2);
  });
}

}  // namespace newsx::extract::analysis
