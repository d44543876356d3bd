#include "analysis/doc_parse.h"

#include <algorithm>

#include "newsx/core/strings.h"

namespace newsx::extract::analysis {

namespace {

constexpr std::uint32_t kTitleMinWords = 3;

bool StartsUpper(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

bool HasLower(std::string_view w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// A headline set in title case ("CPS Technologies Secures $15.5 Million
// Contract"): at least 7 in 10 of its words capitalized.
bool IsTitleCase(const TokenizedText& t, const Sentence& s) {
  std::uint32_t words = 0, upper = 0;
  for (std::uint32_t i = s.first; i < s.end; ++i) {
    const std::string_view w = TokenText(t, t.tokens[i]);
    if (!HasLower(w) && !StartsUpper(w)) continue;
    ++words;
    upper += StartsUpper(w) && HasLower(w);
  }
  return words >= kTitleMinWords && upper * 10 >= words * 7;
}

bool IsPunct(std::string_view w) { return w.size() == 1 && (w[0] == ':' || w[0] == ',' || w[0] == '-'); }

bool IsAlnumStart(std::string_view w) {
  return !w.empty() && ((w[0] >= 'A' && w[0] <= 'Z') || (w[0] >= '0' && w[0] <= '9'));
}

// Name asides: a short parenthesis right after a name that holds only names,
// capitalized words and numbers: an acronym ("Bureau of Industry and
// Security (BIS) updated"), a ticker ("Amazon (NASDAQ: AMZN), Microsoft").
// The parser, trained on text with few of them, lets them break the sentence
// (the conjuncts after a ticker hang on the exchange), so they are left out of
// the parse and attached to the name as an apposition afterwards.
constexpr std::uint32_t kAsideMaxWords = 5;

std::vector<std::uint8_t> MarkAsides(const TokenizedText& t, const Sentence& s,
                                     const std::vector<bool>& names) {
  std::vector<std::uint8_t> hidden(s.end - s.first, 0);
  for (std::uint32_t p = s.first + 1; p < s.end; ++p) {
    if (TokenText(t, t.tokens[p]) != "(") continue;
    const std::string_view before = TokenText(t, t.tokens[p - 1]);
    if (!StartsUpper(before) && !(p - 1 < names.size() && names[p - 1])) continue;
    std::uint32_t q = p + 1, words = 0;
    bool ok = true;
    for (; q < s.end && q <= p + kAsideMaxWords + 1; ++q) {
      const std::string_view w = TokenText(t, t.tokens[q]);
      if (w == ")") break;
      if (IsPunct(w)) continue;
      if (!IsAlnumStart(w) && !(q < names.size() && names[q])) ok = false;
      ++words;
    }
    if (!ok || words == 0 || q >= s.end || TokenText(t, t.tokens[q]) != ")") continue;
    for (std::uint32_t i = p; i <= q; ++i) hidden[i - s.first] = 1;
    p = q;
  }
  return hidden;
}

}  // namespace

void DocParse::Parse(const nlp::LanguageModels& models, const TokenizedText& t,
                     const std::vector<bool>& names, const std::vector<bool>& wanted) {
  const auto n = static_cast<std::uint32_t>(t.tokens.size());
  tags_.assign(n, nlp::Upos::kX);
  xpos_.assign(n, std::string());
  lemmas_.assign(n, std::string());
  heads_.assign(n, -1);
  rels_.assign(n, std::string_view());
  // Headlines in title case mislead a tagger trained on running text
  // ("Secures" as a proper noun).
  std::vector<std::string_view> words;
  std::vector<std::string> lowered;
  std::vector<std::uint8_t> in_name;
  std::vector<std::uint32_t> kept;  // Sentence tokens given to the parser.
  nlp::ParsedSentence p;
  for (std::size_t k = 0; k < t.sentences.size(); ++k) {
    if (!wanted.empty() && !wanted[k]) continue;
    const Sentence& s = t.sentences[k];
    words.clear();
    kept.clear();
    lowered.assign(s.end - s.first, std::string());
    in_name.clear();
    const bool title = IsTitleCase(t, s);
    const std::vector<std::uint8_t> hidden = MarkAsides(t, s, names);
    for (std::uint32_t i = s.first; i < s.end; ++i) {
      if (hidden[i - s.first]) continue;
      const std::string_view w = TokenText(t, t.tokens[i]);
      const bool name = i < names.size() && names[i];
      kept.push_back(i);
      in_name.push_back(name && StartsUpper(w));
      if (title && i > s.first && StartsUpper(w) && HasLower(w) && !name) {
        lowered[i - s.first] = AsciiLower(w);
        words.push_back(lowered[i - s.first]);
      } else {
        words.push_back(w);
      }
    }
    models.Analyze(words, &p, in_name);
    for (std::uint32_t k = 0; k < words.size(); ++k) {
      const std::uint32_t i = kept[k];
      tags_[i] = p.tags[k];
      xpos_[i] = std::string(models.XposName(p.xpos[k]));
      lemmas_[i] = std::string(p.lemma(k));
      std::transform(lemmas_[i].begin(), lemmas_[i].end(), lemmas_[i].begin(),
                     [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
      heads_[i] = p.heads[k] < 0 ? -1 : static_cast<std::int32_t>(kept[static_cast<std::uint32_t>(p.heads[k])]);
      rels_[i] = models.LabelName(p.labels[k]);
    }
    AttachAsides(t, s, hidden);
  }
  // Children lists (CSR), in text order.
  child_begin_.assign(n + 1, 0);
  for (std::uint32_t i = 0; i < n; ++i) {
    if (heads_[i] >= 0) ++child_begin_[static_cast<std::uint32_t>(heads_[i]) + 1];
  }
  for (std::uint32_t i = 0; i < n; ++i) child_begin_[i + 1] += child_begin_[i];
  children_.assign(child_begin_[n], 0);
  std::vector<std::uint32_t> fill(child_begin_.begin(), child_begin_.end() - 1);
  for (std::uint32_t i = 0; i < n; ++i) {
    if (heads_[i] >= 0) children_[fill[static_cast<std::uint32_t>(heads_[i])]++] = i;
  }
  // Subtree extents, children before parents: walk each token up its
  // head chain (trees are shallow; the walk is bounded by the sentence).
  left_.resize(n);
  right_.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) left_[i] = right_[i] = i;
  for (std::uint32_t i = 0; i < n; ++i) {
    std::int32_t h = heads_[i];
    std::uint32_t steps = 0;
    while (h >= 0 && steps++ < 512) {
      const auto u = static_cast<std::uint32_t>(h);
      left_[u] = std::min(left_[u], i);
      right_[u] = std::max(right_[u], i);
      h = heads_[u];
    }
  }
}

void DocParse::AttachAsides(const TokenizedText& t, const Sentence& s,
                            const std::vector<std::uint8_t>& hidden) {
  for (std::uint32_t i = s.first; i < s.end; ++i) {
    if (!hidden[i - s.first] || TokenText(t, t.tokens[i]) != "(") continue;
    const std::uint32_t open = i, name = i - 1;
    std::uint32_t close = open + 1;
    while (TokenText(t, t.tokens[close]) != ")") ++close;
    std::int32_t head = -1;  // The aside's first word.
    for (std::uint32_t j = open; j <= close; ++j) {
      const std::string_view w = TokenText(t, t.tokens[j]);
      const bool punct = j == open || j == close || IsPunct(w);
      lemmas_[j] = AsciiLower(w);
      tags_[j] = punct ? nlp::Upos::kPunct : nlp::Upos::kPropn;
      xpos_[j] = j == open ? "-LRB-" : j == close ? "-RRB-" : punct ? w : "NNP";
      if (!punct && head < 0) {
        head = static_cast<std::int32_t>(j);
        heads_[j] = static_cast<std::int32_t>(name);
        rels_[j] = "appos";
      }
    }
    for (std::uint32_t j = open; j <= close; ++j) {
      if (static_cast<std::int32_t>(j) == head) continue;
      heads_[j] = head;
      rels_[j] = tags_[j] == nlp::Upos::kPunct ? "punct" : "flat";
    }
    i = close;
  }
}

std::int32_t DocParse::Child(std::uint32_t i, std::string_view rel) const {
  for (const std::uint32_t* c = children_begin(i); c != children_end(i); ++c) {
    if (rels_[*c] == rel || base_rel(*c) == rel) return static_cast<std::int32_t>(*c);
  }
  return -1;
}

std::string_view DocParse::CaseOf(std::uint32_t i) const {
  for (const std::uint32_t* c = children_begin(i); c != children_end(i); ++c) {
    if (base_rel(*c) == "case" || base_rel(*c) == "mark") return lemmas_[*c];
  }
  return {};
}

bool DocParse::IsPassive(std::uint32_t i) const {
  for (const std::uint32_t* c = children_begin(i); c != children_end(i); ++c) {
    const std::string_view r = rels_[*c];
    if (r == "aux:pass" || r == "nsubj:pass" || r == "csubj:pass" || r == "obl:agent") return true;
  }
  // A participle modifying a noun ("chips approved by Beijing"), unless a
  // subject of its own makes it an active perfect ("a tariff that the
  // administration had planned").
  if (xpos_[i] != "VBN" || (base_rel(i) != "acl" && base_rel(i) != "amod")) return false;
  for (const std::uint32_t* c = children_begin(i); c != children_end(i); ++c) {
    if (rels_[*c] == "nsubj") return false;
  }
  return true;
}

void DocParse::Subtree(std::uint32_t i, std::uint32_t* first, std::uint32_t* end) const {
  *first = left_[i];
  *end = right_[i] + 1;
}

bool DocParse::Dominates(std::uint32_t b, std::uint32_t a) const {
  std::int32_t x = static_cast<std::int32_t>(a);
  for (std::uint32_t steps = 0; x >= 0 && steps < 512; ++steps) {
    if (static_cast<std::uint32_t>(x) == b) return true;
    x = heads_[static_cast<std::uint32_t>(x)];
  }
  return false;
}

}  // namespace newsx::extract::analysis
