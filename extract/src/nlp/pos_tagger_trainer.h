#pragma once

// Training of the tagger and lemmatizer (pos_tagger.h): builds the tag set
// and tag dictionary from the training sentences, trains the averaged
// perceptron for up to max_epochs passes in a seeded order, and keeps the
// epoch that tags the development sentences best.

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "newsx/core/result.h"
#include "nlp/conllu.h"
#include "nlp/pos_tagger.h"

namespace newsx::extract::nlp {

struct TaggerTrainingOptions {
  int max_epochs = 12;
  // Passes to run whatever the dev score (0: stop early after 3 passes
  // without improvement).
  int fixed_epochs = 0;
  std::uint32_t frequent_word = 5;
  float prune = 0;  // Weights below this magnitude are dropped.  // Tag dictionary: see TagDictionary::Builder.
  std::uint64_t seed = 1;
  std::function<void(std::string_view)> log;  // Progress lines; may be empty.
};

// REQUIRES: `train` holds sentences with UPOS and XPOS.
// Returns kInvalidArgument if the training data has no usable sentence.
Result<PosTagger> TrainPosTagger(const std::vector<TreebankSentence>& train,
                                 const std::vector<TreebankSentence>& dev,
                                 const TaggerTrainingOptions& options);

// Tags of `s` by `tagger` (tag ids).
std::vector<std::uint16_t> TagTreebankSentence(const PosTagger& tagger, const TreebankSentence& s);

}  // namespace newsx::extract::nlp
