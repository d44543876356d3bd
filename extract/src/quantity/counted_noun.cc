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

// Words that usually modify a singular head rather than being it.
bool LooksAdjective(std::string_view lower) {
  static constexpr std::string_view kSuffixes[] = {"al", "ic", "ive", "ous", "ful", "less",
                                                   "able", "ible", "ed", "est", "ing", "ese",
                                                   "ian", "ish"};
  static constexpr std::string_view kWords[] = {
      "major", "large", "big", "small", "new", "old", "high", "low", "top", "key", "main",
      "single", "full", "whole", "initial", "final", "great", "long", "short", "senior",
      "chief", "former", "other", "only", "early", "late", "recent", "most", "least", "more",
      "straight", "next", "same", "such"};
  for (auto w : kWords) {
    if (lower == w) return true;
  }
  for (auto suffix : kSuffixes) {
    if (lower.size() > suffix.size() + 2 && lower.ends_with(suffix)) return true;
  }
  return false;
}

bool IsDashLike(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

bool AllCapsPrefix(std::string_view raw) {
  for (char c : raw) {
    if (!std::isupper(static_cast<unsigned char>(c))) return false;
  }
  return !raw.empty();
}

bool AllCaps(std::string_view raw) {
  bool letters = false;
  for (char c : raw) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    letters |= std::isupper(static_cast<unsigned char>(c)) != 0;
  }
  return letters;
}

// Acronym plurals ("GPUs", "CPUs") are common nouns despite the capitals.
bool AcronymPlural(std::string_view raw) {
  return raw.size() >= 3 && raw.back() == 's' && AllCapsPrefix(raw.substr(0, raw.size() - 1));
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
    if (t.kind != TokenKind::kWord || t.line_start) break;
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
    const std::string_view lower = tt_.Lower(t);
    if (plural ? (LooksPlural(lower, t.info) || AcronymPlural(tt_.Raw(t)))
               : (w == n - 1 || !(LooksAdjective(lower) || AllCaps(tt_.Raw(t)) || t.capitalized))) {
      head = w;
      break;
    }
  }
  if (head == n) return;
  const Token& h = toks[words[head]];
  // Capitalized heads are names or headline case ("First Nvidia H200 AI
  // Chip Imports"): too unreliable to lemmatize.
  const bool acronym = AcronymPlural(tt_.Raw(h));
  if (!acronym && (h.capitalized || AllCaps(tt_.Raw(h)))) return;
  if (h.end - h.begin < 2) return;
  m->unit_span = CpSpan(words[head], words[head]);
  const std::string_view lower = tt_.Lower(h);
  m->quantity.unit = acronym ? std::string(lower.substr(0, lower.size() - 1))
                             : Singularize(lower, lexicon_);
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
  if (!modifiers_proper) *text_last = words[head];
}

}  // namespace newsx::extract::internal
