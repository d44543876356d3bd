#pragma once

// Training and evaluation of the language models (language_models.h) from
// Universal Dependencies treebanks in CoNLL-U. The training command
// (newsx_train, scripts/train_models.sh) reads the files and calls these;
// the library does no file I/O. Training is deterministic: the same
// inputs and options give byte-identical model files.

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/core/result.h"

namespace newsx::extract::nlp {

struct TrainingOptions {
  // Tagger passes over the training data: the best of up to
  // tagger_max_epochs on the development data, or exactly tagger_epochs
  // when that is > 0. Default: up to 12, chosen on dev.
  int tagger_max_epochs = 12;
  int tagger_epochs = 0;
  // Parser passes, likewise. Default: up to 20, chosen on dev.
  int parser_max_epochs = 20;
  int parser_epochs = 0;
  // The parser learns from tags predicted by taggers trained on the other
  // folds of its training data (jackknifing), as it will see at run time.
  // 0 or 1: gold tags. Default: 10.
  int jackknife_folds = 10;
  // Train also on variants that look like newsx input (its tokenization,
  // headlines in capitals or title case). Default: true.
  bool augment = true;
  // Pruning: averaged weights smaller than these in magnitude are dropped
  // from the model files (size and speed against a little accuracy).
  float tagger_prune = 0;
  float parser_prune = 0;
  std::uint64_t seed = 1;
  // Developer aid for parser experiments (newsx_train --jackknife-cache):
  // if not null, these are the parser's training tags, as an earlier run
  // with the same corpus, tagger model and options passed them to
  // `on_jackknife` (called, if set, when they have been computed).
  const std::vector<std::vector<std::uint16_t>>* jackknife_tags = nullptr;
  std::function<void(const std::vector<std::vector<std::uint16_t>>&)> on_jackknife;
  // Progress lines (epochs, dev scores); may be empty.
  std::function<void(std::string_view)> log;
};

// Trains the tagger and lemmatizer on the sentences of `train` (CoNLL-U
// texts, e.g. EWT train and GUM train), choosing epochs on `dev`. Returns
// the bytes of en-pos.bin, or kInvalidArgument naming a malformed line or
// training data without tags.
Result<std::string> TrainTaggerModel(std::span<const std::string_view> train,
                                     std::span<const std::string_view> dev,
                                     const TrainingOptions& options);

// Trains the dependency parser; `tagger_model` (en-pos.bin bytes) tags its
// development data and, with jackknifing, its training data. Returns the
// bytes of en-dep.bin.
Result<std::string> TrainParserModel(std::span<const std::string_view> train,
                                     std::span<const std::string_view> dev,
                                     std::string_view tagger_model,
                                     const TrainingOptions& options);

struct Evaluation {
  std::size_t sentences = 0;
  std::size_t words = 0;
  double upos = 0;   // Share of words with the right universal tag.
  double xpos = 0;   // ... the right Penn tag.
  double lemma = 0;  // ... the right lemma.
  // Attachment with predicted tags, over all words (punctuation too), as in
  // the CoNLL 2018 shared task: unlabeled, labeled with the universal
  // relation (no subtype), and labeled with the full relation.
  double uas = 0;
  double las = 0;
  double las_full = 0;
  bool parsed = false;  // False when no parser model was given.
};

struct EvaluationOptions {
  // Evaluate on the sentences as newsx's tokenizer would split them
  // (contractions whole, see training_corpus.h) instead of the treebank's
  // own words. Default: false.
  bool newsx_tokens = false;
};

// Tags (and parses, if `dep_model` is not empty) the sentences of `conllu`
// with gold tokenization and scores the result against it. Returns
// kInvalidArgument for malformed CoNLL-U or model bytes.
Result<Evaluation> EvaluateModels(std::string_view pos_model, std::string_view dep_model,
                                  std::string_view conllu, const EvaluationOptions& options);

}  // namespace newsx::extract::nlp
