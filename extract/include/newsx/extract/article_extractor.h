#pragma once

#include <memory>
#include <string>

#include "newsx/core/analysis.h"
#include "newsx/core/raw_document.h"
#include "newsx/core/result.h"
#include "newsx/extract/article_limits.h"
#include "newsx/extract/html_extractor.h"
#include "newsx/extract/text_analyzer.h"

namespace newsx::extract {

struct ExtractorOptions {
  HtmlExtractOptions html;
  AnalyzerOptions analyzer;
  ArticleLimits limits;  // Text and findings per article.
};

// Metadata for analysing plain text (no HTML).
struct TextInput {
  std::string text;
  std::string title;
  std::string url;        // Optional; the id is derived from it when set.
  std::string published;  // ISO 8601; relative dates resolve against it.
};

// The whole extract stage: page bytes in, ExtractedArticle out.
// Thread-safe: one instance serves every worker.
class ArticleExtractor {
 public:
  static Result<std::unique_ptr<ArticleExtractor>> Create(const ExtractorOptions& options);

  // HTML page -> article, entities, quantities, dates, events. Errors are
  // those of ExtractArticle(). The text and findings are held to
  // options.limits; what was cut is recorded in *truncation when given
  // (the caller decides how to report it: the record itself carries no mark
  // beyond its shorter text).
  Result<ExtractedArticle> Extract(const RawDocument& doc, Truncation* truncation = nullptr) const;

  // Plain text -> the same record (the article's text is the NFC-normalized
  // input), under the same limits. Returns kInvalidArgument for text that
  // is not valid UTF-8 after repair or is empty.
  Result<ExtractedArticle> ExtractText(const TextInput& input,
                                       Truncation* truncation = nullptr) const;

  // The analyzer this extractor runs (e.g. for TextAnalyzer::Conllu()).
  const TextAnalyzer& analyzer() const { return *analyzer_; }

 private:
  ArticleExtractor(const ExtractorOptions& options, std::unique_ptr<TextAnalyzer> analyzer);
  // Caps the text, analyses it, caps the findings.
  void AnalyzeWithinLimits(ExtractedArticle* x, Truncation* truncation) const;

  ExtractorOptions options_;
  std::unique_ptr<TextAnalyzer> analyzer_;
};

}  // namespace newsx::extract
