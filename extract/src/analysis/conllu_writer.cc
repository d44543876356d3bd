#include "analysis/conllu_writer.h"

#include <vector>

#include "ner/ner_labels.h"

namespace newsx::extract::analysis {

namespace {

// CoNLL-U fields may hold no tab, newline or space.
std::string Field(std::string_view s) {
  std::string out;
  for (const char c : s) out.push_back(c == '\t' || c == '\n' || c == '\r' || c == ' ' ? '_' : c);
  return out.empty() ? "_" : out;
}

}  // namespace

std::string RenderConllu(const DocState& d) {
  // The tagger's BIO label of each token.
  std::vector<std::string> name(d.size());
  for (const ner::NerSpan& s : d.names) {
    const std::string type(ner::kNerTypeNames[static_cast<std::size_t>(s.type)]);
    for (std::uint32_t i = s.first; i < s.end; ++i) name[i] = (i == s.first ? "B-" : "I-") + type;
  }
  std::string out;
  for (const Sentence& s : d.tt.sentences) {
    std::string text(d.Text(s.first, s.end));
    for (char& c : text) {
      if (c == '\n') c = ' ';
    }
    out += "# text = " + text + "\n";
    for (std::uint32_t i = s.first; i < s.end; ++i) {
      const bool parsed = !d.parse.empty();
      const std::int32_t head = parsed ? d.parse.head(i) : -1;
      out += std::to_string(i - s.first + 1) + "\t" + Field(TokenText(d.tt, d.tok(i))) + "\t";
      out += (parsed ? Field(d.parse.lemma(i)) : "_") + "\t";
      out += (parsed ? std::string(nlp::UposName(d.parse.tag(i))) : "_") + "\t";
      out += (parsed ? Field(d.parse.xpos(i)) : "_") + "\t_\t";
      out += (parsed ? std::to_string(head < 0 ? 0 : head - static_cast<std::int32_t>(s.first) + 1) : "_");
      out += "\t" + (parsed ? Field(d.parse.rel(i)) : "_") + "\t_\t";
      std::string misc;
      if (!name[i].empty()) misc += "Name=" + name[i] + "|";
      if (const std::int32_t e = d.EntityAt(i); e >= 0) {
        misc += "Entity=" + Field(d.entities[static_cast<std::size_t>(e)].id) + "|";
      }
      misc += "Span=" + std::to_string(d.tok(i).cp_begin) + "-" + std::to_string(d.tok(i).cp_end);
      out += misc + "\n";
    }
    out += "\n";
  }
  return out;
}

}  // namespace newsx::extract::analysis
