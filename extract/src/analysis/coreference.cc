// ResolveCoreference(): short later mentions of entities found earlier.

#include <string>
#include <unordered_map>

#include "analysis/entity_recognizer.h"

namespace newsx::extract::analysis {

namespace {

struct ShortName {
  std::int32_t entity = -1;      // -1 when two entities share the short name.
  std::uint32_t first_seen = 0;  // Token index of the entity's first mention.
};

// Appends word w, lower-cased, to a space-separated key.
void AppendKeyWord(std::string_view w, std::string* key) {
  if (!key->empty()) *key += ' ';
  text::AppendLower(w, key);
}

// "HIVE Digital" in a headline for "HIVE Digital Technologies" in the body:
// the first two or more words of a firm's longer name stand for it wherever
// they stand alone (another capitalized word after them, unless a common
// word, would make another name). A one-word mention of the firm they start with ("HIVE") grows to
// them.
void AddNamePrefixes(DocState* d) {
  std::unordered_map<std::string, std::int32_t> prefixes;  // Lower-case words -> entity, -1 if shared.
  for (const DocMention& m : d->mentions) {
    const Entity& e = d->entities[static_cast<std::size_t>(m.entity)];
    if (e.type != EntityType::kOrg || m.end - m.first < 3) continue;
    std::string key;
    for (std::uint32_t i = m.first; i + 1 < m.end && (d->tok(i).flags & kWordToken); ++i) {
      AppendKeyWord(TokenText(d->tt, d->tok(i)), &key);
      if (i == m.first) continue;
      auto [it, inserted] = prefixes.emplace(key, m.entity);
      if (!inserted && it->second != m.entity) it->second = -1;
    }
  }
  if (prefixes.empty()) return;
  const auto capitalized = [&](std::uint32_t i) {
    const Token& t = d->tok(i);
    return (t.flags & kWordToken) && (t.flags & (kUpperInitial | kHasDigit));
  };
  for (std::uint32_t i = 0; i + 1 < d->size(); ++i) {
    if (!capitalized(i)) continue;
    const std::int32_t own = d->covered[i];  // A one-word mention that may grow.
    if (own >= 0 && d->mentions[static_cast<std::size_t>(own)].end != i + 1) continue;
    std::string key;
    std::int32_t found = -1;
    std::uint32_t found_end = i;
    for (std::uint32_t j = i; j < d->size() && j < i + 6 && capitalized(j) &&
                              (j == i || d->covered[j] < 0);
         ++j) {
      AppendKeyWord(TokenText(d->tt, d->tok(j)), &key);
      const auto it = prefixes.find(key);
      if (it != prefixes.end() && j > i) {
        found = it->second;
        found_end = j + 1;
      }
    }
    if (found < 0) continue;
    if (own >= 0 && d->mentions[static_cast<std::size_t>(own)].entity != found) continue;
    // A headline capitalizes common words too ("HIVE Digital Makes ...").
    if (found_end < d->size() && capitalized(found_end) && d->covered[found_end] < 0 &&
        !(d->tok(found_end).flags & kParagraphStart) && !IsWeakWord(*d, found_end)) {
      continue;
    }
    if (own >= 0) d->RemoveMention(own);
    d->AddMention(i, found_end, found);
    i = found_end - 1;
  }
}

// "CPS" in a body that named "CPS Technologies Corp." first or later: a
// one-word firm the tagger found on its own, and no lexicon lists, is the
// firm of the document whose longer name is that word and a company word
// ("Technologies", "Corp", "Semiconductor"), when only one is (gazetteers
// list full names, seldom their short forms). "Nissan" is not the
// "NissanConnect" service, nor "VW" the "VW Atlas" car.
void RelinkFirstWords(DocState* d) {
  const auto org = [&](std::int32_t entity) {
    return d->entities[static_cast<std::size_t>(entity)].type == EntityType::kOrg;
  };
  const auto unlisted_org = [&](std::int32_t entity) {
    return org(entity) && d->model.lexicon.entity_index.count(
                              d->entities[static_cast<std::size_t>(entity)].id) == 0;
  };
  std::unordered_map<std::string_view, std::int32_t> firsts;  // First word -> entity, -1 if shared.
  for (const DocMention& m : d->mentions) {
    if (m.end - m.first < 2 || !org(m.entity) || !(d->tok(m.first).flags & kWordToken) ||
        !(d->tok(m.first + 1).classes & kOrgSuffix)) {
      continue;
    }
    auto [it, inserted] = firsts.emplace(TokenText(d->tt, d->tok(m.first)), m.entity);
    if (!inserted && it->second != m.entity) it->second = -1;
  }
  if (firsts.empty()) return;
  for (DocMention& m : d->mentions) {
    if (m.end != m.first + 1 || !unlisted_org(m.entity) || IsWeakWord(*d, m.first)) continue;
    const auto it = firsts.find(TokenText(d->tt, d->tok(m.first)));
    if (it != firsts.end() && it->second >= 0) m.entity = it->second;
  }
}

}  // namespace

void ResolveCoreference(DocState* d) {
  RelinkFirstWords(d);
  // Short names: a person's surname ("Huang"), a rule-found firm's first word
  // ("Zhonghao" for "Zhonghao Technologies"), a rule-found chip's model
  // ("910D" for "Huawei Ascend 910D"), an unlisted one-word firm's name.
  std::unordered_map<std::string_view, ShortName> short_names;
  const auto add = [&](std::string_view key, std::int32_t entity, std::uint32_t first_seen) {
    auto [it, inserted] = short_names.emplace(key, ShortName{entity, first_seen});
    if (!inserted && it->second.entity != entity) it->second.entity = -1;
  };
  for (const DocMention& m : d->mentions) {
    const Entity& e = d->entities[static_cast<std::size_t>(m.entity)];
    if (m.end - m.first < 2) {
      // One name, one type in a document: an unlisted one-word firm
      // ("Q.ANT") is that firm wherever the word stands alone, before its
      // first found mention too, unless the word is a common one.
      if (m.end == m.first + 1 && e.type == EntityType::kOrg &&
          d->model.lexicon.entity_index.count(e.id) == 0 && !IsWeakWord(*d, m.first)) {
        add(TokenText(d->tt, d->tok(m.first)), m.entity, 0);
      }
      continue;
    }
    if (e.type == EntityType::kPerson) {
      add(TokenText(d->tt, d->tok(m.end - 1)), m.entity, m.first);
    } else if (e.type == EntityType::kOrg && d->model.lexicon.entity_index.count(e.id) == 0) {
      add(TokenText(d->tt, d->tok(m.first)), m.entity, m.first);
    } else if (e.type == EntityType::kChip && d->model.lexicon.entity_index.count(e.id) == 0 &&
               (d->tok(m.end - 1).flags & kHasDigit)) {
      add(TokenText(d->tt, d->tok(m.end - 1)), m.entity, m.first);
    }
  }
  AddNamePrefixes(d);
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
