#include "analysis/analysis_model.h"

#include <memory>

namespace newsx::extract::analysis {

namespace {

std::vector<std::int32_t> PhraseIds(std::string_view phrase, Vocabulary* vocab) {
  const Vocabulary empty;
  TokenizedText tt;
  Tokenize(phrase, empty, &tt);
  std::vector<std::int32_t> ids;
  std::string lower;
  for (const Token& tok : tt.tokens) {
    lower.clear();
    AppendLower(TokenText(tt, tok), &lower);
    ids.push_back(vocab->Add(lower));
  }
  return ids;
}

}  // namespace

Result<std::unique_ptr<AnalysisModel>> BuildAnalysisModel(std::span<const LexiconSource> files) {
  auto model = std::make_unique<AnalysisModel>();
  NEWSX_ASSIGN_OR_RETURN(model->lexicon, ParseLexicons(files));
  Vocabulary& v = model->vocab;
  model->matcher.Build(model->lexicon.phrases, &v);
  CommonWords& w = model->words;
  w.comma = v.Add(",");
  w.period = v.Add(".");
  w.hyphen = v.Add("-");
  w.a = v.Add("a");
  w.an = v.Add("an");
  w.the = v.Add("the");
  w.of = v.Add("of");
  w.for_ = v.Add("for");
  w.at = v.Add("at");
  w.and_ = v.Add("and");
  w.such = v.Add("such");
  w.as = v.Add("as");
  w.including = v.Add("including");
  w.like = v.Add("like");
  w.from = v.Add("from");
  w.on = v.Add("on");
  for (const EventRule& rule : model->lexicon.rules) {
    auto& ctx = model->rule_context.emplace_back();
    for (const std::string& phrase : rule.context) ctx.push_back(PhraseIds(phrase, &v));
  }
  return model;
}

}  // namespace newsx::extract::analysis
