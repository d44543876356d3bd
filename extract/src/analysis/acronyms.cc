#include "analysis/acronyms.h"

#include <algorithm>

namespace newsx::extract::analysis {

namespace {

constexpr std::uint32_t kMaxTail = 4;  // Words of a "for Prosperity" tail, the preposition included.

bool IsQuote(std::string_view w) {
  return w == "\"" || w == "\u201d" || w == "\u201c" || w == "'" || w == "\u2019";
}

// Function words have no initial in most acronyms, in either case
// ("preliminary memorandum of terms (PMT)").
bool IsFunctionWord(std::string_view w) {
  std::string lower(w);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (const char* f : {"of", "and", "the", "for", "on", "in", "to", "&", "a"}) {
    if (lower == f) return true;
  }
  return false;
}

}  // namespace

bool IsAcronym(std::string_view w) {
  if (w.size() < 2 || w.size() > 6) return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

void Initials(std::string_view name, std::string* content, std::string* all) {
  content->clear();
  all->clear();
  std::size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && (name[i] == ' ' || name[i] == '-')) ++i;
    const std::size_t b = i;
    while (i < name.size() && name[i] != ' ' && name[i] != '-') ++i;
    if (b == i) break;
    // A possessive is no word of its own ("North America's Building Trades
    // Unions (NABTU)").
    const std::string_view word = name.substr(b, i - b);
    if (word == "'s" || word == "\u2019s" || word == "'" || word == "\u2019") continue;
    const char c = name[b];
    const char up = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    all->push_back(up);
    if (!IsFunctionWord(name.substr(b, i - b))) content->push_back(up);
  }
}

AcronymDefinitions FindAcronymDefinitions(const DocState& d) {
  AcronymDefinitions out;
  std::string content, all, words;
  for (std::uint32_t i = 2; i + 1 < d.size(); ++i) {
    const std::string_view acronym = TokenText(d.tt, d.tok(i));
    if (!IsAcronym(acronym) || TokenText(d.tt, d.tok(i - 1)) != "(" ||
        TokenText(d.tt, d.tok(i + 1)) != ")" || out.count(acronym) != 0) {
      continue;
    }
    std::uint32_t end = i - 1;
    while (end > 0 && IsQuote(TokenText(d.tt, d.tok(end - 1)))) --end;
    for (std::uint32_t first = end; first-- > 0 && end - first <= acronym.size() + 3;) {
      // Hyphens inside the words are theirs ("Thin-Film Lithium Niobate").
      const bool hyphen = TokenText(d.tt, d.tok(first)) == "-";
      const bool possessive = (d.tok(first).flags & kPossessive) != 0;
      if (!(d.tok(first).flags & kWordToken) && !hyphen && !possessive) break;
      if (hyphen || possessive) continue;
      words.clear();
      for (std::uint32_t k = first; k < end; ++k) {
        if (k > first) words.push_back(' ');
        words += TokenText(d.tt, d.tok(k));
      }
      Initials(words, &content, &all);
      if (content == acronym || all == acronym) {
        out.emplace(acronym, TokenRange{first, end});
        break;
      }
      // The words before a short "for/of/on" tail spell it: "Indo-Pacific
      // Economic Framework for Prosperity (IPEF)", "Inflation Reduction Act
      // of 2022 (IRA)". The definition is all the words.
      bool found = false;
      for (std::uint32_t p = std::max(first + 2, end > kMaxTail ? end - kMaxTail : 0);
           p < end && !found; ++p) {
        const std::string_view w = TokenText(d.tt, d.tok(p));
        if (w != "for" && w != "of" && w != "on") continue;
        words.clear();
        for (std::uint32_t k = first; k < p; ++k) {
          if (k > first) words.push_back(' ');
          words += TokenText(d.tt, d.tok(k));
        }
        Initials(words, &content, &all);
        found = content == acronym;
      }
      if (found) {
        out.emplace(acronym, TokenRange{first, end});
        break;
      }
    }
  }
  return out;
}

}  // namespace newsx::extract::analysis
