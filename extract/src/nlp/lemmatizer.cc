#include "nlp/lemmatizer.h"

#include <algorithm>
#include <unordered_map>

#include "nlp/hashing.h"
#include "nlp/word_atoms.h"

namespace newsx::extract::nlp {
namespace {

constexpr std::uint32_t kMinRuleSupport = 2;  // Word types behind a rule.

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte length of the last `k` characters of `s`, or npos if s is shorter.
std::size_t SuffixBytes(std::string_view s, int k) {
  std::size_t i = s.size();
  for (int c = 0; c < k; ++c) {
    if (i == 0) return std::string_view::npos;
    --i;
    while (i > 0 && IsContinuation(s[i])) --i;
  }
  return s.size() - i;
}

std::uint64_t WordKey(std::uint8_t xpos, std::string_view source) {
  return Feat(1, HashBytes(source), xpos);
}
std::uint64_t RuleKey(std::uint8_t xpos, std::string_view suffix) {
  return Feat(2, HashBytes(suffix), xpos);
}

struct Edit {
  std::uint32_t strip = 0;
  std::string append;
  bool operator<(const Edit& o) const {
    return strip != o.strip ? strip < o.strip : append < o.append;
  }
  bool operator==(const Edit& o) const { return strip == o.strip && append == o.append; }
};

Edit EditOf(std::string_view source, std::string_view lemma) {
  std::size_t p = 0;
  while (p < source.size() && p < lemma.size() && source[p] == lemma[p]) ++p;
  while (p > 0 && p < source.size() && IsContinuation(source[p])) --p;
  return Edit{static_cast<std::uint32_t>(source.size() - p), std::string(lemma.substr(p))};
}

bool HasUpper(std::string_view s) {
  std::string lower;
  AppendNormalized(s, kFoldCase, &lower);
  return lower != s;
}

// Interns strings into the pool.
class PoolBuilder {
 public:
  std::uint32_t Intern(const std::string& s) {
    const auto [it, inserted] = ids_.emplace(s, static_cast<std::uint32_t>(ends_.size()));
    if (inserted) {
      pool_ += s;
      ends_.push_back(static_cast<std::uint32_t>(pool_.size()));
    }
    return it->second;
  }
  std::string pool_;
  std::vector<std::uint32_t> ends_;

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
};

}  // namespace

void Lemmatizer::Builder::Add(std::string_view form, std::uint8_t xpos, std::string_view lemma) {
  if (form.empty() || lemma.empty() || lemma == "_") return;
  std::string f, l;
  AppendNormalized(form, 0, &f);
  AppendNormalized(lemma, 0, &l);
  ++seen_[{xpos, f}][l];
}

Lemmatizer Lemmatizer::Builder::Build(std::size_t num_xpos) const {
  Lemmatizer out;
  // Tags whose lemmas keep capitals (proper nouns): most of their word
  // types have a lemma with capitals.
  std::vector<std::uint32_t> cased(num_xpos, 0), types(num_xpos, 0);
  for (const auto& [key, lemmas] : seen_) {
    if (key.first >= num_xpos) continue;
    const std::string& lemma =
        std::max_element(lemmas.begin(), lemmas.end(), [](const auto& a, const auto& b) {
          return a.second < b.second;
        })->first;
    ++types[key.first];
    if (HasUpper(lemma)) ++cased[key.first];
  }
  out.keep_case_.assign(num_xpos, 0);
  for (std::size_t x = 0; x < num_xpos; ++x) out.keep_case_[x] = cased[x] * 2 > types[x];

  // (xpos, source) -> lemma -> tokens, with sources as Lemmatize() makes them.
  std::map<std::pair<std::uint8_t, std::string>, std::map<std::string, std::uint32_t>> by_source;
  for (const auto& [key, lemmas] : seen_) {
    if (key.first >= num_xpos) continue;
    std::string source;
    out.Source(key.second, key.first, &source);
    for (const auto& [lemma, n] : lemmas) by_source[{key.first, source}][lemma] += n;
  }
  // Each source's lemma: the most frequent (ties: the smallest string).
  std::map<std::pair<std::uint8_t, std::string>, std::string> best;
  for (const auto& [key, lemmas] : by_source) {
    const auto it = std::max_element(lemmas.begin(), lemmas.end(), [](const auto& a, const auto& b) {
      return a.second < b.second;
    });
    best[key] = it->first;
  }

  // Rule statistics over word types: (xpos, suffix) -> edit -> types.
  std::map<std::pair<std::uint8_t, std::string>, std::map<Edit, std::uint32_t>> stats;
  for (const auto& [key, lemma] : best) {
    const Edit e = EditOf(key.second, lemma);
    for (int k = 0; k <= kMaxRuleSuffix; ++k) {
      const std::size_t bytes = SuffixBytes(key.second, k);
      if (bytes == std::string_view::npos) break;
      ++stats[{key.first, key.second.substr(key.second.size() - bytes)}][e];
    }
  }
  // Each suffix's decision: its best edit if enough types support it, else
  // its parent's (one character shorter). Stored only where it differs
  // from the parent's, so the longest stored suffix decides.
  PoolBuilder pool;
  std::map<std::pair<std::uint8_t, std::string>, Edit> decision;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> rules;
  for (int k = 0; k <= kMaxRuleSuffix; ++k) {
    for (const auto& [key, edits] : stats) {
      const std::string& suffix = key.second;
      if (SuffixBytes(suffix, k) != suffix.size() || SuffixBytes(suffix, k + 1) != std::string::npos) {
        continue;  // Not k characters long.
      }
      Edit top = edits.begin()->first;
      std::uint32_t top_n = 0;
      for (const auto& [e, n] : edits) {
        if (n > top_n) top = e, top_n = n;
      }
      Edit parent;
      if (k > 0) {
        const std::string up = suffix.substr(suffix.size() - SuffixBytes(suffix, k - 1));
        parent = decision[{key.first, up}];
      }
      const Edit mine = (k == 0 || top_n >= kMinRuleSupport) ? top : parent;
      decision[key] = mine;
      if (k == 0 || !(mine == parent)) {
        rules.emplace_back(RuleKey(key.first, suffix), mine.strip << 24 | pool.Intern(mine.append));
      }
    }
  }
  out.rules_ = HashIndex::Build(rules);
  out.pool_ = pool.pool_;
  out.ends_ = pool.ends_;

  // The lexicon: training words whose lemma the rules get wrong, and
  // frequent ones (one lookup instead of several).
  std::vector<std::pair<std::uint64_t, std::uint32_t>> words;
  std::string lemma_out, scratch;
  for (const auto& [key, lemma] : best) {
    std::uint32_t tokens = 0;
    for (const auto& [l, n] : by_source.at(key)) tokens += n;
    lemma_out.clear();
    out.Lemmatize(key.second, key.first, &scratch, &lemma_out);
    if (lemma_out != lemma || tokens >= 3) {
      words.emplace_back(WordKey(key.first, key.second), pool.Intern(lemma));
    }
  }
  out.words_ = HashIndex::Build(words);
  out.pool_ = pool.pool_;
  out.ends_ = pool.ends_;
  return out;
}

void Lemmatizer::Source(std::string_view form, std::uint8_t xpos, std::string* out) const {
  out->clear();
  const bool keep = xpos < keep_case_.size() && keep_case_[xpos];
  AppendNormalized(form, keep ? 0u : kFoldCase, out);
}

std::string_view Lemmatizer::PoolString(std::uint32_t id) const {
  if (id >= ends_.size()) return {};
  const std::uint32_t begin = id == 0 ? 0 : ends_[id - 1];
  return std::string_view(pool_).substr(begin, ends_[id] - begin);
}

void Lemmatizer::Lemmatize(std::string_view form, std::uint8_t xpos, std::string* scratch,
                           std::string* out) const {
  Source(form, xpos, scratch);
  const std::string_view source = *scratch;
  if (const std::uint32_t id = words_.Find(WordKey(xpos, source)); id != HashIndex::kAbsent) {
    out->append(PoolString(id));
    return;
  }
  for (int k = kMaxRuleSuffix; k >= 0; --k) {
    const std::size_t bytes = SuffixBytes(source, k);
    if (bytes == std::string_view::npos) continue;
    const std::uint32_t rule = rules_.Find(RuleKey(xpos, source.substr(source.size() - bytes)));
    if (rule == HashIndex::kAbsent) continue;
    const std::uint32_t strip = rule >> 24;
    const std::string_view append = PoolString(rule & 0xFFFFFF);
    if (strip > source.size() || (strip == source.size() && append.empty())) break;
    out->append(source.substr(0, source.size() - strip));
    out->append(append);
    return;
  }
  out->append(source);
}

void Lemmatizer::Serialize(ModelWriter* w) const {
  w->Array(keep_case_);
  words_.Serialize(w);
  rules_.Serialize(w);
  w->String(pool_);
  w->Array(ends_);
}

bool Lemmatizer::Deserialize(ModelReader* r, Lemmatizer* out) {
  std::string pool;
  if (!r->Array(&out->keep_case_) || !HashIndex::Deserialize(r, &out->words_) ||
      !HashIndex::Deserialize(r, &out->rules_) || !r->String(&out->pool_) ||
      !r->Array(&out->ends_)) {
    return false;
  }
  std::uint32_t last = 0;
  for (const std::uint32_t e : out->ends_) {
    if (e < last || e > out->pool_.size()) return r->Fail("bad lemma pool");
    last = e;
  }
  const auto strings = static_cast<std::uint32_t>(out->ends_.size());
  if (!out->words_.ValuesBelow(strings) || !out->rules_.ValuesBelow(strings, 0xFF000000u)) {
    return r->Fail("bad lemma table");
  }
  return true;
}

}  // namespace newsx::extract::nlp
