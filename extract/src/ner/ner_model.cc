#include "ner/ner_model.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace newsx::extract::ner {

namespace {

constexpr std::string_view kMagic = "NXNER001";
constexpr std::size_t kT = kNerLabels + 1;  // Transition matrix side.

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}
  bool ok() const { return ok_; }
  template <typename T>
  T Get() {
    T v{};
    if (pos_ + sizeof(T) > s_.size()) {
      ok_ = false;
      return v;
    }
    unsigned char b[sizeof(T)];
    std::memcpy(b, s_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    // Little-endian on disk, whatever the host.
    std::uint64_t u = 0;
    for (std::size_t i = sizeof(T); i-- > 0;) u = (u << 8) | b[i];
    if constexpr (std::is_same_v<T, float>) {
      const auto bits = static_cast<std::uint32_t>(u);
      std::memcpy(&v, &bits, sizeof(v));
    } else {
      v = static_cast<T>(u);
    }
    return v;
  }
  std::string_view Bytes(std::size_t n) {
    if (pos_ + n > s_.size()) {
      ok_ = false;
      return {};
    }
    const std::string_view out = s_.substr(pos_, n);
    pos_ += n;
    return out;
  }
  bool at_end() const { return pos_ == s_.size(); }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

template <typename T>
void Put(std::string* out, T v) {
  std::uint64_t u;
  if constexpr (std::is_same_v<T, float>) {
    std::uint32_t bits;
    std::memcpy(&bits, &v, sizeof(bits));
    u = bits;
  } else {
    u = static_cast<std::uint64_t>(v);
  }
  for (std::size_t i = 0; i < sizeof(T); ++i) out->push_back(static_cast<char>((u >> (8 * i)) & 0xff));
}

}  // namespace

std::string NerModel::Serialize(const Weights& w) {
  std::string out(kMagic);
  Put<std::uint32_t>(&out, kNerLabels);
  Put<std::uint32_t>(&out, static_cast<std::uint32_t>(w.word_lists.size()));
  for (const auto& [hash, bits] : w.word_lists) {
    Put<std::uint64_t>(&out, hash);
    Put<std::uint32_t>(&out, bits);
  }
  for (std::size_t i = 0; i < kT * kT; ++i) Put<float>(&out, w.transitions[i]);
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < w.features.size(); ++i) {
    const auto& row = w.features[i].second;
    if (std::any_of(row.begin(), row.end(), [](float x) { return x != 0.0f; })) order.push_back(i);
  }
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return w.features[a].first < w.features[b].first; });
  Put<std::uint32_t>(&out, static_cast<std::uint32_t>(order.size()));
  for (const std::size_t i : order) {
    const auto& [id, row] = w.features[i];
    Put<std::uint64_t>(&out, id);
    const auto n = static_cast<std::uint8_t>(
        std::count_if(row.begin(), row.end(), [](float x) { return x != 0.0f; }));
    Put<std::uint8_t>(&out, n);
    for (std::size_t l = 0; l < kNerLabels; ++l) {
      if (row[l] == 0.0f) continue;
      Put<std::uint8_t>(&out, static_cast<std::uint8_t>(l));
      Put<float>(&out, row[l]);
    }
  }
  return out;
}

Result<std::unique_ptr<NerModel>> NerModel::Load(std::string_view bytes) {
  Reader r(bytes);
  if (r.Bytes(kMagic.size()) != kMagic) {
    return InvalidArgumentError("not a newsx name-tagger model (bad magic or version)");
  }
  if (r.Get<std::uint32_t>() != kNerLabels) {
    return InvalidArgumentError("name-tagger model has another label set");
  }
  auto m = std::unique_ptr<NerModel>(new NerModel());
  const auto n_lists = r.Get<std::uint32_t>();
  if (!r.ok() || n_lists > bytes.size() / 12) return InvalidArgumentError("name-tagger model truncated");
  std::vector<std::pair<std::uint64_t, std::uint32_t>> lists(n_lists);
  for (auto& [hash, bits] : lists) {
    hash = r.Get<std::uint64_t>();
    bits = r.Get<std::uint32_t>();
  }
  m->lists_.Set(std::move(lists));
  m->transitions_.resize(kT * kT);
  for (float& t : m->transitions_) t = r.Get<float>();
  const auto n = r.Get<std::uint32_t>();
  if (!r.ok() || n > bytes.size() / 9) return InvalidArgumentError("name-tagger model truncated");
  std::size_t capacity = 16;
  while (capacity < 2 * static_cast<std::size_t>(n)) capacity *= 2;
  m->mask_ = capacity - 1;
  m->slots_.assign(capacity, Slot());
  m->empty_slots_ = capacity;
  for (std::uint32_t f = 0; f < n && r.ok(); ++f) {
    std::uint64_t id = r.Get<std::uint64_t>();
    if (id == 0) id = 1;
    const auto count = r.Get<std::uint8_t>();
    const auto offset = static_cast<std::uint32_t>(m->entries_.size());
    for (std::uint8_t k = 0; k < count; ++k) {
      const auto label = r.Get<std::uint8_t>();
      const auto weight = r.Get<float>();
      if (label >= kNerLabels) return InvalidArgumentError("name-tagger model has a bad label");
      m->entries_.push_back(Entry{label, weight});
    }
    if (offset >= (1u << 24)) return InvalidArgumentError("name-tagger model too large");
    std::uint64_t slot = id & m->mask_;
    while (m->slots_[slot].key != 0 && m->slots_[slot].key != id) slot = (slot + 1) & m->mask_;
    if (m->slots_[slot].key == 0) --m->empty_slots_;
    m->slots_[slot].key = id;
    m->slots_[slot].row = offset << 8 | count;
  }
  if (!r.ok()) return InvalidArgumentError("name-tagger model truncated");
  if (!r.at_end()) return InvalidArgumentError("name-tagger model has trailing bytes");
  return m;
}

void NerModel::Decode(const FeatureExtractor& f, std::vector<std::uint8_t>* labels,
                      std::vector<float>* scores) const {
  const std::size_t n = f.size();
  scores->assign(n * kNerLabels, 0.0f);
  // The sentence's features lie one after another. First each one's row is
  // found, its slot fetched a few features ahead and its row's weights as
  // soon as the row is known, so that the cache misses overlap; then the
  // weights are added, token by token, in the features' order.
  constexpr std::size_t kAhead = 12;
  const std::span<const std::uint64_t> ids = f.AllFeatures();
  const std::size_t total = ids.size();
  thread_local std::vector<std::uint32_t> rows;  // Scratch: the model is shared.
  rows.resize(total);
  for (std::size_t j = 0; j < kAhead && j < total; ++j) Prefetch(ids[j]);
  for (std::size_t j = 0; j < total; ++j) {
    if (j + kAhead < total) Prefetch(ids[j + kAhead]);
    rows[j] = Find(ids[j]);
    __builtin_prefetch(entries_.data() + (rows[j] >> 8));
  }
  std::size_t j = 0;
  for (std::size_t i = 0; i < n; ++i) {
    float* score = scores->data() + i * kNerLabels;
    for (const std::size_t end = j + f.Features(i).size(); j < end; ++j) AddRow(rows[j], score);
  }
  Viterbi(*scores, n, transitions_, labels);
}

namespace {

// The labels that may precede each label (Allowed()), in ascending order.
struct Predecessors {
  std::uint8_t from[kNerLabels][kNerLabels] = {};
  std::size_t count[kNerLabels] = {};
};
constexpr Predecessors MakePredecessors() {
  Predecessors p;
  for (std::size_t y = 0; y < kNerLabels; ++y) {
    for (std::size_t from = 0; from < kNerLabels; ++from) {
      if (Allowed(from, y)) p.from[y][p.count[y]++] = static_cast<std::uint8_t>(from);
    }
  }
  return p;
}
constexpr Predecessors kPredecessors = MakePredecessors();

}  // namespace

void Viterbi(const std::vector<float>& scores, std::size_t n, const std::vector<float>& transitions,
             std::vector<std::uint8_t>* labels) {
  labels->assign(n, 0);
  if (n == 0) return;
  constexpr float kNone = -std::numeric_limits<float>::infinity();
  std::vector<float> best(n * kNerLabels, kNone);
  std::vector<std::uint8_t> back(n * kNerLabels, 0);
  for (std::size_t y = 0; y < kNerLabels; ++y) {
    if (Allowed(kNerLabels, y)) best[y] = scores[y] + transitions[kNerLabels * kT + y];
  }
  for (std::size_t i = 1; i < n; ++i) {
    for (std::size_t y = 0; y < kNerLabels; ++y) {
      float top = kNone;
      std::uint8_t arg = 0;
      for (std::size_t k = 0; k < kPredecessors.count[y]; ++k) {
        const std::size_t p = kPredecessors.from[y][k];
        const float prev = best[(i - 1) * kNerLabels + p];
        if (prev == kNone) continue;
        const float s = prev + transitions[p * kT + y];
        if (s > top) {
          top = s;
          arg = static_cast<std::uint8_t>(p);
        }
      }
      if (top == kNone) continue;
      best[i * kNerLabels + y] = top + scores[i * kNerLabels + y];
      back[i * kNerLabels + y] = arg;
    }
  }
  float top = kNone;
  std::uint8_t arg = 0;
  for (std::size_t y = 0; y < kNerLabels; ++y) {
    const float s = best[(n - 1) * kNerLabels + y];
    if (s == kNone || !Allowed(y, kNerLabels)) continue;
    const float total = s + transitions[y * kT + kNerLabels];
    if (total > top) {
      top = total;
      arg = static_cast<std::uint8_t>(y);
    }
  }
  for (std::size_t i = n; i-- > 0;) {
    (*labels)[i] = arg;
    arg = back[i * kNerLabels + arg];
  }
}

}  // namespace newsx::extract::ner
