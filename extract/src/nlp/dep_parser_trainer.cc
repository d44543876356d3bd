#include "nlp/dep_parser_trainer.h"

#include <algorithm>

#include "nlp/perceptron_trainer.h"
#include "nlp/rng.h"

namespace newsx::extract::nlp {
namespace {

constexpr std::uint16_t kAllTransitions[kTransitions] = {0, 1, 2, 3};

ParserInput InputOf(const ParserExample& e) { return ParserInput{e.words, e.tags}; }

class Trainer {
 public:
  Trainer(const std::vector<std::string>& labels, const ParserTrainingOptions& options)
      : options_(options),
        labels_(labels),
        transitions_(kTransitions),
        labeller_(static_cast<std::uint32_t>(labels.size())),
        rng_(options.seed) {
    for (std::size_t l = 0; l < labels.size(); ++l) {
      if (labels[l] == "root") root_label_ = static_cast<std::uint16_t>(l);
      else label_classes_.push_back(static_cast<std::uint16_t>(l));
    }
  }

  // One pass over `sentence`; returns the gold arcs lost (for progress).
  void Learn(const ParserExample& e, const std::vector<std::int32_t>& projective, int epoch);

  DepParser Export(std::uint64_t tag_set_id) const { return Export(tag_set_id, options_.prune); }
  DepParser Export(std::uint64_t tag_set_id, float prune) const {
    const std::vector<AveragedWeight> t = transitions_.Averaged();
    const std::vector<AveragedWeight> l = labeller_.Averaged();
    return DepParser(labels_, tag_set_id, root_rates_,
                     DenseWeightTable<kTransitions>::Build(t, QuantizationScale(t), prune),
                     SparseWeightTable::Build(l, static_cast<std::uint32_t>(labels_.size()),
                                              QuantizationScale(l), prune));
  }
  std::size_t size() const { return transitions_.size() + labeller_.size(); }
  void set_root_rates(std::vector<std::uint16_t> rates) { root_rates_ = std::move(rates); }

 private:
  std::uint16_t LearnLabel(const ParserExample& e, const GoldTree& gold, std::int32_t h,
                           std::int32_t d, bool explore);

  const ParserTrainingOptions& options_;
  std::vector<std::string> labels_;
  std::vector<std::uint16_t> label_classes_;  // All but root.
  std::uint16_t root_label_ = 0;
  std::vector<std::uint16_t> root_rates_;
  PerceptronTrainer transitions_;
  PerceptronTrainer labeller_;
  Rng rng_;
  ParseState state_;
  std::vector<bool> on_stack_;
  std::vector<float> scores_;
};

std::uint16_t Trainer::LearnLabel(const ParserExample& e, const GoldTree& gold, std::int32_t h,
                                  std::int32_t d, bool explore) {
  if (h >= state_.n) return root_label_;
  std::uint64_t features[kMaxLabelFeatures];
  const int n = LabelFeatures(InputOf(e), state_, h, d, features);
  const std::span<const std::uint64_t> feats(features, static_cast<std::size_t>(n));
  scores_.assign(labels_.size(), 0);
  labeller_.Score(feats, label_classes_, scores_);
  std::uint16_t pred = label_classes_[0];
  for (const std::uint16_t l : label_classes_) {
    if (scores_[l] > scores_[pred]) pred = l;
  }
  if (gold.head(d) != h) return pred;
  const std::uint16_t gl = e.labels[static_cast<std::size_t>(d)];
  if (gl != root_label_ && pred != gl) {
    labeller_.Update(feats, gl, 1);
    labeller_.Update(feats, pred, -1);
  }
  labeller_.Tick();
  return explore ? pred : gl;
}

void Trainer::Learn(const ParserExample& e, const std::vector<std::int32_t>& projective,
                    int epoch) {
  const auto n = static_cast<std::int32_t>(e.words.size());
  const GoldTree gold(projective);
  state_.Reset(n);
  PrepareFeatures(InputOf(e), &state_);
  on_stack_.assign(static_cast<std::size_t>(n) + 1, false);
  const bool explore_epoch = epoch > options_.explore_after;
  std::uint64_t features[kMaxTransitionFeatures];
  float scores[kTransitions];
  while (!state_.Terminal()) {
    Transition t;
    if (state_.stack.empty()) {
      t = kShift;
    } else if (state_.b == n) {
      t = state_.Valid(kReduce) ? kReduce : kLeft;
    } else {
      const int k = TransitionFeatures(InputOf(e), state_, features);
      const std::span<const std::uint64_t> feats(features, static_cast<std::size_t>(k));
      std::fill_n(scores, kTransitions, 0.0f);
      transitions_.Score(feats, kAllTransitions, scores);
      const std::array<int, kTransitions> cost = gold.Costs(state_, on_stack_);
      int min_cost = 1 << 30;
      for (int i = 0; i < kTransitions; ++i) {
        if (state_.Valid(static_cast<Transition>(i))) min_cost = std::min(min_cost, cost[i]);
      }
      int pred = -1, best_gold = -1;
      for (int i = 0; i < kTransitions; ++i) {
        if (!state_.Valid(static_cast<Transition>(i))) continue;
        if (pred < 0 || scores[i] > scores[pred]) pred = i;
        if (cost[i] == min_cost && (best_gold < 0 || scores[i] > scores[best_gold])) best_gold = i;
      }
      if (cost[pred] > min_cost) {
        transitions_.Update(feats, static_cast<std::uint32_t>(best_gold), 1);
        transitions_.Update(feats, static_cast<std::uint32_t>(pred), -1);
      }
      transitions_.Tick();
      const bool follow = cost[pred] == min_cost ||
                          (explore_epoch && rng_.Unit() < options_.follow_prediction);
      t = static_cast<Transition>(follow ? pred : best_gold);
    }
    std::uint16_t label = 0;
    if (t == kLeft) label = LearnLabel(e, gold, state_.b, state_.S0(), explore_epoch);
    if (t == kRight) label = LearnLabel(e, gold, state_.S0(), state_.b, explore_epoch);
    if (t == kShift || t == kRight) on_stack_[static_cast<std::size_t>(state_.b)] = true;
    if (t == kReduce || t == kLeft) on_stack_[static_cast<std::size_t>(state_.S0())] = false;
    state_.Apply(t, label);
  }
}

// Per tag: the share of its words that are the root, scaled to 65535.
std::vector<std::uint16_t> RootRates(const std::vector<ParserExample>& train) {
  std::vector<double> roots, total;
  for (const ParserExample& e : train) {
    for (std::size_t i = 0; i < e.tags.size(); ++i) {
      const std::uint16_t t = e.tags[i];
      if (t >= total.size()) {
        total.resize(t + 1u, 0);
        roots.resize(t + 1u, 0);
      }
      ++total[t];
      roots[t] += e.heads[i] < 0 ? 1 : 0;
    }
  }
  std::vector<std::uint16_t> rates(total.size(), 0);
  for (std::size_t t = 0; t < total.size(); ++t) {
    if (total[t] > 0) rates[t] = static_cast<std::uint16_t>(65535.0 * roots[t] / total[t]);
  }
  return rates;
}

}  // namespace

AttachmentScores ScoreParser(const DepParser& parser, const std::vector<ParserExample>& data) {
  std::size_t words = 0, unlabeled = 0, labeled = 0;
  ParseState state;
  std::vector<std::int32_t> heads;
  std::vector<std::uint16_t> labels;
  for (const ParserExample& e : data) {
    heads.resize(e.words.size());
    labels.resize(e.words.size());
    parser.Parse(InputOf(e), &state, heads, labels);
    for (std::size_t i = 0; i < e.words.size(); ++i) {
      ++words;
      if (heads[i] == e.heads[i]) {
        ++unlabeled;
        labeled += labels[i] == e.labels[i];
      }
    }
  }
  if (words == 0) return {};
  return AttachmentScores{static_cast<double>(unlabeled) / static_cast<double>(words),
                          static_cast<double>(labeled) / static_cast<double>(words)};
}

Result<DepParser> TrainDepParser(const std::vector<ParserExample>& train,
                                 const std::vector<ParserExample>& dev,
                                 const std::vector<std::string>& labels, std::uint64_t tag_set_id,
                                 const ParserTrainingOptions& options) {
  if (train.empty() || labels.size() < 2) {
    return Status(StatusCode::kInvalidArgument, "no parser training data");
  }
  std::vector<std::vector<std::int32_t>> projective;
  projective.reserve(train.size());
  for (const ParserExample& e : train) {
    projective.push_back(e.heads);
    Projectivize(&projective.back());
  }
  Trainer trainer(labels, options);
  trainer.set_root_rates(RootRates(train));
  std::vector<std::size_t> order(train.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  Rng rng(options.seed ^ 0x5eed);
  double best = -1;
  std::string best_model;
  int since_best = 0;
  const bool fixed = options.fixed_epochs > 0;
  const int epochs = fixed ? options.fixed_epochs : options.max_epochs;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    rng.Shuffle(&order);
    for (const std::size_t i : order) trainer.Learn(train[i], projective[i], epoch);
    const DepParser model = trainer.Export(tag_set_id);
    const AttachmentScores dev_scores = ScoreParser(model, dev);
    if (options.log) {
      options.log("parser epoch " + std::to_string(epoch) + ": dev UAS " +
                  std::to_string(dev_scores.uas) + " LAS " + std::to_string(dev_scores.las) +
                  ", " + std::to_string(trainer.size()) + " weights, model " +
                  std::to_string(model.bytes()) + " bytes");
    }
    const double score = dev_scores.uas + dev_scores.las;
    if ((fixed && epoch == epochs) || (!fixed && score > best)) {
      best = score;
      best_model = model.Serialize();
      since_best = 0;
    } else if (!fixed && ++since_best >= 4) {
      break;
    }
  }
  for (const float level : options.prune_sweep) {
    const DepParser model = trainer.Export(tag_set_id, level);
    const AttachmentScores dev_scores = ScoreParser(model, dev);
    if (options.log) {
      options.log("prune " + std::to_string(level) + ": dev UAS " + std::to_string(dev_scores.uas) +
                  " LAS " + std::to_string(dev_scores.las) + ", model " +
                  std::to_string(model.bytes()) + " bytes");
    }
    if (options.sweep) options.sweep(level, model.Serialize());
  }
  return DepParser::Deserialize(best_model);
}

}  // namespace newsx::extract::nlp
