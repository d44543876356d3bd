#pragma once

#include <memory>
#include <string>

#include "newsx/core/analysis.h"
#include "newsx/core/raw_document.h"
#include "newsx/core/result.h"
#include "newsx/extract/html_extractor.h"
#include "newsx/extract/text_analyzer.h"

namespace newsx::extract {

struct ExtractorOptions {
  HtmlExtractOptions html;
  AnalyzerOptions analyzer;
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
  // those of ExtractArticle().
  Result<ExtractedArticle> Extract(const RawDocument& doc) const;

  // Plain text -> the same record (the article's text is the NFC-normalized
  // input). Returns kInvalidArgument for text that is not valid UTF-8 after
  // repair or is empty.
  Result<ExtractedArticle> ExtractText(const TextInput& input) const;

 private:
  ArticleExtractor(const ExtractorOptions& options, std::unique_ptr<TextAnalyzer> analyzer);

  ExtractorOptions options_;
  std::unique_ptr<TextAnalyzer> analyzer_;
};

}  // namespace newsx::extract
