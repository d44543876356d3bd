// The public training entry points (nlp_training.h): CoNLL-U texts in,
// model bytes out.

#include <string>
#include <vector>

#include "newsx/extract/nlp_training.h"
#include "nlp/conllu.h"
#include "nlp/dep_parser_trainer.h"
#include "nlp/parser_data.h"
#include "nlp/pos_tagger_trainer.h"
#include "nlp/training_corpus.h"

namespace newsx::extract::nlp {
namespace {

Result<std::vector<TreebankSentence>> ReadAll(std::span<const std::string_view> texts) {
  std::vector<TreebankSentence> all;
  for (const std::string_view text : texts) {
    Result<std::vector<TreebankSentence>> part = ReadConllu(text);
    if (!part.ok()) return part.status();
    for (TreebankSentence& s : *part) all.push_back(std::move(s));
  }
  return all;
}

TaggerTrainingOptions TaggerOptions(const TrainingOptions& options) {
  TaggerTrainingOptions o;
  o.max_epochs = options.tagger_max_epochs;
  o.fixed_epochs = options.tagger_epochs;
  o.seed = options.seed;
  o.prune = options.tagger_prune;
  return o;
}

}  // namespace

Result<std::string> TrainTaggerModel(std::span<const std::string_view> train,
                                     std::span<const std::string_view> dev,
                                     const TrainingOptions& options) {
  NEWSX_ASSIGN_OR_RETURN(std::vector<TreebankSentence> train_sentences, ReadAll(train));
  NEWSX_ASSIGN_OR_RETURN(std::vector<TreebankSentence> dev_sentences, ReadAll(dev));
  if (options.augment) {
    train_sentences = AugmentCorpus(train_sentences, CorpusOptions{.seed = options.seed});
  }
  TaggerTrainingOptions o = TaggerOptions(options);
  o.log = options.log;
  NEWSX_ASSIGN_OR_RETURN(PosTagger tagger, TrainPosTagger(train_sentences, dev_sentences, o));
  return tagger.Serialize();
}

Result<std::string> TrainParserModel(std::span<const std::string_view> train,
                                     std::span<const std::string_view> dev,
                                     std::string_view tagger_model,
                                     const TrainingOptions& options) {
  NEWSX_ASSIGN_OR_RETURN(std::vector<TreebankSentence> train_sentences, ReadAll(train));
  NEWSX_ASSIGN_OR_RETURN(std::vector<TreebankSentence> dev_sentences, ReadAll(dev));
  NEWSX_ASSIGN_OR_RETURN(PosTagger tagger, PosTagger::Deserialize(tagger_model));
  std::vector<std::size_t> origins;
  if (options.augment) {
    train_sentences = AugmentCorpus(train_sentences, CorpusOptions{.seed = options.seed}, &origins);
  } else {
    for (std::size_t i = 0; i < train_sentences.size(); ++i) origins.push_back(i);
  }
  std::vector<std::vector<std::uint16_t>> train_tags;
  if (options.jackknife_tags != nullptr) {
    train_tags = *options.jackknife_tags;
    if (train_tags.size() != train_sentences.size()) {
      return Status(StatusCode::kInvalidArgument, "jackknifed tags of another corpus");
    }
    for (std::size_t i = 0; i < train_tags.size(); ++i) {
      if (train_tags[i].size() != train_sentences[i].words.size()) {
        return Status(StatusCode::kInvalidArgument, "jackknifed tags of another corpus");
      }
    }
  } else {
    NEWSX_ASSIGN_OR_RETURN(
        train_tags, JackknifeTags(train_sentences, origins, dev_sentences, tagger,
                                  options.jackknife_folds, TaggerOptions(options), options.log));
    if (options.on_jackknife) options.on_jackknife(train_tags);
  }
  const std::vector<std::string> labels = LabelSet(train_sentences);
  std::vector<ParserExample> train_examples, dev_examples;
  for (std::size_t i = 0; i < train_sentences.size(); ++i) {
    train_examples.push_back(MakeParserExample(train_sentences[i], train_tags[i], labels));
  }
  for (const TreebankSentence& s : dev_sentences) {
    dev_examples.push_back(MakeParserExample(s, TagTreebankSentence(tagger, s), labels));
  }
  ParserTrainingOptions parser_options;
  parser_options.max_epochs = options.parser_max_epochs;
  parser_options.fixed_epochs = options.parser_epochs;
  parser_options.seed = options.seed;
  parser_options.prune = options.parser_prune;
  parser_options.log = options.log;
  NEWSX_ASSIGN_OR_RETURN(DepParser parser,
                         TrainDepParser(train_examples, dev_examples, labels,
                                        tagger.tags().Fingerprint(), parser_options));
  return parser.Serialize();
}

}  // namespace newsx::extract::nlp
