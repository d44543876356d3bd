#pragma once

// The part-of-speech tagger: a greedy left-to-right averaged perceptron
// over joint (UPOS, XPOS) tags (Collins 2002), with a tag dictionary that
// limits each word to its possible tags. Model file: en-pos.bin, which also
// holds the lemmatizer.

#include <cstdint>
#include <span>
#include <vector>

#include "nlp/lemmatizer.h"
#include "nlp/model_format.h"
#include "nlp/tag_dictionary.h"
#include "nlp/tag_set.h"
#include "nlp/weight_tables.h"
#include "nlp/word_atoms.h"

namespace newsx::extract::nlp {

// Thread-safe once built (Tag() is const and keeps no state).
class PosTagger {
 public:
  PosTagger() = default;
  PosTagger(TagSet tags, TagDictionary dictionary, SparseWeightTable weights,
            Lemmatizer lemmatizer)
      : tags_(std::move(tags)),
        dictionary_(std::move(dictionary)),
        weights_(std::move(weights)),
        lemmatizer_(std::move(lemmatizer)) {}

  // Writes the tag id of each word to `out`. REQUIRES: out.size() ==
  // words.size(). `names`, when not empty (then its size is words.size()),
  // marks words known to be part of a name: those that may be nominal are
  // tagged PROPN, NOUN, ADJ or NUM, so that "CPS" opening a sentence is not
  // read as a verb ("of" in "Bank of America" keeps its tag).
  void Tag(std::span<const WordAtoms> words, SentenceCase mode, std::span<std::uint16_t> out,
           std::span<const std::uint8_t> names = {}) const;

  const TagSet& tags() const { return tags_; }
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }
  std::size_t bytes() const {
    return dictionary_.bytes() + weights_.bytes() + lemmatizer_.bytes();
  }

  // The whole model file.
  std::string Serialize() const;
  static Result<PosTagger> Deserialize(std::string_view bytes);

 private:
  void ConstrainNames(std::span<const std::uint8_t> names, std::vector<TagMask>* candidates) const;

  TagSet tags_;
  TagDictionary dictionary_;
  SparseWeightTable weights_;
  Lemmatizer lemmatizer_;
};

// Tag with the highest score among `candidates` (lowest id on ties).
std::uint16_t BestTag(const std::int32_t* scores, const TagMask& candidates, std::size_t num_tags);

}  // namespace newsx::extract::nlp
