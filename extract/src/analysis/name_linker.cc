// LinkNames(): the tagger's names become entities. The lexicons are the
// linking layer: a name they list gets its canonical id; any other name
// gets a stable id of its own.

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "analysis/acronyms.h"
#include "analysis/entity_recognizer.h"
#include "analysis/gazetteer_marks.h"

namespace newsx::extract::analysis {

bool IsOneOf(std::string_view lower, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), lower) != words.end();
}

std::string Lower(std::string_view s) {
  std::string out;
  AppendLower(s, &out);
  return out;
}

namespace {

using ner::NerType;

bool IsLegalForm(std::string_view s) {
  return IsOneOf(s, {"inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "limited",
                     "co", "co.", "llc", "plc", "ag", "gmbh", "s.a.", "n.v.", "se"});
}

// The span's text with runs of white space (line wraps included) as one
// space: the display name.
std::string DisplayName(const DocState& d, std::uint32_t first, std::uint32_t end) {
  std::string out;
  for (std::uint32_t i = first; i < end; ++i) {
    if (i > first && (d.tok(i).flags & kSpaceBefore)) out.push_back(' ');
    out += TokenText(d.tt, d.tok(i));
  }
  return out;
}

bool IsTitleToken(const DocState& d, std::uint32_t i) {
  std::uint64_t title_bits = 0;
  for (std::uint32_t p = 0; p < 4; ++p) title_bits |= GazetteerBit(kGazTitle, p);
  return (d.gazetteer[i] & title_bits) != 0;
}

// Leading words that are not part of a name: punctuation, lower-case words
// ("the"), and for persons titles and name stop words ("President",
// "Chinese", "Former").
ner::NerSpan TrimSpan(const DocState& d, ner::NerSpan s) {
  while (s.first < s.end) {
    const Token& t = d.tok(s.first);
    const bool word = (t.flags & kWordToken) != 0;
    const bool lower = word && !(t.flags & (kUpperInitial | kHasDigit));
    const bool person_prefix =
        s.type == NerType::kPer && (IsTitleToken(d, s.first) || (t.classes & kNameStop));
    const bool article = word && s.end - s.first > 1 && Lower(TokenText(d.tt, t)) == "the";
    if (!word || lower || person_prefix || article) {
      ++s.first;
    } else {
      break;
    }
  }
  while (s.end > s.first && !(d.tok(s.end - 1).flags & kWordToken)) --s.end;
  // A title or a lower-case word inside a person's span ends what comes
  // before it: "Disney Chief Executive Bob Iger", "Pittsburgh center Maurkice
  // Pouncey", "Garrett hit Rudolph" (a title is not part of a name).
  if (s.type == NerType::kPer) {
    for (std::uint32_t i = s.end; i-- > s.first + 1;) {
      const Token& t = d.tok(i);
      const bool lower = (t.flags & kWordToken) && !(t.flags & (kUpperInitial | kHasDigit)) &&
                         !IsOneOf(Lower(TokenText(d.tt, t)), {"de", "da", "di", "van", "von", "der",
                                                                "du", "la", "le", "bin", "al"});
      if (lower || IsTitleToken(d, i)) {
        if (i + 1 < s.end) s.first = i + 1;
        break;
      }
    }
  }
  return s;
}

EntityType TypeOf(NerType t) {
  return t == NerType::kPer ? EntityType::kPerson
         : t == NerType::kLoc ? EntityType::kPlace
                              : EntityType::kOrg;
}

}  // namespace

std::int32_t ListedEntity(DocState* d, std::uint32_t first, std::uint32_t end, EntityType type,
                          bool* link_only) {
  const Lexicon& lex = d->model.lexicon;
  const EntityDef* same = nullptr;
  const EntityDef* other = nullptr;
  d->model.matcher.ForEachExact(d->tt, first, end, [&](const PhraseInfo& info) {
    if (info.kind != PhraseKind::kEntity) return;
    const EntityDef& def = lex.entities[info.ref];
    if (def.entity.type == type) {
      if (same == nullptr) same = &def;
    } else if (other == nullptr && def.entity.type != EntityType::kChip &&
               !(def.link_only && type == EntityType::kOrg)) {
      // A gazetteer's town does not know better than the tagger that a name
      // is an organization: "Toyota" the firm is not Toyota the city. (A
      // person's name may well be the town's: "Chandler, Arizona".)
      other = &def;
    }
  });
  const EntityDef* def = same != nullptr ? same : other;
  if (link_only != nullptr) *link_only = def != nullptr && def->link_only;
  return def == nullptr ? -1 : d->Intern(def->entity);
}

namespace {

// Kind and country of a new place: "Boise, Idaho" is a city of Idaho's
// country; "Maricopa County" a region.
void PlaceKind(const DocState& d, std::uint32_t first, std::uint32_t end, Entity* e) {
  if (d.tok(end - 1).classes & kRegionHead) {
    e->kind = "region";
    return;
  }
  if (end + 1 < d.size() && TokenText(d.tt, d.tok(end)) == "," &&
      d.SentenceOf(end + 1) == d.SentenceOf(first)) {
    const std::int32_t next = d.EntityAt(end + 1);
    if (next >= 0) {
      const Entity& p = d.entities[static_cast<std::size_t>(next)];
      if (p.type == EntityType::kPlace && (p.kind == "region" || p.kind == "country")) {
        e->kind = "city";
        e->country = p.kind == "country" ? p.id : p.country;
      }
    }
  }
}

// An organization is a company unless its words say otherwise: in the
// news an unknown organization is most often a firm.
void OrgKind(const DocState& d, std::uint32_t first, std::uint32_t end, Entity* e) {
  e->kind = "company";
  for (std::uint32_t i = first; i < end; ++i) {
    const std::uint32_t c = d.tok(i).classes;
    if (Lower(TokenText(d.tt, d.tok(i))) == "government") {
      e->kind = "government";
      return;
    }
    if (c & kAgencyHead) {
      e->kind = "agency";
      return;
    }
    if (c & kMediaHead) e->kind = "media";
    if (c & kGroupHead) e->kind = "other";
  }
}

// A new entity for a name no lexicon lists.
std::int32_t NewEntity(DocState* d, std::uint32_t first, std::uint32_t end, NerType type) {
  Entity e;
  e.type = TypeOf(type);
  e.name = DisplayName(*d, first, end);
  std::uint32_t id_end = end;
  if (type == NerType::kOrg) {
    // "Acme Corp" and "Acme Corp." are one firm.
    while (id_end > first + 1 && IsLegalForm(Lower(TokenText(d->tt, d->tok(id_end - 1))))) --id_end;
    OrgKind(*d, first, end, &e);
  } else if (type == NerType::kLoc) {
    PlaceKind(*d, first, end, &e);
  }
  const std::string slug = Slugify(DisplayName(*d, first, id_end));
  if (slug.empty()) return -1;
  e.id = std::string(EntityTypeName(e.type)) + ":" + slug;
  const std::int32_t known = d->Find(e.id);
  return known >= 0 ? known : d->Intern(e);
}

// The person of the document whose last name `word` is, when only one has
// it; -2 when several have it, -1 when none. With `mentioned_only`, only persons mentioned so far
// count (not those the lexicon pass interned without a mention).
std::int32_t DocumentPersonBySurname(const DocState& d, std::string_view word, bool mentioned_only) {
  std::int32_t found = -1;
  for (std::size_t i = 0; i < d.entities.size(); ++i) {
    const Entity& e = d.entities[i];
    if (e.type != EntityType::kPerson) continue;
    const std::size_t space = e.name.rfind(' ');
    if (space == std::string::npos || std::string_view(e.name).substr(space + 1) != word) continue;
    if (mentioned_only && std::none_of(d.mentions.begin(), d.mentions.end(), [&](const DocMention& m) {
          return m.entity == static_cast<std::int32_t>(i);
        })) {
      continue;
    }
    if (found >= 0) return -2;
    found = static_cast<std::int32_t>(i);
  }
  return found;
}

// A person named by one word ("Biden") is the person of the document, or
// of the lexicon, whose last name it is, when only one has it.
std::int32_t PersonBySurname(DocState* d, std::string_view word) {
  const std::int32_t found = DocumentPersonBySurname(*d, word, /*mentioned_only=*/false);
  if (found != -1) return found >= 0 ? found : -1;
  const Lexicon& lex = d->model.lexicon;
  const auto match = lex.person_by_surname.find(std::string(word));
  if (match == lex.person_by_surname.end() || match->second < 0) return -1;
  return d->Intern(lex.entities[static_cast<std::size_t>(match->second)].entity);
}

// "MattBevin", "NYTopinion": a user name, not a person's name. Surnames
// with an inner capital after a prefix ("McConnell", "DeSantis") are names.
bool IsHandle(std::string_view w) {
  const auto upper_at = [&](std::size_t i) { return w[i] >= 'A' && w[i] <= 'Z'; };
  // "NYTopinion", "NGRSenate": capitals running into a lower-case word.
  if (w.size() > 3 && upper_at(0) && upper_at(1) && upper_at(2) &&
      std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return true;
  }
  for (std::size_t i = 1; i < w.size(); ++i) {
    const bool upper = w[i] >= 'A' && w[i] <= 'Z';
    const bool prev_lower = w[i - 1] >= 'a' && w[i - 1] <= 'z';
    if (!upper || !prev_lower) continue;
    const std::string_view prefix = w.substr(0, i);
    return !IsOneOf(prefix, {"Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "Du"});
  }
  return false;
}

// Makes room for the name over [first, end): mentions inside it are
// withdrawn when the name is an organization or place that contains them
// ("Texas" in "Texas Instruments", "China" in "China Mobile"). Returns false
// when the name cannot take the tokens (it overlaps a mention partly, lies
// inside one, or contains a chip). `possessive_inside`: the name may hold a
// possessive ("North America's Building Trades Unions"), which only the
// document's own definition of an acronym shows.
bool MakeRoom(DocState* d, ner::NerSpan* s, bool possessive_inside = false) {
  std::vector<std::int32_t> inner;
  for (std::uint32_t i = s->first; i < s->end; ++i) {
    const std::int32_t m = d->covered[i];
    if (m < 0) continue;
    const DocMention& dm = d->mentions[static_cast<std::size_t>(m)];
    // A lexicon name the tagger also found, or partly overlaps, stays.
    if (dm.first < s->first || dm.end > s->end) return false;
    if (dm.first == s->first && dm.end == s->end) return false;
    if (inner.empty() || inner.back() != m) inner.push_back(m);
  }
  if (inner.empty()) return true;
  if (s->type == NerType::kPer) {
    // "Nvidia CEO Jensen Huang", "Chinese President Xi Jinping": what is
    // known before the name is its context, not its part.
    std::uint32_t first = s->first;
    while (first < s->end && (d->covered[first] >= 0 || IsTitleToken(*d, first) ||
                              (d->tok(first).classes & kNameStop) ||
                              (d->tok(first).flags & kPossessive))) {
      ++first;
    }
    if (first == s->first || first == s->end || d->IsCovered(first, s->end)) return false;
    s->first = first;
    return true;
  }
  // Places give way to the organization or bigger place named after them
  // ("Texas Instruments", "China Mobile", "Colorado Springs"), a firm to the
  // unit named after it ("BAE Systems Electronic Systems"); and only to a
  // name whose other words are capitalized.
  const bool firm_first = d->mentions[static_cast<std::size_t>(inner.front())].first == s->first;
  for (const std::int32_t m : inner) {
    const DocMention& dm = d->mentions[static_cast<std::size_t>(m)];
    const EntityType t = d->entities[static_cast<std::size_t>(dm.entity)].type;
    const bool unit = t == EntityType::kOrg && s->type == NerType::kOrg && firm_first;
    if (t != EntityType::kPlace && !unit) return false;
  }
  for (std::uint32_t i = s->first; i < s->end; ++i) {
    const Token& t = d->tok(i);
    const bool connector = Lower(TokenText(d->tt, t)) == "of" || TokenText(d->tt, t) == "&";
    if (d->covered[i] >= 0 || (possessive_inside && (t.flags & kPossessive))) continue;
    if ((!(t.flags & (kUpperInitial | kHasDigit)) && !connector) || (t.classes & kNotName)) return false;
  }
  // Later indices first: each removal shifts the ones after it.
  for (auto it = inner.rbegin(); it != inner.rend(); ++it) d->RemoveMention(*it);
  return true;
}

std::string Key(const DocState& d, std::uint32_t first, std::uint32_t end) {
  return Lower(DisplayName(d, first, end));
}

// Tagged names split at punctuation other than ". & - '": a list ("Burlington,
// Vermont") is several names.
void SplitAtPunctuation(const DocState& d, const ner::NerSpan& s, std::vector<ner::NerSpan>* out) {
  std::uint32_t start = s.first;
  for (std::uint32_t i = s.first; i <= s.end; ++i) {
    bool cut = i == s.end;
    if (!cut && !(d.tok(i).flags & kWordToken)) {
      const std::string_view p = TokenText(d.tt, d.tok(i));
      cut = p != "." && p != "&" && p != "-" && p != "'" && p != "\u2019" && !(d.tok(i).flags & kPossessive);
    }
    if (!cut) continue;
    if (i > start) out->push_back({start, i, s.type});
    start = i + 1;
  }
}

// The type the name's last word gives: the name of a law or a document is
// not an organization or place (MISC); a "place" named "... University" or
// "... Trades" is an organization.
// For each token index e, the first token of the longest title ending
// there (titles end where spans end), or kNone: one lookup per span
// instead of a scan of every title.
constexpr std::uint32_t kNone = ~0u;
std::vector<std::uint32_t> TitleStartsByEnd(const DocState& d) {
  std::vector<std::uint32_t> out(d.size() + 1, kNone);
  for (const TitleHit& t : d.titles) out[t.end] = std::min(out[t.end], t.first);
  return out;
}

NerType TypeByHead(const DocState& d, const std::vector<std::uint32_t>& title_start,
                   const ner::NerSpan& s) {
  const std::uint32_t c = d.tok(s.end - 1).classes;
  if (c & kWorkHead) return NerType::kMisc;
  // A named project or operation: "Project Stargate", "Operation Warp Speed".
  if (s.first > 0 && (d.tok(s.first - 1).flags & kUpperInitial) &&
      IsOneOf(Lower(TokenText(d.tt, d.tok(s.first - 1))), {"project", "operation"})) {
    return NerType::kMisc;
  }
  // The head before a prepositional tail: "Indo-Pacific Economic Framework
  // for Prosperity", "Agreement on Subsidies" (not "Bureau of Industry").
  for (std::uint32_t i = s.first + 1; i + 1 < s.end; ++i) {
    if ((d.tok(i).classes & kWorkHead) &&
        IsOneOf(Lower(TokenText(d.tt, d.tok(i + 1))), {"for", "of", "on", "to"})) {
      return NerType::kMisc;
    }
  }
  // A title is not part of a name: "Economics Professor", "Deputy Trade
  // Representative" end in a title; a name with "of" keeps it ("Office of
  // the United States Trade Representative").
  if (title_start[s.end] != kNone && title_start[s.end] >= s.first) {
    bool of = false;
    for (std::uint32_t i = s.first; i < s.end; ++i) of |= Lower(TokenText(d.tt, d.tok(i))) == "of";
    if (!of) return NerType::kMisc;
  }
  // A name the tagger cut short of its head: "James M. Inhofe National
  // Defense" of "... Defense Authorization Act", "U.S. Government
  // Quadrennial Supply" of "... Supply Chain Review" (a line break often
  // falls inside such long titles). The capitalized words that follow
  // decide.
  for (std::uint32_t i = s.end; i < d.size() && i < s.end + 4; ++i) {
    const Token& t = d.tok(i);
    if (!(t.flags & kWordToken) || !(t.flags & kUpperInitial) || d.covered[i] >= 0 ||
        d.SentenceOf(i) != d.SentenceOf(s.first)) {
      break;
    }
    if (t.classes & kWorkHead) return NerType::kMisc;
  }
  if (s.type != NerType::kOrg && s.end - s.first > 1 &&
      (c & (kAgencyHead | kGroupHead | kMediaHead | kOrgSuffix))) {
    return NerType::kOrg;
  }
  return s.type;
}

// "artificial intelligence (AI)", "Project Labor Agreement (PLA)": an
// acronym the document defines by words whose head (the last word) is in
// no entity's name names a thing, not an entity; a place among the words
// does not make them a name ("Indo-Pacific Economic Framework for
// Prosperity (IPEF)").
bool DefinedAsNonEntity(const DocState& d, const AcronymDefinitions& defined,
                        std::string_view acronym) {
  const auto words = defined.find(acronym);
  return words != defined.end() && words->second.end > words->second.first &&
         d.covered[words->second.end - 1] < 0;
}

// An acronym no list knows and no name of the document spells out is far
// more often jargon ("CMOS", "TFLN", "SMS") than a firm: it names one only
// with a sign that something acts, owns or employs ("CATL said", "CATL's
// plant", "battery maker CATL", "former CEA chief economist", "Editor,
// MSNBC"), that something comes from it ("a spin-off from TRUMPF"), where
// the document defines it ("... (CATL)"), or as a postal code ("Manassas,
// VA", which the place rules read). Returns the acronyms of the document
// that act as names, found in one pass (a lookup per span would rescan the
// document for each: quadratic on a table of codes).
std::unordered_set<std::string_view> ActingAcronyms(const DocState& d) {
  std::vector<bool> title_first(d.size() + 1, false), title_end(d.size() + 1, false);
  for (const TitleHit& t : d.titles) {
    title_first[t.first] = true;
    title_end[t.end] = true;
  }
  std::unordered_set<std::string_view> out;
  for (std::uint32_t i = 0; i < d.size(); ++i) {
    const std::string_view word = TokenText(d.tt, d.tok(i));
    if (!IsAcronym(word) || out.count(word) != 0) continue;
    const std::string_view before = i > 0 ? TokenText(d.tt, d.tok(i - 1)) : std::string_view();
    bool acts = d.model.lexicon.region_codes.count(std::string(word)) != 0;
    if (i + 1 < d.size()) {
      const Token& next = d.tok(i + 1);
      acts |= (next.flags & kPossessive) || (next.classes & (kSayVerb | kOrgSuffix));
      acts |= before == "(" && TokenText(d.tt, next) == ")";
      acts |= title_first[i + 1];
    }
    acts |= i > 0 && (d.tok(i - 1).classes & kOrgDescriptor);
    acts |= before == "from" || before == "via" || before == "@";
    acts |= before == "," && i > 1 && title_end[i - 1];
    if (acts) out.insert(word);
  }
  return out;
}

// "FY 2023", "Q3 2025": generic words and numbers together name a period,
// not an organization.
bool AllGenericWords(const DocState& d, const ner::NerSpan& s) {
  for (std::uint32_t i = s.first; i < s.end; ++i) {
    const Token& t = d.tok(i);
    const bool number = (t.flags & kHasDigit) && !(t.flags & kHasAlpha);
    if (!(t.classes & kNotName) && !number) return false;
  }
  return true;
}

// Initials -> the entity of the document whose name or mention of two or
// more words they abbreviate ("ROK" after "Republic of Korea"), -2 where
// two entities share them. Built once, when the first unknown acronym is
// met: the names are linked longest first, so every name of several words
// is in by then (a lookup that rescanned the document per acronym was
// quadratic on a page of many).
using InitialsIndex = std::unordered_map<std::string, std::int32_t>;

InitialsIndex IndexInitials(const DocState& d) {
  InitialsIndex index;
  std::string content, all;
  const auto add = [&](std::string_view name, std::int32_t e) {
    Initials(name, &content, &all);
    if (content.size() < 2) return;
    for (const std::string* key : {&content, &all}) {
      const auto [it, added] = index.emplace(*key, e);
      if (!added && it->second >= 0 && it->second != e) it->second = -2;
    }
  };
  for (const DocMention& m : d.mentions) {
    if (m.end - m.first >= 2) add(DisplayName(d, m.first, m.end), m.entity);
  }
  for (std::size_t e = 0; e < d.entities.size(); ++e) {
    add(d.entities[e].name, static_cast<std::int32_t>(e));
  }
  return index;
}

// The entity an acronym abbreviates, or -1 (none, or several).
std::int32_t ByInitials(const InitialsIndex& index, std::string_view acronym) {
  const auto it = index.find(std::string(acronym));
  return it == index.end() || it->second < 0 ? -1 : it->second;
}

}  // namespace

bool IsWeakWord(const DocState& d, std::uint32_t i) {
  const Token& t = d.tok(i);
  if (t.classes & kNotName) return true;
  if (t.flags & kAllUpper) return false;
  const std::uint64_t h = ner::HashString(Lower(TokenText(d.tt, t)));
  if (d.lower_words.Has(h)) return true;
  return d.model.names != nullptr && (d.model.names->word_lists().Find(h) & ner::kCommonWord);
}

namespace {

}  // namespace

// "State of the Union": a lone word after "of (the)" and a capitalized word
// outside any name is the end of a longer title, not a name of its own.
bool EndsLongerTitle(const DocState& d, std::uint32_t first) {
  std::uint32_t i = first;
  if (i > 0 && Lower(TokenText(d.tt, d.tok(i - 1))) == "the") --i;
  if (i < 2 || Lower(TokenText(d.tt, d.tok(i - 1))) != "of") return false;
  const std::string_view before = TokenText(d.tt, d.tok(i - 2));
  return !before.empty() && before[0] >= 'A' && before[0] <= 'Z' && d.covered[i - 2] < 0;
}

// "the company's Microelectronics Center", "its Pyeongtaek Campus": a site
// someone owns, not an organization.
bool IsPossessedFacility(const DocState& d, const ner::NerSpan& s) {
  if (s.type != NerType::kOrg || s.first == 0) return false;
  const std::string last = Lower(TokenText(d.tt, d.tok(s.end - 1)));
  if (!IsOneOf(last, {"center", "centre", "campus", "plant", "facility", "fab", "factory",
                      "site", "park", "complex"})) {
    return false;
  }
  const std::string before = Lower(TokenText(d.tt, d.tok(s.first - 1)));
  return IsOneOf(before, {"'s", "\u2019s", "its", "their", "our", "his", "her"});
}

// True when the name at `first` is a ticker: "( <exchange> : NAME". Sets
// `*owner` to the entity named right before the parenthesis, or -1.
bool IsTicker(const DocState& d, std::uint32_t first, std::int32_t* owner) {
  *owner = -1;
  if (first < 3 || TokenText(d.tt, d.tok(first - 1)) != ":") return false;
  if (!(d.tok(first - 2).classes & kExchange)) return false;
  std::uint32_t open = first - 3;
  // A two-word exchange ("NYSE American").
  if (TokenText(d.tt, d.tok(open)) != "(" && open > 0 && (d.tok(open).classes & kExchange)) --open;
  if (TokenText(d.tt, d.tok(open)) != "(") return false;
  if (open > 0) *owner = d.EntityAt(open - 1);
  return true;
}

// True for the exchange's own name in "(Nasdaq: NVDA)".
bool IsExchangeLabel(const DocState& d, const ner::NerSpan& s) {
  return (d.tok(s.first).classes & kExchange) && s.end < d.size() &&
         TokenText(d.tt, d.tok(s.end)) == ":" && s.first > 0 &&
         TokenText(d.tt, d.tok(s.first - 1)) == "(";
}

void LinkNames(DocState* d) {
  std::vector<ner::NerSpan> parts, names;
  // Two organizations the tagger set side by side are one, a firm's unit
  // named after it ("BAE Systems" + "Electronic Systems").
  std::vector<ner::NerSpan> raws;
  for (const ner::NerSpan& raw : d->names) {
    if (!raws.empty() && raws.back().end == raw.first && raws.back().type == NerType::kOrg &&
        raw.type == NerType::kOrg) {
      raws.back().end = raw.end;
    } else {
      raws.push_back(raw);
    }
  }
  for (const ner::NerSpan& raw : raws) SplitAtPunctuation(*d, raw, &parts);
  const std::vector<std::uint32_t> title_start = TitleStartsByEnd(*d);
  for (const ner::NerSpan& part : parts) {
    ner::NerSpan s = TrimSpan(*d, part);
    if (s.first >= s.end) continue;
    s.type = TypeByHead(*d, title_start, s);
    if (s.type != NerType::kMisc) names.push_back(s);
  }
  // One type per name within the document: the tagger's majority, where
  // the document's own definition ("Benzinga is a financial data
  // provider") outweighs a guess.
  std::unordered_map<std::string, std::array<int, ner::kNerTypes>> votes;
  for (const ner::NerSpan& s : names) {
    auto& v = votes[Key(*d, s.first, s.end)];
    ++v[static_cast<std::size_t>(s.type)];
    if (IsFirmDefinitionAt(*d, s.end)) v[static_cast<std::size_t>(NerType::kOrg)] += 3;
  }
  // A tie goes the same way for every span of the name ("Hulu" read three
  // times as a place and three times as a firm is one entity): to the
  // organization, the commonest kind of unlisted name in news.
  constexpr std::array<NerType, 3> kTieOrder = {NerType::kOrg, NerType::kPer, NerType::kLoc};
  for (ner::NerSpan& s : names) {
    const auto& v = votes[Key(*d, s.first, s.end)];
    NerType best = kTieOrder[0];
    for (const NerType t : kTieOrder) {
      if (v[static_cast<std::size_t>(t)] > v[static_cast<std::size_t>(best)]) best = t;
    }
    s.type = best;
  }
  // Longer names first, so that "Joe Biden" exists before "Biden" looks
  // for the person it names.
  std::stable_sort(names.begin(), names.end(), [](const ner::NerSpan& a, const ner::NerSpan& b) {
    return (a.end - a.first > 1) > (b.end - b.first > 1);
  });
  // Tickers seen in "(Nasdaq: NVDA)" -> the firm they name, for later
  // bare mentions ("NVDA shares rose").
  std::unordered_map<std::string, std::int32_t> tickers;
  for (const ner::NerSpan& s : names) {
    std::int32_t owner = -1;
    if (s.end - s.first == 1 && IsTicker(*d, s.first, &owner) && owner >= 0) {
      tickers.emplace(std::string(TokenText(d->tt, d->tok(s.first))), owner);
    }
  }
  std::optional<std::unordered_set<std::string_view>> acting;  // ActingAcronyms(), when needed.
  std::optional<AcronymDefinitions> defined;  // FindAcronymDefinitions(), when needed.
  std::optional<InitialsIndex> initials;      // IndexInitials(), when needed.
  // Names the earlier passes linked (lexicon, rules), by Key().
  std::unordered_map<std::string, std::int32_t> named;
  for (const DocMention& m : d->mentions) {
    const EntityType type = d->entities[static_cast<std::size_t>(m.entity)].type;
    if (type != EntityType::kChip) named.emplace(Key(*d, m.first, m.end), m.entity);
  }
  for (ner::NerSpan s : names) {
    if (IsExchangeLabel(*d, s)) continue;
    if (std::int32_t owner = -1; s.end - s.first == 1 && IsTicker(*d, s.first, &owner)) {
      // A ticker names the firm before it, never a firm of its own.
      if (owner >= 0 && d->covered[s.first] < 0) d->AddMention(s.first, s.end, owner);
      continue;
    }
    if (s.end - s.first == 1) {
      const auto t = tickers.find(std::string(TokenText(d->tt, d->tok(s.first))));
      if (t != tickers.end()) {
        if (d->covered[s.first] < 0) d->AddMention(s.first, s.end, t->second);
        continue;
      }
    }
    // A firm defined with its acronym is named by all the defining words,
    // a place among them included: "North America's Building Trades Unions
    // (NABTU)" is one union, not a place and "Building Trades Unions".
    bool by_definition = false;
    if (s.type == NerType::kOrg && s.end + 2 < d->size() && TokenText(d->tt, d->tok(s.end)) == "(" &&
        IsAcronym(TokenText(d->tt, d->tok(s.end + 1))) &&
        TokenText(d->tt, d->tok(s.end + 2)) == ")") {
      if (!defined) defined = FindAcronymDefinitions(*d);
      const auto def = defined->find(TokenText(d->tt, d->tok(s.end + 1)));
      if (def != defined->end() && def->second.end == s.end && def->second.first < s.first) {
        s.first = def->second.first;
        by_definition = true;
      }
    }
    if (!MakeRoom(d, &s, by_definition)) continue;
    // An acronym the document defines by words that name no entity is its
    // own, whatever a list says ("Native Processing Server (NPS)").
    if (s.end - s.first == 1 && IsAcronym(TokenText(d->tt, d->tok(s.first)))) {
      if (!defined) defined = FindAcronymDefinitions(*d);
      if (DefinedAsNonEntity(*d, *defined, TokenText(d->tt, d->tok(s.first)))) continue;
    }
    bool link_only = false;
    // One type per name within the document, also across the earlier
    // passes: a name the lexicon or a rule already gave an entity is that
    // entity wherever the tagger reads it (a firm a rule found by its
    // legal suffix, read elsewhere as a place).
    const auto earlier = named.find(Key(*d, s.first, s.end));
    std::int32_t e = earlier != named.end()
                         ? earlier->second
                         : ListedEntity(d, s.first, s.end, TypeOf(s.type), &link_only);
    const bool one_word = s.end - s.first == 1;
    // A gazetteer's town named like a word ("Union", "Reading") is a weak
    // listing: the checks for unlisted names apply to it too.
    const bool weak = e < 0 || (link_only && one_word);
    const std::string_view word = TokenText(d->tt, d->tok(s.first));
    // "Lopez" after "Feliciano Lopez": the person, whatever the tagger's
    // type for the lone word and whatever town a gazetteer names so (one
    // type per name in a document).
    if (one_word && (e < 0 || link_only)) {
      const std::int32_t person = DocumentPersonBySurname(*d, word, /*mentioned_only=*/true);
      if (person >= 0) e = person;
    }
    if (e < 0 && one_word && s.type == NerType::kPer) e = PersonBySurname(d, word);
    if (e < 0 && one_word && s.type == NerType::kPer && IsHandle(word)) continue;
    if (e < 0 && one_word && IsAcronym(word)) {
      if (!initials) initials = IndexInitials(*d);
      e = ByInitials(*initials, word);
      if (e < 0) {
        if (!acting) acting = ActingAcronyms(*d);
        if (acting->count(word) == 0) continue;
      }
    }
    // A postal code after "Town," is the city rule's ("Clay, NY"): it
    // names the state, never a place of its own.
    if (one_word && s.first >= 2 && d->model.lexicon.region_codes.count(std::string(word)) != 0 &&
        TokenText(d->tt, d->tok(s.first - 1)) == ",") {
      continue;
    }
    // A lone capital ("S" of "AC/S") names nothing.
    if (e < 0 && one_word && word.size() == 1) continue;
    if (weak && one_word && IsWeakWord(*d, s.first)) continue;
    if (weak && one_word && EndsLongerTitle(*d, s.first)) continue;
    if (e < 0 && (IsPossessedFacility(*d, s) || AllGenericWords(*d, s))) continue;
    if (e < 0) e = NewEntity(d, s.first, s.end, s.type);
    if (e >= 0) d->AddMention(s.first, s.end, e);
  }
}

}  // namespace newsx::extract::analysis
