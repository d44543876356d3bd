#include "nlp/pos_tagger.h"

#include <limits>
#include <vector>

#include "nlp/pos_features.h"

namespace newsx::extract::nlp {

std::uint16_t BestTag(const std::int32_t* scores, const TagMask& candidates,
                      std::size_t num_tags) {
  std::uint16_t best = 0;
  std::int32_t best_score = std::numeric_limits<std::int32_t>::min();
  bool found = false;
  for (int word = 0; word < 2; ++word) {
    for (std::uint64_t bits = candidates[static_cast<std::size_t>(word)]; bits != 0; bits &= bits - 1) {
      const auto t = static_cast<std::size_t>(word * 64 + __builtin_ctzll(bits));
      if (t >= num_tags) break;
      if (!found || scores[t] > best_score) {
        best = static_cast<std::uint16_t>(t);
        best_score = scores[t];
        found = true;
      }
    }
  }
  return best;
}

void PosTagger::Tag(std::span<const WordAtoms> words, SentenceCase mode,
                    std::span<std::uint16_t> out, std::span<const std::uint8_t> names) const {
  const std::size_t n = words.size(), num_tags = tags_.size();
  std::vector<TagMask> candidates(n);
  for (std::size_t i = 0; i < n; ++i) candidates[i] = dictionary_.Candidates(words[i]);
  if (!names.empty()) ConstrainNames(names, &candidates);
  // First the features that do not depend on earlier tags, for the words
  // with a choice, a chunk of words at a time so that the lookups overlap.
  std::vector<std::int32_t> scores(n * num_tags, 0);
  constexpr std::size_t kChunk = 4;
  std::uint64_t features[kChunk * kMaxStaticTaggerFeatures];
  std::uint32_t rows[kChunk * kMaxStaticTaggerFeatures];
  std::size_t owners[kChunk * kMaxStaticTaggerFeatures];
  for (std::size_t first = 0; first < n;) {
    int k = 0;
    std::size_t taken = 0;
    for (; first < n && taken < kChunk; ++first) {
      if (CountTags(candidates[first]) < 2) continue;
      const int added = StaticTaggerFeatures(words, candidates, mode, first, features + k);
      for (int f = 0; f < added; ++f) owners[k + f] = first;
      k += added;
      ++taken;
    }
    for (int f = 0; f < k; ++f) weights_.Prefetch(features[f]);
    for (int f = 0; f < k; ++f) {
      rows[f] = weights_.Find(features[f]);
      weights_.PrefetchRow(rows[f]);
    }
    for (int f = 0; f < k; ++f) weights_.AddRow(rows[f], &scores[owners[f] * num_tags]);
  }
  // Then left to right with the previous tags.
  std::uint32_t prev1 = kStartTag, prev2 = kStartTag;
  for (std::size_t i = 0; i < n; ++i) {
    const TagMask& cand = candidates[i];
    std::uint16_t tag;
    if (CountTags(cand) < 2) {
      tag = static_cast<std::uint16_t>(cand[0] != 0   ? __builtin_ctzll(cand[0])
                                       : cand[1] != 0 ? 64 + __builtin_ctzll(cand[1])
                                                      : 0);
      if (tag >= num_tags) tag = 0;
    } else {
      const int k = DynamicTaggerFeatures(words, candidates, i, prev1, prev2, features);
      for (int f = 0; f < k; ++f) weights_.Prefetch(features[f]);
      for (int f = 0; f < k; ++f) {
        rows[f] = weights_.Find(features[f]);
        weights_.PrefetchRow(rows[f]);
      }
      std::int32_t* s = &scores[i * num_tags];
      for (int f = 0; f < k; ++f) weights_.AddRow(rows[f], s);
      tag = BestTag(s, cand, num_tags);
    }
    out[i] = tag;
    prev2 = prev1;
    prev1 = tag;
  }
}

void PosTagger::ConstrainNames(std::span<const std::uint8_t> names,
                               std::vector<TagMask>* candidates) const {
  TagMask nominal{0, 0};
  for (std::size_t t = 0; t < tags_.size(); ++t) {
    const Upos u = tags_.upos(t);
    if (u == Upos::kPropn || u == Upos::kNoun || u == Upos::kAdj || u == Upos::kNum) SetTag(&nominal, t);
  }
  for (std::size_t i = 0; i < names.size() && i < candidates->size(); ++i) {
    if (!names[i]) continue;
    TagMask& c = (*candidates)[i];
    const TagMask kept{c[0] & nominal[0], c[1] & nominal[1]};
    // Function words inside names ("Bank of America") keep their tags.
    if (CountTags(kept) > 0) c = kept;
  }
}

std::string PosTagger::Serialize() const {
  ModelWriter w;
  WriteModelHeader(ModelKind::kTagger, &w);
  tags_.Serialize(&w);
  dictionary_.Serialize(&w);
  weights_.Serialize(&w);
  lemmatizer_.Serialize(&w);
  return std::move(w.bytes());
}

Result<PosTagger> PosTagger::Deserialize(std::string_view bytes) {
  ModelReader r(bytes);
  if (Status st = ReadModelHeader(ModelKind::kTagger, &r); !st.ok()) return st;
  PosTagger t;
  if (!TagSet::Deserialize(&r, &t.tags_) || !TagDictionary::Deserialize(&r, &t.dictionary_) ||
      !SparseWeightTable::Deserialize(&r, &t.weights_) ||
      !Lemmatizer::Deserialize(&r, &t.lemmatizer_)) {
    return r.status();
  }
  if (t.weights_.num_classes() != t.tags_.size()) r.Fail("weights and tags disagree");
  if (!r.at_end()) r.Fail("trailing bytes");
  if (!r.ok()) return r.status();
  return t;
}

}  // namespace newsx::extract::nlp
