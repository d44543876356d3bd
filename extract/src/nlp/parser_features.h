#pragma once

// The parser's features. Transitions: the rich non-local feature set of
// Zhang & Nivre (2011) for arc-eager parsing (words, tags, labels,
// distance, valency and label sets of the stack top, the buffer front,
// their heads and children), plus the second stack word, word pairs of the
// buffer, the fourth buffer word, and the surface between the stack top and
// the buffer front (separators in between, adjacent words). Labels, chosen
// when an arc is made: the head and dependent, their neighbours, the
// children they already have (a "by" case child, an aux:pass sibling...)
// and the arc's direction and length. Shared by training and parsing.

#include <cstdint>
#include <span>

#include "nlp/arc_eager.h"

namespace newsx::extract::nlp {

inline constexpr int kMaxTransitionFeatures = 96;
inline constexpr int kMaxLabelFeatures = 32;

// What the parser knows of each word: its folded form's hash and its tag
// (joint tag id). Spans of the sentence's length.
struct ParserInput {
  std::span<const std::uint64_t> words;
  std::span<const std::uint16_t> tags;
};

// Fills the state's per-sentence scratch the features read. Call after
// state->Reset() and before the first features of a sentence.
void PrepareFeatures(const ParserInput& in, ParseState* state);

// The words a transition's features look at. Role features depend only on
// the word in the role (its form and tag), so the parser sums their weights
// once per word and role before parsing; context features combine several
// words, distances, valencies and labels, and are looked up per decision.
enum Role : int {
  kS0, kN0, kN1, kN2, kS1,             // Stack top, buffer front and next two, second on stack.
  kS0h, kS0h2,                         // Head and grandhead of the stack top.
  kS0l, kS0l2, kS0r, kS0r2,            // Its two leftmost and rightmost children.
  kN0l, kN0l2,                         // The buffer front's two leftmost children.
};
inline constexpr int kRoles = 13;
inline constexpr int kMaxRoleFeatures = 3;
inline constexpr int kMaxContextFeatures = 64;

// The word in each role of `state` (`roles` has kRoles entries): -1 for
// none, n for the root.
void RoleWords(const ParseState& state, std::int32_t* roles);

// The atoms of word i (-1: none, n: the root) as the features see them.
void ParserAtoms(const ParserInput& in, std::int32_t i, std::uint64_t* w, std::uint64_t* p);

// The features of a word with atoms (w, p) in `role`; returns their count
// (at most kMaxRoleFeatures).
int RoleFeatures(int role, std::uint64_t w, std::uint64_t p, std::uint64_t* out);

// The context features of `state` given its RoleWords(); returns their
// count (at most kMaxContextFeatures).
int ContextFeatures(const ParserInput& in, const ParseState& state, const std::int32_t* roles,
                    std::uint64_t* out);

// All features of the state for choosing a transition (role features of
// every role, then context features); returns their count.
int TransitionFeatures(const ParserInput& in, const ParseState& state, std::uint64_t* out);

// Features for labelling the arc head -> dependent about to be made in
// `state`; returns their count.
int LabelFeatures(const ParserInput& in, const ParseState& state, std::int32_t head,
                  std::int32_t dependent, std::uint64_t* out);

}  // namespace newsx::extract::nlp
