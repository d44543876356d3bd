#include "text/tokenizer.h"

#include <array>

#include "text/line_breaks.h"
#include "text/sentence_splitter.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
// The hash functions inline (the same XXH3 values as the library's).
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace newsx::extract::text {

namespace {

enum class CharKind : std::uint8_t { kSpace, kNewline, kWord, kApostrophe, kPunct };

struct Char {
  UChar32 cp = 0;  // -1 for a byte that is not valid UTF-8.
  std::uint32_t len = 1;
  CharKind kind = CharKind::kPunct;
};

constexpr std::array<CharKind, 128> MakeAsciiKinds() {
  std::array<CharKind, 128> kinds{};
  for (std::size_t b = 0; b < 128; ++b) {
    const char c = static_cast<char>(b);
    if (c == '\n') {
      kinds[b] = CharKind::kNewline;
    } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      kinds[b] = CharKind::kSpace;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      kinds[b] = CharKind::kWord;
    } else if (c == '\'') {
      kinds[b] = CharKind::kApostrophe;
    } else {
      kinds[b] = CharKind::kPunct;
    }
  }
  return kinds;
}

constexpr std::array<CharKind, 128> kAsciiKinds = MakeAsciiKinds();

// Decodes the character at `i`. Invalid bytes are one code point each
// (kind kPunct), matching the quantity extractor's offsets.
inline Char Decode(std::string_view s, std::size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char b = p[i];
  Char c;
  if (b < 0x80) [[likely]] {
    c.cp = b;
    c.kind = kAsciiKinds[b];
    return c;
  }
  std::size_t j = i;
  UChar32 cp = 0;
  U8_NEXT(p, j, s.size(), cp);
  if (cp < 0) {
    c.cp = -1;
    return c;
  }
  c.cp = cp;
  c.len = static_cast<std::uint32_t>(j - i);
  if (cp == 0x2019 || cp == 0x2018) {
    c.kind = CharKind::kApostrophe;
  } else if (cp == 0x2028 || cp == 0x2029) {
    c.kind = CharKind::kNewline;
  } else if (u_isUWhiteSpace(cp)) {
    c.kind = CharKind::kSpace;
  } else if (u_isalnum(cp) || (U_GET_GC_MASK(cp) & U_GC_M_MASK) != 0) {
    c.kind = CharKind::kWord;
  }
  return c;
}

bool IsUpper(UChar32 cp) { return cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : u_isupper(cp); }
bool IsLower(UChar32 cp) { return cp < 0x80 ? (cp >= 'a' && cp <= 'z') : u_islower(cp); }
bool IsDigit(UChar32 cp) { return cp < 0x80 ? (cp >= '0' && cp <= '9') : u_isdigit(cp); }

class Scanner {
 public:
  Scanner(std::string_view text, const Vocabulary& vocab, TokenizedText* out)
      : text_(text), vocab_(vocab), out_(out), breaks_(text) {
    out_->wrapped = breaks_.wrapped();
  }

  void Run() {
    std::uint16_t pending = kParagraphStart | kLineStart;
    while (pos_ < text_.size()) {
      const Char c = Decode(text_, pos_);
      if (c.kind == CharKind::kSpace || c.kind == CharKind::kNewline) {
        pending |= kSpaceBefore;
        if (c.kind == CharKind::kNewline) {
          pending |= kLineStart;
          if (text_[pos_] != '\n' || breaks_.EndsParagraph(pos_)) pending |= kParagraphStart;
        }
        Advance(c);
        continue;
      }
      if (c.kind == CharKind::kWord) {
        Word(pending);
      } else if (c.kind == CharKind::kApostrophe && !out_->tokens.empty() && pending == 0 &&
                 (out_->tokens.back().flags & kWordToken)) {
        Possessive(c);
      } else {
        Single(c, pending);
      }
      pending = 0;
    }
  }

 private:
  void Advance(const Char& c) {
    pos_ += c.len;
    ++cp_;
  }

  Char Peek(std::size_t at) const {
    return at < text_.size() ? Decode(text_, at) : Char{0, 0, CharKind::kSpace};
  }

  void Emit(std::uint32_t begin, std::uint32_t cp_begin, std::uint16_t flags) {
    Token t;
    t.begin = begin;
    t.end = static_cast<std::uint32_t>(pos_);
    t.cp_begin = cp_begin;
    t.cp_end = cp_;
    t.flags = flags;
    const std::string_view s = text_.substr(t.begin, t.end - t.begin);
    if (s.size() <= vocab_.max_word_bytes()) {
      lower_.clear();
      AppendLower(s, &lower_);
      t.word = vocab_.Find(lower_);
    }
    out_->tokens.push_back(t);
  }

  void Word(std::uint16_t flags) {
    const auto begin = static_cast<std::uint32_t>(pos_);
    const std::uint32_t cp_begin = cp_;
    bool has_lower = false, has_upper = false, has_digit = false, has_alpha = false;
    bool first = true;
    bool initials = true;  // "U.S": single letters separated by dots.
    std::uint32_t segment_len = 0;
    bool saw_dot = false;
    while (pos_ < text_.size()) {
      const Char c = Decode(text_, pos_);
      if (c.kind == CharKind::kWord) {
        if (first && IsUpper(c.cp)) flags |= kUpperInitial;
        first = false;
        if (IsDigit(c.cp)) {
          has_digit = true;
        } else {
          has_alpha = true;
          has_lower |= IsLower(c.cp);
          has_upper |= IsUpper(c.cp);
        }
        if (++segment_len > 1) initials = false;
        Advance(c);
        continue;
      }
      const Char next = Peek(pos_ + c.len);
      if (c.cp == '.' && next.kind == CharKind::kWord) {  // "U.S", "JD.com", "1.5"
        saw_dot = true;
        segment_len = 0;
        Advance(c);
        continue;
      }
      if (c.cp == '.' && saw_dot && initials) {  // Closing dot of "U.S."
        Advance(c);
        break;
      }
      if (c.cp == ',' && has_digit && !has_alpha && IsDigit(next.cp)) {  // "2,000"
        Advance(c);
        continue;
      }
      if (c.kind == CharKind::kApostrophe && next.kind == CharKind::kWord) {
        // "don't", "O'Brien" stay whole; possessive "'s" and the clitics
        // "'re", "'ve", "'ll", "'d", "'m" become tokens of their own, as the
        // parser's treebanks have them ("You're" -> "You" "'re").
        if (CliticLength(pos_ + c.len) > 0) break;
        Advance(c);
        continue;
      }
      break;
    }
    if (has_digit) flags |= kHasDigit;
    if (has_alpha) flags |= kHasAlpha;
    if (has_upper && !has_lower) flags |= kAllUpper;
    Emit(begin, cp_begin, static_cast<std::uint16_t>(flags | kWordToken));
    ++out_->word_count;
  }

  // Letters after an apostrophe at `at` that make a clitic ending the word
  // ("s", "re", "ve", "ll", "d", "m"), or 0.
  std::size_t CliticLength(std::size_t at) const {
    static constexpr std::string_view kClitics[] = {"s", "re", "ve", "ll", "d", "m"};
    for (const std::string_view clitic : kClitics) {
      if (at + clitic.size() > text_.size()) continue;
      bool same = true;
      for (std::size_t k = 0; k < clitic.size() && same; ++k) {
        same = (text_[at + k] | 0x20) == clitic[k];
      }
      if (same && Peek(at + clitic.size()).kind != CharKind::kWord) return clitic.size();
    }
    return 0;
  }

  // "'s" after a word, or a lone "'" after a plural ("companies'"), or a
  // clitic ("'re", "'ll").
  void Possessive(const Char& apostrophe) {
    const auto begin = static_cast<std::uint32_t>(pos_);
    const std::uint32_t cp_begin = cp_;
    Advance(apostrophe);
    const Char next = Peek(pos_);
    std::uint16_t flags = 0;
    if (const std::size_t n = CliticLength(pos_); n > 1 || (n == 1 && next.cp != 's' && next.cp != 'S')) {
      for (std::size_t k = 0; k < n; ++k) Advance(Peek(pos_));
    } else if ((next.cp == 's' || next.cp == 'S') && Peek(pos_ + next.len).kind != CharKind::kWord) {
      Advance(next);
      flags = kPossessive;
    } else if (next.kind != CharKind::kWord) {
      flags = kPossessive;
    }
    Emit(begin, cp_begin, flags);
  }

  void Single(const Char& c, std::uint16_t flags) {
    const auto begin = static_cast<std::uint32_t>(pos_);
    const std::uint32_t cp_begin = cp_;
    Advance(c);
    Emit(begin, cp_begin, flags);
  }

  std::string_view text_;
  const Vocabulary& vocab_;
  TokenizedText* out_;
  const LineBreaks breaks_;
  std::size_t pos_ = 0;
  std::uint32_t cp_ = 0;
  std::string lower_;
};

}  // namespace

std::uint64_t Vocabulary::HashOf(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

void Vocabulary::Grow() {
  const nlp::HugePageVector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : 2 * old.size(), Slot());
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.check == 0) continue;
    std::size_t i = HashOf(std::string_view(words_).substr(s.offset, s.size)) & mask;
    while (slots_[i].check != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

std::int32_t Vocabulary::Add(std::string_view lower) {
  if (const std::int32_t id = Find(lower); id >= 0) return id;
  if (2 * (count_ + 1) > slots_.size()) Grow();
  const std::uint64_t h = HashOf(lower);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  while (slots_[i].check != 0) i = (i + 1) & mask;
  Slot& s = slots_[i];
  s.check = static_cast<std::uint32_t>(h >> 32) | 1u;
  s.id = static_cast<std::int32_t>(count_++);
  s.offset = static_cast<std::uint32_t>(words_.size());
  s.size = static_cast<std::uint32_t>(lower.size());
  words_.append(lower);
  if (lower.size() > max_word_bytes_) max_word_bytes_ = lower.size();
  return s.id;
}

std::int32_t Vocabulary::Find(std::string_view lower) const {
  if (slots_.empty()) return -1;
  const std::uint64_t h = HashOf(lower);
  const std::uint32_t check = static_cast<std::uint32_t>(h >> 32) | 1u;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.check == 0) return -1;
    if (s.check == check && s.size == lower.size() &&
        std::string_view(words_).substr(s.offset, s.size) == lower) {
      return s.id;
    }
  }
}

void AppendLower(std::string_view text, std::string* out) {
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      out->push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a')
                                          : static_cast<char>(b));
      ++i;
      continue;
    }
    const Char c = Decode(text, i);
    if (c.cp < 0) {
      out->push_back(static_cast<char>(b));
    } else {
      char buf[U8_MAX_LENGTH];
      std::int32_t len = 0;
      U8_APPEND_UNSAFE(buf, len, u_tolower(c.cp));
      out->append(buf, static_cast<std::size_t>(len));
    }
    i += c.len;
  }
}

void Tokenize(std::string_view text, const Vocabulary& vocab, TokenizedText* out) {
  out->text = text;
  out->tokens.clear();
  out->sentences.clear();
  out->word_count = 0;
  out->tokens.reserve(text.size() / 5 + 1);
  Scanner(text, vocab, out).Run();
  SplitSentences(out);
}

}  // namespace newsx::extract::text
