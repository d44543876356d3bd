#include "newsx/extract/article_extractor.h"

#include <libxml/parser.h>

#include <utility>

#include "newsx/core/hash.h"
#include "newsx/core/url.h"
#include "newsx/extract/language_id.h"
#include "newsx/extract/text_normalizer.h"

namespace newsx::extract {

Result<std::unique_ptr<ArticleExtractor>> ArticleExtractor::Create(
    const ExtractorOptions& options) {
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<TextAnalyzer> analyzer,
                         TextAnalyzer::Create(options.analyzer));
  // Initializes ICU's normalizer singletons here, before any worker thread
  // exists, so that their lazy one-time set-up never happens concurrently.
  NormalizeText("warm-up");
  // The same for libxml2, whose global state (its mutexes among it) is set
  // up on first use: two workers parsing their first pages at once raced
  // there (found by ThreadSanitizer, scripts/tsan.sh). libxml2 asks for
  // xmlInitParser() before threads use it.
  xmlInitParser();
  return std::unique_ptr<ArticleExtractor>(new ArticleExtractor(options, std::move(analyzer)));
}

ArticleExtractor::ArticleExtractor(const ExtractorOptions& options,
                                   std::unique_ptr<TextAnalyzer> analyzer)
    : options_(options), analyzer_(std::move(analyzer)) {}

void ArticleExtractor::AnalyzeWithinLimits(ExtractedArticle* x, Truncation* truncation) const {
  Truncation local;
  Truncation* t = truncation != nullptr ? truncation : &local;
  // Analysis time and memory grow with the text: the cut comes first. The
  // content hash is of the text as stored.
  CapText(options_.limits, x, t);
  if (t->text_bytes_before != 0) x->article.content_hash = ContentHash(x->article.text);
  analyzer_->Analyze(x);
  CapFindings(options_.limits, x, t);
}

Result<ExtractedArticle> ArticleExtractor::Extract(const RawDocument& doc,
                                                   Truncation* truncation) const {
  if (truncation != nullptr) *truncation = Truncation{};
  ExtractedArticle x;
  bool elements_cut = false;
  NEWSX_ASSIGN_OR_RETURN(x.article, ExtractArticle(doc, options_.html, &elements_cut));
  if (elements_cut && truncation != nullptr) {
    truncation->html_elements_limit = options_.html.max_elements;
  }
  AnalyzeWithinLimits(&x, truncation);
  return x;
}

Result<ExtractedArticle> ArticleExtractor::ExtractText(const TextInput& input,
                                                       Truncation* truncation) const {
  if (truncation != nullptr) *truncation = Truncation{};
  ExtractedArticle x;
  x.article.text = NormalizeText(input.text);
  if (x.article.text.find_first_not_of(" \t\n") == std::string::npos) {
    return InvalidArgumentError("input text is empty");
  }
  x.article.title = NormalizeText(input.title);
  x.article.url = input.url;
  x.article.canonical_url = CanonicalizeUrl(input.url);
  x.article.published = input.published;
  x.article.id = ArticleId(x.article.canonical_url.empty() ? x.article.text
                                                          : x.article.canonical_url);
  x.article.content_hash = ContentHash(x.article.text);
  x.article.extractor_version = "text";
  LanguageGuess lang = IdentifyLanguage(x.article.text, "");
  x.article.lang = std::move(lang.code);
  x.article.lang_confidence = lang.confidence;
  AnalyzeWithinLimits(&x, truncation);
  return x;
}

}  // namespace newsx::extract
