#include "ner/ner_corpus.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "newsx/core/strings.h"

namespace newsx::extract::ner {

namespace {

bool ParseType(std::string_view s, NerType* t) {
  for (std::size_t i = 0; i < kNerTypes; ++i) {
    if (s == kNerTypeNames[i]) {
      *t = static_cast<NerType>(i);
      return true;
    }
  }
  return false;
}

// Closes the open name (if any) at word `end`.
void CloseName(AnnotatedSentence* s, bool* open, std::uint32_t end) {
  if (*open) s->names.back().end = end;
  *open = false;
}

}  // namespace

Result<std::vector<AnnotatedSentence>> ReadConll(std::string_view text) {
  std::vector<AnnotatedSentence> out;
  AnnotatedSentence cur;
  bool open = false;
  bool doc_start = false;
  NerType open_type = NerType::kMisc;
  const auto flush = [&] {
    CloseName(&cur, &open, static_cast<std::uint32_t>(cur.words.size()));
    if (!cur.words.empty()) {
      cur.doc_start = doc_start;
      doc_start = false;
      out.push_back(std::move(cur));
    }
    cur = AnnotatedSentence();
  };
  std::size_t line_no = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_no;
    line = TrimRight(line, "\r");
    if (line.empty()) {
      flush();
      continue;
    }
    const std::size_t tab = line.rfind('\t');
    if (tab == std::string_view::npos || tab == 0) {
      return InvalidArgumentError("line " + std::to_string(line_no) + ": expected WORD<TAB>TAG");
    }
    const std::string_view word = line.substr(0, tab);
    const std::string_view tag = line.substr(tab + 1);
    if (word == "-DOCSTART-") {
      flush();
      doc_start = true;
      continue;
    }
    const auto index = static_cast<std::uint32_t>(cur.words.size());
    cur.words.emplace_back(word);
    if (tag == "O") {
      CloseName(&cur, &open, index);
      continue;
    }
    NerType type;
    if (tag.size() < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I') ||
        !ParseType(tag.substr(2), &type)) {
      return InvalidArgumentError("line " + std::to_string(line_no) + ": bad tag \"" +
                                  std::string(tag) + "\"");
    }
    if (tag[0] == 'B' || !open || open_type != type) {
      CloseName(&cur, &open, index);
      cur.names.push_back(WordSpan{index, index + 1, type});
      open = true;
      open_type = type;
    }
  }
  flush();
  return out;
}

namespace {

struct GumToken {
  std::string form;
  std::string upos;
  std::uint32_t head = 0;  // 1-based; 0 is the root.
};

struct Mention {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  std::string type;
};

// Honorifics and titles that GUM includes in a person's mention and
// CoNLL-style names leave out ("a title is not part of a name").
const std::set<std::string, std::less<>>& Titles() {
  static const std::set<std::string, std::less<>> kTitles = {
      "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "president", "sen", "senator",
      "rep", "representative", "gov", "governor", "gen", "general", "king", "queen", "prince",
      "princess", "pope", "saint", "st", "sir", "lord", "lady", "judge", "justice", "mayor",
      "chairman", "ceo", "minister", "secretary", "premier", "chancellor", "vice", "prime",
      "captain", "capt", "col", "colonel", "lt", "lieutenant", "sgt", "sergeant", "rev",
      "reverend", "father", "brother", "sister", "uncle", "aunt", "emperor", "empress",
      "dame", "mrs.", "mr.", "dr.", "ms.", "coach", "ambassador", "commissioner", "officer",
      "director", "chief", "deputy", "former", "late", "then", "first", "lady"};
  return kTitles;
}

bool IsConnector(const GumToken& t) {
  const std::string l = AsciiLower(t.form);
  return l == "of" || l == "and" || l == "the" || l == "&" || l == "de" || l == "for" ||
         l == "-" || l == "on";
}

bool Capitalized(const GumToken& t) {
  const auto c = static_cast<unsigned char>(t.form.empty() ? 0 : t.form[0]);
  // Non-ASCII initials (Ř, É) count as capitals when GUM calls the word a
  // proper noun; ASCII ones by their case.
  return (c >= 'A' && c <= 'Z') || (c >= 0x80 && t.upos == "PROPN") ||
         (c >= '0' && c <= '9' && t.upos == "PROPN");
}

// The name inside a mention, or false when the mention is not a name.
// GUM tags the adjectives and nouns of names by their own part of speech
// ("United/ADJ States/PROPN", "New/ADJ York/PROPN"), so a name is the run of
// capitalized words around a capitalized head, with connectors between them.
bool NameIn(const std::vector<GumToken>& toks, const Mention& m, WordSpan* out) {
  // The head: the mention's word whose head lies outside the mention.
  std::uint32_t head = m.first;
  bool found = false;
  for (std::uint32_t i = m.first; i < m.end; ++i) {
    const std::uint32_t h = toks[i].head;
    if (h == 0 || h - 1 < m.first || h - 1 >= m.end) {
      head = i;
      found = true;
      break;
    }
  }
  if (!found || !Capitalized(toks[head]) || toks[head].upos == "PRON") return false;
  // A capitalized common noun at the start of a sentence is not a name.
  if (head == 0 && toks[head].upos != "PROPN") return false;
  std::uint32_t first = head, end = head + 1;
  while (first > m.first) {
    const GumToken& p = toks[first - 1];
    if (Capitalized(p)) {
      --first;
    } else if (IsConnector(p) && first - 1 > m.first && Capitalized(toks[first - 2])) {
      first -= 2;
    } else {
      break;
    }
  }
  while (end < m.end) {
    const GumToken& n = toks[end];
    if (Capitalized(n) || (n.upos == "NUM" && end > head)) {
      ++end;
    } else if (IsConnector(n) && end + 1 < m.end && Capitalized(toks[end + 1])) {
      end += 2;
    } else {
      break;
    }
  }
  while (first < head && Titles().count(AsciiLower(toks[first].form)) > 0) ++first;
  while (first < end && (IsConnector(toks[first]) || AsciiLower(toks[first].form) == "the")) ++first;
  if (first >= end) return false;
  out->first = first;
  out->end = end;
  return true;
}

bool GumType(std::string_view t, NerType* out) {
  if (t == "person") {
    *out = NerType::kPer;
  } else if (t == "organization") {
    *out = NerType::kOrg;
  } else if (t == "place") {
    *out = NerType::kLoc;
  } else if (t == "event" || t == "object" || t == "abstract") {
    *out = NerType::kMisc;
  } else {
    return false;
  }
  return true;
}

// Parses one token's "Entity=" value, opening and closing mentions.
void ParseEntityField(std::string_view v, std::uint32_t token,
                      std::vector<std::pair<std::string, Mention>>* open,
                      std::vector<Mention>* done) {
  std::size_t i = 0;
  while (i < v.size()) {
    if (v[i] == '(') {
      std::size_t j = i + 1;
      while (j < v.size() && v[j] != '(' && v[j] != ')') ++j;
      const std::string_view desc = v.substr(i + 1, j - i - 1);
      const std::vector<std::string_view> parts = Split(desc, '-');
      Mention m{token, token + 1, parts.size() > 1 ? std::string(parts[1]) : std::string()};
      if (j < v.size() && v[j] == ')') {
        done->push_back(m);
        ++j;
      } else {
        open->emplace_back(std::string(parts[0]), m);
      }
      i = j;
    } else {
      std::size_t j = i;
      while (j < v.size() && v[j] != ')' && v[j] != '(') ++j;
      const std::string_view id = v.substr(i, j - i);
      for (std::size_t k = open->size(); k-- > 0;) {
        if ((*open)[k].first == id) {
          Mention m = (*open)[k].second;
          m.end = token + 1;
          done->push_back(m);
          open->erase(open->begin() + static_cast<std::ptrdiff_t>(k));
          break;
        }
      }
      i = j < v.size() && v[j] == ')' ? j + 1 : j;
    }
  }
}

}  // namespace

Result<std::vector<AnnotatedSentence>> ReadGumEntities(std::string_view conllu) {
  std::vector<AnnotatedSentence> out;
  std::vector<GumToken> toks;
  std::vector<Mention> mentions;
  // Mentions can run across sentence breaks in GUM only by error; open ones
  // are dropped at each sentence end.
  std::vector<std::pair<std::string, Mention>> open;
  bool doc_start = false;
  const auto flush = [&] {
    if (toks.empty()) return;
    AnnotatedSentence s;
    s.doc_start = doc_start;
    doc_start = false;
    for (const GumToken& t : toks) s.words.push_back(t.form);
    std::vector<bool> used(toks.size(), false);
    // Outer mentions first, so a nested name ("Georgetown" in "Georgetown
    // University") does not split the name around it.
    std::sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
      return a.end - a.first != b.end - b.first ? a.end - a.first > b.end - b.first
                                                : a.first < b.first;
    });
    for (const Mention& m : mentions) {
      NerType type;
      WordSpan span;
      if (!GumType(m.type, &type) || !NameIn(toks, m, &span)) continue;
      bool overlaps = false;
      for (std::uint32_t i = span.first; i < span.end; ++i) overlaps |= used[i];
      if (overlaps) continue;
      for (std::uint32_t i = span.first; i < span.end; ++i) used[i] = true;
      span.type = type;
      s.names.push_back(span);
    }
    std::sort(s.names.begin(), s.names.end(),
              [](const WordSpan& a, const WordSpan& b) { return a.first < b.first; });
    out.push_back(std::move(s));
    toks.clear();
    mentions.clear();
    open.clear();
  };
  std::size_t line_no = 0;
  for (std::string_view line : Split(conllu, '\n')) {
    ++line_no;
    line = TrimRight(line, "\r");
    if (line.empty()) {
      flush();
      continue;
    }
    if (line.front() == '#') {
      doc_start |= line.substr(0, 8) == "# newdoc";
      continue;
    }
    const std::vector<std::string_view> cols = Split(line, '\t');
    if (cols.size() != 10) {
      return InvalidArgumentError("line " + std::to_string(line_no) + ": expected 10 columns");
    }
    // Multi-word token ranges ("1-2") and empty nodes ("1.1") carry no word.
    if (cols[0].find_first_of("-.") != std::string_view::npos) continue;
    GumToken t;
    t.form = std::string(cols[1]);
    t.upos = std::string(cols[3]);
    std::from_chars(cols[6].data(), cols[6].data() + cols[6].size(), t.head);
    const auto index = static_cast<std::uint32_t>(toks.size());
    toks.push_back(std::move(t));
    for (std::string_view field : Split(cols[9], '|')) {
      if (field.substr(0, 7) == "Entity=") ParseEntityField(field.substr(7), index, &open, &mentions);
    }
  }
  flush();
  return out;
}

}  // namespace newsx::extract::ner
