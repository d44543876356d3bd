#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/extract/language_models.h"
#include "text/tokenizer.h"

namespace newsx::extract::analysis {

// The part-of-speech tags, lemmas and dependency trees of a document's
// sentences, indexed by token of the text layer. Built once per document by
// Parse(); read by the entity and event stages.
class DocParse {
 public:
  // Tags and parses every sentence of `t` with `models`. In a headline set
  // in title case, the capitalized words outside `names` (true for the
  // tokens of name mentions; may be empty) are given to the tagger in lower
  // case, as running text writes them. Thread-compatible: one DocParse per
  // document.
  // Only the sentences flagged in `wanted` (one flag per sentence; empty
  // for all) are parsed; the others keep tag X, no head and no relation.
  void Parse(const nlp::LanguageModels& models, const TokenizedText& t,
             const std::vector<bool>& names, const std::vector<bool>& wanted);
  bool empty() const { return tags_.empty(); }

  nlp::Upos tag(std::uint32_t i) const { return tags_[i]; }
  std::string_view xpos(std::uint32_t i) const { return xpos_[i]; }
  std::string_view lemma(std::uint32_t i) const { return lemmas_[i]; }
  // The head token, or -1 for a sentence's root.
  std::int32_t head(std::uint32_t i) const { return heads_[i]; }
  // The relation to the head, with subtype ("nsubj:pass", "obl:agent").
  std::string_view rel(std::uint32_t i) const { return rels_[i]; }
  // The relation without subtype ("obl" for "obl:agent").
  std::string_view base_rel(std::uint32_t i) const {
    const std::string_view r = rels_[i];
    return r.substr(0, r.find(':'));
  }
  // The dependents of token i, in text order.
  const std::uint32_t* children_begin(std::uint32_t i) const { return children_.data() + child_begin_[i]; }
  const std::uint32_t* children_end(std::uint32_t i) const { return children_.data() + child_begin_[i + 1]; }
  // The first dependent of i with relation `rel` (or its base relation), or -1.
  std::int32_t Child(std::uint32_t i, std::string_view rel) const;
  // The lower-case word of i's "case" or "mark" dependent ("in" for "in
  // Arizona"), or empty.
  std::string_view CaseOf(std::uint32_t i) const;
  // True when verb i is passive ("were approved", "approved by").
  bool IsPassive(std::uint32_t i) const;
  // Tokens [first, end) of the subtree of i (contiguous in projective trees;
  // the span from its leftmost to its rightmost descendant otherwise).
  void Subtree(std::uint32_t i, std::uint32_t* first, std::uint32_t* end) const;
  // True when `a` is `b` or lies in b's subtree.
  bool Dominates(std::uint32_t b, std::uint32_t a) const;

 private:
  // Tags and attaches the name asides left out of sentence s's parse
  // (`hidden`, one flag per token of s) to the name before them.
  void AttachAsides(const TokenizedText& t, const Sentence& s, const std::vector<std::uint8_t>& hidden);

  std::vector<nlp::Upos> tags_;
  std::vector<std::string> xpos_;
  std::vector<std::string> lemmas_;
  std::vector<std::int32_t> heads_;
  std::vector<std::string_view> rels_;
  std::vector<std::uint32_t> child_begin_;
  std::vector<std::uint32_t> children_;
  std::vector<std::uint32_t> left_, right_;  // Subtree extent per token.
};

}  // namespace newsx::extract::analysis
