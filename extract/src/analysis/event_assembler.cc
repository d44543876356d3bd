#include "analysis/event_assembler.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "newsx/core/hash.h"

namespace newsx::extract::analysis {

namespace {

constexpr std::uint32_t kNegationWindow = 4;  // Tokens before a trigger.
constexpr std::uint32_t kSourceWindow = 5;    // Tokens after "according to".
constexpr std::uint32_t kGovernedGap = 2;     // Tokens between a trigger and its object.
constexpr std::uint32_t kPossessedGap = 3;
constexpr std::uint32_t kContextWindow = 6;   // Tokens around a trigger for its context words.
constexpr std::uint32_t kNoContext = ~0u;    // Modifiers between "Nvidia's" and "H20".

struct Candidate {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  std::int32_t entity = -1;
  std::int32_t quantity = -1;
  std::uint32_t classes = 0;
  // "Nvidia's" in "Nvidia's H200": a possessor only fills a slot when
  // nothing else can.
  bool modifier = false;
};

std::uint32_t EntityClasses(const Entity& e) {
  switch (e.type) {
    case EntityType::kChip:
      return kArgChip;
    case EntityType::kPerson:
      return kArgPerson;
    case EntityType::kPlace:
      if (e.kind == "country") return kArgCountry | kArgGovernment;
      return e.kind == "city" ? kArgCity : kArgRegion;
    case EntityType::kOrg:
      if (e.kind == "company") return kArgCompany;
      if (e.kind == "agency") return kArgAgency;
      if (e.kind == "government") return kArgGovernment;
      if (e.kind == "media") return kArgMedia;
      return kArgOtherOrg;
  }
  return 0;
}

std::uint32_t QuantityClasses(const Quantity& q) {
  if (q.kind == "ordinal") return 0;
  if (q.kind == "money" || !q.currency.empty()) return kArgMoney;
  if (q.kind == "percent" || q.unit == "percent" || q.unit == "percentage point")
    return kArgPercent;
  if (q.kind == "multiple" || q.unit == "multiple") return kArgMultiple;
  return kArgCount;
}

class Assembler {
 public:
  Assembler(const DocState& d, const std::vector<Quantity>& quantities,
            const std::vector<DateExpr>& dates, const std::string& article_id)
      : d_(d), quantities_(quantities), dates_(dates), article_id_(article_id) {}

  std::vector<Event> Run() {
    std::vector<TriggerHit> hits = d_.triggers;
    std::size_t h = 0;
    for (std::uint32_t s = 0; s < d_.tt.sentences.size() && h < hits.size(); ++s) {
      const Sentence& sentence = d_.tt.sentences[s];
      if (hits[h].first >= sentence.end) continue;
      Collect(sentence);
      for (; h < hits.size() && hits[h].first < sentence.end; ++h) {
        if (hits[h].first < sentence.first || IsGoverned(sentence, hits, h)) continue;
        if (Fire(s, hits[h])) fired_ = h;
      }
    }
    return std::move(events_);
  }

 private:
  void Collect(const Sentence& s) {
    candidates_.clear();
    std::int32_t last = -1;
    for (std::uint32_t i = s.first; i < s.end; ++i) {
      const std::int32_t m = d_.covered[i];
      if (m < 0 || m == last) continue;
      last = m;
      const DocMention& mention = d_.mentions[static_cast<std::size_t>(m)];
      Candidate c;
      c.first = mention.first;
      c.end = mention.end;
      c.entity = mention.entity;
      const Entity& e = d_.entities[static_cast<std::size_t>(mention.entity)];
      c.classes = EntityClasses(e);
      c.modifier = IsPossessor(s, c.end);
      candidates_.push_back(c);
    }
    const auto from =
        std::lower_bound(d_.quantities.begin(), d_.quantities.end(), s.first,
                         [](const QuantityHit& q, std::uint32_t first) { return q.first < first; });
    for (auto it = from; it != d_.quantities.end() && it->first < s.end; ++it) {
      const QuantityHit& q = *it;
      Candidate c;
      c.first = q.first;
      c.end = q.end;
      c.quantity = static_cast<std::int32_t>(q.quantity);
      c.classes = QuantityClasses(quantities_[q.quantity]);
      if (q.counts_other) c.classes &= ~static_cast<std::uint32_t>(kArgCount);
      candidates_.push_back(c);
    }
  }

  // True when the tokens from `end` are "'s", up to kPossessedGap
  // lower-case modifiers, then a mention: "Nvidia's (previously approved) H20".
  bool IsPossessor(const Sentence& s, std::uint32_t end) const {
    if (end >= s.end || !(d_.tok(end).flags & kPossessive)) return false;
    for (std::uint32_t i = end + 1; i < s.end && i <= end + 1 + kPossessedGap; ++i) {
      if (d_.covered[i] >= 0) return true;
      const Token& t = d_.tok(i);
      if (!(t.flags & kWordToken) || (t.flags & (kUpperInitial | kHasDigit))) return false;
    }
    return false;
  }

  // A trigger that is the object or purpose of another one that made an
  // event is not an event of its own: "approved the purchase", "not
  // approved any purchases", "cleared AMD to sell", "ordered ... for delivery".
  bool IsGoverned(const Sentence& s, const std::vector<TriggerHit>& hits, std::size_t h) const {
    const TriggerHit& hit = hits[h];
    if (hit.first > s.first && d_.tok(hit.first - 1).word == d_.model.words.for_) return true;
    if (h == 0 || fired_ != h - 1) return false;
    const TriggerHit& prev = hits[h - 1];
    return prev.first >= s.first && prev.end <= hit.first && hit.first - prev.end <= kGovernedGap;
  }

  // Distance in tokens from the trigger to the nearest occurrence of the
  // phrase `ids` within [first, end), or kNoContext.
  std::uint32_t PhraseDistance(std::uint32_t first, std::uint32_t end, const TriggerHit& hit,
                               const std::vector<std::int32_t>& ids) const {
    std::uint32_t best = kNoContext;
    if (ids.empty()) return best;
    for (std::uint32_t i = first; i + ids.size() <= end; ++i) {
      bool match = true;
      for (std::size_t k = 0; k < ids.size() && match; ++k) {
        match = d_.tok(i + static_cast<std::uint32_t>(k)).word == ids[k];
      }
      if (!match) continue;
      const std::uint32_t distance = i >= hit.end ? i - hit.end : hit.first - std::min(hit.first, i);
      best = std::min(best, distance);
    }
    return best;
  }

  // How near a rule's context words are to its trigger (0 when the rule
  // needs none), or kNoContext when none occurs within kContextWindow
  // tokens in the sentence. The nearest context decides between rules: in
  // "prior US approval for exports, Beijing's reluctance to allow imports",
  // "allow" goes with "imports".
  std::uint32_t ContextDistance(const Sentence& s, const TriggerHit& hit, std::uint32_t rule) const {
    const auto& phrases = d_.model.rule_context[rule];
    if (phrases.empty()) return 0;
    const std::uint32_t first =
        hit.first > s.first + kContextWindow ? hit.first - kContextWindow : s.first;
    const std::uint32_t end = std::min(s.end, hit.end + kContextWindow);
    std::uint32_t best = kNoContext;
    for (const auto& ids : phrases) best = std::min(best, PhraseDistance(first, end, hit, ids));
    return best;
  }

  // The token before candidate `c`, looking through "the" and a possessor
  // with its modifiers ("of Nvidia's previously approved H20" -> "of").
  std::uint32_t LeadToken(const Candidate& c) const {
    std::uint32_t p = c.first;
    for (std::uint32_t back = 1; back <= kPossessedGap + 1 && back < p; ++back) {
      const Token& t = d_.tok(p - back);
      if ((t.flags & kPossessive) && d_.covered[p - back - 1] >= 0) {
        p = d_.mentions[static_cast<std::size_t>(d_.covered[p - back - 1])].first;
        break;
      }
      if (!(t.flags & kWordToken) || (t.flags & (kUpperInitial | kHasDigit))) break;
    }
    if (p > 0 && d_.tok(p - 1).word == d_.model.words.the) --p;
    return p;
  }

  bool PrecededBy(const Candidate& c, const std::vector<std::int32_t>& words,
                  const TriggerHit& hit) const {
    if (words.empty()) return true;
    const std::uint32_t p = LeadToken(c);
    for (const std::int32_t w : words) {
      if (w == AnalysisModel::kRightAfterTrigger ? p == hit.end
                                                 : p > 0 && d_.tok(p - 1).word == w) {
        return true;
      }
    }
    return false;
  }

  // The nearest unused candidate for `slot`, or -1.
  std::int32_t Fill(const RoleSlot& slot, const std::vector<std::int32_t>& after_words,
                    const TriggerHit& hit, const std::vector<bool>& used,
                    const std::string& prefer_of) const {
    std::int32_t best = -1;
    std::uint32_t best_score = ~0u;
    for (std::size_t k = 0; k < candidates_.size(); ++k) {
      const Candidate& c = candidates_[k];
      if (used[k] || !(c.classes & slot.classes)) continue;
      // Inside the trigger; a multiple may share a word with it ("six
      // times" in "times the performance").
      if (c.first < hit.end && c.end > hit.first && c.quantity < 0) continue;
      const bool before = c.end <= hit.first;
      if (slot.where == RoleSlot::Where::kBefore && !before) continue;
      if (slot.where == RoleSlot::Where::kAfter && before) continue;
      if (!PrecededBy(c, after_words, hit)) continue;
      std::uint32_t score = before ? hit.first - c.end : c.first - hit.end;
      if (score > slot.max_distance) continue;
      if (c.modifier) score += 1000;
      if (c.quantity >= 0 && !prefer_of.empty() &&
          quantities_[static_cast<std::size_t>(c.quantity)].of != prefer_of) {
        score += 500;
      }
      if (score < best_score) {
        best_score = score;
        best = static_cast<std::int32_t>(k);
      }
    }
    return best;
  }

  // The chip of the previous sentence, for "The chips ..." or when that
  // sentence was about the chip (rules with item_carry=1).
  std::int32_t CarriedItem(std::uint32_t sentence_index) const {
    if (sentence_index == 0) return -1;
    const Sentence& s = d_.tt.sentences[sentence_index];
    bool anaphor = false;
    for (std::uint32_t i = s.first; i + 1 < s.end && !anaphor; ++i) {
      anaphor = (d_.tok(i).classes & kAnaphor) && (d_.tok(i + 1).classes & kChipNoun) &&
                d_.covered[i + 1] < 0;
    }
    const Sentence& prev = d_.tt.sentences[sentence_index - 1];
    if (!anaphor) {
      // The previous sentence's topic: a chip that opens it ("The H200,
      // Nvidia's second-most-powerful AI chip, has become ...").
      std::uint32_t i = prev.first;
      if (i < prev.end && d_.tok(i).word == d_.model.words.the) ++i;
      const std::int32_t e = i < prev.end ? d_.EntityAt(i) : -1;
      const bool topic = e >= 0 && d_.entities[static_cast<std::size_t>(e)].type == EntityType::kChip;
      return topic ? e : -1;
    }
    for (std::uint32_t i = prev.end; i > prev.first; --i) {
      const std::int32_t e = d_.EntityAt(i - 1);
      if (e >= 0 && d_.entities[static_cast<std::size_t>(e)].type == EntityType::kChip) return e;
    }
    return -1;
  }

  std::string Modality(const Sentence& s, const TriggerHit& hit) const {
    for (std::uint32_t i = s.first; i < hit.first; ++i) {
      if (d_.tok(i).classes & kPossibleCue) return "possible";
    }
    for (std::uint32_t i = s.first; i < s.end; ++i) {
      if (d_.tok(i).classes & kReportCue) return "reported";
    }
    return "asserted";
  }

  bool Negated(const Sentence& s, const TriggerHit& hit) const {
    const std::uint32_t from =
        hit.first > s.first + kNegationWindow ? hit.first - kNegationWindow : s.first;
    for (std::uint32_t i = from; i < hit.first; ++i) {
      if (d_.tok(i).classes & kNegation) return true;
    }
    return false;
  }

  // "according to a Reuters report", "Bloomberg reported": the attributed
  // organization or person, or empty.
  std::string Source(const Sentence& s) const {
    for (std::uint32_t i = s.first; i < s.end; ++i) {
      if (!(d_.tok(i).classes & kReportCue)) continue;
      for (std::uint32_t j = i + 1; j < s.end && j <= i + kSourceWindow; ++j) {
        const std::int32_t e = d_.EntityAt(j);
        if (e < 0) continue;
        const Entity& x = d_.entities[static_cast<std::size_t>(e)];
        if (x.type == EntityType::kOrg || x.type == EntityType::kPerson) return x.id;
        break;
      }
    }
    for (const Candidate& c : candidates_) {
      if (c.entity < 0 || !(c.classes & kArgMedia)) continue;
      const std::uint32_t next =
          c.end + ((c.end < s.end && (d_.tok(c.end).flags & kPossessive)) ? 1 : 0);
      if (next < s.end && (d_.tok(next).classes & (kReportCue | kSayVerb))) {
        return d_.entities[static_cast<std::size_t>(c.entity)].id;
      }
    }
    return "";
  }

  // The country an entity belongs to: itself for a country, else its
  // `country` attribute.
  std::string CountryOf(const Entity& e) const {
    if (e.type == EntityType::kPlace && e.kind == "country") return e.id;
    if (!e.country.empty()) return e.country;
    if (e.type == EntityType::kChip && !e.vendor.empty()) {
      const auto it = d_.model.lexicon.entity_index.find(e.vendor);
      if (it != d_.model.lexicon.entity_index.end())
        return d_.model.lexicon.entities[it->second].entity.country;
    }
    return "";
  }

  // Returns true when the hit made an event.
  bool Fire(std::uint32_t sentence_index, const TriggerHit& hit) {
    const Sentence& s = d_.tt.sentences[sentence_index];
    // Rules whose context holds, nearest context first, then in file order.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> order;  // (distance, rule)
    for (const std::uint32_t rule_index : d_.model.lexicon.triggers[hit.trigger].rules) {
      const std::uint32_t distance = ContextDistance(s, hit, rule_index);
      if (distance != kNoContext) order.emplace_back(distance, rule_index);
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [distance, rule_index] : order) {
      const EventRule& rule = d_.model.lexicon.rules[rule_index];
      std::vector<bool> used(candidates_.size(), false);
      std::vector<std::pair<std::string, std::int32_t>>
          filled;  // role -> candidate (-2: carried item)
      std::string item_id;
      std::int32_t carried = -1;
      for (std::size_t k = 0; k < rule.slots.size(); ++k) {
        const RoleSlot& slot = rule.slots[k];
        const bool counts_item = (slot.classes & kArgCount) && !item_id.empty();
        const std::int32_t c = Fill(slot, d_.model.slot_after_words[rule_index][k], hit, used,
                                    counts_item ? item_id : std::string());
        if (c >= 0) {
          used[static_cast<std::size_t>(c)] = true;
          // One entity fills one role: mark its other mentions used too.
          const std::int32_t entity = candidates_[static_cast<std::size_t>(c)].entity;
          for (std::size_t j = 0; j < candidates_.size() && entity >= 0; ++j) {
            if (candidates_[j].entity == entity) used[j] = true;
          }
          filled.emplace_back(slot.role, c);
          if (slot.role == "item" && entity >= 0)
            item_id = d_.entities[static_cast<std::size_t>(entity)].id;
        } else if (slot.role == "item" && rule.item_carry &&
                   (carried = CarriedItem(sentence_index)) >= 0) {
          filled.emplace_back(slot.role, -2);
          item_id = d_.entities[static_cast<std::size_t>(carried)].id;
        }
      }
      bool satisfied = true;
      for (const std::vector<std::string>& group : rule.require) {
        bool any = false;
        for (const std::string& role : group) {
          for (const auto& f : filled) any |= f.first == role;
        }
        satisfied &= any;
      }
      if (!satisfied) continue;
      Emit(rule, sentence_index, hit, filled, carried);
      return true;
    }
    return false;
  }

  void Emit(const EventRule& rule, std::uint32_t sentence_index, const TriggerHit& hit,
            const std::vector<std::pair<std::string, std::int32_t>>& filled, std::int32_t carried) {
    const Sentence& s = d_.tt.sentences[sentence_index];
    Event ev;
    ev.type = rule.type;
    std::string authority_country, item_country;
    for (const auto& [role, c] : filled) {
      EventArg arg;
      arg.role = role;
      if (c == -2) {
        const Entity& e = d_.entities[static_cast<std::size_t>(carried)];
        arg.entity_id = e.id;
        arg.text = e.name;
      } else {
        const Candidate& cand = candidates_[static_cast<std::size_t>(c)];
        arg.text = std::string(d_.Text(cand.first, cand.end));
        if (cand.entity >= 0) {
          const Entity& e = d_.entities[static_cast<std::size_t>(cand.entity)];
          arg.entity_id = e.id;
          if (role == "authority") authority_country = CountryOf(e);
          if (role == "item") item_country = CountryOf(e);
        } else {
          arg.quantity = quantities_[static_cast<std::size_t>(cand.quantity)];
        }
      }
      if (c == -2 && role == "item")
        item_country = CountryOf(d_.entities[static_cast<std::size_t>(carried)]);
      ev.args.push_back(std::move(arg));
    }
    if (!rule.home_type.empty() && !authority_country.empty() &&
        authority_country == item_country) {
      ev.type = rule.home_type;
    }
    // One event per type, sentence and arguments: "investing ... to build"
    // is one investment.
    std::string key = ev.type + "#" + std::to_string(sentence_index);
    for (const EventArg& a : ev.args) key += "|" + a.role + "=" + a.entity_id + a.text;
    if (!seen_.insert(key).second) return;
    // Two triggers of one type sharing an amount are one transaction
    // ("invested $5 billion in Intel, taking a 4% stake").
    for (const auto& [role, c] : filled) {
      if (c < 0 || candidates_[static_cast<std::size_t>(c)].quantity < 0) continue;
      const std::string amount = ev.type + "#" + std::to_string(sentence_index) + "#q" +
                                 std::to_string(candidates_[static_cast<std::size_t>(c)].quantity);
      if (!seen_.insert(amount).second) return;
    }

    const Token& first = d_.tok(hit.first);
    const Token& last = d_.tok(hit.end - 1);
    ev.trigger = std::string(d_.Text(hit.first, hit.end));
    ev.trigger_span = Span{first.cp_begin, last.cp_end};
    ev.sentence = std::string(d_.Text(s.first, s.end));
    ev.sentence_span = Span{d_.tok(s.first).cp_begin, d_.tok(s.end - 1).cp_end};
    ev.polarity = Negated(s, hit) ? "negated" : "asserted";
    ev.modality = Modality(s, hit);
    ev.source = Source(s);
    ev.article = article_id_;
    std::uint32_t best = ~0u;
    const auto from =
        std::lower_bound(d_.dates.begin(), d_.dates.end(), s.first,
                         [](const DateHit& x, std::uint32_t first) { return x.first < first; });
    for (auto it = from; it != d_.dates.end() && it->first < s.end; ++it) {
      const DateHit& dh = *it;
      const std::uint32_t dist =
          dh.first >= hit.end ? dh.first - hit.end : hit.first - std::min(hit.first, dh.end);
      if (dist < best) {
        best = dist;
        ev.time_text = dates_[dh.date].text;
        ev.time_value = dates_[dh.date].value;
      }
    }
    double confidence = 0.4 + 0.1 * static_cast<double>(filled.size());
    if (hit.end - hit.first > 1) confidence += 0.05;
    if (ev.modality == "possible") confidence -= 0.15;
    if (carried >= 0) confidence -= 0.1;
    ev.confidence = std::clamp(confidence, 0.1, 0.95);
    ev.id = Hash128Hex(article_id_ + "|" + ev.type + "|" + std::to_string(ev.trigger_span.begin) +
                       "-" + std::to_string(ev.trigger_span.end))
                .substr(0, 16);
    events_.push_back(std::move(ev));
  }

  const DocState& d_;
  const std::vector<Quantity>& quantities_;
  const std::vector<DateExpr>& dates_;
  const std::string& article_id_;
  std::vector<Candidate> candidates_;
  std::vector<Event> events_;
  std::set<std::string> seen_;
  std::size_t fired_ = ~std::size_t{0};  // Index of the last hit that made an event.
};

}  // namespace

std::vector<Event> AssembleEvents(const DocState& d, const std::vector<Quantity>& quantities,
                                  const std::vector<DateExpr>& dates,
                                  const std::string& article_id) {
  return Assembler(d, quantities, dates, article_id).Run();
}

}  // namespace newsx::extract::analysis
