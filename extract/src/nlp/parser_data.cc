#include "nlp/parser_data.h"

#include <algorithm>
#include <map>

#include "nlp/sentence_atoms.h"

namespace newsx::extract::nlp {

std::vector<std::string> LabelSet(const std::vector<TreebankSentence>& sentences) {
  std::map<std::string, std::size_t> counts;
  for (const TreebankSentence& s : sentences) {
    for (const TreebankWord& w : s.words) ++counts[w.deprel];
  }
  std::vector<std::pair<std::size_t, std::string>> order;
  for (const auto& [name, n] : counts) order.emplace_back(n, name);
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> labels;
  for (const auto& [n, name] : order) labels.push_back(name);
  if (std::find(labels.begin(), labels.end(), "root") == labels.end()) labels.push_back("root");
  return labels;
}

ParserExample MakeParserExample(const TreebankSentence& s, const std::vector<std::uint16_t>& tags,
                                const std::vector<std::string>& labels) {
  ParserExample e;
  const SentenceAtoms atoms = AtomsOf(s);
  for (const WordAtoms& w : atoms.words) e.words.push_back(w.lower);
  e.tags = tags;
  for (const TreebankWord& w : s.words) {
    e.heads.push_back(w.head);
    const auto it = std::find(labels.begin(), labels.end(), w.deprel);
    e.labels.push_back(it == labels.end() ? 0 : static_cast<std::uint16_t>(it - labels.begin()));
  }
  return e;
}

namespace {

// `tags` of `from` as ids of `to` (by UPOS and XPOS); tags `to` lacks map
// to the fallback tag at the same position.
std::vector<std::uint16_t> MapTags(const TagSet& from, const std::vector<std::uint16_t>& tags,
                                   const TagSet& to, const std::vector<std::uint16_t>& fallback) {
  std::vector<std::uint16_t> out(tags.size());
  for (std::size_t i = 0; i < tags.size(); ++i) {
    const int t = to.Find(from.upos(tags[i]), from.xpos_name(from.xpos(tags[i])));
    out[i] = t >= 0 ? static_cast<std::uint16_t>(t) : fallback[i];
  }
  return out;
}

}  // namespace

Result<std::vector<std::vector<std::uint16_t>>> JackknifeTags(
    const std::vector<TreebankSentence>& train, const std::vector<std::size_t>& origins,
    const std::vector<TreebankSentence>& dev, const PosTagger& tagger, int folds,
    const TaggerTrainingOptions& options, const std::function<void(std::string_view)>& log) {
  std::vector<std::vector<std::uint16_t>> out(train.size());
  for (std::size_t i = 0; i < train.size(); ++i) out[i] = TagTreebankSentence(tagger, train[i]);
  if (folds < 2) {
    for (std::size_t i = 0; i < train.size(); ++i) {
      for (std::size_t k = 0; k < train[i].words.size(); ++k) {
        Upos u;
        const TreebankWord& w = train[i].words[k];
        if (!UposFromName(w.upos, &u)) continue;
        const int t = tagger.tags().Find(u, w.xpos);
        if (t >= 0) out[i][k] = static_cast<std::uint16_t>(t);
      }
    }
    return out;
  }
  const auto k = static_cast<std::size_t>(folds);
  for (std::size_t fold = 0; fold < k; ++fold) {
    std::vector<TreebankSentence> rest;
    for (std::size_t i = 0; i < train.size(); ++i) {
      if (origins[i] % k != fold) rest.push_back(train[i]);
    }
    NEWSX_ASSIGN_OR_RETURN(PosTagger fold_tagger, TrainPosTagger(rest, dev, options));
    std::size_t right = 0, total = 0;
    for (std::size_t i = 0; i < train.size(); ++i) {
      if (origins[i] % k != fold) continue;
      const std::vector<std::uint16_t> tags = TagTreebankSentence(fold_tagger, train[i]);
      out[i] = MapTags(fold_tagger.tags(), tags, tagger.tags(), out[i]);
      for (std::size_t w = 0; w < tags.size(); ++w) {
        right += UposName(fold_tagger.tags().upos(tags[w])) == train[i].words[w].upos;
        ++total;
      }
    }
    if (log) {
      log("jackknife fold " + std::to_string(fold + 1) + "/" + std::to_string(k) +
          ": UPOS accuracy " + std::to_string(static_cast<double>(right) / static_cast<double>(total)));
    }
  }
  return out;
}

}  // namespace newsx::extract::nlp
