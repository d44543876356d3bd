#pragma once

// Treebank sentences turned into the parser's training and evaluation
// examples: label inventory, word hashes, and the tags the parser learns
// from (jackknifed: each sentence tagged by a tagger that never saw it, so
// that training tags are as wrong as run-time ones).

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/core/result.h"
#include "nlp/conllu.h"
#include "nlp/dep_parser_trainer.h"
#include "nlp/pos_tagger.h"
#include "nlp/pos_tagger_trainer.h"

namespace newsx::extract::nlp {

// The relations of `sentences`, most frequent first (ties by name).
std::vector<std::string> LabelSet(const std::vector<TreebankSentence>& sentences);

// `s` with `tags` (ids of the parser's tag set) and its gold tree; labels
// not in `labels` become label 0.
ParserExample MakeParserExample(const TreebankSentence& s, const std::vector<std::uint16_t>& tags,
                                const std::vector<std::string>& labels);

// Tags for every sentence of `train`, in `tagger`'s tag set. With folds >=
// 2, sentence i is tagged by a tagger trained on the sentences whose
// origin differs from its own modulo `folds` (variants of one treebank
// sentence share its origin); otherwise with its gold tags where the tag
// set has them and `tagger`'s elsewhere.
Result<std::vector<std::vector<std::uint16_t>>> JackknifeTags(
    const std::vector<TreebankSentence>& train, const std::vector<std::size_t>& origins,
    const std::vector<TreebankSentence>& dev, const PosTagger& tagger, int folds,
    const TaggerTrainingOptions& options, const std::function<void(std::string_view)>& log);

}  // namespace newsx::extract::nlp
