#include "text/sentence_splitter.h"

#include <string_view>

namespace newsx::extract::text {

namespace {

bool IsAbbreviation(std::string_view word) {
  if (word.size() == 1) return word[0] >= 'A' && word[0] <= 'Z';
  static constexpr std::string_view kAbbreviations[] = {
      "Mr",  "Mrs", "Ms",   "Dr",  "St",  "Jan",  "Feb", "Mar", "Apr",    "Jun", "Jul",
      "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",  "No",  "Sen", "Rep",    "Gov", "Gen",
      "Lt",  "Col", "Jr",   "Sr",  "vs",  "Prof", "Mt",  "Ft",  "approx", "e.g", "i.e"};
  for (std::string_view a : kAbbreviations) {
    if (a == word) return true;
  }
  return false;
}

// "Nvidia Corp. (NASDAQ: NVDA) said": after a legal form only a capitalized
// word opens a sentence, not a bracket or a number, which press releases put
// straight after the firm's name.
bool IsLegalForm(std::string_view word) {
  static constexpr std::string_view kLegalForms[] = {"Corp", "Inc", "Co", "Ltd", "Cos", "Plc", "Bros"};
  for (std::string_view a : kLegalForms) {
    if (a == word) return true;
  }
  return false;
}

bool IsClosing(std::string_view s) {
  return s == "\"" || s == ")" || s == "'" || s == "\u201d" || s == "\u2019" || s == "]";
}

bool IsOpening(std::string_view s) {
  return s == "\"" || s == "(" || s == "\u201c" || s == "'" || s == "\u2018";
}

}  // namespace

void SplitSentences(TokenizedText* t) {
  const auto n = static_cast<std::uint32_t>(t->tokens.size());
  std::uint32_t start = 0;
  auto close = [&](std::uint32_t end) {
    if (end > start) t->sentences.push_back(Sentence{start, end});
    start = end;
  };
  for (std::uint32_t i = 0; i < n; ++i) {
    const Token& tok = t->tokens[i];
    if (i > start && ((tok.flags & kParagraphStart) || i - start >= kMaxSentenceTokens)) close(i);
    if (tok.flags & kWordToken) continue;
    const std::string_view s = TokenText(*t, tok);
    if (s != "." && s != "!" && s != "?") continue;
    std::uint32_t j = i + 1;
    while (j < n && !(t->tokens[j].flags & (kSpaceBefore | kWordToken)) &&
           IsClosing(TokenText(*t, t->tokens[j]))) {
      ++j;
    }
    if (j >= n) break;
    const Token& next = t->tokens[j];
    if (!(next.flags & (kSpaceBefore | kParagraphStart))) continue;
    const bool after_word = s == "." && i > 0 && (t->tokens[i - 1].flags & kWordToken);
    const std::string_view before = after_word ? TokenText(*t, t->tokens[i - 1]) : std::string_view();
    const bool starts_sentence =
        after_word && IsLegalForm(before)
            ? (next.flags & kWordToken) && (next.flags & kUpperInitial)
            : (next.flags & (kUpperInitial | kHasDigit)) || IsOpening(TokenText(*t, next));
    const bool after_abbreviation = after_word && IsAbbreviation(before);
    if (starts_sentence && !after_abbreviation) close(j);
  }
  close(n);
}

}  // namespace newsx::extract::text
