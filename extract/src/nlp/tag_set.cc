#include "nlp/tag_set.h"

#include <array>

#include "nlp/hashing.h"

namespace newsx::extract::nlp {
namespace {

constexpr std::array<std::string_view, kUposCount> kUposNames = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

}  // namespace

std::string_view UposName(Upos tag) {
  const auto i = static_cast<std::size_t>(tag);
  return i < kUposNames.size() ? kUposNames[i] : std::string_view("X");
}

bool UposFromName(std::string_view name, Upos* tag) {
  for (std::size_t i = 0; i < kUposNames.size(); ++i) {
    if (kUposNames[i] == name) {
      *tag = static_cast<Upos>(i);
      return true;
    }
  }
  return false;
}

int TagSet::FindXpos(std::string_view name) const {
  for (std::size_t i = 0; i < xpos_names_.size(); ++i) {
    if (xpos_names_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

int TagSet::Find(Upos upos, std::string_view xpos) const {
  const int x = FindXpos(xpos);
  if (x < 0) return -1;
  for (std::size_t i = 0; i < upos_.size(); ++i) {
    if (upos_[i] == upos && xpos_[i] == x) return static_cast<int>(i);
  }
  return -1;
}

int TagSet::Add(Upos upos, std::string_view xpos) {
  if (const int found = Find(upos, xpos); found >= 0) return found;
  if (upos_.size() >= kMaxTags) return -1;
  int x = FindXpos(xpos);
  if (x < 0) {
    if (xpos_names_.size() >= kMaxXpos) return -1;
    x = static_cast<int>(xpos_names_.size());
    xpos_names_.emplace_back(xpos);
  }
  upos_.push_back(upos);
  xpos_.push_back(static_cast<std::uint8_t>(x));
  return static_cast<int>(upos_.size() - 1);
}

std::uint64_t TagSet::Fingerprint() const {
  ModelWriter w;
  Serialize(&w);
  return HashBytes(w.bytes());
}

void TagSet::Serialize(ModelWriter* w) const {
  std::vector<std::uint8_t> upos(upos_.size());
  for (std::size_t i = 0; i < upos_.size(); ++i) upos[i] = static_cast<std::uint8_t>(upos_[i]);
  w->Array(upos);
  w->Array(xpos_);
  w->Strings(xpos_names_);
}

bool TagSet::Deserialize(ModelReader* r, TagSet* out) {
  std::vector<std::uint8_t> upos;
  if (!r->Array(&upos) || !r->Array(&out->xpos_) || !r->Strings(&out->xpos_names_)) return false;
  if (upos.empty() || upos.size() > kMaxTags || upos.size() != out->xpos_.size() ||
      out->xpos_names_.size() > kMaxXpos) {
    return r->Fail("bad tag set");
  }
  out->upos_.clear();
  for (std::size_t i = 0; i < upos.size(); ++i) {
    if (upos[i] >= kUposCount || out->xpos_[i] >= out->xpos_names_.size()) {
      return r->Fail("bad tag");
    }
    out->upos_.push_back(static_cast<Upos>(upos[i]));
  }
  return true;
}

}  // namespace newsx::extract::nlp
