// Number phrases outside the cardinal grammar: vague amounts ("several
// hundred", "tens of billions"), multiplier words ("twice", "sixfold") and
// relative ordinals ("next", "penultimate").
#include <string_view>

#include "quantity/number_parser.h"

namespace newsx::extract::internal {

bool NumberParser::ParseVague(std::size_t i, NumberPhrase* out) const {
  const auto& toks = tt_.tokens;
  std::size_t p = i;
  const WordInfo* info = toks[p].info;
  if (tt_.IsWord(p, "a") && tt_.IsWord(p + 1, "few")) info = toks[++p].info;
  if (info == nullptr) return false;
  if (info->vague_high != 0) {  // "several", "few" + magnitude words
    double product = 1;
    double previous = 0;  // Magnitudes must grow: "hundred thousand", not "hundred hundred".
    std::size_t k = p + 1;
    while (k < toks.size() && toks[k].info != nullptr &&
           (toks[k].info->cardinal_class == NumClass::kHundred ||
            toks[k].info->cardinal_class == NumClass::kScale ||
            tt_.Lower(toks[k]) == "dozen") &&
           toks[k].info->cardinal > previous) {
      previous = toks[k].info->cardinal;
      product *= previous;
      ++k;
    }
    if (k == p + 1) return false;
    *out = NumberPhrase{};
    out->first = i;
    out->last = k - 1;
    out->vague = out->words = out->has_magnitude = true;
    out->low = info->vague_low * product;
    out->high = info->vague_high * product;
    out->magnitude = product;
    return true;
  }
  if (!info->plural_magnitude || p != i) return false;
  // "hundreds", "hundreds of thousands", "tens of billions".
  const double first = info->vague_low;
  double product = first;
  std::size_t last = p;
  std::size_t k = p + 1;
  int chain = 1;
  while (k + 1 < toks.size() && tt_.IsWord(k, "of") && toks[k + 1].info != nullptr &&
         toks[k + 1].info->plural_magnitude && toks[k + 1].info->vague_low > product) {
    product *= toks[k + 1].info->vague_low;
    last = k + 1;
    k += 2;
    ++chain;
  }
  const bool small_unit = first == 10 || first == 12 || first == 20;
  if (small_unit && chain == 1 && !tt_.IsWord(last + 1, "of")) return false;
  *out = NumberPhrase{};
  out->first = i;
  out->last = last;
  out->vague = out->words = out->has_magnitude = true;
  out->low = small_unit && chain == 1 ? 2 * first : product;
  if (chain > 1) out->high = product / first * (first >= 1000 ? first * 1000 : first * 10);
  out->magnitude = product;
  return true;
}

bool NumberParser::ParseRelative(std::size_t i, NumberPhrase* out) const {
  const auto& toks = tt_.tokens;
  auto word = [&](std::size_t k, std::string_view w) { return tt_.IsWord(k, w); };
  auto set = [&](std::size_t last, double offset, const char* relative_to) {
    *out = NumberPhrase{};
    out->first = i;
    out->last = last;
    out->ordinal = true;
    out->value = offset;
    out->relative_to = relative_to;
    return true;
  };
  // "one" after next/current is part of the phrase unless a noun follows.
  auto with_one = [&](std::size_t k) {
    return word(k + 1, "one") && !(k + 2 < toks.size() && toks[k + 2].kind == TokenKind::kWord)
               ? k + 1
               : k;
  };
  if (word(i, "the") && word(i + 1, "one") && word(i + 2, "before") && word(i + 3, "the") &&
      word(i + 4, "last")) {
    return set(word(i + 5, "one") ? i + 5 : i + 4, -1, "end");
  }
  if (word(i, "next") && word(i + 1, "to") && word(i + 2, "last")) return set(i + 2, -1, "end");
  if (word(i, "penultimate")) return set(i, -1, "end");
  if (word(i, "antepenultimate")) return set(i, -2, "end");
  if (word(i, "last")) return set(i, 0, "end");
  if (word(i, "next")) return set(with_one(i), 1, "current");
  if (word(i, "previous")) return set(i, -1, "current");
  if (word(i, "current")) return set(with_one(i), 0, "current");
  return false;
}

bool NumberParser::ParseMultiplierWord(std::size_t i, NumberPhrase* out) const {
  const WordInfo* info = tt_.tokens[i].info;
  const double value = info != nullptr ? info->multiplier : 0;
  if (value == 0) return false;
  *out = NumberPhrase{};
  out->first = out->last = i;
  out->value = value;
  out->words = true;
  out->multiplier = true;
  return true;
}

}  // namespace newsx::extract::internal
