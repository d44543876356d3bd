#pragma once

// The parser's features. Transitions: the rich non-local feature set of
// Zhang & Nivre (2011) for arc-eager parsing (words, tags, labels,
// distance, valency and label sets of the stack top, the buffer front,
// their heads and children), plus the second stack word. Labels, chosen
// when an arc is made: the head and dependent, their neighbours, the
// children they already have (a "by" case child, an aux:pass sibling...)
// and the arc's direction and length. Shared by training and parsing.

#include <cstdint>
#include <span>

#include "nlp/arc_eager.h"

namespace newsx::extract::nlp {

inline constexpr int kMaxTransitionFeatures = 80;
inline constexpr int kMaxLabelFeatures = 32;

// What the parser knows of each word: its folded form's hash and its tag
// (joint tag id). Spans of the sentence's length.
struct ParserInput {
  std::span<const std::uint64_t> words;
  std::span<const std::uint16_t> tags;
};

// Features of the state for choosing a transition; returns their count.
int TransitionFeatures(const ParserInput& in, const ParseState& state, std::uint64_t* out);

// Features for labelling the arc head -> dependent about to be made in
// `state`; returns their count.
int LabelFeatures(const ParserInput& in, const ParseState& state, std::int32_t head,
                  std::int32_t dependent, std::uint64_t* out);

}  // namespace newsx::extract::nlp
