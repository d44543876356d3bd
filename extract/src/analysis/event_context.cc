#include "analysis/event_context.h"

#include <algorithm>

#include "analysis/entity_recognizer.h"
#include "analysis/event_roles.h"
#include "newsx/core/time_interval.h"

namespace newsx::extract::analysis {

namespace {

constexpr std::uint32_t kNegationWindow = 4;  // Tokens before a trigger (no parse).
constexpr std::uint32_t kSourceWindow = 5;    // Tokens after "according to".
constexpr int kGovernorHops = 3;

bool IsConditional(std::string_view mark) {
  return mark == "if" || mark == "unless" || mark == "whether";
}

}  // namespace

EventContext::EventContext(const DocState& d, const std::vector<Quantity>& /*quantities*/,
                           const std::vector<DateExpr>& dates, const std::string& published)
    : d_(d), dates_(dates) {
  if (published.size() >= 10 && published[4] == '-' && published[7] == '-') {
    published_day_ = published.substr(0, 10);
  }
}

std::vector<std::uint32_t> EventContext::Governors(std::uint32_t head) const {
  std::vector<std::uint32_t> out;
  const DocParse& p = d_.parse;
  std::uint32_t x = head;
  for (int hop = 0; hop < kGovernorHops && p.head(x) >= 0; ++hop) {
    const std::string_view rel = p.base_rel(x);
    // Complements and objects inherit their governor's stance; an adverbial
    // clause or a list member does not.
    if (rel != "xcomp" && rel != "ccomp" && rel != "obj" && rel != "acl" && rel != "csubj") break;
    x = static_cast<std::uint32_t>(p.head(x));
    out.push_back(x);
  }
  return out;
}

bool EventContext::Negated(const Sentence& s, std::uint32_t trigger_first,
                           std::uint32_t head) const {
  const DocParse& p = d_.parse;
  if (p.empty()) {
    const std::uint32_t from =
        trigger_first > s.first + kNegationWindow ? trigger_first - kNegationWindow : s.first;
    for (std::uint32_t i = from; i < trigger_first; ++i) {
      if (d_.tok(i).classes & kNegation) return true;
    }
    return false;
  }
  std::vector<std::uint32_t> scope = Governors(head);
  scope.insert(scope.begin(), head);
  for (const std::uint32_t x : scope) {
    // The governor itself negates ("declined to approve", "lifted the ban").
    if (x != head && (d_.tok(x).classes & kNegation)) return true;
    for (const std::uint32_t* c = p.children_begin(x); c != p.children_end(x); ++c) {
      const std::string_view rel = p.base_rel(*c);
      if ((rel == "advmod" || rel == "det" || rel == "aux" || rel == "cc") &&
          (d_.tok(*c).classes & kNegation) && *c < trigger_first + 1) {
        return true;
      }
    }
  }
  return false;
}

std::string EventContext::Modality(const Sentence& s, std::uint32_t trigger_first,
                                   std::uint32_t head) const {
  const DocParse& p = d_.parse;
  if (p.empty()) {
    for (std::uint32_t i = s.first; i < trigger_first; ++i) {
      if (d_.tok(i).classes & kPossibleCue) return "possible";
    }
  } else {
    std::vector<std::uint32_t> scope = Governors(head);
    scope.insert(scope.begin(), head);
    for (const std::uint32_t x : scope) {
      if (x != head && (d_.tok(x).classes & kPossibleCue)) return "possible";
      for (const std::uint32_t* c = p.children_begin(x); c != p.children_end(x); ++c) {
        const std::string_view rel = p.base_rel(*c);
        if ((rel == "aux" || rel == "advmod" || rel == "amod") && (d_.tok(*c).classes & kPossibleCue)) {
          return "possible";
        }
        if (rel == "mark" && IsConditional(p.lemma(*c))) return "possible";
      }
      // "plans to", "expected to": the cue phrase sits on the governor's
      // words; the lexicon marks its first word.
      if (x > s.first && (d_.tok(x - 1).classes & kPossibleCue) && p.head(x - 1) == static_cast<std::int32_t>(x)) {
        return "possible";
      }
    }
    if (p.base_rel(head) == "advcl") {
      for (const std::uint32_t* c = p.children_begin(head); c != p.children_end(head); ++c) {
        if (p.base_rel(*c) == "mark" && IsConditional(p.lemma(*c))) return "possible";
      }
    }
  }
  for (std::uint32_t i = s.first; i < s.end; ++i) {
    if (d_.tok(i).classes & kReportCue) return "reported";
  }
  return "asserted";
}

std::string EventContext::Source(const Sentence& s) const {
  for (std::uint32_t i = s.first; i < s.end; ++i) {
    if (!(d_.tok(i).classes & kReportCue)) continue;
    for (std::uint32_t j = i + 1; j < s.end && j <= i + kSourceWindow; ++j) {
      const std::int32_t e = d_.EntityAt(j);
      if (e < 0) {
        // Only the cue's own words, "to", "by" and an article stand between it
        // and its source: "according to the Financial Times", "reported by
        // Reuters"; "The report came as Nvidia CEO Jensen Huang was
        // unveiling" names no source.
        const std::string w = Lower(TokenText(d_.tt, d_.tok(j)));
        if ((d_.tok(j).classes & kReportCue) || w == "to" || w == "by" || w == "the" || w == "a" ||
            w == "an") {
          continue;
        }
        break;
      }
      const Entity& x = d_.entities[static_cast<std::size_t>(e)];
      if (x.type == EntityType::kOrg || x.type == EntityType::kPerson) return x.id;
      break;
    }
  }
  for (std::uint32_t i = s.first; i < s.end; ++i) {
    const std::int32_t e = d_.EntityAt(i);
    if (e < 0) continue;
    const Entity& x = d_.entities[static_cast<std::size_t>(e)];
    if (x.type != EntityType::kOrg || x.kind != "media") continue;
    std::uint32_t end = d_.mentions[static_cast<std::size_t>(d_.covered[i])].end;
    if (end < s.end && (d_.tok(end).flags & kPossessive)) ++end;
    if (end < s.end && (d_.tok(end).classes & (kReportCue | kSayVerb))) return x.id;
    i = end - 1;
  }
  return "";
}

void EventContext::Time(const Sentence& s, std::uint32_t first, std::uint32_t end,
                        std::uint32_t head, Event* ev) const {
  const DocParse& p = d_.parse;
  const auto from =
      std::lower_bound(d_.dates.begin(), d_.dates.end(), s.first,
                       [](const DateHit& x, std::uint32_t f) { return x.first < f; });
  std::uint32_t best = ~0u;
  bool in_clause = false;
  const std::uint32_t clause = p.empty() ? head : ClauseHead(p, head);
  for (auto it = from; it != d_.dates.end() && it->first < s.end; ++it) {
    const DateExpr& date = dates_[it->date];
    if (date.value.empty()) continue;
    const bool inside = !p.empty() && p.Dominates(clause, it->first);
    const std::uint32_t dist =
        it->first >= end ? it->first - end : first - std::min(first, it->end);
    // A date of the trigger's own clause beats a nearer one of another.
    if ((inside && !in_clause) || (inside == in_clause && dist < best)) {
      best = dist;
      in_clause = inside;
      ev->time_text = date.text;
      ev->time_value = date.value;
    }
  }
  if (!ev->time_value.empty()) {
    ev->time_source = in_clause ? "clause" : "sentence";
  } else if (!published_day_.empty()) {
    ev->time_value = published_day_;
    ev->time_source = "published";
  }
  if (const auto interval = DateValueIsoInterval(ev->time_value)) {
    ev->time_start = interval->start;
    ev->time_end = interval->end;
  }
}

}  // namespace newsx::extract::analysis
