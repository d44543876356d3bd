#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/huge_pages.h"

namespace newsx::extract::text {

enum TokenFlag : std::uint16_t {
  kWordToken = 1u << 0,  // Letters/digits (else a single punctuation mark).
  kHasDigit = 1u << 1,
  kHasAlpha = 1u << 2,
  kUpperInitial = 1u << 3,  // First character is an upper-case letter.
  kAllUpper = 1u << 4,      // Has letters, none lower-case.
  kSpaceBefore = 1u << 5,   // Whitespace precedes the token.
  kParagraphStart = 1u << 6,
  kPossessive = 1u << 7,  // The "'s" / "'" token after a name.
  kLineStart = 1u << 8,   // A newline precedes the token (paragraph or not).
};

struct Token {
  std::uint32_t begin = 0;  // Byte offsets into the text.
  std::uint32_t end = 0;
  std::uint32_t cp_begin = 0;  // Code-point offsets (Span units).
  std::uint32_t cp_end = 0;
  std::int32_t word = -1;  // Vocabulary id of the lower-cased form, -1 if unknown.
  std::uint16_t flags = 0;
  std::uint32_t classes = 0;  // Lexicon word-class bits, filled by the analyzer.
};

struct Sentence {
  std::uint32_t first = 0;  // Token range [first, end).
  std::uint32_t end = 0;
};

// Lower-cased words known to the lexicons. Immutable once built.
class Vocabulary {
 public:
  // Returns the id of `lower`, adding it if new.
  std::int32_t Add(std::string_view lower);
  // Returns the id of `lower`, or -1.
  std::int32_t Find(std::string_view lower) const;
  std::size_t max_word_bytes() const { return max_word_bytes_; }

 private:
  // Open addressing with linear probing over a power-of-two table (looked
  // up once per token: one cache line for the slot, one for the bytes).
  struct Slot {
    std::uint32_t check = 0;  // High hash bits | 1; 0 marks an empty slot.
    std::int32_t id = -1;
    std::uint32_t offset = 0;  // The word's bytes in words_.
    std::uint32_t size = 0;
  };
  static std::uint64_t HashOf(std::string_view s);
  void Grow();

  nlp::HugePageVector<Slot> slots_;
  std::string words_;
  std::size_t count_ = 0;
  std::size_t max_word_bytes_ = 0;
};

// The text layer of one article: its tokens and sentences, made once by
// Tokenize() and read by every analysis stage.
struct TokenizedText {
  std::string_view text;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::size_t word_count = 0;
  bool wrapped = false;  // Hard-wrapped plain text (see LineBreaks).
};

// Splits `text` (UTF-8; invalid bytes count as one code point each, like
// the quantity extractor) into word and punctuation tokens and sentences.
// Words split at hyphens and before possessive "'s"; "U.S.", "JD.com",
// "1,234.5" stay whole. A newline starts a paragraph (kParagraphStart)
// unless the text is hard-wrapped and the newline only wraps a line
// (LineBreaks). Sentences: see SplitSentences(). `text` must outlive `out`.
void Tokenize(std::string_view text, const Vocabulary& vocab, TokenizedText* out);

// Lower-case form of a token's text (Unicode-aware).
void AppendLower(std::string_view text, std::string* out);

// The token's text.
inline std::string_view TokenText(const TokenizedText& t, const Token& tok) {
  return t.text.substr(tok.begin, tok.end - tok.begin);
}

}  // namespace newsx::extract::text

namespace newsx::extract::analysis {
// The analysis stages read the text layer under these names.
using text::AppendLower;
using text::Sentence;
using text::Token;
using text::TokenizedText;
using text::TokenText;
using text::Vocabulary;
using text::kAllUpper;
using text::kHasAlpha;
using text::kHasDigit;
using text::kLineStart;
using text::kParagraphStart;
using text::kPossessive;
using text::kSpaceBefore;
using text::kUpperInitial;
using text::kWordToken;
}  // namespace newsx::extract::analysis
