#include "nlp/parser_features.h"

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

}  // namespace

int TransitionFeatures(const ParserInput& in, const ParseState& s, std::uint64_t* out) {
  const std::int32_t s0 = s.S0(), n0 = s.b;
  const std::int32_t n1 = n0 + 1 < s.n ? n0 + 1 : (n0 + 1 == s.n ? s.n : -1);
  const std::int32_t n2 = n0 + 2 < s.n ? n0 + 2 : (n0 + 2 == s.n ? s.n : -1);
  const std::int32_t s0h = WordHead(s, s0);
  const std::int32_t s0h2 = WordHead(s, s0h);
  const std::int32_t s0l = Get(s, s0, &ParseNode::left1), s0l2 = Get(s, s0, &ParseNode::left2);
  const std::int32_t s0r = Get(s, s0, &ParseNode::right1), s0r2 = Get(s, s0, &ParseNode::right2);
  const std::int32_t n0l = Get(s, n0, &ParseNode::left1), n0l2 = Get(s, n0, &ParseNode::left2);
  const Item S0 = At(in, s, s0), N0 = At(in, s, n0), N1 = At(in, s, n1), N2 = At(in, s, n2);
  const Item S0h = At(in, s, s0h), S0h2 = At(in, s, s0h2);
  const Item S0l = At(in, s, s0l), S0l2 = At(in, s, s0l2), S0r = At(in, s, s0r),
             S0r2 = At(in, s, s0r2);
  const Item N0l = At(in, s, n0l), N0l2 = At(in, s, n0l2);
  const Item S1 = At(in, s, s.S1());
  const std::uint64_t d = s0 < 0 ? 99 : DistanceBucket(n0 - s0);
  const ParseNode none;
  const ParseNode& s0n = s0 < 0 ? none : s.node(s0);
  const ParseNode& n0n = s.node(n0);
  const std::uint64_t s0vl = s0n.left_count, s0vr = s0n.right_count, n0vl = n0n.left_count;
  const std::uint64_t s0sl = s0n.left_labels, s0sr = s0n.right_labels, n0sl = n0n.left_labels;
  const std::uint64_t S0L = LabelOf(s, s0);

  int k = 0;
  std::uint32_t t = 100;  // Template ids (distinct from the labeller's).
  // Single words.
  out[k++] = Feat(t++, S0.w, S0.p);
  out[k++] = Feat(t++, S0.w);
  out[k++] = Feat(t++, S0.p);
  out[k++] = Feat(t++, N0.w, N0.p);
  out[k++] = Feat(t++, N0.w);
  out[k++] = Feat(t++, N0.p);
  out[k++] = Feat(t++, N1.w, N1.p);
  out[k++] = Feat(t++, N1.w);
  out[k++] = Feat(t++, N1.p);
  out[k++] = Feat(t++, N2.w, N2.p);
  out[k++] = Feat(t++, N2.w);
  out[k++] = Feat(t++, N2.p);
  // Pairs.
  out[k++] = Feat(t++, Feat(0, S0.w, S0.p), N0.w, N0.p);
  out[k++] = Feat(t++, Feat(0, S0.w, S0.p), N0.w);
  out[k++] = Feat(t++, S0.w, N0.w, N0.p);
  out[k++] = Feat(t++, Feat(0, S0.w, S0.p), N0.p);
  out[k++] = Feat(t++, S0.p, N0.w, N0.p);
  out[k++] = Feat(t++, S0.w, N0.w);
  out[k++] = Feat(t++, S0.p, N0.p);
  out[k++] = Feat(t++, N0.p, N1.p);
  // Three words.
  out[k++] = Feat(t++, N0.p, N1.p, N2.p);
  out[k++] = Feat(t++, S0.p, N0.p, N1.p);
  out[k++] = Feat(t++, S0h.p, S0.p, N0.p);
  out[k++] = Feat(t++, S0.p, S0l.p, N0.p);
  out[k++] = Feat(t++, S0.p, S0r.p, N0.p);
  out[k++] = Feat(t++, S0.p, N0.p, N0l.p);
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
  // Heads and children.
  out[k++] = Feat(t++, S0h.w);
  out[k++] = Feat(t++, S0h.p);
  out[k++] = Feat(t++, S0L);
  out[k++] = Feat(t++, S0l.w);
  out[k++] = Feat(t++, S0l.p);
  out[k++] = Feat(t++, LabelOf(s, s0l));
  out[k++] = Feat(t++, S0r.w);
  out[k++] = Feat(t++, S0r.p);
  out[k++] = Feat(t++, LabelOf(s, s0r));
  out[k++] = Feat(t++, N0l.w);
  out[k++] = Feat(t++, N0l.p);
  out[k++] = Feat(t++, LabelOf(s, n0l));
  // Third order.
  out[k++] = Feat(t++, S0h2.w);
  out[k++] = Feat(t++, S0h2.p);
  out[k++] = Feat(t++, LabelOf(s, s0h));
  out[k++] = Feat(t++, S0l2.w);
  out[k++] = Feat(t++, S0l2.p);
  out[k++] = Feat(t++, LabelOf(s, s0l2));
  out[k++] = Feat(t++, S0r2.w);
  out[k++] = Feat(t++, S0r2.p);
  out[k++] = Feat(t++, LabelOf(s, s0r2));
  out[k++] = Feat(t++, N0l2.w);
  out[k++] = Feat(t++, N0l2.p);
  out[k++] = Feat(t++, LabelOf(s, n0l2));
  out[k++] = Feat(t++, S0.p, S0l.p, S0l2.p);
  out[k++] = Feat(t++, S0.p, S0r.p, S0r2.p);
  out[k++] = Feat(t++, S0.p, S0h.p, S0h2.p);
  out[k++] = Feat(t++, N0.p, N0l.p, N0l2.p);
  // Label sets.
  out[k++] = Feat(t++, S0.w, s0sr);
  out[k++] = Feat(t++, S0.p, s0sr);
  out[k++] = Feat(t++, S0.w, s0sl);
  out[k++] = Feat(t++, S0.p, s0sl);
  out[k++] = Feat(t++, N0.w, n0sl);
  out[k++] = Feat(t++, N0.p, n0sl);
  // The second stack word.
  out[k++] = Feat(t++, S1.p, S0.p, N0.p);
  out[k++] = Feat(t++, S1.w, S1.p);
  out[k++] = Feat(t++, S0L, S0.p, N0.p);
  return k;
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
