#include "nlp/sentence_atoms.h"

namespace newsx::extract::nlp {

std::vector<std::string_view> FormsOf(const TreebankSentence& s) {
  std::vector<std::string_view> forms;
  forms.reserve(s.words.size());
  for (const TreebankWord& w : s.words) forms.push_back(w.form);
  return forms;
}

SentenceAtoms AtomsOf(const TreebankSentence& s) {
  const std::vector<std::string_view> forms = FormsOf(s);
  SentenceAtoms a;
  a.words.resize(forms.size());
  std::string scratch;
  ComputeWordAtoms(forms, &scratch, a.words);
  a.mode = ClassifySentenceCase(a.words, forms);
  return a;
}

}  // namespace newsx::extract::nlp
