// MatchLexicon(): the lexicon phrase pass of the entity recognizer.

#include <algorithm>
#include <optional>

#include "analysis/acronyms.h"
#include "analysis/entity_recognizer.h"

namespace newsx::extract::analysis {

namespace {

struct Candidate {
  std::uint32_t first;
  std::uint32_t end;
  const PhraseInfo* info;
};

void SortByStartLongestFirst(std::vector<Candidate>* c) {
  std::sort(c->begin(), c->end(), [](const Candidate& a, const Candidate& b) {
    return a.first != b.first ? a.first < b.first : a.end > b.end;
  });
}

// A non-overlapping left-to-right selection, longest first.
// REQUIRES: `c` sorted by SortByStartLongestFirst().
std::vector<Candidate> Longest(const std::vector<Candidate>& c) {
  std::vector<Candidate> out;
  std::uint32_t next_free = 0;
  for (const Candidate& x : c) {
    if (x.first < next_free) continue;
    out.push_back(x);
    next_free = x.end;
  }
  return out;
}

// A capital stands for its government when it acts or owns ("Beijing's
// reluctance", "Beijing is prioritizing"), not when it is a location ("in
// Beijing", "traveled to Beijing").
bool IsGovernmentMetonym(const DocState& d, std::uint32_t first, std::uint32_t end) {
  if (end < d.size() && (d.tok(end).flags & kPossessive)) return true;
  if (first > 0 && (d.tok(first - 1).classes & kLocative)) return false;
  if (first > 0 && d.tok(first - 1).word == d.model.words.the) return false;
  if (end >= d.size() || d.SentenceOf(end) != d.SentenceOf(first)) return false;
  const Token& next = d.tok(end);
  if (!(next.flags & kWordToken) || (next.flags & (kUpperInitial | kHasDigit))) return false;
  // A lower-case word after the name is a verb or auxiliary ("Beijing has"),
  // unless it is a conjunction or preposition continuing a list of places.
  return !(next.classes & kLocative) && next.word != d.model.words.and_ &&
         next.word != d.model.words.of && next.word != d.model.words.for_;
}

// "Native Processing Server (NPS)": a listed acronym the document defines
// by words that are not that entity's name is the document's own, not the
// listed one ("NPS" is also the National Park Service).
bool DefinedOtherwise(const DocState& d, const AcronymDefinitions& defined,
                      const std::vector<Candidate>& all, const Candidate& c) {
  const auto words = defined.find(TokenText(d.tt, d.tok(c.first)));
  if (words == defined.end()) return false;
  const TokenRange w = words->second;
  // `all` is sorted by start: only candidates starting at the words matter.
  auto it = std::lower_bound(all.begin(), all.end(), w.first,
                             [](const Candidate& x, std::uint32_t f) { return x.first < f; });
  for (; it != all.end() && it->first == w.first; ++it) {
    if (it->info->ref == c.info->ref && it->end >= w.end) return false;
  }
  return true;
}

}  // namespace

void MatchLexicon(DocState* d) {
  std::vector<Candidate> entities, titles, triggers;
  const auto lex_link_only = [d](const PhraseInfo& info) {
    return d->model.lexicon.entities[info.ref].link_only;
  };
  d->model.matcher.ForEachMatch(
      d->tt, [&](std::uint32_t first, std::uint32_t end, const PhraseInfo& info) {
        switch (info.kind) {
          case PhraseKind::kEntity:
          case PhraseKind::kDemonym:
            if (!lex_link_only(info)) entities.push_back({first, end, &info});
            break;
          case PhraseKind::kTitle:
            titles.push_back({first, end, &info});
            break;
          case PhraseKind::kTrigger:
            triggers.push_back({first, end, &info});
            break;
          case PhraseKind::kWordClass:
            d->tt.tokens[first].classes |= info.ref;
            // A generic phrase of several tokens ("R&D", "M&A") is generic
            // in every token, so that a name made of it alone is dropped.
            if (info.ref & kNotName) {
              for (std::uint32_t i = first + 1; i < end; ++i) d->tt.tokens[i].classes |= kNotName;
            }
            break;
        }
      });
  const Lexicon& lex = d->model.lexicon;
  SortByStartLongestFirst(&entities);
  std::vector<Candidate> chosen = Longest(entities);
  std::size_t next = 0;  // entities is sorted by start, longest first.
  std::optional<AcronymDefinitions> defined;  // Found when a listed acronym is met.
  for (const Candidate& c : chosen) {
    if (c.end - c.first == 1 && IsAcronym(TokenText(d->tt, d->tok(c.first)))) {
      if (!defined) defined = FindAcronymDefinitions(*d);
      if (DefinedOtherwise(*d, *defined, entities, c)) continue;
    }
    const EntityDef& def = lex.entities[c.info->ref];
    const Entity* target = &def.entity;
    if (!def.metonym.empty() && IsGovernmentMetonym(*d, c.first, c.end)) {
      const auto it = lex.entity_index.find(def.metonym);
      if (it != lex.entity_index.end()) target = &lex.entities[it->second].entity;
    }
    d->AddMention(c.first, c.end, d->Intern(*target));
    // A country that starts a government body's name ("Japan's trade
    // ministry", "the Dutch government") or a vendor that starts a chip's
    // ("Nvidia H200") is nested in it; "China" in "China Mobile" is not.
    const bool outer_official = target->type == EntityType::kOrg &&
                                (target->kind == "agency" || target->kind == "government");
    while (next < entities.size() && entities[next].first < c.first) ++next;
    for (std::size_t k = next; k < entities.size() && entities[k].first == c.first; ++k) {
      const Entity& inner = lex.entities[entities[k].info->ref].entity;
      const bool possessor =
          entities[k].end < d->size() && (d->tok(entities[k].end).flags & kPossessive);
      const bool nests = (inner.type == EntityType::kPlace && (outer_official || possessor)) ||
                         (inner.type == EntityType::kOrg && target->type == EntityType::kChip);
      if (entities[k].end < c.end && inner.id != target->id && nests) {
        d->nested.push_back(DocMention{c.first, entities[k].end, d->Intern(inner)});
        break;
      }
    }
  }
  SortByStartLongestFirst(&titles);
  SortByStartLongestFirst(&triggers);
  for (const Candidate& c : Longest(titles)) {
    if (!d->IsCovered(c.first, c.end)) d->titles.push_back(TitleHit{c.first, c.end, c.info->ref});
  }
  for (const Candidate& c : Longest(triggers)) {
    d->triggers.push_back(TriggerHit{c.first, c.end, c.info->ref});
  }
}

}  // namespace newsx::extract::analysis
