// The counted noun after an amount: "two anonymous sources" counts
// "source", "more than two million H200 chips" counts "chip". Without a
// part-of-speech tagger the head is the first plural-looking word of the
// noun phrase (the last word for a count of one), and the phrase ends at a
// function word or punctuation.
#include <cctype>

#include "quantity/quantity_builder.h"

namespace newsx::extract::internal {
namespace {

// Longest noun phrase considered, in words.
constexpr std::size_t kMaxNounPhraseWords = 6;

bool LooksPlural(std::string_view lower, const WordInfo* info) {
  if (info != nullptr && !info->singular.empty()) return true;
  if (lower.size() < 3 || lower.back() != 's') return false;
  return !(lower.ends_with("ss") || lower.ends_with("us") || lower.ends_with("is") ||
           lower.ends_with("'s"));
}

// A capitalized modifier that reads as an adjective of nationality
// ("Chinese", "American", "Dutch") rather than a name.
bool DemonymLike(std::string_view lower) {
  return lower.ends_with("ese") || lower.ends_with("an") || lower.ends_with("ish") ||
         lower.ends_with("ch") || lower.ends_with("i");
}

bool IsDashLike(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

bool AllCaps(std::string_view raw) {
  bool letters = false;
  for (char c : raw) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    letters |= std::isupper(static_cast<unsigned char>(c)) != 0;
  }
  return letters;
}

}  // namespace

void QuantityBuilder::FindCountedNoun(const Amount& a, std::size_t limit, QuantityMatch* m,
                                      std::size_t* text_last) const {
  const auto& toks = tt_.tokens;
  std::size_t k = a.last + 1;
  // Ordinal compounds: "second-most-powerful", "third-largest".
  if (a.kind == "ordinal") {
    while (k + 1 < limit && tt_.IsSymbol(k, '-') && !toks[k].space_before &&
           !toks[k + 1].space_before && toks[k + 1].kind == TokenKind::kWord) {
      k += 2;
    }
    *text_last = k - 1;
  }
  // "hundreds of thousands of people", "two million of the chips" is not.
  if ((a.vague || (a.phrase->has_magnitude && a.phrase->words)) && tt_.IsWord(k, "of")) ++k;
  std::size_t words[kMaxNounPhraseWords];
  std::size_t word_last[kMaxNounPhraseWords];
  std::size_t n = 0;
  while (k < limit && n < kMaxNounPhraseWords) {
    const Token& t = toks[k];
    if (t.kind == TokenKind::kSymbol && IsDashLike(t.symbol) && n > 0 && !t.space_before &&
        k + 1 < limit && !toks[k + 1].space_before && toks[k + 1].kind == TokenKind::kWord) {
      ++k;  // "Chinese-made"
      continue;
    }
    if (t.kind != TokenKind::kWord) break;
    const WordInfo* info = t.info;
    if (info != nullptr &&
        (info->stop || info->cardinal_class != NumClass::kNone ||
         info->ordinal_class != NumClass::kNone || !info->currency.empty() || info->month ||
         info->plural_magnitude || info->determiner)) {
      break;
    }
    std::size_t end = k;
    // Model numbers glued to letters: "H200", "RTX4090".
    while (end + 1 < limit && !toks[end + 1].space_before &&
           toks[end + 1].kind != TokenKind::kSymbol) {
      ++end;
    }
    words[n] = k;
    word_last[n] = end;
    ++n;
    k = end + 1;
  }
  if (n == 0) return;
  std::size_t head = n;
  const bool plural = a.vague || !(a.value == 1 || a.kind == "ordinal");
  for (std::size_t w = 0; w < n; ++w) {
    const Token& t = toks[words[w]];
    if (word_last[w] != words[w]) continue;
    if (plural ? LooksPlural(tt_.Lower(t), t.info) : w == n - 1) {
      head = w;
      break;
    }
  }
  if (head == n) return;
  const Token& h = toks[words[head]];
  if (AllCaps(tt_.Raw(h)) || h.end - h.begin < 2) return;
  m->unit_span = CpSpan(words[head], words[head]);
  m->quantity.unit = Singularize(tt_.Lower(h), lexicon_);
  // The quantity's text covers the noun phrase when it holds only common
  // words: "three large Chinese internet companies", but not "two million
  // H200 chips", whose modifiers name an entity for the linker.
  bool modifiers_proper = false;
  for (std::size_t w = 0; w < head; ++w) {
    const Token& t = toks[words[w]];
    if (word_last[w] != words[w] || AllCaps(tt_.Raw(t)) ||
        (t.capitalized && !DemonymLike(tt_.Lower(t)))) {
      modifiers_proper = true;
    }
  }
  if (!modifiers_proper && !h.capitalized) *text_last = words[head];
}

}  // namespace newsx::extract::internal
