// libFuzzer target: a user lexicon or rule file, parsed and compiled
// (phrase matcher, rule contexts) on its own; then the analyzer (names,
// quantities, dates and events) over text. Input: one byte choosing the
// file kind, the file's content, NUL, the text to analyse. A malformed file
// must be an error naming it, never a crash.
//
// The file is compiled without the built-in lexicons, and the text is
// analysed by one analyzer built from the built-ins: building both together
// (TextAnalyzer::Create) takes most of a second, which would leave a short
// CI run a few dozen inputs.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "analysis/analysis_model.h"
#include "fuzz_input.h"
#include "newsx/extract/text_analyzer.h"

namespace {

const newsx::extract::TextAnalyzer& BuiltinAnalyzer() {
  static const std::unique_ptr<newsx::extract::TextAnalyzer> analyzer =
      std::move(newsx::extract::TextAnalyzer::Create({})).value();
  return *analyzer;
}

}  // namespace

// Builds the analyzer before the first input, so that its second or so
// (more under ASan on a loaded machine) does not count against -timeout.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)BuiltinAnalyzer();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* kKinds[] = {"chips", "orgs", "places", "persons", "titles", "words", "events"};
  const std::string name = std::string(kKinds[data[0] % 7]) + "-fuzz.tsv";
  auto [content, text] = newsx::fuzz::SplitAtNul(newsx::fuzz::AsText(data + 1, size - 1));
  const newsx::extract::analysis::LexiconSource file{name, content};
  auto model = newsx::extract::analysis::BuildAnalysisModel({&file, 1});
  if (!model.ok() && model.status().message().find(name) == std::string::npos) __builtin_trap();
  newsx::ExtractedArticle x;
  x.article.id = "fuzz";
  x.article.published = "2026-01-28T09:30:00Z";
  x.article.text = std::string(text.substr(0, 4096));
  BuiltinAnalyzer().Analyze(&x);
  return 0;
}
