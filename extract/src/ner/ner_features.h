#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "text/tokenizer.h"

namespace newsx::extract::ner {

// Word lists the tagger knows by heart (they travel inside the model file,
// so that training and tagging see the same lists): bits in WordListBits.
enum WordList : std::uint32_t {
  kFirstName = 1u << 0,    // Given names ("Jensen", "Gina").
  kCompanyWord = 1u << 1,  // Words of company names and tickers.
  kCommonWord = 1u << 2,   // Words written in lower case in general text.
};

// The lower-cased forms of the words a document writes in lower case: a
// capitalized "Union" in a text that also says "union" is likely not a name.
class DocumentWords {
 public:
  void Clear() { words_.clear(); }
  void Add(std::uint64_t lower_hash) { words_.push_back(lower_hash); }
  void Finish() {
    std::sort(words_.begin(), words_.end());
    words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
  }
  bool Has(std::uint64_t lower_hash) const {
    return std::binary_search(words_.begin(), words_.end(), lower_hash);
  }

 private:
  std::vector<std::uint64_t> words_;
};

// Lower-cased word -> WordList bits. Immutable after construction.
class WordLists {
 public:
  void Add(std::string_view lower, std::uint32_t bits);
  std::uint32_t Find(std::uint64_t lower_hash) const;
  // Sorted (hash, bits) pairs: the form stored in the model file.
  const std::vector<std::pair<std::uint64_t, std::uint32_t>>& entries() const { return entries_; }
  void Set(std::vector<std::pair<std::uint64_t, std::uint32_t>> sorted_entries);

 private:
  std::vector<std::pair<std::uint64_t, std::uint32_t>> entries_;  // Sorted by hash.
};

// Hash of a string, the base of every feature id. Stable across platforms:
// feature ids are stored in model files.
std::uint64_t HashString(std::string_view s);

// Adds the lower-case words of tokens [first, end) of `t` to `doc`.
void AddLowerCaseWords(const text::TokenizedText& t, std::uint32_t first, std::uint32_t end,
                       DocumentWords* doc);

// The features of every token of one sentence, as 64-bit ids.
// Thread-compatible: one instance per worker, reused across sentences.
class FeatureExtractor {
 public:
  // Computes the features of tokens [first, end) of `t`. `gazetteer` holds
  // one analysis::GazetteerBit mask per token of `t`. After the call,
  // Features(i) for i in [0, end - first) are the ids of token first + i.
  // `doc` holds the document's lower-case words (AddLowerCaseWords()).
  void Extract(const text::TokenizedText& t, std::uint32_t first, std::uint32_t end,
               std::span<const std::uint64_t> gazetteer, const WordLists& lists,
               const DocumentWords& doc);

  std::span<const std::uint64_t> Features(std::size_t i) const {
    return {ids_.data() + offsets_[i], offsets_[i + 1] - offsets_[i]};
  }
  std::size_t size() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  // The features of all tokens, token after token.
  std::span<const std::uint64_t> AllFeatures() const { return ids_; }

 private:
  struct TokenInfo {
    std::uint64_t lower = 0, form = 0, shape = 0, prefix = 0, suffix3 = 0, suffix4 = 0;
    std::uint64_t gazetteer = 0;
    std::uint32_t lists = 0;
    bool capitalized = false;
    bool lower_in_doc = false;
  };
  std::vector<TokenInfo> tokens_;
  std::vector<std::uint64_t> ids_;
  std::vector<std::size_t> offsets_;
  std::string lower_, shape_;
  std::vector<std::uint8_t> run_scratch_;
};

}  // namespace newsx::extract::ner
