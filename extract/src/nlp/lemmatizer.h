#pragma once

// Lemmas learned from the treebanks' lemma column, given the word's Penn
// tag: a lexicon of the training words (their most frequent lemma), then
// suffix rewrite rules for any other word ("-ies" NNS -> "-y", "-ed" VBD ->
// "", "-ving" VBG -> "-ve"), chosen by the longest suffix (up to
// kMaxRuleSuffix characters) whose rule the training words support. Proper
// nouns keep their case; other lemmas are lower case.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/hash_index.h"
#include "nlp/model_format.h"

namespace newsx::extract::nlp {

inline constexpr int kMaxRuleSuffix = 6;

// Thread-safe once built.
class Lemmatizer {
 public:
  // Collects training words, then learns. Not thread-safe.
  class Builder {
   public:
    void Add(std::string_view form, std::uint8_t xpos, std::string_view lemma);
    Lemmatizer Build(std::size_t num_xpos) const;

   private:
    // (xpos, form) -> lemma -> tokens.
    std::map<std::pair<std::uint8_t, std::string>, std::map<std::string, std::uint32_t>> seen_;
  };

  // Appends the lemma of `form` tagged `xpos` to `out`. `scratch` is reused.
  void Lemmatize(std::string_view form, std::uint8_t xpos, std::string* scratch,
                 std::string* out) const;

  void Serialize(ModelWriter* w) const;
  static bool Deserialize(ModelReader* r, Lemmatizer* out);
  std::size_t bytes() const {
    return words_.bytes() + rules_.bytes() + pool_.size() + ends_.size() * 4;
  }

 private:
  // The form rules and the lexicon read: lower-cased unless the tag keeps
  // case; quotes normalized.
  void Source(std::string_view form, std::uint8_t xpos, std::string* out) const;
  std::string_view PoolString(std::uint32_t id) const;

  std::vector<std::uint8_t> keep_case_;  // Per xpos.
  HashIndex words_;  // Hash(xpos, source) -> pool string id of the lemma.
  HashIndex rules_;  // Hash(xpos, suffix) -> strip bytes << 24 | pool id.
  std::string pool_;
  std::vector<std::uint32_t> ends_;  // End of pool string i.
};

}  // namespace newsx::extract::nlp
