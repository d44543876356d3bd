#include "nlp/pos_features.h"

#include "nlp/hashing.h"

namespace newsx::extract::nlp {
namespace {

// Atoms standing for the words before and after the sentence.
constexpr std::uint64_t kBefore = 0x6265666f72655f5fULL;
constexpr std::uint64_t kAfter = 0x61667465725f5f5fULL;

struct Context {
  std::uint64_t lower, suffix3, shape, word_case, ambiguity;
};

Context At(std::span<const WordAtoms> words, std::span<const TagMask> candidates,
           std::ptrdiff_t j) {
  if (j < 0) return {kBefore, kBefore, kBefore, 10, kBefore};
  if (j >= static_cast<std::ptrdiff_t>(words.size())) return {kAfter, kAfter, kAfter, 11, kAfter};
  const auto k = static_cast<std::size_t>(j);
  const WordAtoms& w = words[k];
  return {w.lower, w.suffix[2], w.shape, static_cast<std::uint64_t>(w.word_case),
          candidates[k][0] * 0x9e3779b97f4a7c15ULL ^ candidates[k][1]};
}

}  // namespace

int StaticTaggerFeatures(std::span<const WordAtoms> words, std::span<const TagMask> candidates,
                         SentenceCase mode, std::size_t i, std::uint64_t* out) {
  const WordAtoms& w = words[i];
  const auto pos = static_cast<std::ptrdiff_t>(i);
  const Context l2 = At(words, candidates, pos - 2), l1 = At(words, candidates, pos - 1);
  const Context c0 = At(words, candidates, pos);
  const Context r1 = At(words, candidates, pos + 1), r2 = At(words, candidates, pos + 2);
  const auto m = static_cast<std::uint64_t>(mode);
  int n = 0;
  out[n++] = Feat(0, 1);
  out[n++] = Feat(1, w.lower);
  out[n++] = Feat(2, w.form, m);
  for (int k = 0; k < kSuffixes; ++k) out[n++] = Feat(3 + k, w.suffix[k]);
  for (int k = 0; k < kPrefixes; ++k) out[n++] = Feat(7 + k, w.prefix[k]);
  out[n++] = Feat(10, w.shape, m);
  out[n++] = Feat(11, static_cast<std::uint64_t>(w.word_case), m, i == 0);
  out[n++] = Feat(12, l1.lower);
  out[n++] = Feat(13, r1.lower);
  out[n++] = Feat(14, l2.lower);
  out[n++] = Feat(15, r2.lower);
  out[n++] = Feat(16, l1.suffix3);
  out[n++] = Feat(17, r1.suffix3);
  out[n++] = Feat(18, l1.word_case, m);
  out[n++] = Feat(19, r1.shape, m);
  out[n++] = Feat(24, l1.lower, w.lower);
  out[n++] = Feat(25, w.lower, r1.lower);
  out[n++] = Feat(27, w.suffix[2], r1.lower);
  out[n++] = Feat(29, c0.ambiguity);
  out[n++] = Feat(30, c0.ambiguity, r1.ambiguity);
  out[n++] = Feat(32, l1.word_case * 16 + c0.word_case, r1.word_case, m);
  out[n++] = Feat(33, r1.ambiguity, r2.ambiguity);
  return n;
}

int DynamicTaggerFeatures(std::span<const WordAtoms> words, std::span<const TagMask> candidates,
                          std::size_t i, std::uint32_t prev1, std::uint32_t prev2,
                          std::uint64_t* out) {
  const WordAtoms& w = words[i];
  const auto pos = static_cast<std::ptrdiff_t>(i);
  const Context c0 = At(words, candidates, pos), r1 = At(words, candidates, pos + 1);
  int n = 0;
  out[n++] = Feat(20, prev1);
  out[n++] = Feat(21, prev2);
  out[n++] = Feat(22, prev1, prev2);
  out[n++] = Feat(23, prev1, w.lower);
  out[n++] = Feat(26, prev1, r1.lower);
  out[n++] = Feat(28, prev1, w.suffix[2]);
  out[n++] = Feat(31, prev1, c0.ambiguity, r1.ambiguity);
  return n;
}

int TaggerFeatures(std::span<const WordAtoms> words, std::span<const TagMask> candidates,
                   SentenceCase mode, std::size_t i, std::uint32_t prev1, std::uint32_t prev2,
                   std::uint64_t* out) {
  const int n = StaticTaggerFeatures(words, candidates, mode, i, out);
  return n + DynamicTaggerFeatures(words, candidates, i, prev1, prev2, out + n);
}

}  // namespace newsx::extract::nlp
