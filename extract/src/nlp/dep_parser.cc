#include "nlp/dep_parser.h"

#include <algorithm>
#include <limits>

#include "nlp/model_format.h"

namespace newsx::extract::nlp {

DepParser::DepParser(std::vector<std::string> labels, std::uint64_t tag_set_id,
                     std::vector<std::uint16_t> root_rates,
                     DenseWeightTable<kTransitions> transitions, SparseWeightTable labeller)
    : labels_(std::move(labels)),
      tag_set_id_(tag_set_id),
      root_rates_(std::move(root_rates)),
      transitions_(std::move(transitions)),
      labeller_(std::move(labeller)) {
  for (std::size_t i = 0; i < labels_.size(); ++i) {
    if (labels_[i] == "root") root_label_ = static_cast<std::uint16_t>(i);
  }
}

Transition DepParser::BestValid(const ParseState& state, const std::int32_t* scores) {
  Transition best = kShift;
  std::int32_t best_score = std::numeric_limits<std::int32_t>::min();
  bool found = false;
  for (int t = 0; t < kTransitions; ++t) {
    const auto tr = static_cast<Transition>(t);
    if (!state.Valid(tr)) continue;
    if (!found || scores[t] > best_score) {
      best = tr;
      best_score = scores[t];
      found = true;
    }
  }
  return best;
}

std::uint16_t DepParser::ChooseLabel(const ParserInput& in, const ParseState& state,
                                     std::int32_t head, std::int32_t dependent) const {
  if (head >= state.n) return root_label_;
  std::uint64_t features[kMaxLabelFeatures];
  const int n = LabelFeatures(in, state, head, dependent, features);
  for (int f = 0; f < n; ++f) labeller_.Prefetch(features[f]);
  std::uint32_t rows[kMaxLabelFeatures];
  for (int f = 0; f < n; ++f) {
    rows[f] = labeller_.Find(features[f]);
    labeller_.PrefetchRow(rows[f]);
  }
  std::int32_t scores[256];
  std::fill_n(scores, labels_.size(), 0);
  for (int f = 0; f < n; ++f) labeller_.AddRow(rows[f], scores);
  std::uint16_t best = root_label_ == 0 ? 1 : 0;
  for (std::size_t l = 0; l < labels_.size(); ++l) {
    if (l != root_label_ && scores[l] > scores[best]) best = static_cast<std::uint16_t>(l);
  }
  return best;
}

void DepParser::ScoreRoles(const ParserInput& in, ParseState* state) const {
  // Words 0..n-1, the root (n) and "no word" (n + 1); all lookups of a
  // chunk of words are issued before any is used, so that they overlap.
  const auto words = static_cast<std::int32_t>(in.words.size()) + 2;
  state->role_scores.assign(static_cast<std::size_t>(words) * kRoles * kTransitions, 0);
  constexpr std::int32_t kChunk = 8;
  std::uint64_t features[kChunk * kRoles * kMaxRoleFeatures];
  std::int32_t owners[kChunk * kRoles * kMaxRoleFeatures];
  for (std::int32_t first = 0; first < words; first += kChunk) {
    int k = 0;
    for (std::int32_t i = first; i < first + kChunk && i < words; ++i) {
      std::uint64_t w, p;
      ParserAtoms(in, i == words - 1 ? -1 : i, &w, &p);
      for (int r = 0; r < kRoles; ++r) {
        const int added = RoleFeatures(r, w, p, features + k);
        for (int f = 0; f < added; ++f) owners[k + f] = i * kRoles + r;
        k += added;
      }
    }
    for (int f = 0; f < k; ++f) transitions_.Prefetch(features[f]);
    for (int f = 0; f < k; ++f) {
      transitions_.AddTo(features[f], &state->role_scores[static_cast<std::size_t>(owners[f]) *
                                                          kTransitions]);
    }
  }
}

void DepParser::Parse(const ParserInput& in, ParseState* state, std::span<std::int32_t> heads,
                      std::span<std::uint16_t> labels) const {
  const auto n = static_cast<std::int32_t>(in.words.size());
  state->Reset(n);
  PrepareFeatures(in, state);
  ScoreRoles(in, state);
  std::uint64_t features[kMaxContextFeatures];
  std::int32_t roles[kRoles];
  while (!state->Terminal()) {
    Transition t;
    if (state->stack.empty()) {
      t = kShift;  // The only valid move.
    } else if (state->b == n) {
      t = state->Valid(kReduce) ? kReduce : kLeft;  // Only one is valid.
    } else {
      RoleWords(*state, roles);
      const int k = ContextFeatures(in, *state, roles, features);
      for (int f = 0; f < k; ++f) transitions_.Prefetch(features[f]);
      std::int32_t scores[kTransitions] = {0, 0, 0, 0};
      for (int r = 0; r < kRoles; ++r) {
        const std::int32_t word = roles[r] < 0 ? n + 1 : roles[r];
        const std::int32_t* block =
            &state->role_scores[static_cast<std::size_t>(word * kRoles + r) * kTransitions];
        for (int c = 0; c < kTransitions; ++c) scores[c] += block[c];
      }
      for (int f = 0; f < k; ++f) transitions_.AddTo(features[f], scores);
      t = BestValid(*state, scores);
    }
    std::uint16_t label = 0;
    if (t == kLeft) label = ChooseLabel(in, *state, state->b, state->S0());
    if (t == kRight) label = ChooseLabel(in, *state, state->S0(), state->b);
    state->Apply(t, label);
  }
  FixRoots(in, state);
  for (std::int32_t i = 0; i < n; ++i) {
    const auto k = static_cast<std::size_t>(i);
    const ParseNode& node = state->nodes[k];
    heads[k] = node.head >= n ? -1 : node.head;
    labels[k] = node.label;
  }
}

void DepParser::FixRoots(const ParserInput& in, ParseState* state) const {
  const std::int32_t n = state->n;
  std::int32_t root = -1, extra = 0;
  std::uint16_t best = 0;
  for (std::int32_t i = 0; i < n; ++i) {
    const auto k = static_cast<std::size_t>(i);
    if (state->nodes[k].head < n) continue;
    const std::uint16_t tag = in.tags[k];
    const std::uint16_t rate = tag < root_rates_.size() ? root_rates_[tag] : 0;
    if (root < 0 || rate > best) {
      root = i;
      best = rate;
    }
    ++extra;
  }
  if (extra <= 1) return;
  for (std::int32_t i = 0; i < n; ++i) {
    const auto k = static_cast<std::size_t>(i);
    if (state->nodes[k].head < n || i == root) continue;
    state->nodes[k].head = root;
    state->nodes[k].label = ChooseLabel(in, *state, root, i);
  }
}

std::string DepParser::Serialize() const {
  ModelWriter w;
  WriteModelHeader(ModelKind::kParser, &w);
  w.Strings(labels_);
  w.U64(tag_set_id_);
  w.Array(root_rates_);
  transitions_.Serialize(&w);
  labeller_.Serialize(&w);
  return std::move(w.bytes());
}

Result<DepParser> DepParser::Deserialize(std::string_view bytes) {
  ModelReader r(bytes);
  if (Status st = ReadModelHeader(ModelKind::kParser, &r); !st.ok()) return st;
  std::vector<std::string> labels;
  std::uint64_t tag_set_id = 0;
  std::vector<std::uint16_t> root_rates;
  DenseWeightTable<kTransitions> transitions;
  SparseWeightTable labeller;
  if (!r.Strings(&labels) || !r.U64(&tag_set_id) || !r.Array(&root_rates) ||
      !DenseWeightTable<kTransitions>::Deserialize(&r, &transitions) ||
      !SparseWeightTable::Deserialize(&r, &labeller)) {
    return r.status();
  }
  if (labels.size() < 2 || labels.size() > 256 || labeller.num_classes() != labels.size()) {
    r.Fail("bad label set");
  }
  if (!r.at_end()) r.Fail("trailing bytes");
  if (!r.ok()) return r.status();
  return DepParser(std::move(labels), tag_set_id, std::move(root_rates), std::move(transitions),
                   std::move(labeller));
}

}  // namespace newsx::extract::nlp
