// FindPersons(): people and their roles.

#include <algorithm>

#include "analysis/entity_recognizer.h"

namespace newsx::extract::analysis {

namespace {

constexpr std::uint32_t kMaxNameTokens = 3;

bool IsNamePart(const DocState& d, std::uint32_t i) {
  const Token& t = d.tok(i);
  return (t.flags & kWordToken) && (t.flags & kUpperInitial) && (t.flags & kHasAlpha) &&
         !(t.flags & kHasDigit) && d.covered[i] < 0 && !(t.classes & kNameStop) &&
         !(t.classes & kOrgSuffix);
}

// Name tokens starting at `first`: [first, end), or end == first.
std::uint32_t NameForward(const DocState& d, std::uint32_t first) {
  std::uint32_t end = first;
  while (end < d.size() && end - first < kMaxNameTokens && IsNamePart(d, end) &&
         (end == first || !(d.tok(end).flags & kParagraphStart))) {
    ++end;
  }
  return end;
}

// A name right after a title may start with a word that is otherwise a
// stop word: the surname "He" in "spokesperson He Yadong".
std::uint32_t NameAfterTitle(const DocState& d, std::uint32_t first) {
  const std::uint32_t end = NameForward(d, first);
  if (end > first || first + 1 >= d.size()) return end;
  const Token& t = d.tok(first);
  const bool capitalized_word = (t.flags & kWordToken) && (t.flags & kUpperInitial) &&
                                (t.flags & kHasAlpha) && !(t.flags & kAllUpper) &&
                                d.covered[first] < 0;
  if (!capitalized_word || (d.tok(first + 1).flags & kParagraphStart)) return end;
  const std::uint32_t rest = NameForward(d, first + 1);
  return rest > first + 1 ? rest : end;
}

// Name tokens ending at `end`: [first, end), or first == end.
std::uint32_t NameBackward(const DocState& d, std::uint32_t end) {
  std::uint32_t first = end;
  while (first > 0 && end - first < kMaxNameTokens && IsNamePart(d, first - 1) &&
         (first == end || !(d.tok(first).flags & kParagraphStart))) {
    --first;
  }
  return first;
}

bool IsPerson(const DocState& d, std::int32_t e) {
  return e >= 0 && d.entities[static_cast<std::size_t>(e)].type == EntityType::kPerson;
}

bool IsOrgOrCountry(const DocState& d, std::int32_t e) {
  if (e < 0) return false;
  const Entity& x = d.entities[static_cast<std::size_t>(e)];
  return x.type == EntityType::kOrg || (x.type == EntityType::kPlace && x.kind == "country");
}

// The person named over [first, end): a known one when the lexicon has the
// name, else a new one. Unknown names need a first and a last name. -1 (and
// the span linked to it) when a firm or place of the document has the name.
std::int32_t PersonAt(DocState* d, std::uint32_t first, std::uint32_t end) {
  if (end - first < 2) return -1;
  Entity e;
  e.type = EntityType::kPerson;
  e.name = std::string(d->Text(first, end));
  e.id = "person:" + Slugify(e.name);
  const std::int32_t index = d->Find(e.id);
  if (index >= 0) return d->AddMention(first, end, index) ? index : -1;
  // One type per name within the document: a firm or place of this name
  // named before is the one said to speak ("..., said Kotak Institutional
  // Equities." then "Kotak Institutional Equities said").
  const std::string slug = Slugify(e.name);
  for (const char* type : {"org:", "place:"}) {
    const std::int32_t other = d->Find(type + slug);
    if (other >= 0) {
      d->AddMention(first, end, other);
      return -1;  // No person: the title or speech verb belongs to no one here.
    }
  }
  const std::int32_t added = d->Intern(e);
  return d->AddMention(first, end, added) ? added : -1;
}

void AddRole(DocState* d, std::int32_t person, const std::string& title, const std::string& org) {
  std::vector<Role>& roles = d->entities[static_cast<std::size_t>(person)].roles;
  for (Role& r : roles) {
    if (r.title == title && (r.org == org || org.empty())) return;
    if (r.title == title && r.org.empty()) {
      r.org = org;
      return;
    }
  }
  roles.push_back(Role{title, org});
}

std::string EntityId(const DocState& d, std::int32_t e) {
  return e < 0 ? std::string() : d.entities[static_cast<std::size_t>(e)].id;
}

// The organization a title belongs to when written after it: "spokesperson
// for Nvidia", "chief executive of Huawei", "analyst at Bernstein".
std::int32_t OrgAfter(const DocState& d, std::uint32_t i) {
  const CommonWords& w = d.model.words;
  if (!(d.Is(i, w.for_) || d.Is(i, w.of) || d.Is(i, w.at))) return -1;
  std::uint32_t j = i + 1;
  if (d.Is(j, w.the)) ++j;
  if (j >= d.size()) return -1;
  const std::int32_t e = d.EntityAt(j);
  return IsOrgOrCountry(d, e) ? e : -1;
}

void TitleRules(DocState* d) {
  const CommonWords& w = d->model.words;
  for (const TitleHit& hit : d->titles) {
    const TitleDef& title = d->model.lexicon.titles[hit.title];
    // The org before the title: "Nvidia CEO", "Nvidia's chief executive".
    std::int32_t org = -1;
    std::uint32_t org_first = hit.first;
    bool possessive = false;
    if (hit.first > 0) {
      std::uint32_t b = hit.first - 1;
      if ((d->tok(b).flags & kPossessive) && b > 0) {
        possessive = true;
        --b;
      }
      if (IsOrgOrCountry(*d, d->EntityAt(b))) {
        org = d->EntityAt(b);
        org_first = d->mentions[static_cast<std::size_t>(d->covered[b])].first;
      }
    }
    std::int32_t person = -1;
    std::uint32_t after = hit.end;
    if (possessive && d->Is(after, w.comma)) ++after;  // "Nvidia's chief executive, Jensen Huang"
    if (after < d->size() && d->SentenceOf(after) == d->SentenceOf(hit.first)) {
      if (IsPerson(*d, d->EntityAt(after))) {
        person = d->EntityAt(after);
      } else {
        person = PersonAt(d, after, NameAfterTitle(*d, after));
      }
    }
    if (person < 0) {
      // "Jensen Huang, the chief executive of Nvidia", "X, Nvidia's CEO".
      std::uint32_t b = org_first;
      if (b > 0 && (d->Is(b - 1, w.a) || d->Is(b - 1, w.an) || d->Is(b - 1, w.the))) --b;
      if (b > 1 && d->Is(b - 1, w.comma)) {
        const std::uint32_t end = b - 1;
        if (IsPerson(*d, d->EntityAt(end - 1))) {
          person = d->EntityAt(end - 1);
        } else {
          person = PersonAt(d, NameBackward(*d, end), end);
        }
      }
      if (person >= 0 && org < 0) org = OrgAfter(*d, hit.end);
    }
    if (person < 0) continue;
    std::string org_id = EntityId(*d, org);
    if (org_id.empty()) org_id = title.org;
    AddRole(d, person, title.title, org_id);
  }
}

// "<First Last> said": an unknown two- or three-word name before a speech verb.
void SayRule(DocState* d) {
  for (std::uint32_t i = 2; i < d->size(); ++i) {
    if (!(d->tok(i).classes & kSayVerb)) continue;
    const std::uint32_t first = NameBackward(*d, i);
    if (i - first >= 2 && d->SentenceOf(first) == d->SentenceOf(i)) PersonAt(d, first, i);
  }
}

}  // namespace

void FindPersons(DocState* d) {
  TitleRules(d);
  SayRule(d);
}

}  // namespace newsx::extract::analysis
