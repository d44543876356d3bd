#include "analysis/phrase_matcher.h"

namespace newsx::extract::analysis {

namespace {

bool IsShortAllCaps(std::string_view s) {
  int letters = 0;
  for (const char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters > 0 && letters <= 4;
}

}  // namespace

void PhraseMatcher::Build(const std::vector<Phrase>& phrases, Vocabulary* vocab) {
  const Vocabulary empty;
  TokenizedText tt;
  std::string lower;
  for (const Phrase& phrase : phrases) {
    Tokenize(phrase.text, empty, &tt);
    if (tt.tokens.empty()) continue;
    PhraseInfo info;
    info.kind = phrase.kind;
    info.ref = phrase.ref;
    const bool proper = phrase.kind == PhraseKind::kEntity || phrase.kind == PhraseKind::kDemonym;
    info.exact_case = proper && IsShortAllCaps(phrase.text);
    info.capitalized = proper && (tt.tokens[0].flags & kUpperInitial);
    std::uint32_t node = 0;
    for (const Token& tok : tt.tokens) {
      lower.clear();
      AppendLower(TokenText(tt, tok), &lower);
      const std::int32_t word = vocab->Add(lower);
      if (info.exact_case) info.exact_tokens.emplace_back(TokenText(tt, tok));
      auto [it, inserted] =
          edges_.emplace(Key(node, word), static_cast<std::uint32_t>(terminals_.size()));
      if (inserted) terminals_.emplace_back();
      node = it->second;
    }
    terminals_[node].push_back(static_cast<std::uint32_t>(infos_.size()));
    infos_.push_back(std::move(info));
  }
}

bool PhraseMatcher::Accepts(const TokenizedText& t, std::uint32_t first, std::uint32_t end,
                            const PhraseInfo& info) {
  if (info.exact_case) {
    for (std::uint32_t i = first; i < end; ++i) {
      if (TokenText(t, t.tokens[i]) != info.exact_tokens[i - first]) return false;
    }
    return true;
  }
  if (info.capitalized) {
    const std::uint16_t flags = t.tokens[first].flags;
    return (flags & (kUpperInitial | kHasDigit)) != 0;
  }
  return true;
}

}  // namespace newsx::extract::analysis
