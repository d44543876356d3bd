#pragma once

// The tagger's classes: joint (UPOS, XPOS) pairs as the treebanks use them
// ("VERB VBN", "PRON WDT", "SCONJ IN"), so that one decision yields both the
// universal tag and the finer Penn tag the parser and lemmatizer need.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/extract/language_models.h"
#include "nlp/model_format.h"

namespace newsx::extract::nlp {

inline constexpr std::size_t kMaxTags = 128;  // Tag masks are 128 bits.
inline constexpr std::size_t kMaxXpos = 255;

// Thread-compatible; immutable once built.
class TagSet {
 public:
  // The id of (upos, xpos), adding it if new; -1 once kMaxTags are taken.
  int Add(Upos upos, std::string_view xpos);
  // The id of (upos, xpos), or -1.
  int Find(Upos upos, std::string_view xpos) const;

  std::size_t size() const { return upos_.size(); }
  Upos upos(std::size_t tag) const { return upos_[tag]; }
  std::uint8_t xpos(std::size_t tag) const { return xpos_[tag]; }
  std::string_view xpos_name(std::uint8_t id) const {
    return id < xpos_names_.size() ? std::string_view(xpos_names_[id]) : std::string_view();
  }
  std::size_t num_xpos() const { return xpos_names_.size(); }
  // The id of an XPOS name, or -1.
  int FindXpos(std::string_view name) const;

  // A hash of the whole set: the parser checks it was trained with the
  // tagger it is loaded with.
  std::uint64_t Fingerprint() const;

  void Serialize(ModelWriter* w) const;
  static bool Deserialize(ModelReader* r, TagSet* out);

 private:
  std::vector<Upos> upos_;
  std::vector<std::uint8_t> xpos_;
  std::vector<std::string> xpos_names_;
};

}  // namespace newsx::extract::nlp
