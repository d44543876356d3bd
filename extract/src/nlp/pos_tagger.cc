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
                    std::span<std::uint16_t> out) const {
  std::uint64_t features[kMaxTaggerFeatures];
  std::int32_t scores[kMaxTags];
  const std::size_t num_tags = tags_.size();
  std::uint32_t prev1 = kStartTag, prev2 = kStartTag;
  std::vector<TagMask> all(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) all[i] = dictionary_.Candidates(words[i]);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const TagMask& candidates = all[i];
    std::uint16_t tag;
    if (CountTags(candidates) == 1) {
      tag = static_cast<std::uint16_t>(candidates[0] != 0 ? __builtin_ctzll(candidates[0])
                                                          : 64 + __builtin_ctzll(candidates[1]));
      if (tag >= num_tags) tag = 0;
    } else {
      const int n = TaggerFeatures(words, all, mode, i, prev1, prev2, features);
      for (int f = 0; f < n; ++f) weights_.Prefetch(features[f]);
      std::uint32_t rows[kMaxTaggerFeatures];
      for (int f = 0; f < n; ++f) {
        rows[f] = weights_.Find(features[f]);
        weights_.PrefetchRow(rows[f]);
      }
      std::fill_n(scores, num_tags, 0);
      for (int f = 0; f < n; ++f) weights_.AddRow(rows[f], scores);
      tag = BestTag(scores, candidates, num_tags);
    }
    out[i] = tag;
    prev2 = prev1;
    prev1 = tag;
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
