#include "newsx/extract/text_analyzer.h"

#include <utility>

namespace newsx::extract {

// Placeholder until the entity, quantity and event recognizers land.
struct TextAnalyzer::Impl {};

Result<std::unique_ptr<TextAnalyzer>> TextAnalyzer::Create(const AnalyzerOptions&) {
  return std::unique_ptr<TextAnalyzer>(new TextAnalyzer(std::make_unique<Impl>()));
}

TextAnalyzer::TextAnalyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TextAnalyzer::~TextAnalyzer() = default;

void TextAnalyzer::Analyze(ExtractedArticle*) const {}

}  // namespace newsx::extract
