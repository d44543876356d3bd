#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "quantity/lexicon.h"

namespace newsx::extract::internal {

enum class TokenKind : std::uint8_t {
  kWord,     // Letters (ASCII or any non-ASCII letter-like code point).
  kNumeral,  // "1,234.5", ".25", "40 000".
  kSymbol,   // One punctuation or symbol code point.
};

struct Token {
  std::uint32_t begin = 0;  // Byte offsets into the text.
  std::uint32_t end = 0;
  std::uint32_t cp_begin = 0;  // Code-point offsets.
  std::uint32_t cp_end = 0;
  TokenKind kind = TokenKind::kWord;
  bool space_before = false;  // Whitespace between the previous token and this.
  bool line_start = false;    // First token of the text or of a line.
  bool capitalized = false;   // kWord: starts with an ASCII capital.
  char32_t symbol = 0;        // kSymbol: the code point.
  const WordInfo* info = nullptr;  // kWord: lexicon entry, if any.
  // kNumeral:
  double value = 0;
  bool integer = true;        // No decimal part.
  bool grouped = false;       // Has thousands separators.
  bool leading_zero = false;  // "0000", "01".
  bool valid = true;          // False for digit runs too long to be amounts.
  std::uint16_t int_digits = 0;
};

// The text split into tokens, with an ASCII-lower-cased copy for lookups.
struct TokenizedText {
  std::string_view text;
  std::uint32_t cp_base = 0;   // Code points before `text` in the caller's text.
  std::uint32_t cp_count = 0;  // Code points in `text`.
  std::string lower;
  std::vector<Token> tokens;

  std::string_view Lower(const Token& t) const {
    return std::string_view(lower).substr(t.begin, t.end - t.begin);
  }
  std::string_view Raw(const Token& t) const { return text.substr(t.begin, t.end - t.begin); }
  // True when tokens i and i+1 touch (no whitespace between them).
  bool Attached(std::size_t i) const {
    return i + 1 < tokens.size() && !tokens[i + 1].space_before;
  }
  bool IsWord(std::size_t i, std::string_view lower_word) const {
    return i < tokens.size() && tokens[i].kind == TokenKind::kWord &&
           Lower(tokens[i]) == lower_word;
  }
  bool IsSymbol(std::size_t i, char32_t c) const {
    return i < tokens.size() && tokens[i].kind == TokenKind::kSymbol && tokens[i].symbol == c;
  }
};

// Splits `text` into tokens (whitespace dropped, URLs skipped). Invalid
// UTF-8 bytes become one-code-point symbol tokens. Code-point offsets start
// at `cp_base`. Reuses out's buffers.
void Tokenize(std::string_view text, std::uint32_t cp_base, const Lexicon& lexicon,
              TokenizedText* out);

}  // namespace newsx::extract::internal
