#pragma once

// The arc-eager transition system (Nivre 2003) with the root as an extra
// word after the sentence (Ballesteros & Nivre 2013), and its dynamic
// oracle (Goldberg & Nivre 2012): the number of gold arcs each transition
// makes unreachable, which lets the parser learn from its own mistakes.
//
// A state is a stack of words, a buffer position b (words b..n-1, then the
// root n) and the arcs made so far:
//   SHIFT   push b                          (b < n)
//   REDUCE  pop s                           (s has a head)
//   LEFT    s <- b, pop s                   (s has no head; b may be the root)
//   RIGHT   s -> b, push b                  (b < n)
// Parsing ends when the buffer holds only the root and the stack is empty;
// every word then has a head (the root for those LEFT attached to it).

#include <array>
#include <cstdint>
#include <vector>

namespace newsx::extract::nlp {

enum Transition : std::uint8_t { kShift = 0, kReduce = 1, kLeft = 2, kRight = 3 };
inline constexpr int kTransitions = 4;

// Valency and label-set counters stop here.
inline constexpr std::uint8_t kMaxValency = 255;

// What a state knows of one word; -1 for none.
struct ParseNode {
  std::int32_t head = -1;
  std::int32_t left1 = -1, left2 = -1;    // Leftmost and second leftmost child.
  std::int32_t right1 = -1, right2 = -1;  // Rightmost and second rightmost child.
  std::uint16_t label = 0;                // Of the arc to the head.
  std::uint8_t left_count = 0, right_count = 0;
  std::uint64_t left_labels = 0, right_labels = 0;  // Bit min(label, 63).
};

// Not thread-safe; one per sentence being parsed (reusable).
struct ParseState {
  std::int32_t n = 0;               // Words; the root is word n.
  std::vector<std::int32_t> stack;  // Bottom first.
  std::int32_t b = 0;               // Buffer front.
  std::vector<ParseNode> nodes;     // n + 1 entries, the root last.
  // Scratch for the parser: summed role-feature weights per word and role.
  std::vector<std::int32_t> role_scores;
  // Scratch for the features (PrepareFeatures()): separators (commas,
  // semicolons, colons, dashes) among words 0..i-1, for i in 0..n.
  std::vector<std::int32_t> separators_before;

  const ParseNode& node(std::int32_t i) const { return nodes[static_cast<std::size_t>(i)]; }
  std::int32_t head(std::int32_t i) const { return node(i).head; }

  void Reset(std::int32_t words);
  bool Terminal() const { return b == n && stack.empty(); }
  std::int32_t S0() const { return stack.empty() ? -1 : stack.back(); }
  std::int32_t S1() const { return stack.size() < 2 ? -1 : stack[stack.size() - 2]; }

  bool Valid(Transition t) const;
  // REQUIRES: Valid(t). `arc_label` labels the arc LEFT and RIGHT make.
  void Apply(Transition t, std::uint16_t arc_label);

 private:
  void AddArc(std::int32_t h, std::int32_t d, std::uint16_t arc_label);
};

// The gold tree a state is scored against. Heads use n for the root.
// REQUIRES: the tree is projective (see Projectivize()).
class GoldTree {
 public:
  explicit GoldTree(std::vector<std::int32_t> heads);
  std::int32_t head(std::int32_t d) const { return heads_[static_cast<std::size_t>(d)]; }

  // Gold arcs lost by each transition from `state` (meaningless for
  // invalid ones).
  std::array<int, kTransitions> Costs(const ParseState& state,
                                      const std::vector<bool>& on_stack) const;

 private:
  // Gold children of d in the buffer (index >= b, < n).
  int ChildrenInBuffer(std::int32_t d, std::int32_t b, std::int32_t n) const;
  // Gold children of d on the stack still without a head.
  int HeadlessChildrenOnStack(std::int32_t d, const ParseState& state,
                              const std::vector<bool>& on_stack) const;

  std::vector<std::int32_t> heads_;
  std::vector<std::vector<std::int32_t>> children_;
};

// Lifts arcs (d gets its head's head) until no arc crosses another, the
// shortest crossing arc first. `heads` uses -1 (or n) for the root.
void Projectivize(std::vector<std::int32_t>* heads);

}  // namespace newsx::extract::nlp
