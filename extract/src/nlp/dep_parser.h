#pragma once

// The dependency parser: greedy arc-eager transitions (arc_eager.h) chosen
// by an averaged perceptron over rich features (parser_features.h), each
// arc labelled when it is made by a second perceptron over the UD
// relations. Linear in the sentence's length. Model file: en-dep.bin.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/core/result.h"
#include "nlp/arc_eager.h"
#include "nlp/parser_features.h"
#include "nlp/weight_tables.h"

namespace newsx::extract::nlp {

// Thread-safe once built (Parse() keeps its state in `state`).
class DepParser {
 public:
  DepParser() = default;
  // `root_rates[t]`: how often a word with tag t is the root in the
  // training trees (scaled to 0..65535); picks the root when a parse leaves
  // several words attached to it.
  DepParser(std::vector<std::string> labels, std::uint64_t tag_set_id,
            std::vector<std::uint16_t> root_rates, DenseWeightTable<kTransitions> transitions,
            SparseWeightTable labeller);

  // Parses one sentence: heads[i] is the head of word i (-1 for the one
  // root), labels[i] its relation. `state` is scratch space the caller
  // owns (reused across calls). REQUIRES: spans of in.words.size().
  void Parse(const ParserInput& in, ParseState* state, std::span<std::int32_t> heads,
             std::span<std::uint16_t> labels) const;

  const std::vector<std::string>& labels() const { return labels_; }
  std::uint16_t root_label() const { return root_label_; }
  // Fingerprint of the tagger's tag set the parser was trained with.
  std::uint64_t tag_set_id() const { return tag_set_id_; }
  std::size_t bytes() const { return transitions_.bytes() + labeller_.bytes(); }

  // Best transition valid in `state` by `scores` (ties: lowest id).
  static Transition BestValid(const ParseState& state, const std::int32_t* scores);
  // Best label for the arc head -> dependent, never "root" below the root
  // and always "root" under it.
  std::uint16_t ChooseLabel(const ParserInput& in, const ParseState& state, std::int32_t head,
                            std::int32_t dependent) const;

  std::string Serialize() const;
  static Result<DepParser> Deserialize(std::string_view bytes);

 private:
  // Fills state->role_scores: the summed weights of each word's role
  // features, per role and transition.
  void ScoreRoles(const ParserInput& in, ParseState* state) const;
  // One root: of the words the parse attached to the root, the one whose
  // tag is most often the root stays (the leftmost on ties); the others
  // attach to it, labelled by the labeller. Then converts the root's
  // index n to -1.
  void FixRoots(const ParserInput& in, ParseState* state) const;

  std::vector<std::string> labels_;
  std::uint16_t root_label_ = 0;
  std::uint64_t tag_set_id_ = 0;
  std::vector<std::uint16_t> root_rates_;
  DenseWeightTable<kTransitions> transitions_;
  SparseWeightTable labeller_;
};

}  // namespace newsx::extract::nlp
