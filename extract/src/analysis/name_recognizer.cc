// RecognizeNames(): the trained name tagger over each sentence.

#include "analysis/entity_recognizer.h"
#include "analysis/gazetteer_marks.h"
#include "ner/ner_features.h"

namespace newsx::extract::analysis {

void RecognizeNames(DocState* d) {
  GazetteerMarks(d->model, d->tt, &d->gazetteer);
  d->names.clear();
  ner::DocumentWords& doc = d->lower_words;
  doc.Clear();
  ner::AddLowerCaseWords(d->tt, 0, d->size(), &doc);
  doc.Finish();
  const ner::NerModel* model = d->model.names.get();
  if (model == nullptr) return;
  ner::FeatureExtractor features;
  std::vector<std::uint8_t> labels;
  std::vector<float> scores;
  for (const Sentence& s : d->tt.sentences) {
    features.Extract(d->tt, s.first, s.end, d->gazetteer, model->word_lists(), doc);
    model->Decode(features, &labels, &scores);
    for (std::uint32_t i = 0; i < labels.size(); ++i) {
      if (labels[i] == 0) continue;
      const ner::Position p = ner::PositionOf(labels[i]);
      if (p == ner::Position::kUnit) {
        d->names.push_back({s.first + i, s.first + i + 1, ner::TypeOf(labels[i])});
      } else if (p == ner::Position::kBegin) {
        std::uint32_t j = i + 1;
        while (j + 1 < labels.size() && ner::PositionOf(labels[j]) == ner::Position::kInside) ++j;
        d->names.push_back({s.first + i, s.first + j + 1, ner::TypeOf(labels[i])});
        i = j;
      }
    }
  }
}

}  // namespace newsx::extract::analysis
