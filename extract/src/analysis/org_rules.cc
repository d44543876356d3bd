// FindOrgsByRule(): firms that are not in orgs.tsv.

#include "analysis/entity_recognizer.h"

namespace newsx::extract::analysis {

namespace {

constexpr std::uint32_t kMaxNameTokens = 4;

bool IsNameWord(const DocState& d, std::uint32_t i) {
  const Token& t = d.tok(i);
  return (t.flags & kWordToken) && (t.flags & kUpperInitial) && d.covered[i] < 0;
}

// Legal-form suffixes are left out of the id so that "Acme Corp" and
// "Acme Corp." are one firm.
bool IsLegalForm(std::string_view s) {
  static constexpr std::string_view kForms[] = {"Inc", "Inc.", "Corp",    "Corp.", "Corporation",
                                                "Ltd", "Ltd.", "Limited", "Co",    "Co.",
                                                "LLC", "PLC",  "AG",      "GmbH"};
  for (std::string_view f : kForms) {
    if (s == f) return true;
  }
  return false;
}

std::int32_t InternCompany(DocState* d, std::uint32_t first, std::uint32_t end) {
  const std::int32_t listed = ListedEntity(d, first, end, EntityType::kOrg);
  if (listed >= 0) return listed;
  std::uint32_t id_end = end;
  while (id_end > first + 1 && IsLegalForm(TokenText(d->tt, d->tok(id_end - 1)))) --id_end;
  Entity e;
  e.type = EntityType::kOrg;
  e.kind = "company";
  e.name = std::string(d->Text(first, id_end));
  e.id = "org:" + Slugify(e.name);
  const std::int32_t known = d->Find(e.id);
  return known >= 0 ? known : d->Intern(e);
}

// "Zhonghao Xinying Technologies Ltd": capitalized words ending in suffixes.
void SuffixRule(DocState* d) {
  for (std::uint32_t i = 1; i < d->size(); ++i) {
    if (!(d->tok(i).classes & kOrgSuffix) || !IsNameWord(*d, i)) continue;
    std::uint32_t first = i;
    // Walk back over capitalized words; a stop word ("The", "Chinese")
    // ends the name.
    while (first > 0 && i - first < kMaxNameTokens && IsNameWord(*d, first - 1) &&
           !(d->tok(first - 1).classes & (kOrgSuffix | kNameStop)) &&
           d->SentenceOf(first - 1) == d->SentenceOf(i) &&
           !(d->tok(first).flags & kParagraphStart)) {
      --first;
    }
    if (first == i) continue;
    std::uint32_t end = i + 1;
    while (end < d->size() && IsNameWord(*d, end) && (d->tok(end).classes & kOrgSuffix) &&
           !(d->tok(end).flags & kParagraphStart)) {
      ++end;
    }
    d->AddMention(first, end, InternCompany(d, first, end));
    i = end - 1;
  }
}

// "companies such as X, Y and Z", "firms including X".
void ExampleListRule(DocState* d) {
  const CommonWords& w = d->model.words;
  for (std::uint32_t i = 0; i + 2 < d->size(); ++i) {
    if (!(d->tok(i).classes & kGroupNoun)) continue;
    std::uint32_t j = i + 1;
    if (d->Is(j, w.such) && d->Is(j + 1, w.as)) {
      j += 2;
    } else if (d->Is(j, w.including) || d->Is(j, w.like)) {
      j += 1;
    } else {
      continue;
    }
    const std::uint32_t sentence = d->SentenceOf(i);
    while (j < d->size() && d->SentenceOf(j) == sentence) {
      std::uint32_t end = j;
      while (end < d->size() && end - j < kMaxNameTokens && IsNameWord(*d, end) &&
             !(d->tok(end).classes & kNameStop)) {
        ++end;
      }
      if (end > j) {
        d->AddMention(j, end, InternCompany(d, j, end));
      } else if (d->covered[j] < 0) {
        break;  // Neither a new name nor a known entity: the list ended.
      } else {
        end = d->mentions[static_cast<std::size_t>(d->covered[j])].end;
      }
      if (end < d->size() && (d->tok(end).flags & kPossessive)) break;
      if (d->Is(end, w.comma) && d->Is(end + 1, w.and_)) {
        j = end + 2;
      } else if (d->Is(end, w.comma) || d->Is(end, w.and_)) {
        j = end + 1;
      } else {
        break;
      }
    }
  }
}

// The capitalized name run starting at `first` (not stop words, not
// covered, within the sentence): [first, end), or end == first.
std::uint32_t NameRun(const DocState& d, std::uint32_t first) {
  std::uint32_t end = first;
  while (end < d.size() && end - first < kMaxNameTokens && IsNameWord(d, end) &&
         !(d.tok(end).classes & kNameStop) && d.SentenceOf(end) == d.SentenceOf(first) &&
         (end == first || !(d.tok(end).flags & kParagraphStart))) {
    ++end;
  }
  return end;
}

// "chipmaker Piotech", "equipment firm Acme": a firm-kind noun, then a
// one-word name; "Saudi Arabia's Humain": a country's firm.
void DescriptorRule(DocState* d) {
  for (std::uint32_t i = 0; i + 1 < d->size(); ++i) {
    const Token& t = d->tok(i);
    bool introduces = (t.classes & kOrgDescriptor) && !(t.flags & kUpperInitial);
    if (!introduces && (t.flags & kPossessive) && i > 0) {
      const std::int32_t e = d->EntityAt(i - 1);
      introduces = e >= 0 && d->entities[static_cast<std::size_t>(e)].type == EntityType::kPlace &&
                   d->entities[static_cast<std::size_t>(e)].kind == "country";
    }
    if (!introduces) continue;
    const std::uint32_t end = NameRun(*d, i + 1);
    if (end == i + 1) continue;
    // One word only: two capitalized words ("investor Warren Buffett",
    // "China's Li Qiang") are more likely a person.
    if (end != i + 2 || (end < d->size() && (d->tok(end).flags & kUpperInitial))) continue;
    d->AddMention(i + 1, end, InternCompany(d, i + 1, end));
  }
}

// The capitalized name run ending right before `end` (not stop words, not
// covered, within one sentence and paragraph), without a common word that
// only capitals at the sentence's start ("Meanwhile Acme"): [first, end),
// or first == end.
std::uint32_t NameRunBefore(const DocState& d, std::uint32_t end) {
  std::uint32_t first = end;
  while (first > 0 && end - first < kMaxNameTokens && IsNameWord(d, first - 1) &&
         !(d.tok(first - 1).classes & kNameStop) &&
         d.SentenceOf(first - 1) == d.SentenceOf(end - 1) &&
         (first == end || !(d.tok(first).flags & kParagraphStart))) {
    --first;
  }
  const bool sentence_start = first < end && (first == 0 || d.SentenceOf(first - 1) != d.SentenceOf(first));
  if (sentence_start && IsWeakWord(d, first)) ++first;
  return first;
}

// "X is headquartered in", "X, headquartered in": said of firms only.
bool HeadquarteredAfter(const DocState& d, std::uint32_t i) {
  if (i < d.size() && (d.Is(i, d.model.words.comma) ||
                       IsOneOf(Lower(TokenText(d.tt, d.tok(i))), {"is", "was", "remains"}))) {
    ++i;
  }
  return i < d.size() && Lower(TokenText(d.tt, d.tok(i))) == "headquartered";
}

// A firm the text introduces as one: "Q.ANT, a photonic computing
// company", "Acme is a chipmaker based in", "Acme is headquartered in".
void DefinitionRule(DocState* d) {
  for (std::uint32_t i = 1; i < d->size(); ++i) {
    if (!IsFirmDefinitionAt(*d, i) && !HeadquarteredAfter(*d, i)) continue;
    const std::uint32_t first = NameRunBefore(*d, i);
    if (first < i) d->AddMention(first, i, InternCompany(d, first, i));
  }
}

// "Q.ANT CEO Michael Förtsch": the name before a firm's officer title
// that stands before a person's name (two capitalized words) is a firm.
// Only titles no government uses ("Treasury Secretary Bessent" names no
// firm).
void OfficerTitleRule(DocState* d) {
  static constexpr std::string_view kFirmTitles[] = {"CEO", "CFO", "CTO", "COO", "CMO", "CIO",
                                                     "founder", "co-founder"};
  for (const TitleHit& hit : d->titles) {
    const std::string_view title = d->model.lexicon.titles[hit.title].title;
    if (std::find(std::begin(kFirmTitles), std::end(kFirmTitles), title) == std::end(kFirmTitles)) {
      continue;
    }
    if (hit.first == 0 || hit.end + 1 >= d->size()) continue;
    const auto person_word = [&](std::uint32_t i) {
      const Token& t = d->tok(i);
      return (t.flags & kWordToken) && (t.flags & kUpperInitial) &&
             d->SentenceOf(i) == d->SentenceOf(hit.first);
    };
    if (!person_word(hit.end) || !person_word(hit.end + 1)) continue;
    const std::uint32_t first = NameRunBefore(*d, hit.first);
    if (first < hit.first) d->AddMention(first, hit.first, InternCompany(d, first, hit.first));
  }
}

}  // namespace

bool IsFirmDefinitionAt(const DocState& d, std::uint32_t i) {
  if (i + 1 >= d.size()) return false;
  const std::string verb = Lower(TokenText(d.tt, d.tok(i)));
  if (verb != "is" && verb != "was" && verb != ",") return false;
  ++i;
  const std::string det = Lower(TokenText(d.tt, d.tok(i)));
  if (det != "a" && det != "an") return false;
  for (std::uint32_t j = i + 1; j < d.size() && j <= i + 7; ++j) {
    const Token& t = d.tok(j);
    if (!(t.flags & kWordToken) && TokenText(d.tt, t) != "-") return false;
    if (t.flags & kUpperInitial) return false;
    if (!(t.classes & kOrgDescriptor)) continue;
    // The firm noun heads the phrase: "a former company director" is a person.
    if (j + 1 >= d.size() || !(d.tok(j + 1).flags & kWordToken)) return true;
    return IsOneOf(Lower(TokenText(d.tt, d.tok(j + 1))),
                   {"that", "which", "with", "in", "of", "for", "based", "headquartered", "known",
                    "founded", "and", "from", "whose", "at", "on", "providing", "specializing"});
  }
  return false;
}

void FindOrgsByRule(DocState* d) {
  SuffixRule(d);
  ExampleListRule(d);
  DescriptorRule(d);
  DefinitionRule(d);
  OfficerTitleRule(d);
}

}  // namespace newsx::extract::analysis
