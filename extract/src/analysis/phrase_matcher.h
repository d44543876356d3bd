#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/lexicon.h"
#include "text/tokenizer.h"

namespace newsx::extract::analysis {

// One compiled lexicon phrase.
struct PhraseInfo {
  PhraseKind kind = PhraseKind::kEntity;
  std::uint32_t ref = 0;
  // Short all-caps aliases ("US", "AMD") must match case exactly, so that
  // "us" is not the United States.
  bool exact_case = false;
  // Proper-noun aliases need an upper-case first letter in the text (or an
  // all-caps text), so that "apple" is not Apple.
  bool capitalized = false;
  std::vector<std::string> exact_tokens;  // Original token texts when exact_case.
};

// A trie over vocabulary ids that finds every lexicon phrase in a token
// sequence in one pass. Immutable after Build(); thread-safe.
class PhraseMatcher {
 public:
  // Tokenizes each phrase with the text tokenizer, adding its words to
  // `vocab`, so that phrases and text split the same way.
  void Build(const std::vector<Phrase>& phrases, Vocabulary* vocab);

  // Calls fn(first_token, end_token, const PhraseInfo&) for every phrase
  // occurrence in `t` (all lengths, overlapping), in order of first token.
  // Phrases never span a paragraph break.
  template <typename Fn>
  void ForEachMatch(const TokenizedText& t, Fn&& fn) const {
    const auto n = static_cast<std::uint32_t>(t.tokens.size());
    for (std::uint32_t i = 0; i < n; ++i) {
      if (t.tokens[i].word < 0) continue;
      std::uint32_t node = 0;
      for (std::uint32_t j = i; j < n; ++j) {
        const Token& tok = t.tokens[j];
        if (tok.word < 0 || (j > i && (tok.flags & kParagraphStart))) break;
        const auto it = edges_.find(Key(node, tok.word));
        if (it == edges_.end()) break;
        node = it->second;
        for (std::uint32_t p : terminals_[node]) {
          if (Accepts(t, i, j + 1, infos_[p])) fn(i, j + 1, infos_[p]);
        }
      }
    }
  }

  // Calls fn(const PhraseInfo&) for every phrase that spans exactly tokens
  // [first, end) of `t`.
  template <typename Fn>
  void ForEachExact(const TokenizedText& t, std::uint32_t first, std::uint32_t end, Fn&& fn) const {
    std::uint32_t node = 0;
    for (std::uint32_t j = first; j < end; ++j) {
      const std::int32_t word = t.tokens[j].word;
      if (word < 0) return;
      const auto it = edges_.find(Key(node, word));
      if (it == edges_.end()) return;
      node = it->second;
    }
    for (std::uint32_t p : terminals_[node]) {
      if (Accepts(t, first, end, infos_[p])) fn(infos_[p]);
    }
  }

 private:
  static std::uint64_t Key(std::uint32_t node, std::int32_t word) {
    return (static_cast<std::uint64_t>(node) << 32) | static_cast<std::uint32_t>(word);
  }
  static bool Accepts(const TokenizedText& t, std::uint32_t first, std::uint32_t end,
                      const PhraseInfo& info);

  std::unordered_map<std::uint64_t, std::uint32_t> edges_;
  std::vector<std::vector<std::uint32_t>> terminals_{1};  // Node -> infos_ indices.
  std::vector<PhraseInfo> infos_;
};

}  // namespace newsx::extract::analysis
