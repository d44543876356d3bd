#include "ner/ner_features.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>
// The hash functions inline (the same XXH3 values as the library's).
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace newsx::extract::ner {

namespace {

// Boundary tokens stand in for words before the sentence and after it.
constexpr std::uint64_t kStart = 0x5354415254ull;
constexpr std::uint64_t kEnd = 0x454e44ull;

std::uint64_t Mix(std::uint64_t h) {
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  return h ^ (h >> 31);
}

std::uint64_t Feature(std::uint64_t templ, std::uint64_t a, std::uint64_t b = 0) {
  return Mix(Mix(templ * 0x9e3779b97f4a7c15ull ^ a) ^ b);
}

// Word shape with runs collapsed: "Nvidia" -> "Xx", "H200" -> "Xd",
// "U.S." -> "X.X.", "$5bn" -> "$dx", "Dvořák" -> "Xx"; letters of any
// script count by their case ('u' for caseless ones), long words get '+'.
void Shape(std::string_view word, std::string* out) {
  out->clear();
  char last = 0;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < word.size();) {
    const auto c = static_cast<unsigned char>(word[i]);
    char s;
    if (c < 0x80) {
      ++i;
      s = (c >= 'A' && c <= 'Z')   ? 'X'
          : (c >= 'a' && c <= 'z') ? 'x'
          : (c >= '0' && c <= '9') ? 'd'
                                   : static_cast<char>(c);
    } else {
      UChar32 cp = 0;
      const auto* p = reinterpret_cast<const std::uint8_t*>(word.data());
      const auto len = static_cast<std::int32_t>(word.size());
      auto at = static_cast<std::int32_t>(i);
      U8_NEXT(p, at, len, cp);
      i = static_cast<std::size_t>(at);
      s = cp < 0 ? '?' : u_isupper(cp) ? 'X' : u_islower(cp) ? 'x' : u_isdigit(cp) ? 'd'
          : u_isalpha(cp) ? 'u' : 'p';
    }
    ++chars;
    if (s != last) out->push_back(s);
    last = s;
  }
  if (chars > 6) out->push_back('+');
}

// Leading or trailing bytes of `s`, at most n, not cutting a UTF-8 sequence.
std::string_view Prefix(std::string_view s, std::size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}
std::string_view Suffix(std::string_view s, std::size_t n) {
  if (s.size() <= n) return s;
  std::size_t b = s.size() - n;
  while (b < s.size() && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) ++b;
  return s.substr(b);
}

enum Template : std::uint64_t {
  kBias = 1, kLower, kForm, kShape, kPrefix, kSuffix3, kSuffix4, kPrevLower, kNextLower,
  kPrev2Lower, kNext2Lower, kPrevShapeShape, kShapeNextShape, kPrevLowerLower, kLowerNextLower,
  kGazetteer, kPrevGazetteer, kNextGazetteer, kFirstShape, kLists, kNextLists, kPrevLists,
  kCapsLine, kPrevLowerShape, kNextLowerShape, kCapRun, kLowerInDoc, kCommon, kTitleLine,
};

}  // namespace

std::uint64_t HashString(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

void WordLists::Add(std::string_view lower, std::uint32_t bits) {
  const std::uint64_t h = HashString(lower);
  const auto it = std::lower_bound(entries_.begin(), entries_.end(), std::make_pair(h, 0u));
  if (it != entries_.end() && it->first == h) {
    it->second |= bits;
  } else {
    entries_.insert(it, {h, bits});
  }
}

void WordLists::Set(std::vector<std::pair<std::uint64_t, std::uint32_t>> sorted_entries) {
  entries_ = std::move(sorted_entries);
}

std::uint32_t WordLists::Find(std::uint64_t lower_hash) const {
  const auto it =
      std::lower_bound(entries_.begin(), entries_.end(), std::make_pair(lower_hash, 0u));
  return it != entries_.end() && it->first == lower_hash ? it->second : 0;
}

void AddLowerCaseWords(const text::TokenizedText& t, std::uint32_t first, std::uint32_t end,
                       DocumentWords* doc) {
  std::string lower;
  for (std::uint32_t i = first; i < end; ++i) {
    const text::Token& tok = t.tokens[i];
    if (!(tok.flags & text::kWordToken) || (tok.flags & (text::kUpperInitial | text::kHasDigit)) ||
        !(tok.flags & text::kHasAlpha)) {
      continue;
    }
    lower.clear();
    text::AppendLower(text::TokenText(t, tok), &lower);
    doc->Add(HashString(lower));
  }
}

void FeatureExtractor::Extract(const text::TokenizedText& t, std::uint32_t first,
                               std::uint32_t end, std::span<const std::uint64_t> gazetteer,
                               const WordLists& lists, const DocumentWords& doc) {
  const std::size_t n = end - first;
  tokens_.resize(n);
  std::size_t words = 0, caps_words = 0, title_words = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const text::Token& tok = t.tokens[first + k];
    const std::string_view form = text::TokenText(t, tok);
    lower_.clear();
    text::AppendLower(form, &lower_);
    Shape(form, &shape_);
    TokenInfo& x = tokens_[k];
    x.lower = HashString(lower_);
    x.form = HashString(form);
    x.shape = HashString(shape_);
    x.prefix = HashString(Prefix(lower_, 3));
    x.suffix3 = HashString(Suffix(lower_, 3));
    x.suffix4 = HashString(Suffix(lower_, 4));
    x.gazetteer = gazetteer[first + k];
    x.capitalized = (tok.flags & text::kUpperInitial) != 0;
    // Lists of names are only evidence for capitalized words.
    x.lists = x.capitalized ? lists.Find(x.lower) : 0;
    x.lower_in_doc = x.capitalized && doc.Has(x.lower);
    if ((tok.flags & text::kWordToken) && (tok.flags & text::kHasAlpha)) {
      ++words;
      caps_words += (tok.flags & text::kAllUpper) != 0 && form.size() > 1;
      title_words += x.capitalized;
    }
  }
  // A line in capitals (a headline, a heading) says little by its case.
  const bool caps_line = words >= 3 && caps_words * 10 >= words * 6;
  // So does a line in title case ("Micron Announces Massive Investment").
  const bool title_line = !caps_line && words >= 3 && title_words * 10 >= words * 7;

  ids_.clear();
  offsets_.assign(1, 0);
  const auto lower_at = [&](std::ptrdiff_t k) {
    return k < 0 ? kStart : k >= static_cast<std::ptrdiff_t>(n) ? kEnd : tokens_[k].lower;
  };
  const auto shape_at = [&](std::ptrdiff_t k) {
    return k < 0 ? kStart : k >= static_cast<std::ptrdiff_t>(n) ? kEnd : tokens_[k].shape;
  };
  const auto gaz_at = [&](std::ptrdiff_t k) -> std::uint64_t {
    return k < 0 || k >= static_cast<std::ptrdiff_t>(n) ? 0 : tokens_[k].gazetteer;
  };
  const auto lists_at = [&](std::ptrdiff_t k) -> std::uint32_t {
    return k < 0 || k >= static_cast<std::ptrdiff_t>(n) ? 0 : tokens_[k].lists;
  };
  // Length of the run of capitalized words through each token, capped: a
  // long run is a title or a name of an organization, a single one often a
  // person or place.
  std::vector<std::uint8_t>& runs = run_scratch_;
  runs.assign(n, 0);
  for (std::size_t k = 0; k < n;) {
    if (!tokens_[k].capitalized) {
      ++k;
      continue;
    }
    std::size_t e = k;
    while (e < n && tokens_[e].capitalized) ++e;
    for (std::size_t j = k; j < e; ++j) runs[j] = static_cast<std::uint8_t>(std::min<std::size_t>(e - k, 4));
    k = e;
  }
  for (std::size_t k = 0; k < n; ++k) {
    const auto i = static_cast<std::ptrdiff_t>(k);
    const TokenInfo& x = tokens_[k];
    ids_.push_back(Feature(kBias, 0));
    ids_.push_back(Feature(kLower, x.lower));
    ids_.push_back(Feature(kForm, x.form));
    ids_.push_back(Feature(kShape, x.shape));
    ids_.push_back(Feature(kPrefix, x.prefix));
    ids_.push_back(Feature(kSuffix3, x.suffix3));
    ids_.push_back(Feature(kSuffix4, x.suffix4));
    ids_.push_back(Feature(kPrevLower, lower_at(i - 1)));
    ids_.push_back(Feature(kNextLower, lower_at(i + 1)));
    ids_.push_back(Feature(kPrev2Lower, lower_at(i - 2)));
    ids_.push_back(Feature(kNext2Lower, lower_at(i + 2)));
    ids_.push_back(Feature(kPrevShapeShape, shape_at(i - 1), x.shape));
    ids_.push_back(Feature(kShapeNextShape, x.shape, shape_at(i + 1)));
    ids_.push_back(Feature(kPrevLowerLower, lower_at(i - 1), x.lower));
    ids_.push_back(Feature(kLowerNextLower, x.lower, lower_at(i + 1)));
    ids_.push_back(Feature(kPrevLowerShape, lower_at(i - 1), x.shape));
    ids_.push_back(Feature(kNextLowerShape, x.shape, lower_at(i + 1)));
    ids_.push_back(Feature(kCapRun, runs[k], x.shape));
    if (k == 0) ids_.push_back(Feature(kFirstShape, x.shape));
    if (caps_line) ids_.push_back(Feature(kCapsLine, x.shape));
    if (title_line) ids_.push_back(Feature(kTitleLine, x.shape));
    if (x.lower_in_doc) ids_.push_back(Feature(kLowerInDoc, k == 0, runs[k]));
    if (x.lists & kCommonWord) ids_.push_back(Feature(kCommon, k == 0, runs[k]));
    for (std::uint64_t g = x.gazetteer; g != 0; g &= g - 1) {
      ids_.push_back(Feature(kGazetteer, static_cast<std::uint64_t>(__builtin_ctzll(g))));
    }
    // Neighbours' lists by class only (bit / 4), not by position.
    for (std::uint64_t g = gaz_at(i - 1); g != 0; g &= g - 1) {
      ids_.push_back(Feature(kPrevGazetteer, static_cast<std::uint64_t>(__builtin_ctzll(g)) / 4));
    }
    for (std::uint64_t g = gaz_at(i + 1); g != 0; g &= g - 1) {
      ids_.push_back(Feature(kNextGazetteer, static_cast<std::uint64_t>(__builtin_ctzll(g)) / 4));
    }
    if (x.lists != 0) ids_.push_back(Feature(kLists, x.lists));
    if (lists_at(i - 1) != 0) ids_.push_back(Feature(kPrevLists, lists_at(i - 1)));
    if (lists_at(i + 1) != 0) ids_.push_back(Feature(kNextLists, lists_at(i + 1)));
    offsets_.push_back(ids_.size());
  }
}

}  // namespace newsx::extract::ner
