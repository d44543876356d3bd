// A single-pass tokenizer for the quantity grammar. Hand-written rather than
// RE2 because numerals need context (is "1,3" a decimal or a list?) and one
// pass over the bytes is several times faster than a regex scan per rule.
#include "quantity/tokenizer.h"

#include <charconv>
#include <cstring>

namespace newsx::extract::internal {
namespace {

// Digit runs longer than this are identifiers or garbage, not amounts.
constexpr std::size_t kMaxNumeralChars = 40;

bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Decodes one UTF-8 sequence at text[i]; returns its length (1 for an
// invalid byte, which decodes to U+FFFD).
std::size_t Decode(std::string_view text, std::size_t i, char32_t* cp) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  std::size_t len = 0;
  char32_t value = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    value = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    value = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    value = b0 & 0x07;
  } else {
    *cp = 0xFFFD;
    return 1;
  }
  if (i + len > text.size()) {
    *cp = 0xFFFD;
    return 1;
  }
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) {
      *cp = 0xFFFD;
      return 1;
    }
    value = (value << 6) | (b & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < kMin[len] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    *cp = 0xFFFD;
    return 1;
  }
  *cp = value;
  return len;
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0xA0 || c == 0x202F || c == 0x2009 || c == 0x2007 || c == 0x3000 || c == 0x200B;
}

// Non-ASCII code points that are punctuation or symbols rather than letters:
// Latin-1 punctuation and signs (¢ £ ¥ ¼ ½ ¾), general punctuation (dashes,
// quotes), currency signs, number forms (⅓), arrows and math operators.
bool IsSymbolCodePoint(char32_t c) {
  return (c >= 0xA1 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x2BFF) ||
         (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) || c == 0xFFFD ||
         c == 0x0E3F || c == 0x20A9 || c == 0x17DB;
}

// Group separators between digit groups: "40 000", "40\u202F000".
bool IsGroupSpace(std::string_view text, std::size_t i, std::size_t* len) {
  if (i >= text.size()) return false;
  if (text[i] == ' ') {
    *len = 1;
    return true;
  }
  char32_t cp = 0;
  const std::size_t n = Decode(text, i, &cp);
  if (cp == 0xA0 || cp == 0x202F || cp == 0x2009) {
    *len = n;
    return true;
  }
  return false;
}

std::size_t DigitRun(std::string_view text, std::size_t i) {
  std::size_t j = i;
  while (j < text.size() && IsDigit(static_cast<unsigned char>(text[j]))) ++j;
  return j - i;
}

// Scans a numeral starting at text[i] (a digit, or '.' before a digit) and
// fills the numeric fields of `t`. Returns the end byte offset.
std::size_t ScanNumeral(std::string_view text, std::size_t i, bool prev_is_numeral, Token* t) {
  char buffer[kMaxNumeralChars + 2];
  std::size_t used = 0;
  bool overflow = false;
  auto append = [&](std::string_view digits) {
    if (used + digits.size() > kMaxNumeralChars) {
      overflow = true;
      return;
    }
    std::memcpy(buffer + used, digits.data(), digits.size());
    used += digits.size();
  };
  std::size_t j = i;
  const std::size_t int_len = DigitRun(text, j);
  append(text.substr(j, int_len));
  t->int_digits = static_cast<std::uint16_t>(int_len > 0xFFFF ? 0xFFFF : int_len);
  t->leading_zero = int_len > 1 && text[j] == '0';
  j += int_len;
  bool space_grouping_allowed = int_len >= 1 && int_len <= 3 && !prev_is_numeral;
  while (j < text.size() && int_len > 0) {
    const char c = text[j];
    const std::size_t run = j + 1 < text.size() ? DigitRun(text, j + 1) : 0;
    if (c == ',' && run == 3) {
      append(text.substr(j + 1, 3));
      t->grouped = true;
      space_grouping_allowed = false;
      j += 4;
      continue;
    }
    if (c == ',' && run > 0 && run != 3 && !t->grouped) {
      // "1,3" is a decimal comma; "22,24,26" is a list.
      const std::size_t after = j + 1 + run;
      const bool list = after + 1 < text.size() && (text[after] == ',' || text[after] == '.') &&
                        IsDigit(static_cast<unsigned char>(text[after + 1]));
      const bool in_list = i > 0 && text[i - 1] == ',';
      if (!list && !in_list && int_len <= 3) {
        append(".");
        append(text.substr(j + 1, run));
        t->integer = false;
        j = after;
      }
      break;
    }
    std::size_t gap = 0;
    if (space_grouping_allowed && IsGroupSpace(text, j, &gap)) {
      const std::size_t grun = DigitRun(text, j + gap);
      const std::size_t after = j + gap + grun;
      const bool clean_end = after >= text.size() ||
                             !(text[after] == '.' || text[after] == ',') ||
                             after + 1 >= text.size() ||
                             !IsDigit(static_cast<unsigned char>(text[after + 1]));
      if (grun == 3 && clean_end) {
        append(text.substr(j + gap, 3));
        t->grouped = true;
        j = after;
        continue;
      }
    }
    break;
  }
  if (j + 1 < text.size() && text[j] == '.' && IsDigit(static_cast<unsigned char>(text[j + 1])) &&
      t->integer) {
    const std::size_t run = DigitRun(text, j + 1);
    append(".");
    append(text.substr(j + 1, run));
    t->integer = false;
    j += 1 + run;
  } else if (int_len == 0) {  // ".25"
    const std::size_t run = DigitRun(text, j + 1);
    append("0.");
    append(text.substr(j + 1, run));
    t->integer = false;
    j += 1 + run;
  }
  t->valid = !overflow;
  if (t->valid) {
    double value = 0;
    auto [ptr, ec] = std::from_chars(buffer, buffer + used, value);
    t->valid = ec == std::errc() && ptr == buffer + used;
    t->value = value;
  }
  return j;
}

// Length of a URL or e-mail address starting at text[i], or 0.
std::size_t UrlLength(std::string_view lower, std::size_t i) {
  const std::string_view rest = lower.substr(i);
  if (!(rest.starts_with("http://") || rest.starts_with("https://") ||
        rest.starts_with("www."))) {
    return 0;
  }
  std::size_t j = i;
  while (j < lower.size() && !IsSpace(static_cast<unsigned char>(lower[j]))) ++j;
  return j - i;
}

}  // namespace

void Tokenize(std::string_view text, std::uint32_t cp_base, const Lexicon& lexicon,
              TokenizedText* out) {
  out->text = text;
  out->cp_base = cp_base;
  out->lower.assign(text);
  for (char& c : out->lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  out->tokens.clear();
  const std::string_view lower = out->lower;
  std::uint32_t cp = cp_base;  // Code points before byte i.
  bool space = true;
  bool line_start = true;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t') {
      ++i;
      ++cp;
      space = true;
      continue;
    }
    if (c == '\n' || c == '\r') {
      ++i;
      ++cp;
      space = true;
      line_start = true;
      continue;
    }
    Token t;
    t.begin = static_cast<std::uint32_t>(i);
    t.cp_begin = cp;
    t.space_before = space;
    t.line_start = line_start;
    std::size_t j = i;
    std::uint32_t cps = 0;
    if (IsDigit(c) || (c == '.' && i + 1 < text.size() &&
                       IsDigit(static_cast<unsigned char>(text[i + 1])) &&
                       (out->tokens.empty() || space ||
                        out->tokens.back().kind != TokenKind::kNumeral))) {
      t.kind = TokenKind::kNumeral;
      const bool prev_numeral =
          !out->tokens.empty() && out->tokens.back().kind == TokenKind::kNumeral;
      j = ScanNumeral(text, i, prev_numeral, &t);
      // Group separators may be multi-byte spaces: count code points.
      for (std::size_t k = i; k < j;) {
        char32_t ignored = 0;
        k += Decode(text, k, &ignored);
        ++cps;
      }
    } else if (c < 0x80 && !IsAsciiLetter(c)) {
      t.kind = TokenKind::kSymbol;
      t.symbol = c;
      j = i + 1;
      cps = 1;
    } else {
      char32_t first = 0;
      std::size_t n = Decode(text, i, &first);
      if (IsSpace(first)) {
        i += n;
        ++cp;
        space = true;
        continue;
      }
      if (first >= 0x80 && IsSymbolCodePoint(first)) {
        t.kind = TokenKind::kSymbol;
        t.symbol = first;
        j = i + n;
        cps = 1;
      } else {
        const std::size_t url = UrlLength(lower, i);
        if (url > 0) {
          // Numbers inside URLs ("?q=30%25") are not amounts.
          for (const std::size_t stop = i + url; i < stop; ++cp) {
            char32_t ignored = 0;
            i += Decode(text, i, &ignored);
          }
          space = false;
          continue;
        }
        t.kind = TokenKind::kWord;
        t.capitalized = c >= 'A' && c <= 'Z';
        while (j < text.size()) {
          const auto b = static_cast<unsigned char>(text[j]);
          if (b < 0x80) {
            if (!IsAsciiLetter(b)) break;
            ++j;
            ++cps;
            continue;
          }
          char32_t u = 0;
          n = Decode(text, j, &u);
          if (IsSpace(u) || IsSymbolCodePoint(u)) break;
          j += n;
          ++cps;
        }
        const std::string_view word = lower.substr(i, j - i);
        if (word.size() <= 24) {
          auto it = lexicon.find(word);
          if (it != lexicon.end()) t.info = &it->second;
        }
      }
    }
    t.end = static_cast<std::uint32_t>(j);
    t.cp_end = cp + cps;
    cp = t.cp_end;
    i = j;
    space = false;
    line_start = false;
    out->tokens.push_back(t);
  }
  out->cp_count = cp - cp_base;
}

}  // namespace newsx::extract::internal
