#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/core/result.h"
#include "newsx/extract/text_analyzer.h"

namespace newsx::extract {

// Training and evaluation of the name tagger (the model behind person,
// organization and place recognition; see docs/models.md). Used by the
// `newsx_train` tool; the analyzer loads the shipped model itself.

enum class NerCorpusFormat {
  kConll,      // "WORD<TAB>TAG" lines, BIO tags over PER/ORG/LOC/MISC.
  kGumConllu,  // CoNLL-U with GUM's entity layer in MISC (names only are kept).
};

struct NerCorpus {
  std::string name;     // For messages: "wikigold/all.conll".
  std::string content;  // The file's text.
  NerCorpusFormat format = NerCorpusFormat::kConll;
};

struct NerTrainOptions {
  // Passes over the training sentences. Default: 10.
  int epochs = 10;
  // Seed of the sentence order shuffle; a fixed seed makes training
  // reproducible byte for byte. Default: 20261205.
  std::uint64_t seed = 20261205;
  // Features seen fewer times than this in training are left out of the
  // model (they cannot be learned and only grow it). Default: 2.
  int min_feature_count = 2;
  // Given names and words of company names, stored in the model as word
  // lists the tagger uses as features. Default: none.
  std::vector<std::string> first_names;
  std::vector<std::string> company_words;
  // Words written in lower case in general text ("union", "nation"): a
  // capitalized one is weaker evidence of a name. Default: none.
  std::vector<std::string> common_words;
  // Lexicons in addition to the built-in ones, whose names give gazetteer
  // features (as they will when the analyzer runs). Default: none.
  std::vector<LexiconFile> lexicons;
  // Called with one line of progress per epoch. Default: none.
  std::function<void(const std::string&)> progress;
  // EvaluateNerModel() calls it with each test sentence whose names differ
  // from the gold ones, marked up "[PER Jensen Huang]" for error analysis.
  // Default: none.
  std::function<void(const std::string& gold, const std::string& got)> differences;
};

// Trains a name-tagger model on `train` (read as the corpora's formats say)
// and returns its bytes. Deterministic for the same inputs and options.
// Returns kInvalidArgument naming the corpus and line of malformed input.
Result<std::string> TrainNerModel(std::span<const NerCorpus> train, const NerTrainOptions& options);

// Precision, recall and F1 of exact name spans of one type (or "all").
struct NerScore {
  std::string type;  // "PER", "ORG", "LOC", "MISC" or "all".
  std::size_t gold = 0, predicted = 0, correct = 0;
  double precision() const { return predicted ? static_cast<double>(correct) / predicted : 0.0; }
  double recall() const { return gold ? static_cast<double>(correct) / gold : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// Scores `model` (bytes of TrainNerModel) on `test`: one NerScore per type
// present in the corpus or the output, then "all". Only options.lexicons is
// read. Returns kInvalidArgument for a bad model or corpus.
Result<std::vector<NerScore>> EvaluateNerModel(std::string_view model, const NerCorpus& test,
                                               const NerTrainOptions& options);

}  // namespace newsx::extract
