#pragma once

// The sentences the models learn from: the treebanks' own, plus variants
// that look like what newsx feeds the models at run time.
//  - Tokens as newsx's tokenizer makes them: contractions it keeps whole
//    ("don't", "I'm", "cannot") become one word that takes the role of
//    their main part, and tokens it splits ("...", URLs) become several,
//    the extra pieces attached to the first (punct, goeswith).
//  - Headlines: a few sentences in capitals or in title case, so that case
//    alone does not make every word a proper noun.
// The variants are chosen by a seeded generator: the same input and seed
// give the same corpus.

#include <cstdint>
#include <vector>

#include "nlp/conllu.h"

namespace newsx::extract::nlp {

struct CorpusOptions {
  bool newsx_tokens = true;  // Add the newsx-tokenized variant where it differs.
  double upper_rate = 0.04;  // Share of sentences added again in capitals.
  double title_rate = 0.03;  // ... and in title case.
  std::uint64_t seed = 1;
};

// The input sentences followed by their variants. If `origins` is given,
// (*origins)[i] is the index in `in` of the sentence out[i] comes from.
std::vector<TreebankSentence> AugmentCorpus(const std::vector<TreebankSentence>& in,
                                            const CorpusOptions& options,
                                            std::vector<std::size_t>* origins = nullptr);

// `in` as newsx's tokenizer would split its text; false (and *out
// untouched) if that is the treebank's own tokenization.
bool RetokenizeLikeNewsx(const TreebankSentence& in, TreebankSentence* out);

// Upper-cases (Unicode) every form.
void UppercaseForms(TreebankSentence* s);
// Capitalizes the first letter of every form.
void TitlecaseForms(TreebankSentence* s);

}  // namespace newsx::extract::nlp
