#pragma once

// Training of the dependency parser (dep_parser.h): online averaged
// perceptron with the arc-eager dynamic oracle and exploration (Goldberg &
// Nivre 2012): after explore_after passes the parser follows its own
// prediction, right or wrong, with probability follow_prediction, and is
// taught the best transition from wherever it is. Labels are learned on
// the gold arcs it makes.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/core/result.h"
#include "nlp/dep_parser.h"

namespace newsx::extract::nlp {

struct ParserExample {
  std::vector<std::uint64_t> words;  // WordAtoms::lower.
  std::vector<std::uint16_t> tags;   // Predicted (or gold) joint tags.
  std::vector<std::int32_t> heads;   // Gold; -1 for the root.
  std::vector<std::uint16_t> labels; // Gold label ids.
};

struct ParserTrainingOptions {
  int max_epochs = 20;
  int fixed_epochs = 0;  // > 0: exactly this many passes.
  int explore_after = 2;
  double follow_prediction = 0.9;
  float prune = 0;  // Weights below this magnitude are dropped.
  // Diagnostics: after the last epoch, models pruned at each of these
  // levels are passed to `sweep` (with their dev scores logged).
  std::vector<float> prune_sweep;
  std::function<void(float, const std::string&)> sweep;
  std::uint64_t seed = 1;
  std::function<void(std::string_view)> log;
};

struct AttachmentScores {
  double uas = 0, las = 0;  // Labelled: full relation with subtype.
};

// `train` trees need not be projective (they are projectivized here).
// Returns kInvalidArgument if there is nothing to train on.
Result<DepParser> TrainDepParser(const std::vector<ParserExample>& train,
                                 const std::vector<ParserExample>& dev,
                                 const std::vector<std::string>& labels, std::uint64_t tag_set_id,
                                 const ParserTrainingOptions& options);

AttachmentScores ScoreParser(const DepParser& parser, const std::vector<ParserExample>& data);

}  // namespace newsx::extract::nlp
