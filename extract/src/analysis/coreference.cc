// ResolveCoreference(): short later mentions of entities found earlier.

#include <unordered_map>

#include "analysis/entity_recognizer.h"

namespace newsx::extract::analysis {

namespace {

struct ShortName {
  std::int32_t entity = -1;      // -1 when two entities share the short name.
  std::uint32_t first_seen = 0;  // Token index of the entity's first mention.
};

}  // namespace

void ResolveCoreference(DocState* d) {
  // Short names: a person's surname ("Huang"), a rule-found firm's first word
  // ("Zhonghao" for "Zhonghao Technologies"), a rule-found chip's model
  // ("910D" for "Huawei Ascend 910D").
  std::unordered_map<std::string_view, ShortName> short_names;
  const auto add = [&](std::string_view key, std::int32_t entity, std::uint32_t first_seen) {
    auto [it, inserted] = short_names.emplace(key, ShortName{entity, first_seen});
    if (!inserted && it->second.entity != entity) it->second.entity = -1;
  };
  for (const DocMention& m : d->mentions) {
    const Entity& e = d->entities[static_cast<std::size_t>(m.entity)];
    if (m.end - m.first < 2) continue;
    if (e.type == EntityType::kPerson) {
      add(TokenText(d->tt, d->tok(m.end - 1)), m.entity, m.first);
    } else if (e.type == EntityType::kOrg && d->model.lexicon.entity_index.count(e.id) == 0) {
      add(TokenText(d->tt, d->tok(m.first)), m.entity, m.first);
    } else if (e.type == EntityType::kChip && d->model.lexicon.entity_index.count(e.id) == 0) {
      add(TokenText(d->tt, d->tok(m.end - 1)), m.entity, m.first);
    }
  }
  if (short_names.empty()) return;
  for (std::uint32_t i = 0; i < d->size(); ++i) {
    const Token& t = d->tok(i);
    if (d->covered[i] >= 0 || !(t.flags & kWordToken) || !(t.flags & (kUpperInitial | kHasDigit))) {
      continue;
    }
    const auto it = short_names.find(TokenText(d->tt, t));
    if (it == short_names.end() || it->second.entity < 0 || i < it->second.first_seen) continue;
    // "Huang Renxun" would be another person: a surname followed by another
    // capitalized word is not a short mention.
    if (i + 1 < d->size() && (d->tok(i + 1).flags & kUpperInitial) &&
        (d->tok(i + 1).flags & kWordToken) && !(d->tok(i + 1).flags & kParagraphStart)) {
      continue;
    }
    d->AddMention(i, i + 1, it->second.entity);
  }
}

}  // namespace newsx::extract::analysis
