#include "nlp/arc_eager.h"

#include <algorithm>

namespace newsx::extract::nlp {

void ParseState::Reset(std::int32_t words) {
  n = words;
  stack.clear();
  b = 0;
  nodes.assign(static_cast<std::size_t>(words) + 1, ParseNode());
}

bool ParseState::Valid(Transition t) const {
  switch (t) {
    case kShift:
      return b < n;
    case kReduce:
      return !stack.empty() && head(stack.back()) >= 0;
    case kLeft:
      return !stack.empty() && head(stack.back()) < 0;
    case kRight:
      return !stack.empty() && b < n;
  }
  return false;
}

void ParseState::AddArc(std::int32_t h, std::int32_t d, std::uint16_t arc_label) {
  ParseNode& dn = nodes[static_cast<std::size_t>(d)];
  ParseNode& hn = nodes[static_cast<std::size_t>(h)];
  dn.head = h;
  dn.label = arc_label;
  const std::uint64_t bit = 1ULL << std::min<std::uint16_t>(arc_label, 63);
  if (d < h) {
    // Left children usually arrive right to left (LEFT takes the nearest
    // word first), but keep the two leftmost whatever the order.
    if (hn.left1 < 0 || d < hn.left1) {
      hn.left2 = hn.left1;
      hn.left1 = d;
    } else if (hn.left2 < 0 || d < hn.left2) {
      hn.left2 = d;
    }
    if (hn.left_count < kMaxValency) ++hn.left_count;
    hn.left_labels |= bit;
  } else {
    if (hn.right1 < 0 || d > hn.right1) {
      hn.right2 = hn.right1;
      hn.right1 = d;
    } else if (hn.right2 < 0 || d > hn.right2) {
      hn.right2 = d;
    }
    if (hn.right_count < kMaxValency) ++hn.right_count;
    hn.right_labels |= bit;
  }
}

void ParseState::Apply(Transition t, std::uint16_t arc_label) {
  switch (t) {
    case kShift:
      stack.push_back(b++);
      return;
    case kReduce:
      stack.pop_back();
      return;
    case kLeft:
      AddArc(b, stack.back(), arc_label);
      stack.pop_back();
      return;
    case kRight:
      AddArc(stack.back(), b, arc_label);
      stack.push_back(b++);
      return;
  }
}

GoldTree::GoldTree(std::vector<std::int32_t> heads) : heads_(std::move(heads)) {
  const auto n = static_cast<std::int32_t>(heads_.size());
  children_.resize(heads_.size() + 1);
  for (std::int32_t d = 0; d < n; ++d) {
    std::int32_t& h = heads_[static_cast<std::size_t>(d)];
    if (h < 0 || h > n) h = n;
    children_[static_cast<std::size_t>(h)].push_back(d);
  }
}

int GoldTree::ChildrenInBuffer(std::int32_t d, std::int32_t b, std::int32_t n) const {
  int count = 0;
  for (const std::int32_t c : children_[static_cast<std::size_t>(d)]) count += c >= b && c < n;
  return count;
}

int GoldTree::HeadlessChildrenOnStack(std::int32_t d, const ParseState& state,
                                      const std::vector<bool>& on_stack) const {
  int count = 0;
  for (const std::int32_t c : children_[static_cast<std::size_t>(d)]) {
    count += c < state.n && on_stack[static_cast<std::size_t>(c)] && state.head(c) < 0;
  }
  return count;
}

std::array<int, kTransitions> GoldTree::Costs(const ParseState& state,
                                              const std::vector<bool>& on_stack) const {
  std::array<int, kTransitions> cost = {0, 0, 0, 0};
  const std::int32_t b = state.b, n = state.n, s = state.S0();
  if (b < n) {
    const std::int32_t gb = heads_[static_cast<std::size_t>(b)];
    const int stack_children = HeadlessChildrenOnStack(b, state, on_stack);
    const bool head_on_stack = gb < n && on_stack[static_cast<std::size_t>(gb)];
    cost[kShift] = (head_on_stack ? 1 : 0) + stack_children;
    if (s >= 0) {
      cost[kRight] = (gb != s && (head_on_stack || gb > b) ? 1 : 0) + stack_children;
    }
  }
  if (s >= 0) {
    const int buffer_children = ChildrenInBuffer(s, b, n);
    cost[kReduce] = buffer_children;
    const std::int32_t gs = heads_[static_cast<std::size_t>(s)];
    cost[kLeft] = (gs > b ? 1 : 0) + buffer_children;
  }
  return cost;
}

namespace {

bool IsDescendant(const std::vector<std::int32_t>& heads, std::int32_t k, std::int32_t h) {
  const auto n = static_cast<std::int32_t>(heads.size());
  for (std::int32_t steps = 0; k >= 0 && k < n && steps <= n; ++steps) {
    if (k == h) return true;
    k = heads[static_cast<std::size_t>(k)];
  }
  return k == h;
}

}  // namespace

void Projectivize(std::vector<std::int32_t>* heads) {
  const auto n = static_cast<std::int32_t>(heads->size());
  for (std::int32_t& h : *heads) {
    if (h < 0 || h > n) h = n;
  }
  for (std::int32_t rounds = 0; rounds <= n * n; ++rounds) {
    std::int32_t worst = -1, worst_len = 0;
    for (std::int32_t d = 0; d < n; ++d) {
      const std::int32_t h = (*heads)[static_cast<std::size_t>(d)];
      if (h == n) continue;  // The root covers everything.
      const std::int32_t lo = std::min(h, d), hi = std::max(h, d);
      bool projective = true;
      for (std::int32_t k = lo + 1; k < hi && projective; ++k) projective = IsDescendant(*heads, k, h);
      if (!projective && (worst < 0 || hi - lo < worst_len)) {
        worst = d;
        worst_len = hi - lo;
      }
    }
    if (worst < 0) return;
    std::int32_t& h = (*heads)[static_cast<std::size_t>(worst)];
    h = (*heads)[static_cast<std::size_t>(h)];
  }
}

}  // namespace newsx::extract::nlp
