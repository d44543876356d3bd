#pragma once

// Trained English language models: a part-of-speech tagger with a
// lemmatizer, and a labeled dependency parser (Universal Dependencies),
// learned from the UD English EWT and GUM treebanks (see models/README.md
// and docs/models.md). The shipped models are compiled into the binary.
//
//   auto models = nlp::LanguageModels::LoadBuiltin();   // once, at start-up
//   nlp::ParsedSentence s;
//   (*models)->Analyze(words, &s);                      // per sentence, any thread
//   s.tags[i], s.lemma(i), s.heads[i], (*models)->LabelName(s.labels[i])
//
// Words are the tokens of one sentence as the text layer makes them
// (hyphens and possessive "'s" split, "don't", "U.S." and "1,234.5" whole);
// other tokenizations work too (the models are also trained on the
// treebanks' own). Any input is accepted: time and memory are linear in the
// number and length of the words, and nothing crashes (empty sentences,
// thousands of tokens, all capitals, any script).

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/core/result.h"

namespace newsx::extract::nlp {

// The 17 universal part-of-speech tags, in the UD documentation's order.
enum class Upos : std::uint8_t {
  kAdj, kAdp, kAdv, kAux, kCconj, kDet, kIntj, kNoun, kNum,
  kPart, kPron, kPropn, kPunct, kSconj, kSym, kVerb, kX,
};
inline constexpr int kUposCount = 17;

// "ADJ", "ADP", ... "X".
std::string_view UposName(Upos tag);

// The tag named `name` ("NOUN"); false if none is.
bool UposFromName(std::string_view name, Upos* tag);

// Tags, lemmas and tree of one sentence; index i is the i-th input word.
// Reuse one object across calls to save allocations. Thread-compatible.
struct ParsedSentence {
  std::vector<Upos> tags;
  // Penn Treebank tag ("VBN", "NNP", "WDT"...) ids: LanguageModels::XposName().
  std::vector<std::uint8_t> xpos;
  // Head word index, -1 for the sentence's root (exactly one word has -1
  // when the sentence is not empty). Filled by Parse().
  std::vector<std::int32_t> heads;
  // Relation to the head (UD deprel with subtype: "nsubj:pass", "obl:agent",
  // "acl:relcl", "compound:prt", "root"...): LanguageModels::LabelName().
  std::vector<std::uint16_t> labels;

  // Lemma of word i: lower case except for proper nouns ("approved" ->
  // "approve", "companies" -> "company", "Americans" -> "American").
  std::string_view lemma(std::size_t i) const {
    const std::uint32_t begin = i == 0 ? 0 : lemma_ends[i - 1];
    return std::string_view(lemma_text).substr(begin, lemma_ends[i] - begin);
  }
  std::size_t size() const { return tags.size(); }

  // Storage of the lemmas (lemma(i) reads them).
  std::string lemma_text;
  std::vector<std::uint32_t> lemma_ends;
};

// Sizes of the loaded models.
struct LanguageModelsInfo {
  std::size_t tagger_bytes = 0;  // Size of the model file.
  std::size_t parser_bytes = 0;
  std::size_t memory_bytes = 0;  // Tables in memory once loaded.
  std::size_t tags = 0;          // Joint (UPOS, XPOS) tags the tagger predicts.
  std::size_t labels = 0;
};

// The tagger, lemmatizer and parser. Immutable once loaded; thread-safe:
// one instance serves every worker (each call uses its own scratch memory).
class LanguageModels {
 public:
  // The models shipped in models/ (en-pos.bin, en-dep.bin), compiled into
  // the binary. Takes well under a second. Returns kInvalidArgument only if
  // the build embedded a corrupt file.
  static Result<std::unique_ptr<LanguageModels>> LoadBuiltin();

  // Models from the bytes of a tagger file and a parser file (as the
  // training command writes them). The bytes are copied; they need only
  // live for the call. Returns kInvalidArgument for bytes that are not
  // such a model (wrong magic, version or kind, truncated, inconsistent).
  static Result<std::unique_ptr<LanguageModels>> Load(std::string_view pos_model,
                                                      std::string_view dep_model);
  ~LanguageModels();

  // Fills out->tags, out->xpos and the lemmas for `words`; clears heads and
  // labels. `words` need only live for the call.
  void Tag(std::span<const std::string_view> words, ParsedSentence* out) const;

  // Fills inout->heads and inout->labels from the words and the tags that
  // Tag() put in *inout. REQUIRES: inout->size() == words.size().
  void Parse(std::span<const std::string_view> words, ParsedSentence* inout) const;

  // Tag() then Parse(). `names`, if given (one flag per word), marks the
  // words of names found by other means (lexicons, the name tagger): they
  // are tagged as nominal where the tagger's dictionary allows it.
  void Analyze(std::span<const std::string_view> words, ParsedSentence* out,
               std::span<const std::uint8_t> names = {}) const;

  // Name of a label id ("nsubj:pass"); "" for an id out of range.
  std::string_view LabelName(std::uint16_t label) const;
  // Id of a label name, or kNoLabel.
  std::uint16_t LabelId(std::string_view name) const;
  static constexpr std::uint16_t kNoLabel = 0xFFFF;
  std::size_t num_labels() const;

  // Name of an XPOS id ("VBN"); "" for an id out of range.
  std::string_view XposName(std::uint8_t xpos) const;

  LanguageModelsInfo info() const;

 private:
  struct Impl;
  explicit LanguageModels(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsx::extract::nlp
