#include "nlp/word_atoms.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "nlp/hashing.h"

namespace newsx::extract::nlp {
namespace {

// Distinct hash domains, so that the prefix "a" and the word "a" differ.
constexpr std::uint64_t kFormSeed = 0x1f3a;
constexpr std::uint64_t kPrefixSeed = 0x2b71;
constexpr std::uint64_t kSuffixSeed = 0x3c95;
constexpr std::uint64_t kShapeSeed = 0x4d02;

// Replacement for a non-ASCII code point, or 0 to keep it.
char AsciiEquivalent(UChar32 cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
      return '"';
    default:
      return 0;
  }
}

}  // namespace

void AppendNormalized(std::string_view word, unsigned flags, std::string* out) {
  const bool fold = (flags & kFoldCase) != 0;
  const bool zero_digits = (flags & kZeroDigits) != 0;
  const auto* p = reinterpret_cast<const unsigned char*>(word.data());
  const auto n = static_cast<std::int32_t>(word.size());
  for (std::int32_t i = 0; i < n;) {
    const unsigned char b = p[i];
    if (b < 0x80) {
      char c = static_cast<char>(b);
      if (zero_digits && c >= '0' && c <= '9') {
        c = '0';
      } else if (fold && c >= 'A' && c <= 'Z') {
        c = static_cast<char>(c - 'A' + 'a');
      }
      out->push_back(c);
      ++i;
      continue;
    }
    const std::int32_t start = i;
    UChar32 cp = 0;
    U8_NEXT(p, i, n, cp);
    if (cp < 0) {  // Invalid byte(s): kept as they are.
      out->append(word.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
      continue;
    }
    if (const char a = AsciiEquivalent(cp); a != 0) {
      out->push_back(a);
      continue;
    }
    if (fold) cp = u_tolower(cp);
    char buf[U8_MAX_LENGTH];
    std::int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, cp);
    out->append(buf, static_cast<std::size_t>(len));
  }
}

namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte length of the first `k` characters of `s` (all of s if shorter).
std::size_t PrefixBytes(std::string_view s, int k) {
  std::size_t i = 0;
  for (int c = 0; c < k && i < s.size(); ++c) {
    ++i;
    while (i < s.size() && IsContinuation(s[i])) ++i;
  }
  return i;
}

// Byte length of the last `k` characters of `s`.
std::size_t SuffixBytes(std::string_view s, int k) {
  std::size_t i = s.size();
  for (int c = 0; c < k && i > 0; ++c) {
    --i;
    while (i > 0 && IsContinuation(s[i])) --i;
  }
  return s.size() - i;
}

// Character classes of the shape string, with runs collapsed: "Micron" ->
// "Xx", "1,234.5" -> "d,d.d", "U.S." -> "X.X.". At most 8 classes.
std::uint64_t ShapeHash(std::string_view word, WordAtoms* a) {
  char shape[8];
  int len = 0;
  char last = 0;
  bool has_upper = false, has_lower = false, first_upper = false, first = true;
  const auto* p = reinterpret_cast<const unsigned char*>(word.data());
  const auto n = static_cast<std::int32_t>(word.size());
  for (std::int32_t i = 0; i < n;) {
    UChar32 cp = p[i];
    if (cp < 0x80) {
      ++i;
    } else {
      U8_NEXT(p, i, n, cp);
    }
    char cls;
    if (cp >= 'a' && cp <= 'z') {
      cls = 'x';
    } else if (cp >= 'A' && cp <= 'Z') {
      cls = 'X';
    } else if (cp >= '0' && cp <= '9') {
      cls = 'd';
    } else if (cp < 0x80) {
      cls = static_cast<char>(cp);
    } else if (cp < 0) {
      cls = '?';
    } else if (u_isupper(cp) || u_istitle(cp)) {
      cls = 'X';
    } else if (u_isalpha(cp)) {
      cls = u_islower(cp) ? 'x' : 'a';  // 'a': letters without case (CJK...).
    } else if (u_isdigit(cp)) {
      cls = 'd';
    } else {
      cls = '*';
    }
    if (cls == 'X') has_upper = true;
    if (cls == 'x') has_lower = true;
    if (cls == 'd') a->has_digit = true;
    if (cls == '-') a->has_hyphen = true;
    if (first) first_upper = cls == 'X';
    first = false;
    if (cls != last && len < 8) shape[len++] = cls;
    last = cls;
  }
  if (has_upper && has_lower) {
    a->word_case = first_upper ? WordCase::kCapitalized : WordCase::kMixed;
    // "McDonald", "iPhone": capitals after lower case letters.
    if (first_upper && len > 2) a->word_case = WordCase::kMixed;
  } else if (has_upper) {
    a->word_case = WordCase::kUpper;
  } else if (has_lower) {
    a->word_case = WordCase::kLower;
  } else {
    a->word_case = WordCase::kNoLetters;
  }
  return HashBytes(std::string_view(shape, static_cast<std::size_t>(len))) ^ kShapeSeed;
}

}  // namespace

void ComputeWordAtoms(std::span<const std::string_view> words, std::string* scratch,
                      std::span<WordAtoms> out) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    WordAtoms& a = out[i];
    a = WordAtoms();
    a.shape = ShapeHash(words[i], &a);
    scratch->clear();
    AppendNormalized(words[i], kZeroDigits, scratch);
    a.form = HashBytes(*scratch) ^ kFormSeed;
    scratch->clear();
    AppendNormalized(words[i], kFoldCase | kZeroDigits, scratch);
    const std::string_view lower = *scratch;
    a.lower = HashBytes(lower);
    for (int k = 0; k < kPrefixes; ++k) {
      a.prefix[k] = HashBytes(lower.substr(0, PrefixBytes(lower, k + 1))) ^ kPrefixSeed;
    }
    for (int k = 0; k < kSuffixes; ++k) {
      a.suffix[k] = HashBytes(lower.substr(lower.size() - SuffixBytes(lower, k + 1))) ^ kSuffixSeed;
    }
  }
}

SentenceCase ClassifySentenceCase(std::span<const WordAtoms> words,
                                  std::span<const std::string_view> forms) {
  int cased = 0, upper = 0, capitalized_long = 0, long_words = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const WordCase c = words[i].word_case;
    if (c == WordCase::kNoLetters) continue;
    if (forms[i].size() < 2) continue;  // "A", "I" say nothing.
    ++cased;
    if (c == WordCase::kUpper) ++upper;
    if (forms[i].size() >= 4) {
      ++long_words;
      if (c != WordCase::kLower) ++capitalized_long;
    }
  }
  if (cased >= 2 && upper * 10 >= cased * 7) return SentenceCase::kUpper;
  if (long_words >= 3 && capitalized_long * 10 >= long_words * 9) return SentenceCase::kTitle;
  return SentenceCase::kNormal;
}

}  // namespace newsx::extract::nlp
