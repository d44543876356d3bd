#pragma once

#include <memory>
#include <string>
#include <vector>

#include "newsx/core/analysis.h"
#include "newsx/core/result.h"

namespace newsx::extract {

namespace analysis {
class DocState;
}

// A lexicon or rule file's name (e.g. "chips.tsv") and content. The name's
// prefix says its kind (chips, orgs, places, persons, titles, words, events;
// see the comment header of each built-in file for its columns); user files
// extend the built-ins, and an entity line with a known id replaces it.
// Files whose name does not end in ".tsv" are ignored.
struct LexiconFile {
  std::string name;
  std::string content;
};

struct AnalyzerOptions {
  // Lexicons and rules in addition to the built-in ones. Default: none.
  std::vector<LexiconFile> lexicons;
  // False: lexicons and rules alone, without the trained name tagger and
  // parser (events then read positions only). The baseline the benchmarks
  // measure the trained layer against; not for production. Default: true.
  bool trained_models = true;
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

  // Reads x->article (text, published, id) and replaces x->entities,
  // x->quantities, x->dates and x->events. Spans are code-point offsets into
  // x->article.text (expected NFC, as ArticleExtractor makes it; invalid
  // UTF-8 bytes count one code point each). Relative dates resolve against
  // x->article.published and stay unresolved without it. Never fails: text
  // it does not understand yields fewer findings. REQUIRES: x != nullptr.
  void Analyze(ExtractedArticle* x) const;

  // As Analyze(); with `with_events` false, skips event assembly (x->events
  // is cleared), so that benchmarks can time the stages apart.
  void AnalyzeStages(ExtractedArticle* x, bool with_events) const;

  // The analysis of x.article.text as CoNLL-U, for people writing rules
  // and lexicons: per sentence "# text = ...", then per token ID, FORM,
  // LEMMA, UPOS, XPOS, HEAD, DEPREL and in MISC the tagger's name label
  // (Name=B-ORG), the linked entity (Entity=org:nvidia) and the token's
  // code-point span (Span=0-6). Does not change `x`.
  std::string Conllu(const ExtractedArticle& x) const;

  // The built-in lexicon and rule files (the repository's lexicons/*.tsv,
  // compiled into the binary), e.g. for `newsx` to list or copy them.
  static std::vector<LexiconFile> BuiltinLexicons();

 private:
  struct Impl;
  // `parse_all`: parse every sentence (CoNLL-U output), not only those the
  // events read.
  void Run(analysis::DocState* d, ExtractedArticle* x, bool with_events, bool parse_all) const;
  explicit TextAnalyzer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsx::extract
