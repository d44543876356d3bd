#pragma once

#include <memory>
#include <string>
#include <vector>

#include "newsx/core/analysis.h"
#include "newsx/core/result.h"

namespace newsx::extract {

// A lexicon or rule file's name (e.g. "chips.tsv") and content. Files with
// the same name as a built-in one extend it.
struct LexiconFile {
  std::string name;
  std::string content;
};

struct AnalyzerOptions {
  // Lexicons and rules in addition to the built-in ones.
  std::vector<LexiconFile> lexicons;
};

// Finds entities (with mentions), quantities, dates and events in an
// article's text. Lexicons and patterns are compiled once in Create();
// Analyze() is then a pure function of its input.
// Thread-safe: one instance can serve every worker.
class TextAnalyzer {
 public:
  // Returns kInvalidArgument naming the file and line of a malformed lexicon
  // entry or rule.
  static Result<std::unique_ptr<TextAnalyzer>> Create(const AnalyzerOptions& options);
  ~TextAnalyzer();

  // Reads x->article (text, published, id) and fills x->entities,
  // x->quantities, x->dates and x->events. Never fails: text it does not
  // understand yields fewer findings.
  void Analyze(ExtractedArticle* x) const;

 private:
  struct Impl;
  explicit TextAnalyzer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsx::extract
