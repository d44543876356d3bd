#include "newsx/core/strings.h"
#include "text/english_check.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace newsx::extract::text {

namespace {

// Frequent in English, rare as words of other Latin-script languages.
// ("in", "on", "is" are words of German, French or Dutch too.)
constexpr std::array<std::string_view, 21> kFunctionWords = {
    "the",  "of",   "and",  "to",    "that", "for",  "with",
    "was",  "are",  "it",   "this",  "by",   "from", "have",
    "has",  "be",   "which", "its",  "were", "their", "will"};

bool IsFunctionWord(std::string_view w) {
  if (w.size() > 5) return false;
  char lower[6];
  for (std::size_t i = 0; i < w.size(); ++i) lower[i] = AsciiLower(w[i]);
  const std::string_view l(lower, w.size());
  return std::find(kFunctionWords.begin(), kFunctionWords.end(), l) != kFunctionWords.end();
}

}  // namespace

bool LooksEnglish(const TokenizedText& t) {
  int words = 0, function = 0;
  for (const Token& tok : t.tokens) {
    if (!(tok.flags & kWordToken)) continue;
    ++words;
    function += IsFunctionWord(TokenText(t, tok));
  }
  if (words < kMinWordsToJudge) return true;
  return function * 25 >= words;
}

}  // namespace newsx::extract::text
