#include "nlp/hash_index.h"

namespace newsx::extract::nlp {

HashIndex HashIndex::Build(const std::vector<std::pair<std::uint64_t, std::uint32_t>>& entries) {
  HashIndex h;
  const std::size_t n = entries.size() * 4 / 3 + 2;
  h.slots_.assign(n, Slot());
  for (const auto& [key, value] : entries) {
    const auto check = static_cast<std::uint32_t>(key >> 32);
    for (std::size_t i = BucketIndex(key, n);; i = i + 1 == n ? 0 : i + 1) {
      Slot& s = h.slots_[i];
      if (s.value == kAbsent) {
        s = Slot{check, value};
        ++h.size_;
        break;
      }
      if (s.check == check) break;
    }
  }
  return h;
}

void HashIndex::Serialize(ModelWriter* w) const { w->Array(slots_); }

bool HashIndex::Deserialize(ModelReader* r, HashIndex* out) {
  if (!r->Array(&out->slots_)) return false;
  const std::size_t n = out->slots_.size();
  if (n == 0 || n >= (1ULL << 32)) return r->Fail("bad hash index");
  out->size_ = 0;
  for (const Slot& s : out->slots_) {
    if (s.value == kAbsent) continue;
    ++out->size_;
  }
  if (out->size_ == n) return r->Fail("full hash index");
  return true;
}

}  // namespace newsx::extract::nlp
