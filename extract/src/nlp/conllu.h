#pragma once

// CoNLL-U treebank text (Universal Dependencies) read into sentences, for
// training and evaluation. Only the basic tree is read; empty nodes
// (decimal ids) and the enhanced graph are skipped.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/core/result.h"

namespace newsx::extract::nlp {

// One syntactic word.
struct TreebankWord {
  std::string form;
  std::string lemma;
  std::string upos;
  std::string xpos;
  std::string deprel;   // Basic relation with its subtype ("nsubj:pass").
  std::int32_t head = -1;  // 0-based index of the head word; -1 for the root.
  bool space_after = true;  // False for MISC SpaceAfter=No.
};

// A surface token spelled as several syntactic words ("don't" = do + n't).
struct MultiwordToken {
  std::int32_t first = 0;  // Word range [first, last], 0-based.
  std::int32_t last = 0;
  std::string form;
  bool space_after = true;
};

struct TreebankSentence {
  std::vector<TreebankWord> words;
  std::vector<MultiwordToken> multiwords;  // In order, not overlapping.
};

// Parses CoNLL-U text. Returns kInvalidArgument naming the line of a
// malformed word line (too few columns, a bad id or head, a head outside
// the sentence). Comment lines are ignored. `text` need only live for the
// call.
Result<std::vector<TreebankSentence>> ReadConllu(std::string_view text);

// Writes `sentences` as CoNLL-U (ids from 1; unknown columns "_").
std::string WriteConllu(const std::vector<TreebankSentence>& sentences);

}  // namespace newsx::extract::nlp
