// EvaluateModels() (nlp_training.h): tagging, lemma and attachment scores
// against a treebank with gold tokenization.

#include <string>
#include <vector>

#include "newsx/extract/nlp_training.h"
#include "nlp/conllu.h"
#include "nlp/dep_parser.h"
#include "nlp/pos_tagger.h"
#include "nlp/sentence_atoms.h"
#include "nlp/tag_fixes.h"
#include "nlp/training_corpus.h"

namespace newsx::extract::nlp {
namespace {

std::string_view Universal(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

}  // namespace

Result<Evaluation> EvaluateModels(std::string_view pos_model, std::string_view dep_model,
                                  std::string_view conllu, const EvaluationOptions& options) {
  NEWSX_ASSIGN_OR_RETURN(std::vector<TreebankSentence> sentences, ReadConllu(conllu));
  if (options.newsx_tokens) {
    for (TreebankSentence& s : sentences) {
      TreebankSentence retokenized;
      if (RetokenizeLikeNewsx(s, &retokenized)) s = std::move(retokenized);
    }
  }
  NEWSX_ASSIGN_OR_RETURN(PosTagger tagger, PosTagger::Deserialize(pos_model));
  DepParser parser;
  if (!dep_model.empty()) {
    NEWSX_ASSIGN_OR_RETURN(parser, DepParser::Deserialize(dep_model));
    if (parser.tag_set_id() != tagger.tags().Fingerprint()) {
      return Status(StatusCode::kInvalidArgument, "parser trained with another tagger");
    }
  }
  Evaluation e;
  e.parsed = !dep_model.empty();
  std::size_t upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, las_full = 0;
  std::string lemma_text, scratch;
  ParseState state;
  std::vector<std::uint64_t> lower;
  std::vector<std::int32_t> heads;
  std::vector<std::uint16_t> labels;
  std::vector<std::string_view> forms;
  for (const TreebankSentence& s : sentences) {
    const SentenceAtoms atoms = AtomsOf(s);
    std::vector<std::uint16_t> tags(s.words.size());
    tagger.Tag(atoms.words, atoms.mode, tags);
    forms.clear();
    for (const TreebankWord& w : s.words) forms.push_back(w.form);
    FixGerunds(forms, tagger.tags(), tags);
    ++e.sentences;
    if (e.parsed) {
      lower.clear();
      for (const WordAtoms& w : atoms.words) lower.push_back(w.lower);
      heads.resize(s.words.size());
      labels.resize(s.words.size());
      parser.Parse(ParserInput{lower, tags}, &state, heads, labels);
      for (std::size_t i = 0; i < s.words.size(); ++i) {
        if (heads[i] != s.words[i].head) continue;
        ++uas;
        const std::string_view name = parser.labels()[labels[i]];
        las_full += name == s.words[i].deprel;
        las += Universal(name) == Universal(s.words[i].deprel);
      }
    }
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      const TreebankWord& w = s.words[i];
      const std::uint16_t t = tags[i];
      upos += UposName(tagger.tags().upos(t)) == w.upos;
      xpos += tagger.tags().xpos_name(tagger.tags().xpos(t)) == w.xpos;
      lemma_text.clear();
      tagger.lemmatizer().Lemmatize(w.form, tagger.tags().xpos(t), &scratch, &lemma_text);
      lemma += lemma_text == w.lemma;
      ++e.words;
    }
  }
  const auto share = [&e](std::size_t n) {
    return e.words == 0 ? 0.0 : static_cast<double>(n) / static_cast<double>(e.words);
  };
  e.upos = share(upos);
  e.xpos = share(xpos);
  e.lemma = share(lemma);
  e.uas = share(uas);
  e.las = share(las);
  e.las_full = share(las_full);
  return e;
}

}  // namespace newsx::extract::nlp
