// TrainNerModel() and EvaluateNerModel(): the structured averaged
// perceptron over the features of FeatureExtractor (Collins 2002).

#include "newsx/extract/ner_training.h"

#include <algorithm>
#include <unordered_map>

#include "analysis/analysis_model.h"
#include "analysis/builtin_lexicons.h"
#include "analysis/gazetteer_marks.h"
#include "ner/ner_corpus.h"
#include "ner/ner_model.h"
#include "text/tokenizer.h"

namespace newsx::extract {

namespace {

using ner::kNerLabels;

constexpr std::size_t kT = kNerLabels + 1;

// A corpus sentence as the analyzer will see it: re-tokenized by the text
// layer, with labels per token.
struct Prepared {
  std::vector<std::uint64_t> features;  // Feature ids, token after token.
  std::vector<std::uint32_t> offsets;   // Token i: features[offsets[i], offsets[i+1]).
  std::vector<std::uint8_t> gold;
  std::vector<ner::NerSpan> names;  // Gold names over tokens.
  std::vector<std::string> tokens;  // Token texts, for messages.
};

// Words are joined as a writer would: no space before closing punctuation
// or a clitic ("Nvidia 's" -> "Nvidia's"), so that the tokenizer splits the
// text as it splits articles.
bool Attaches(std::string_view w) {
  static constexpr std::string_view kAttached[] = {",", ".", ";", ":", "!", "?", ")", "]", "}",
                                                   "%", "'s", "'S", "'", "n't", "'re", "'ve",
                                                   "'ll", "'d", "'m", "\u2019s"};
  for (std::string_view a : kAttached) {
    if (w == a) return true;
  }
  return false;
}

Result<std::vector<ner::AnnotatedSentence>> Read(const NerCorpus& c) {
  auto r = c.format == NerCorpusFormat::kConll ? ner::ReadConll(c.content)
                                               : ner::ReadGumEntities(c.content);
  if (!r.ok()) return InvalidArgumentError(c.name + ": " + r.status().message());
  return r;
}

class Preparer {
 public:
  Preparer(const analysis::AnalysisModel& model, const ner::WordLists& lists)
      : model_(model), lists_(lists) {}

  // Prepares the sentences of one document (the tagger reads which words
  // the document writes in lower case).
  void PrepareDocument(std::span<const ner::AnnotatedSentence> doc, std::vector<Prepared>* out) {
    texts_.resize(doc.size());
    word_begins_.resize(doc.size());
    tts_.resize(doc.size());
    words_.Clear();
    for (std::size_t k = 0; k < doc.size(); ++k) {
      Join(doc[k], &texts_[k], &word_begins_[k]);
      text::Tokenize(texts_[k], model_.vocab, &tts_[k]);
      ner::AddLowerCaseWords(tts_[k], 0, static_cast<std::uint32_t>(tts_[k].tokens.size()), &words_);
    }
    words_.Finish();
    for (std::size_t k = 0; k < doc.size(); ++k) {
      Prepared p;
      Features(doc[k], tts_[k], word_begins_[k], &p);
      if (!p.gold.empty()) out->push_back(std::move(p));
    }
  }

 private:
  static void Join(const ner::AnnotatedSentence& s, std::string* text,
                   std::vector<std::uint32_t>* begins) {
    text->clear();
    begins->clear();
    for (std::size_t k = 0; k < s.words.size(); ++k) {
      if (k > 0 && !Attaches(s.words[k])) text->push_back(' ');
      begins->push_back(static_cast<std::uint32_t>(text->size()));
      *text += s.words[k];
    }
  }

  void Features(const ner::AnnotatedSentence& s, const text::TokenizedText& tt,
                const std::vector<std::uint32_t>& word_begin, Prepared* out) {
    analysis::GazetteerMarks(model_, tt, &marks_);
    const auto n = static_cast<std::uint32_t>(tt.tokens.size());
    extractor_.Extract(tt, 0, n, marks_, lists_, words_);
    out->features.clear();
    out->offsets.assign(1, 0);
    out->tokens.clear();
    for (std::uint32_t i = 0; i < n; ++i) {
      const auto f = extractor_.Features(i);
      out->features.insert(out->features.end(), f.begin(), f.end());
      out->offsets.push_back(static_cast<std::uint32_t>(out->features.size()));
      out->tokens.emplace_back(text::TokenText(tt, tt.tokens[i]));
    }
    // Word k covers bytes [word_begin[k], word_begin[k] + size).
    const auto token_of_byte = [&](std::uint32_t byte) {
      const auto it = std::lower_bound(tt.tokens.begin(), tt.tokens.end(), byte,
                                       [](const text::Token& t, std::uint32_t b) { return t.begin < b; });
      return static_cast<std::uint32_t>(it - tt.tokens.begin());
    };
    out->gold.assign(n, 0);
    out->names.clear();
    for (const ner::WordSpan& w : s.names) {
      const std::uint32_t first = token_of_byte(word_begin[w.first]);
      const std::uint32_t last_begin = word_begin[w.end - 1];
      const std::uint32_t end =
          token_of_byte(last_begin + static_cast<std::uint32_t>(s.words[w.end - 1].size()));
      if (first >= end || end > n) continue;
      out->names.push_back(ner::NerSpan{first, end, w.type});
      if (end - first == 1) {
        out->gold[first] = ner::Label(w.type, ner::Position::kUnit);
        continue;
      }
      out->gold[first] = ner::Label(w.type, ner::Position::kBegin);
      for (std::uint32_t i = first + 1; i + 1 < end; ++i)
        out->gold[i] = ner::Label(w.type, ner::Position::kInside);
      out->gold[end - 1] = ner::Label(w.type, ner::Position::kLast);
    }
  }

  const analysis::AnalysisModel& model_;
  const ner::WordLists& lists_;
  std::vector<std::string> texts_;
  std::vector<std::vector<std::uint32_t>> word_begins_;
  std::vector<text::TokenizedText> tts_;
  ner::DocumentWords words_;
  std::vector<std::uint64_t> marks_;
  ner::FeatureExtractor extractor_;
};

// The documents of a corpus: runs of sentences from one doc_start to the
// next; a corpus without document marks is one document a sentence.
std::vector<std::span<const ner::AnnotatedSentence>> Documents(
    const std::vector<ner::AnnotatedSentence>& s) {
  std::vector<std::span<const ner::AnnotatedSentence>> out;
  const bool marked = std::any_of(s.begin() + (s.empty() ? 0 : 1), s.end(),
                                  [](const ner::AnnotatedSentence& x) { return x.doc_start; });
  std::size_t begin = 0;
  for (std::size_t i = 1; i <= s.size(); ++i) {
    if (i == s.size() || !marked || s[i].doc_start) {
      out.emplace_back(s.data() + begin, i - begin);
      begin = i;
    }
  }
  return out;
}

Result<std::unique_ptr<analysis::AnalysisModel>> LexiconModel(const NerTrainOptions& options) {
  std::vector<analysis::LexiconSource> files;
  for (const EmbeddedFile& f : analysis::BuiltinLexiconFiles()) files.push_back({f.name, f.content});
  for (const LexiconFile& f : options.lexicons) files.push_back({f.name, f.content});
  return analysis::BuildAnalysisModel(files);
}

std::uint64_t SplitMix(std::uint64_t* state) {
  std::uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

std::vector<ner::NerSpan> SpansOf(const std::vector<std::uint8_t>& labels) {
  std::vector<ner::NerSpan> out;
  for (std::uint32_t i = 0; i < labels.size(); ++i) {
    if (labels[i] == 0) continue;
    const ner::Position p = ner::PositionOf(labels[i]);
    if (p == ner::Position::kUnit) {
      out.push_back({i, i + 1, ner::TypeOf(labels[i])});
    } else if (p == ner::Position::kBegin) {
      std::uint32_t j = i + 1;
      while (j < labels.size() && ner::PositionOf(labels[j]) == ner::Position::kInside) ++j;
      out.push_back({i, std::min<std::uint32_t>(j + 1, static_cast<std::uint32_t>(labels.size())),
                     ner::TypeOf(labels[i])});
      i = j;
    }
  }
  return out;
}

// The sentence with its names marked up: "[PER Jensen Huang] said".
std::string MarkUp(const std::vector<std::string>& tokens, const std::vector<ner::NerSpan>& names) {
  std::string out;
  std::size_t k = 0;
  for (std::uint32_t i = 0; i < tokens.size(); ++i) {
    if (k < names.size() && names[k].first == i) {
      out += "[" + std::string(ner::kNerTypeNames[static_cast<std::size_t>(names[k].type)]) + " ";
    }
    out += tokens[i];
    if (k < names.size() && names[k].end == i + 1) {
      out += "]";
      ++k;
    }
    out += " ";
  }
  return out;
}

}  // namespace

Result<std::string> TrainNerModel(std::span<const NerCorpus> train, const NerTrainOptions& options) {
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<analysis::AnalysisModel> lexicon, LexiconModel(options));
  ner::WordLists lists;
  std::string lower;
  for (const std::string& w : options.first_names) {
    lower.clear();
    text::AppendLower(w, &lower);
    lists.Add(lower, ner::kFirstName);
  }
  for (const std::string& w : options.company_words) {
    lower.clear();
    text::AppendLower(w, &lower);
    lists.Add(lower, ner::kCompanyWord);
  }
  for (const std::string& w : options.common_words) {
    lower.clear();
    text::AppendLower(w, &lower);
    lists.Add(lower, ner::kCommonWord);
  }
  std::vector<Prepared> data;
  Preparer preparer(*lexicon, lists);
  for (const NerCorpus& c : train) {
    NEWSX_ASSIGN_OR_RETURN(std::vector<ner::AnnotatedSentence> sentences, Read(c));
    for (const auto& doc : Documents(sentences)) preparer.PrepareDocument(doc, &data);
  }
  // Features below the count cutoff are dropped; the others get rows in id
  // order, so that the row layout does not depend on hash-map iteration.
  std::unordered_map<std::uint64_t, std::uint32_t> counts;
  for (const Prepared& p : data) {
    for (const std::uint64_t f : p.features) ++counts[f];
  }
  std::vector<std::uint64_t> ids;
  for (const auto& [id, count] : counts) {
    if (count >= static_cast<std::uint32_t>(options.min_feature_count)) ids.push_back(id);
  }
  std::sort(ids.begin(), ids.end());
  std::unordered_map<std::uint64_t, std::uint32_t> row_of;
  row_of.reserve(ids.size());
  for (std::uint32_t r = 0; r < ids.size(); ++r) row_of.emplace(ids[r], r);
  // Per sentence: rows of each token's kept features.
  std::vector<std::vector<std::uint32_t>> rows(data.size()), row_offsets(data.size());
  for (std::size_t s = 0; s < data.size(); ++s) {
    row_offsets[s].push_back(0);
    for (std::size_t i = 0; i + 1 < data[s].offsets.size(); ++i) {
      for (std::uint32_t k = data[s].offsets[i]; k < data[s].offsets[i + 1]; ++k) {
        const auto it = row_of.find(data[s].features[k]);
        if (it != row_of.end()) rows[s].push_back(it->second);
      }
      row_offsets[s].push_back(static_cast<std::uint32_t>(rows[s].size()));
    }
    data[s].features = {};
    data[s].features.shrink_to_fit();
  }

  // Averaged perceptron with the "lazy" average: w_avg = w - u / c, where u
  // sums each update times the step at which it was made.
  std::vector<float> w(ids.size() * kNerLabels, 0.0f), u(ids.size() * kNerLabels, 0.0f);
  std::vector<float> tw(kT * kT, 0.0f), tu(kT * kT, 0.0f);
  float c = 1.0f;
  std::vector<std::size_t> order(data.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::uint64_t rng = options.seed;
  std::vector<float> scores;
  std::vector<std::uint8_t> pred;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    for (std::size_t i = order.size(); i > 1; --i) {
      std::swap(order[i - 1], order[SplitMix(&rng) % i]);
    }
    std::size_t tokens = 0, wrong = 0;
    for (const std::size_t s : order) {
      const Prepared& p = data[s];
      const std::size_t n = p.gold.size();
      scores.assign(n * kNerLabels, 0.0f);
      for (std::size_t i = 0; i < n; ++i) {
        float* row = scores.data() + i * kNerLabels;
        for (std::uint32_t k = row_offsets[s][i]; k < row_offsets[s][i + 1]; ++k) {
          const float* wr = w.data() + static_cast<std::size_t>(rows[s][k]) * kNerLabels;
          for (std::size_t l = 0; l < kNerLabels; ++l) row[l] += wr[l];
        }
      }
      ner::Viterbi(scores, n, tw, &pred);
      tokens += n;
      if (pred != p.gold) {
        for (std::size_t i = 0; i < n; ++i) {
          const std::size_t prev_g = i == 0 ? kNerLabels : p.gold[i - 1];
          const std::size_t prev_p = i == 0 ? kNerLabels : pred[i - 1];
          if (p.gold[i] != pred[i]) {
            ++wrong;
            for (std::uint32_t k = row_offsets[s][i]; k < row_offsets[s][i + 1]; ++k) {
              const std::size_t base = static_cast<std::size_t>(rows[s][k]) * kNerLabels;
              w[base + p.gold[i]] += 1.0f;
              u[base + p.gold[i]] += c;
              w[base + pred[i]] -= 1.0f;
              u[base + pred[i]] -= c;
            }
          }
          if (p.gold[i] != pred[i] || prev_g != prev_p) {
            tw[prev_g * kT + p.gold[i]] += 1.0f;
            tu[prev_g * kT + p.gold[i]] += c;
            tw[prev_p * kT + pred[i]] -= 1.0f;
            tu[prev_p * kT + pred[i]] -= c;
          }
        }
        if (p.gold[n - 1] != pred[n - 1]) {
          tw[p.gold[n - 1] * kT + kNerLabels] += 1.0f;
          tu[p.gold[n - 1] * kT + kNerLabels] += c;
          tw[pred[n - 1] * kT + kNerLabels] -= 1.0f;
          tu[pred[n - 1] * kT + kNerLabels] -= c;
        }
      }
      c += 1.0f;
    }
    if (options.progress) {
      options.progress("epoch " + std::to_string(epoch) + ": " + std::to_string(wrong) + " of " +
                       std::to_string(tokens) + " tokens mislabeled");
    }
  }
  ner::NerModel::Weights out;
  out.word_lists = lists.entries();
  out.transitions.resize(kT * kT);
  for (std::size_t i = 0; i < kT * kT; ++i) out.transitions[i] = tw[i] - tu[i] / c;
  out.features.reserve(ids.size());
  for (std::size_t r = 0; r < ids.size(); ++r) {
    std::vector<float> row(kNerLabels);
    for (std::size_t l = 0; l < kNerLabels; ++l) {
      const float v = w[r * kNerLabels + l] - u[r * kNerLabels + l] / c;
      // Averaged weights this small never change a decision; dropping them
      // halves the model.
      row[l] = std::abs(v) < 1e-3f ? 0.0f : v;
    }
    out.features.emplace_back(ids[r], std::move(row));
  }
  return ner::NerModel::Serialize(out);
}

Result<std::vector<NerScore>> EvaluateNerModel(std::string_view model_bytes, const NerCorpus& test,
                                               const NerTrainOptions& options) {
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<ner::NerModel> model, ner::NerModel::Load(model_bytes));
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<analysis::AnalysisModel> lexicon, LexiconModel(options));
  NEWSX_ASSIGN_OR_RETURN(std::vector<ner::AnnotatedSentence> sentences, Read(test));
  std::vector<NerScore> scores(ner::kNerTypes + 1);
  for (std::size_t t = 0; t < ner::kNerTypes; ++t) scores[t].type = ner::kNerTypeNames[t];
  scores.back().type = "all";
  Preparer preparer(*lexicon, model->word_lists());
  std::vector<std::uint8_t> labels;
  std::vector<float> work;
  std::vector<Prepared> prepared;
  for (const auto& doc : Documents(sentences)) preparer.PrepareDocument(doc, &prepared);
  for (const Prepared& p : prepared) {
    const std::size_t n = p.gold.size();
    work.assign(n * kNerLabels, 0.0f);
    for (std::size_t i = 0; i < n; ++i) {
      model->Score(std::span<const std::uint64_t>(p.features.data() + p.offsets[i],
                                                  p.offsets[i + 1] - p.offsets[i]),
                   work.data() + i * kNerLabels);
    }
    ner::Viterbi(work, n, model->transitions(), &labels);
    const std::vector<ner::NerSpan> got = SpansOf(labels);
    if (options.differences) {
      const auto same = [](const ner::NerSpan& a, const ner::NerSpan& b) {
        return a.first == b.first && a.end == b.end && a.type == b.type;
      };
      if (!std::equal(got.begin(), got.end(), p.names.begin(), p.names.end(), same)) {
        options.differences(MarkUp(p.tokens, p.names), MarkUp(p.tokens, got));
      }
    }
    for (const ner::NerSpan& g : p.names) {
      ++scores[static_cast<std::size_t>(g.type)].gold;
      ++scores.back().gold;
    }
    for (const ner::NerSpan& x : got) {
      ++scores[static_cast<std::size_t>(x.type)].predicted;
      ++scores.back().predicted;
      for (const ner::NerSpan& g : p.names) {
        if (g.first == x.first && g.end == x.end && g.type == x.type) {
          ++scores[static_cast<std::size_t>(x.type)].correct;
          ++scores.back().correct;
        }
      }
    }
  }
  std::vector<NerScore> out;
  for (const NerScore& s : scores) {
    if (s.gold > 0 || s.predicted > 0 || s.type == "all") out.push_back(s);
  }
  return out;
}

}  // namespace newsx::extract
