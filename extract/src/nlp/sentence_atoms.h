#pragma once

// A treebank sentence as the models see it at run time: word atoms and the
// sentence's case style, computed from its forms.

#include <string>
#include <string_view>
#include <vector>

#include "nlp/conllu.h"
#include "nlp/word_atoms.h"

namespace newsx::extract::nlp {

struct SentenceAtoms {
  std::vector<WordAtoms> words;
  SentenceCase mode = SentenceCase::kNormal;
};

SentenceAtoms AtomsOf(const TreebankSentence& s);

// The forms of `s` as views into it.
std::vector<std::string_view> FormsOf(const TreebankSentence& s);

}  // namespace newsx::extract::nlp
