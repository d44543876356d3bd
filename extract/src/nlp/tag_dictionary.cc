#include "nlp/tag_dictionary.h"

#include <algorithm>

#include "nlp/tag_set.h"

namespace newsx::extract::nlp {
namespace {

// Occurrences among rare words that make a tag open-class.
constexpr std::uint32_t kOpenClassMin = 10;
constexpr std::uint32_t kRareCount = 2;

std::uint64_t MaskKey(const TagMask& m) { return m[0] * 0x9e3779b97f4a7c15ULL ^ m[1]; }

}  // namespace

void TagDictionary::Builder::Add(const WordAtoms& word, std::size_t tag) {
  Counts& f = forms_[word.form];
  ++f.count;
  SetTag(&f.tags, tag);
  Counts& l = lowers_[word.lower];
  ++l.count;
  SetTag(&l.tags, tag);
  seen_.emplace_back(word.lower, tag);
}

TagDictionary TagDictionary::Builder::Build(std::uint32_t frequent,
                                            const TagMask& proper_tags) const {
  TagDictionary d;
  d.proper_ = proper_tags;
  std::vector<std::uint32_t> rare_counts(kMaxTags, 0);
  for (const auto& [lower, tag] : seen_) {
    if (lowers_.at(lower).count <= kRareCount) ++rare_counts[tag];
  }
  for (std::size_t t = 0; t < rare_counts.size(); ++t) {
    if (rare_counts[t] >= kOpenClassMin) SetTag(&d.open_, t);
  }
  // Deterministic order: sorted keys.
  std::vector<std::pair<std::uint64_t, const Counts*>> entries;
  for (const auto& [k, c] : forms_) entries.emplace_back(k, &c);
  for (const auto& [k, c] : lowers_) entries.emplace_back(k, &c);
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::unordered_map<std::uint64_t, std::uint32_t> mask_ids;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> index;
  for (const auto& [key, counts] : entries) {
    std::uint32_t id;
    const auto it = mask_ids.find(MaskKey(counts->tags));
    if (it != mask_ids.end() && d.masks_[it->second] == counts->tags) {
      id = it->second;
    } else {
      id = static_cast<std::uint32_t>(d.masks_.size());
      d.masks_.push_back(counts->tags);
      mask_ids.emplace(MaskKey(counts->tags), id);
    }
    index.emplace_back(key, id | (counts->count >= frequent ? kFrequent : 0));
  }
  d.index_ = HashIndex::Build(index);
  return d;
}

TagMask TagDictionary::Candidates(const WordAtoms& word) const {
  const std::uint32_t form = index_.Find(word.form);
  if (form != HashIndex::kAbsent && (form & kFrequent)) return masks_[form & ~kFrequent];
  const std::uint32_t lower = index_.Find(word.lower);
  TagMask out = {};
  if (form != HashIndex::kAbsent) out = masks_[form & ~kFrequent];
  if (lower != HashIndex::kAbsent && (lower & kFrequent)) {
    out = Or(out, masks_[lower & ~kFrequent]);
    if (word.word_case != WordCase::kLower && word.word_case != WordCase::kNoLetters) {
      out = Or(out, proper_);
    }
    return out;
  }
  if (lower != HashIndex::kAbsent) out = Or(out, masks_[lower & ~kFrequent]);
  return Or(out, open_);
}

void TagDictionary::Serialize(ModelWriter* w) const {
  index_.Serialize(w);
  w->Array(masks_);
  w->U64(open_[0]);
  w->U64(open_[1]);
  w->U64(proper_[0]);
  w->U64(proper_[1]);
}

bool TagDictionary::Deserialize(ModelReader* r, TagDictionary* out) {
  if (!HashIndex::Deserialize(r, &out->index_) || !r->Array(&out->masks_) ||
      !r->U64(&out->open_[0]) || !r->U64(&out->open_[1]) || !r->U64(&out->proper_[0]) ||
      !r->U64(&out->proper_[1])) {
    return false;
  }
  if (!out->index_.ValuesBelow(static_cast<std::uint32_t>(out->masks_.size()), kFrequent)) {
    return r->Fail("bad tag dictionary entry");
  }
  if (CountTags(out->open_) == 0) return r->Fail("no open-class tags");
  return true;
}

}  // namespace newsx::extract::nlp
