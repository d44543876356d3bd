#pragma once

#include <cstdint>
#include <memory>
#include <span>

#include "analysis/lexicon.h"
#include "analysis/phrase_matcher.h"
#include "text/tokenizer.h"
#include "ner/ner_model.h"
#include "newsx/extract/language_models.h"
#include "newsx/core/result.h"

namespace newsx::extract::analysis {

// Vocabulary ids of the function words the rules look at (-1 never occurs:
// every one is added to the vocabulary).
struct CommonWords {
  std::int32_t comma, period, hyphen;
  std::int32_t a, an, the, of, for_, at, and_, such, as, including, like, from, on;
};

// Everything compiled once from the lexicons: immutable, shared by all
// Analyze() calls.
struct AnalysisModel {
  Lexicon lexicon;
  Vocabulary vocab;
  PhraseMatcher matcher;
  CommonWords words{};
  // Vocabulary ids of each event rule's context phrases, one vector of ids
  // per phrase.
  std::vector<std::vector<std::vector<std::int32_t>>> rule_context;

  // The name tagger (models/en-ner.bin unless replaced).
  std::unique_ptr<ner::NerModel> names;
  // Tagger, lemmatizer and parser (models/en-pos.bin, en-dep.bin).
  std::unique_ptr<nlp::LanguageModels> language;
};

Result<std::unique_ptr<AnalysisModel>> BuildAnalysisModel(std::span<const LexiconSource> files);

}  // namespace newsx::extract::analysis
