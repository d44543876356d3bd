#include "newsx/extract/text_analyzer.h"

#include <utility>

#include "analysis/analysis_model.h"
#include "analysis/builtin_lexicons.h"
#include "analysis/date_resolver.h"
#include "analysis/doc_state.h"
#include "analysis/entity_recognizer.h"
#include "analysis/conllu_writer.h"
#include "analysis/event_assembler.h"
#include "analysis/quantity_linker.h"
#include "newsx/core/time_format.h"
#include "text/english_check.h"

namespace newsx::extract {

namespace {

// The language identified from the text decides (article.lang); for text
// too short to identify, the declared language, and failing that the share
// of English function words (text::LooksEnglish).
bool IsEnglish(const Article& a, const text::TokenizedText& tt) {
  if (!a.lang.empty()) return a.lang == "en";
  return text::LooksEnglish(tt);
}

}  // namespace

struct TextAnalyzer::Impl {
  std::unique_ptr<analysis::AnalysisModel> model;
  std::vector<analysis::DateWord> date_words;
  std::unique_ptr<QuantityExtractor> quantities;
};

std::vector<LexiconFile> TextAnalyzer::BuiltinLexicons() {
  std::vector<LexiconFile> out;
  for (const EmbeddedFile& f : analysis::BuiltinLexiconFiles()) {
    out.push_back(LexiconFile{std::string(f.name), std::string(f.content)});
  }
  return out;
}

Result<std::unique_ptr<TextAnalyzer>> TextAnalyzer::Create(const AnalyzerOptions& options) {
  std::vector<analysis::LexiconSource> files;
  for (const EmbeddedFile& f : analysis::BuiltinLexiconFiles())
    files.push_back({f.name, f.content});
  for (const LexiconFile& f : options.lexicons) files.push_back({f.name, f.content});
  auto impl = std::make_unique<Impl>();
  NEWSX_ASSIGN_OR_RETURN(impl->model, analysis::BuildAnalysisModel(files));
  for (const EmbeddedFile& f : analysis::BuiltinModelFiles()) {
    if (f.name != "en-ner.bin" || !options.trained_models) continue;
    auto names = ner::NerModel::Load(f.content);
    if (!names.ok()) return InternalError("built-in model en-ner.bin: " + names.status().message());
    impl->model->names = std::move(names).value();
  }
  if (options.trained_models) {
    NEWSX_ASSIGN_OR_RETURN(impl->model->language, nlp::LanguageModels::LoadBuiltin());
  }
  impl->date_words = analysis::BuildDateWords(&impl->model->vocab);
  NEWSX_ASSIGN_OR_RETURN(impl->quantities, QuantityExtractor::Create(QuantityOptions{}));
  return std::unique_ptr<TextAnalyzer>(new TextAnalyzer(std::move(impl)));
}

TextAnalyzer::TextAnalyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TextAnalyzer::~TextAnalyzer() = default;

void TextAnalyzer::Analyze(ExtractedArticle* x) const { AnalyzeStages(x, /*with_events=*/true); }

void TextAnalyzer::AnalyzeStages(ExtractedArticle* x, bool with_events) const {
  analysis::DocState d(*impl_->model, x->article.text);
  Run(&d, x, with_events, /*parse_all=*/false);
  x->entities = d.Finish();
}

std::string TextAnalyzer::Conllu(const ExtractedArticle& article) const {
  ExtractedArticle x = article;
  analysis::DocState d(*impl_->model, x.article.text);
  Run(&d, &x, /*with_events=*/false, /*parse_all=*/true);
  return analysis::RenderConllu(d);
}

void TextAnalyzer::Run(analysis::DocState* dp, ExtractedArticle* x, bool with_events,
                       bool parse_all) const {
  analysis::DocState& d = *dp;
  x->dates.clear();
  x->quantities.clear();
  x->events.clear();
  // The stages below know English only: "36 etapas" is no quantity.
  if (!IsEnglish(x->article, d.tt)) return;
  analysis::MatchLexicon(&d);
  analysis::FindChipsByRule(&d);
  // Firms found by their cues ("Zhonghao Technologies Ltd", "chipmaker
  // Piotech") are surer than the tagger's guess of a type.
  analysis::FindOrgsByRule(&d);
  analysis::FindProcessorFamilies(&d);
  analysis::RecognizeNames(&d);
  analysis::LinkNames(&d);
  analysis::FindCityRegionPairs(&d);
  analysis::FindPersons(&d);
  analysis::DropCurrencyPrefixes(&d);
  analysis::ResolveCoreference(&d);
  if (impl_->model->language && (with_events || parse_all)) {
    // After the names: a title-case headline is parsed with its other
    // words in lower case (DocParse::Parse). Only the events read the
    // parse, so only sentences that may hold a trigger are parsed.
    std::vector<bool> names(d.size(), false);
    for (std::uint32_t i = 0; i < d.size(); ++i) names[i] = d.covered[i] >= 0;
    std::vector<bool> wanted(d.tt.sentences.size(), parse_all);
    if (!parse_all) analysis::MarkTriggerSentences(d, &wanted);
    d.parse.Parse(*impl_->model->language, d.tt, names, wanted);
  }

  std::optional<std::int64_t> published_day;
  if (const auto s = ParseDateTime(x->article.published)) {
    published_day = *s >= 0 ? *s / 86400 : (*s - 86399) / 86400;
  }
  x->dates = analysis::FindDates(&d, impl_->date_words, published_day);
  x->quantities = analysis::FindQuantities(&d, *impl_->quantities);
  x->events.clear();
  if (with_events) x->events = analysis::AssembleEvents(d, x->quantities, x->dates, x->article.id,
                                                      x->article.published);
}

}  // namespace newsx::extract
