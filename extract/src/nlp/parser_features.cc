#include "nlp/parser_features.h"

#include <algorithm>

#include "nlp/hashing.h"

namespace newsx::extract::nlp {
namespace {

// Atoms for positions that hold no word, and for the root.
constexpr std::uint64_t kNone = 0x6e6f6e65ULL;
constexpr std::uint64_t kRootWord = 0x726f6f74ULL;
constexpr std::uint64_t kNoTag = 0xFFFE;
constexpr std::uint64_t kRootTag = 0xFFFD;
constexpr std::uint64_t kNoLabel = 0xFFFF;

struct Item {
  std::uint64_t w, p;
};

Item At(const ParserInput& in, const ParseState& s, std::int32_t i) {
  if (i < 0) return {kNone, kNoTag};
  if (i >= s.n) return {kRootWord, kRootTag};
  const auto k = static_cast<std::size_t>(i);
  return {in.words[k], in.tags[k]};
}

std::uint64_t LabelOf(const ParseState& s, std::int32_t i) {
  return i < 0 || s.head(i) < 0 ? kNoLabel : s.node(i).label;
}

// Member `field` of node i, or -1 for no node.
std::int32_t Get(const ParseState& s, std::int32_t i, std::int32_t ParseNode::*field) {
  return i < 0 ? -1 : s.node(i).*field;
}

// The head of i if it is a word (not the root, not none), else -1.
std::int32_t WordHead(const ParseState& s, std::int32_t i) {
  const std::int32_t h = Get(s, i, &ParseNode::head);
  return h >= s.n ? -1 : h;
}

std::uint64_t DistanceBucket(std::int32_t d) {
  if (d < 0) d = -d;
  if (d <= 4) return static_cast<std::uint64_t>(d);
  if (d <= 6) return 5;
  if (d <= 10) return 6;
  return 7;
}

bool IsSeparator(std::uint64_t word) {
  static const std::uint64_t kSeparators[] = {HashBytes(","), HashBytes(";"), HashBytes(":"),
                                              HashBytes("-"), HashBytes("--"), HashBytes("—"),
                                              HashBytes("–")};
  for (const std::uint64_t h : kSeparators) {
    if (word == h) return true;
  }
  return false;
}

}  // namespace

void PrepareFeatures(const ParserInput& in, ParseState* state) {
  const std::size_t n = in.words.size();
  state->separators_before.resize(n + 1);
  std::int32_t count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    state->separators_before[i] = count;
    count += IsSeparator(in.words[i]) ? 1 : 0;
  }
  state->separators_before[n] = count;
}

void RoleWords(const ParseState& s, std::int32_t* roles) {
  const std::int32_t s0 = s.S0(), n0 = s.b;
  roles[kS0] = s0;
  roles[kN0] = n0;
  roles[kN1] = n0 + 1 <= s.n ? n0 + 1 : -1;
  roles[kN2] = n0 + 2 <= s.n ? n0 + 2 : -1;
  roles[kS1] = s.S1();
  roles[kS0h] = WordHead(s, s0);
  roles[kS0h2] = WordHead(s, roles[kS0h]);
  roles[kS0l] = Get(s, s0, &ParseNode::left1);
  roles[kS0l2] = Get(s, s0, &ParseNode::left2);
  roles[kS0r] = Get(s, s0, &ParseNode::right1);
  roles[kS0r2] = Get(s, s0, &ParseNode::right2);
  roles[kN0l] = Get(s, n0, &ParseNode::left1);
  roles[kN0l2] = Get(s, n0, &ParseNode::left2);
}

void ParserAtoms(const ParserInput& in, std::int32_t i, std::uint64_t* w, std::uint64_t* p) {
  const auto n = static_cast<std::int32_t>(in.words.size());
  const Item item = i < 0 ? Item{kNone, kNoTag}
                          : i >= n ? Item{kRootWord, kRootTag}
                                   : Item{in.words[static_cast<std::size_t>(i)],
                                          in.tags[static_cast<std::size_t>(i)]};
  *w = item.w;
  *p = item.p;
}

int RoleFeatures(int role, std::uint64_t w, std::uint64_t p, std::uint64_t* out) {
  const auto t = static_cast<std::uint32_t>(100 + role * 4);
  int k = 0;
  if (role <= kS1) out[k++] = Feat(t, w, p);
  if (role != kS1) {
    out[k++] = Feat(t + 1, w);
    out[k++] = Feat(t + 2, p);
  }
  return k;
}

int ContextFeatures(const ParserInput& in, const ParseState& s, const std::int32_t* roles,
                    std::uint64_t* out) {
  const std::int32_t s0 = roles[kS0], n0 = roles[kN0];
  const Item S0 = At(in, s, s0), N0 = At(in, s, n0), N1 = At(in, s, roles[kN1]),
             N2 = At(in, s, roles[kN2]);
  const std::uint64_t S0hp = At(in, s, roles[kS0h]).p, S0h2p = At(in, s, roles[kS0h2]).p;
  const std::uint64_t S0lp = At(in, s, roles[kS0l]).p, S0l2p = At(in, s, roles[kS0l2]).p;
  const std::uint64_t S0rp = At(in, s, roles[kS0r]).p, S0r2p = At(in, s, roles[kS0r2]).p;
  const std::uint64_t N0lp = At(in, s, roles[kN0l]).p, N0l2p = At(in, s, roles[kN0l2]).p;
  const Item S1 = At(in, s, roles[kS1]);
  const std::uint64_t S1p = S1.p;
  const std::uint64_t N3p = At(in, s, n0 + 3 <= s.n ? n0 + 3 : -1).p;
  const std::uint64_t d = s0 < 0 ? 99 : DistanceBucket(n0 - s0);
  const ParseNode none;
  const ParseNode& s0n = s0 < 0 ? none : s.node(s0);
  const ParseNode& n0n = s.node(n0);
  const std::uint64_t s0vl = s0n.left_count, s0vr = s0n.right_count, n0vl = n0n.left_count;
  const std::uint64_t s0sl = s0n.left_labels, s0sr = s0n.right_labels, n0sl = n0n.left_labels;
  const std::uint64_t S0L = LabelOf(s, s0);
  const std::uint64_t S0wp = Feat(0, S0.w, S0.p);

  int k = 0;
  std::uint32_t t = 200;  // Template ids (distinct from the roles' and the labeller's).
  // Pairs.
  out[k++] = Feat(t++, S0wp, N0.w, N0.p);
  out[k++] = Feat(t++, S0wp, N0.w);
  out[k++] = Feat(t++, S0.w, N0.w, N0.p);
  out[k++] = Feat(t++, S0wp, N0.p);
  out[k++] = Feat(t++, S0.p, N0.w, N0.p);
  out[k++] = Feat(t++, S0.w, N0.w);
  out[k++] = Feat(t++, S0.p, N0.p);
  out[k++] = Feat(t++, N0.p, N1.p);
  // Three words.
  out[k++] = Feat(t++, N0.p, N1.p, N2.p);
  out[k++] = Feat(t++, S0.p, N0.p, N1.p);
  out[k++] = Feat(t++, S0hp, S0.p, N0.p);
  out[k++] = Feat(t++, S0.p, S0lp, N0.p);
  out[k++] = Feat(t++, S0.p, S0rp, N0.p);
  out[k++] = Feat(t++, S0.p, N0.p, N0lp);
  // Distance.
  out[k++] = Feat(t++, S0.w, d);
  out[k++] = Feat(t++, S0.p, d);
  out[k++] = Feat(t++, N0.w, d);
  out[k++] = Feat(t++, N0.p, d);
  out[k++] = Feat(t++, S0.w, N0.w, d);
  out[k++] = Feat(t++, S0.p, N0.p, d);
  // Valency.
  out[k++] = Feat(t++, S0.w, s0vr);
  out[k++] = Feat(t++, S0.p, s0vr);
  out[k++] = Feat(t++, S0.w, s0vl);
  out[k++] = Feat(t++, S0.p, s0vl);
  out[k++] = Feat(t++, N0.w, n0vl);
  out[k++] = Feat(t++, N0.p, n0vl);
  // Labels of the stack top, its children and head, the buffer front's children.
  out[k++] = Feat(t++, S0L);
  out[k++] = Feat(t++, LabelOf(s, roles[kS0l]));
  out[k++] = Feat(t++, LabelOf(s, roles[kS0r]));
  out[k++] = Feat(t++, LabelOf(s, roles[kN0l]));
  out[k++] = Feat(t++, LabelOf(s, roles[kS0h]));
  out[k++] = Feat(t++, LabelOf(s, roles[kS0l2]));
  out[k++] = Feat(t++, LabelOf(s, roles[kS0r2]));
  out[k++] = Feat(t++, LabelOf(s, roles[kN0l2]));
  // Third order.
  out[k++] = Feat(t++, S0.p, S0lp, S0l2p);
  out[k++] = Feat(t++, S0.p, S0rp, S0r2p);
  out[k++] = Feat(t++, S0.p, S0hp, S0h2p);
  out[k++] = Feat(t++, N0.p, N0lp, N0l2p);
  // Label sets.
  out[k++] = Feat(t++, S0.w, s0sr);
  out[k++] = Feat(t++, S0.p, s0sr);
  out[k++] = Feat(t++, S0.w, s0sl);
  out[k++] = Feat(t++, S0.p, s0sl);
  out[k++] = Feat(t++, N0.w, n0sl);
  out[k++] = Feat(t++, N0.p, n0sl);
  // The second stack word.
  out[k++] = Feat(t++, S1p, S0.p, N0.p);
  out[k++] = Feat(t++, S0L, S0.p, N0.p);
  // Beyond Zhang & Nivre: the buffer's word pairs, the fourth buffer word,
  // the second stack word with the first.
  out[k++] = Feat(t++, N0.w, N1.w);
  out[k++] = Feat(t++, N0.w, N1.p);
  out[k++] = Feat(t++, N0.p, N1.w);
  out[k++] = Feat(t++, N1.p, N2.p, N3p);
  out[k++] = Feat(t++, S1p, S0.p);
  out[k++] = Feat(t++, S1.w, S0.w);
  out[k++] = Feat(t++, S1p, S0.w, N0.p);
  out[k++] = Feat(t++, S1p, LabelOf(s, roles[kS1]), S0.p);
  // The surface between the stack top and the buffer front: separators
  // (commas...) in between, the words next to each.
  if (s0 >= 0) {
    const std::int32_t between = std::min<std::int32_t>(
        s.separators_before[static_cast<std::size_t>(n0)] -
            s.separators_before[static_cast<std::size_t>(s0) + 1],
        3);
    const auto sep = static_cast<std::uint64_t>(between);
    out[k++] = Feat(t++, S0.p, N0.p, sep);
    out[k++] = Feat(t++, S0.w, sep);
    out[k++] = Feat(t++, N0.w, sep);
    out[k++] = Feat(t++, At(in, s, n0 - 1 > s0 ? n0 - 1 : -1).w, S0.p, N0.p);
    out[k++] = Feat(t++, At(in, s, s0 + 1 < n0 ? s0 + 1 : -1).w, S0.p, N0.p);
  }
  return k;
}

int TransitionFeatures(const ParserInput& in, const ParseState& s, std::uint64_t* out) {
  std::int32_t roles[kRoles];
  RoleWords(s, roles);
  int k = 0;
  for (int r = 0; r < kRoles; ++r) {
    std::uint64_t w, p;
    ParserAtoms(in, roles[r], &w, &p);
    k += RoleFeatures(r, w, p, out + k);
  }
  return k + ContextFeatures(in, s, roles, out + k);
}

int LabelFeatures(const ParserInput& in, const ParseState& s, std::int32_t head,
                  std::int32_t dependent, std::uint64_t* out) {
  const Item H = At(in, s, head), D = At(in, s, dependent);
  const std::uint64_t dir = head < dependent ? 1 : 2;
  const std::uint64_t dist = DistanceBucket(head - dependent) * 4 + dir;
  const std::int32_t dl = Get(s, dependent, &ParseNode::left1);
  const std::int32_t dr = Get(s, dependent, &ParseNode::right1);
  const Item DL = At(in, s, dl), DR = At(in, s, dr);
  const Item Dprev = At(in, s, dependent - 1), Dnext = At(in, s, dependent + 1 < s.n ? dependent + 1 : -1);
  const Item Hprev = At(in, s, head - 1), Hnext = At(in, s, head + 1 < s.n ? head + 1 : -1);
  const std::int32_t hh = WordHead(s, head);
  const Item HH = At(in, s, hh);
  const ParseNode& hn = s.node(head);
  const ParseNode& dn = s.node(dependent);
  const std::uint64_t hsl = hn.left_labels, hsr = hn.right_labels;
  const std::uint64_t dsl = dn.left_labels, dsr = dn.right_labels;

  int k = 0;
  std::uint32_t t = 300;
  out[k++] = Feat(t++, 1);
  out[k++] = Feat(t++, H.p, D.p, dir);
  out[k++] = Feat(t++, H.w, D.p, dir);
  out[k++] = Feat(t++, H.p, D.w, dir);
  out[k++] = Feat(t++, H.w, D.w, dir);
  out[k++] = Feat(t++, D.w, dir);
  out[k++] = Feat(t++, D.p, dir);
  out[k++] = Feat(t++, H.w, dir);
  out[k++] = Feat(t++, H.p, dir);
  out[k++] = Feat(t++, H.p, D.p, dist);
  out[k++] = Feat(t++, D.p, DL.w, dir);
  out[k++] = Feat(t++, D.p, LabelOf(s, dl));
  out[k++] = Feat(t++, D.p, dsl);
  out[k++] = Feat(t++, D.p, dsr);
  out[k++] = Feat(t++, H.p, hsl, dir);
  out[k++] = Feat(t++, H.p, hsr, dir);
  out[k++] = Feat(t++, H.p, LabelOf(s, head), dir);
  out[k++] = Feat(t++, D.p, Dprev.p, Dnext.p);
  out[k++] = Feat(t++, H.p, Hprev.p, Hnext.p);
  out[k++] = Feat(t++, Feat(0, D.p, DL.w), H.p, dir);
  out[k++] = Feat(t++, H.w, DL.w, dir);
  out[k++] = Feat(t++, D.p, DR.p, DL.p);
  out[k++] = Feat(t++, H.p, D.p, HH.p);
  out[k++] = Feat(t++, D.w, DL.w);
  out[k++] = Feat(t++, Feat(0, H.p, D.p), hsl, dsl);
  return k;
}

}  // namespace newsx::extract::nlp
