#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ner/ner_labels.h"
#include "newsx/core/result.h"

namespace newsx::extract::ner {

// A name over words [first, end) of an annotated sentence.
struct WordSpan {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  NerType type = NerType::kMisc;
};

// One sentence of a training or test corpus, in the corpus's own words.
struct AnnotatedSentence {
  std::vector<std::string> words;
  std::vector<WordSpan> names;
  bool doc_start = false;  // The first sentence of a document.
};

// Reads CoNLL name annotation: "WORD<TAB>TAG" a line, a blank line between
// sentences, "-DOCSTART-" lines ignored. Tags are BIO (or IOB1: an I- tag
// after O or after another type opens a name) over PER, ORG, LOC, MISC.
// Returns kInvalidArgument naming the line of a malformed one.
Result<std::vector<AnnotatedSentence>> ReadConll(std::string_view text);

// Reads the named entities of a CoNLL-U file with GUM's entity layer (MISC
// "Entity=", CoNLL-2012 brackets). GUM marks every mention, names or not
// ("the company", "she"); a mention counts as a name when its head word is
// a proper noun, and the name is the run of proper nouns (with "of", "and",
// "the", "&" between them) around that head, less leading titles
// ("President"). Types: person -> PER, organization -> ORG, place -> LOC;
// named events, objects and abstractions -> MISC; others are not names.
Result<std::vector<AnnotatedSentence>> ReadGumEntities(std::string_view conllu);

}  // namespace newsx::extract::ner
