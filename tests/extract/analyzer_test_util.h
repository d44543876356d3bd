#pragma once

// Helpers shared by the analyzer tests: run the analyzer on text, read
// fixture files, look entities up by id.

#include <catch2/catch.hpp>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "newsx/core/analysis.h"
#include "newsx/extract/text_analyzer.h"
#include "newsx/extract/text_normalizer.h"

namespace newsx::extract::testing {

// One analyzer for the whole test binary: Create() compiles the lexicons.
inline const TextAnalyzer& SharedAnalyzer() {
  static const std::unique_ptr<TextAnalyzer> analyzer = [] {
    auto created = TextAnalyzer::Create(AnalyzerOptions{});
    REQUIRE(created.ok());
    return std::move(created).value();
  }();
  return *analyzer;
}

inline ExtractedArticle AnalyzeText(const std::string& text, const std::string& published,
                                    const TextAnalyzer& analyzer = SharedAnalyzer()) {
  ExtractedArticle x;
  x.article.id = "test-article";
  x.article.text = NormalizeText(text);
  x.article.published = published;
  analyzer.Analyze(&x);
  return x;
}

inline std::string ReadFixture(const std::string& relative) {
  std::ifstream in(std::string(NEWSX_FIXTURES_DIR) + "/" + relative, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline const Entity* FindEntity(const ExtractedArticle& x, const std::string& id) {
  for (const Entity& e : x.entities) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

}  // namespace newsx::extract::testing
