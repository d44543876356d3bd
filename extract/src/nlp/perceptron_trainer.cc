#include "nlp/perceptron_trainer.h"

#include <algorithm>

#include "nlp/hashing.h"

namespace newsx::extract::nlp {

PerceptronTrainer::PerceptronTrainer(std::uint32_t num_classes)
    : num_classes_(num_classes), slots_(1u << 16) {}

std::size_t PerceptronTrainer::Index(std::uint64_t feature, std::uint32_t cls) const {
  return static_cast<std::size_t>(Mix64(feature + cls * 0x9e3779b97f4a7c15ULL)) &
         (slots_.size() - 1);
}

void PerceptronTrainer::Score(std::span<const std::uint64_t> features,
                              std::span<const std::uint16_t> classes,
                              std::span<float> scores) const {
  const std::size_t mask = slots_.size() - 1;
  for (const std::uint64_t f : features) {
    for (const std::uint16_t c : classes) {
      for (std::size_t i = Index(f, c);; i = (i + 1) & mask) {
        const Slot& s = slots_[i];
        if (s.cls == kEmpty) break;
        if (s.feature == f && s.cls == c) {
          scores[c] += s.w;
          break;
        }
      }
    }
  }
}

PerceptronTrainer::Slot* PerceptronTrainer::FindOrInsert(std::uint64_t feature,
                                                         std::uint32_t cls) {
  if ((used_ + 1) * 2 > slots_.size()) Grow();
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = Index(feature, cls);; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.cls == kEmpty) {
      s.feature = feature;
      s.cls = cls;
      ++used_;
      return &s;
    }
    if (s.feature == feature && s.cls == cls) return &s;
  }
}

void PerceptronTrainer::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.size() * 2, Slot());
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.cls == kEmpty) continue;
    std::size_t i = Index(s.feature, s.cls);
    while (slots_[i].cls != kEmpty) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

void PerceptronTrainer::Update(std::span<const std::uint64_t> features, std::uint32_t cls,
                               float delta) {
  const double t = static_cast<double>(step_);
  for (const std::uint64_t f : features) {
    Slot* s = FindOrInsert(f, cls);
    s->w += delta;
    s->u += t * delta;
  }
}

std::vector<AveragedWeight> PerceptronTrainer::Averaged() const {
  std::vector<AveragedWeight> out;
  out.reserve(used_);
  const double t = static_cast<double>(step_);
  for (const Slot& s : slots_) {
    if (s.cls == kEmpty) continue;
    const auto avg = static_cast<float>(s.w - s.u / t);
    if (avg != 0) out.push_back(AveragedWeight{s.feature, s.cls, avg});
  }
  std::sort(out.begin(), out.end(), [](const AveragedWeight& a, const AveragedWeight& b) {
    return a.feature != b.feature ? a.feature < b.feature : a.cls < b.cls;
  });
  return out;
}

}  // namespace newsx::extract::nlp
