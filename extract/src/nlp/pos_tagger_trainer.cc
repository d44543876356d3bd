#include "nlp/pos_tagger_trainer.h"

#include <algorithm>
#include <map>
#include <string>

#include "nlp/perceptron_trainer.h"
#include "nlp/pos_features.h"
#include "nlp/rng.h"
#include "nlp/sentence_atoms.h"

namespace newsx::extract::nlp {
namespace {

struct Example {
  SentenceAtoms atoms;
  std::vector<std::int32_t> gold;  // -1: a tag outside the tag set.
  std::vector<TagMask> candidates;
};

// The tag set, most frequent pair first (ties by name).
TagSet BuildTagSet(const std::vector<TreebankSentence>& train) {
  std::map<std::pair<std::string, std::string>, std::size_t> counts;
  for (const TreebankSentence& s : train) {
    for (const TreebankWord& w : s.words) ++counts[{w.upos, w.xpos}];
  }
  std::vector<std::pair<std::size_t, std::pair<std::string, std::string>>> order;
  for (const auto& [pair, n] : counts) order.emplace_back(n, pair);
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  TagSet tags;
  for (const auto& [n, pair] : order) {
    Upos u;
    if (UposFromName(pair.first, &u)) tags.Add(u, pair.second);
  }
  return tags;
}

std::int32_t GoldTag(const TagSet& tags, const TreebankWord& w) {
  Upos u;
  if (!UposFromName(w.upos, &u)) return -1;
  return tags.Find(u, w.xpos);
}

void Log(const TaggerTrainingOptions& o, const std::string& line) {
  if (o.log) o.log(line);
}

// Share of words whose UPOS `tagger` gets right.
double UposAccuracy(const PosTagger& tagger, const std::vector<TreebankSentence>& sentences) {
  std::size_t right = 0, total = 0;
  for (const TreebankSentence& s : sentences) {
    const std::vector<std::uint16_t> tags = TagTreebankSentence(tagger, s);
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      right += UposName(tagger.tags().upos(tags[i])) == s.words[i].upos;
      ++total;
    }
  }
  return total == 0 ? 0 : static_cast<double>(right) / static_cast<double>(total);
}

}  // namespace

std::vector<std::uint16_t> TagTreebankSentence(const PosTagger& tagger, const TreebankSentence& s) {
  const SentenceAtoms atoms = AtomsOf(s);
  std::vector<std::uint16_t> tags(s.words.size());
  tagger.Tag(atoms.words, atoms.mode, tags);
  return tags;
}

Result<PosTagger> TrainPosTagger(const std::vector<TreebankSentence>& train,
                                 const std::vector<TreebankSentence>& dev,
                                 const TaggerTrainingOptions& options) {
  const TagSet tags = BuildTagSet(train);
  if (tags.size() < 2) {
    return Status(StatusCode::kInvalidArgument, "training data has fewer than two tags");
  }
  // Dictionary, lemmas and examples.
  std::vector<Example> examples;
  examples.reserve(train.size());
  TagDictionary::Builder dict_builder;
  Lemmatizer::Builder lemma_builder;
  for (const TreebankSentence& s : train) {
    Example e;
    e.atoms = AtomsOf(s);
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      const std::int32_t g = GoldTag(tags, s.words[i]);
      e.gold.push_back(g);
      if (g < 0) continue;
      dict_builder.Add(e.atoms.words[i], static_cast<std::size_t>(g));
      lemma_builder.Add(s.words[i].form, tags.xpos(static_cast<std::size_t>(g)), s.words[i].lemma);
    }
    examples.push_back(std::move(e));
  }
  TagMask proper = {};
  for (std::size_t t = 0; t < tags.size(); ++t) {
    if (tags.upos(t) == Upos::kPropn) SetTag(&proper, t);
  }
  const TagDictionary dictionary = dict_builder.Build(options.frequent_word, proper);
  const Lemmatizer lemmatizer = lemma_builder.Build(tags.num_xpos());
  for (Example& e : examples) {
    for (const WordAtoms& w : e.atoms.words) e.candidates.push_back(dictionary.Candidates(w));
  }
  Log(options, "tagger: " + std::to_string(examples.size()) + " sentences, " +
                   std::to_string(tags.size()) + " tags");

  PerceptronTrainer perceptron(static_cast<std::uint32_t>(tags.size()));
  std::vector<std::size_t> order(examples.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  Rng rng(options.seed);
  std::uint64_t features[kMaxTaggerFeatures];
  std::vector<float> scores(tags.size());
  std::vector<std::uint16_t> classes;
  double best_accuracy = -1;
  std::string best_model;
  int since_best = 0;
  for (int epoch = 1; epoch <= options.max_epochs; ++epoch) {
    rng.Shuffle(&order);
    std::size_t right = 0, total = 0;
    for (const std::size_t index : order) {
      const Example& e = examples[index];
      std::uint32_t prev1 = kStartTag, prev2 = kStartTag;
      for (std::size_t i = 0; i < e.gold.size(); ++i) {
        const TagMask& cand = e.candidates[i];
        classes.clear();
        for (std::size_t t = 0; t < tags.size(); ++t) {
          if (HasTag(cand, t)) classes.push_back(static_cast<std::uint16_t>(t));
        }
        std::uint16_t pred = classes.empty() ? 0 : classes[0];
        if (classes.size() > 1) {
          const int n = TaggerFeatures(e.atoms.words, e.candidates, e.atoms.mode, i, prev1, prev2,
                                       features);
          const std::span<const std::uint64_t> feats(features, static_cast<std::size_t>(n));
          for (const std::uint16_t c : classes) scores[c] = 0;
          perceptron.Score(feats, classes, scores);
          for (const std::uint16_t c : classes) {
            if (scores[c] > scores[pred]) pred = c;
          }
          const std::int32_t gold = e.gold[i];
          if (gold >= 0 && HasTag(cand, static_cast<std::size_t>(gold)) && pred != gold) {
            perceptron.Update(feats, static_cast<std::uint32_t>(gold), 1);
            perceptron.Update(feats, pred, -1);
          }
          perceptron.Tick();
        }
        right += pred == e.gold[i];
        ++total;
        prev2 = prev1;
        prev1 = pred;
      }
    }
    const std::vector<AveragedWeight> averaged = perceptron.Averaged();
    PosTagger model(tags, dictionary,
                    SparseWeightTable::Build(averaged, static_cast<std::uint32_t>(tags.size()),
                                             QuantizationScale(averaged), options.prune),
                    lemmatizer);
    const double dev_accuracy = UposAccuracy(model, dev);
    Log(options, "tagger epoch " + std::to_string(epoch) + ": train tag accuracy " +
                     std::to_string(static_cast<double>(right) / static_cast<double>(total)) +
                     ", dev UPOS " + std::to_string(dev_accuracy) + ", " +
                     std::to_string(perceptron.size()) + " weights, model " +
                     std::to_string(model.bytes()) + " bytes");
    const bool fixed = options.fixed_epochs > 0;
    if ((fixed && epoch == options.fixed_epochs) || (!fixed && dev_accuracy > best_accuracy)) {
      best_accuracy = dev_accuracy;
      best_model = model.Serialize();
      since_best = 0;
    } else if (!fixed && ++since_best >= 3) {
      break;
    }
    if (fixed && epoch == options.fixed_epochs) break;
  }
  return PosTagger::Deserialize(best_model);
}

}  // namespace newsx::extract::nlp
