#include "analysis/event_merger.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace newsx::extract::analysis {

namespace {

using ActorKeys = std::unordered_map<std::string, std::string>;

// A mention is merged with one of the latest happenings only: real articles
// tell far fewer, and the bound keeps merging linear in an article's events
// (a page of 30,000 one-line shipment reports would otherwise be quadratic).
constexpr std::ptrdiff_t kMergeWindow = 64;

std::vector<Event>::iterator WindowStart(std::vector<Event>& out) {
  return out.end() - std::min<std::ptrdiff_t>(kMergeWindow, static_cast<std::ptrdiff_t>(out.size()));
}

// The value that identifies an argument's filler.
std::string Value(const EventArg& a, const ActorKeys& actors) {
  if (!a.entity_id.empty()) {
    const auto it = actors.find(a.entity_id);
    return it == actors.end() ? a.entity_id : it->second;
  }
  if (a.quantity) {
    const Quantity& q = *a.quantity;
    const double v = q.value ? *q.value : q.low ? *q.low : q.high ? *q.high : 0.0;
    return "q:" + q.unit + q.currency + ":" + std::to_string(std::llround(v * 1000));
  }
  return "";  // A noun phrase: never conflicts, never anchors.
}

// Roles that say who acts: two events with different actors are two
// happenings even when they share an item.
bool IsActorRole(const std::string& role) {
  return role == "authority" || role == "investor" || role == "buyer" || role == "seller" ||
         role == "person" || role == "company" || role == "recipient";
}

enum class Need : std::uint8_t {
  kSharedOrUnnamed,  // Share an entity or amount, or neither names any.
  kShared,           // Share an entity or amount.
  kNoConflict,       // Only agree: a definite mention ("the investment").
};

bool Compatible(const Event& a, const Event& b, const ActorKeys& actors, Need need,
                bool any_type = false, bool amounts_may_differ = false) {
  if ((a.type != b.type && !any_type) || a.polarity != b.polarity) return false;
  bool shared = false, a_named = false, b_named = false;
  for (const EventArg& x : a.args) {
    const std::string vx = Value(x, actors);
    if (vx.empty()) continue;
    a_named = true;
    bool role_in_b = false, value_in_role = false;
    for (const EventArg& y : b.args) {
      const std::string vy = Value(y, actors);
      if (vy.empty()) continue;
      if (vy == vx) shared = true;
      if (y.role == x.role) {
        role_in_b = true;
        value_in_role |= vy == vx;
      }
    }
    // The same role filled differently: another actor or another amount.
    const bool amount = x.quantity.has_value() && !amounts_may_differ;
    if (role_in_b && !value_in_role && (IsActorRole(x.role) || amount)) return false;
  }
  for (const EventArg& y : b.args) b_named |= !Value(y, actors).empty();
  if (need == Need::kNoConflict) return true;
  return shared || (need == Need::kSharedOrUnnamed && !a_named && !b_named);
}

// True when `x` has a mention in the sentence of `e`'s first mention.
bool SameSentence(const Event& x, const Event& e) {
  return std::any_of(x.evidence.begin(), x.evidence.end(), [&](const EventEvidence& v) {
    return v.sentence_span.begin == e.sentence_span.begin;
  });
}

// The end of `e`'s last sentence that ends at or before code point
// `begin`, or 0.
std::size_t EndBefore(const Event& e, std::size_t begin) {
  std::size_t end = 0;
  for (const EventEvidence& x : e.evidence) {
    if (x.sentence_span.end <= begin) end = std::max(end, x.sentence_span.end);
  }
  return end;
}

void EnsureEvidence(Event* e) {
  if (e->evidence.empty()) {
    e->evidence.push_back(EventEvidence{e->sentence, e->sentence_span, e->trigger, e->trigger_span});
  }
}

int ModalityRank(const std::string& m) { return m == "asserted" ? 1 : 0; }

void Absorb(Event* into, Event&& from, const ActorKeys& actors) {
  for (EventArg& arg : from.args) {
    const std::string v = Value(arg, actors);
    const bool have = std::any_of(into->args.begin(), into->args.end(), [&](const EventArg& x) {
      return x.role == arg.role && (v.empty() ? x.text == arg.text : Value(x, actors) == v);
    });
    if (!have) into->args.push_back(std::move(arg));
  }
  for (EventEvidence& e : from.evidence) into->evidence.push_back(std::move(e));
  // A time the text states beats the publication date.
  if (into->time_source == "published" && !from.time_source.empty() &&
      from.time_source != "published") {
    into->time_text = from.time_text;
    into->time_value = from.time_value;
    into->time_start = from.time_start;
    into->time_end = from.time_end;
    into->time_source = from.time_source;
  }
  if (into->modality == "reported" || from.modality == "reported") {
    into->modality = "reported";
  } else if (ModalityRank(from.modality) > ModalityRank(into->modality)) {
    into->modality = from.modality;
  }
  if (into->source.empty()) into->source = from.source;
  into->confidence = std::max(into->confidence, from.confidence);
}

}  // namespace

void AbsorbEvent(Event* into, Event&& from) {
  EnsureEvidence(into);
  EnsureEvidence(&from);
  Absorb(into, std::move(from), ActorKeys());
}

std::vector<Event> MergeEvents(std::vector<Event> events, std::vector<PartialMention> partials,
                               const std::vector<Entity>& entities, std::size_t headline_end) {
  ActorKeys actors;
  for (const Entity& e : entities) {
    if (e.type == EntityType::kOrg && !e.country.empty() &&
        (e.kind == "government" || e.kind == "agency")) {
      actors.emplace(e.id, e.country);
    }
  }
  for (Event& e : events) {
    EnsureEvidence(&e);
  }
  std::vector<Event> out;
  // Adds partial mention e to the event it belongs to, if any (the rules
  // in event_merger.h). Returns false when it belongs to none.
  const auto attach = [&](PartialMention& e) {
    EnsureEvidence(&e.event);
    auto it = std::find_if(WindowStart(out), out.end(), [&](const Event& x) {
      return Compatible(x, e.event, actors, Need::kShared);
    });
    if (it == out.end() && e.definite) {
      // "The investment includes ...": the latest earlier event of its type.
      const auto stop = std::make_reverse_iterator(WindowStart(out));
      for (auto r = out.rbegin(); r != stop; ++r) {
        if (r->trigger_span.begin < e.event.trigger_span.begin && r->type == e.event.type &&
            Compatible(*r, e.event, actors, Need::kNoConflict)) {
          it = std::prev(r.base());
          break;
        }
      }
    }
    if (it == out.end() && e.demonstrative) {
      // "This ..." points at the happening of the sentence just before.
      const std::size_t begin = e.event.sentence_span.begin;
      for (auto x = WindowStart(out); x != out.end(); ++x) {
        const std::size_t end = EndBefore(*x, begin);
        if (end > 0 && end + 4 >= begin &&
            Compatible(*x, e.event, actors, Need::kNoConflict, /*any_type=*/true)) {
          it = x;
        }
      }
    }
    if (it == out.end()) {
      // "to provide $8.5 billion in direct funding along with $11 billion
      // in loans": a thin mention of the type in a sentence that told an
      // event of it is a part of that event, with an amount of its own.
      it = std::find_if(WindowStart(out), out.end(), [&](const Event& x) {
        return SameSentence(x, e.event) && Compatible(x, e.event, actors, Need::kNoConflict,
                                                      /*any_type=*/false,
                                                      /*amounts_may_differ=*/true);
      });
    }
    if (it == out.end()) return false;
    Absorb(&*it, std::move(e.event), actors);
    return true;
  };
  // "This $6.1 billion investment in Clay, NY" points at the sentence just
  // before it: it joins the events told so far, before a later mention of
  // the happening it continues ("agreed to preliminary terms with Micron
  // for $275 million") can merge into that event and contradict it.
  std::vector<bool> early(partials.size(), false);
  std::size_t next_partial = 0;
  for (Event& e : events) {
    for (; next_partial < partials.size() &&
           partials[next_partial].event.trigger_span.begin < e.trigger_span.begin;
         ++next_partial) {
      PartialMention& p = partials[next_partial];
      if (p.demonstrative) early[next_partial] = attach(p);
    }
    auto it = std::find_if(WindowStart(out), out.end(), [&](const Event& x) {
      return Compatible(x, e, actors, Need::kSharedOrUnnamed);
    });
    if (it == out.end()) {
      // "to provide $750 million in direct funding along with $2 billion in
      // loans": one sentence, one doer, two amounts of one award.
      it = std::find_if(WindowStart(out), out.end(), [&](const Event& x) {
        return SameSentence(x, e) && Compatible(x, e, actors, Need::kShared, /*any_type=*/false,
                                                /*amounts_may_differ=*/true);
      });
    }
    if (it == out.end() && headline_end > 0 && e.sentence_span.begin >= headline_end) {
      // The headline's events come first in `out` (text order): only that
      // prefix is searched, so the search stays short on any page.
      for (auto x = out.begin(); x != out.end() && x->sentence_span.begin < headline_end; ++x) {
        const bool headline_only = std::all_of(
            x->evidence.begin(), x->evidence.end(),
            [&](const EventEvidence& v) { return v.sentence_span.end <= headline_end; });
        if (x->type == e.type && headline_only && Compatible(*x, e, actors, Need::kNoConflict)) {
          it = x;
          break;
        }
      }
    }
    if (it == out.end()) {
      out.push_back(std::move(e));
    } else {
      Absorb(&*it, std::move(e), actors);
    }
  }
  for (std::size_t k = 0; k < partials.size(); ++k) {
    if (!early[k]) attach(partials[k]);
  }
  for (Event& e : out) {
    std::stable_sort(e.evidence.begin(), e.evidence.end(),
                     [](const EventEvidence& a, const EventEvidence& b) {
                       return a.trigger_span.begin < b.trigger_span.begin;
                     });
    // Each mention raises the confidence a little: a happening stated
    // several times is more surely one.
    const double extra = 0.05 * static_cast<double>(e.evidence.size() - 1);
    e.confidence = std::round(std::min(0.95, e.confidence + extra) * 100) / 100;
  }
  return out;
}

}  // namespace newsx::extract::analysis
