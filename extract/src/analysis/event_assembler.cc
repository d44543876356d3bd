#include "analysis/event_assembler.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <span>
#include <unordered_map>

#include "analysis/entity_recognizer.h"
#include "analysis/event_context.h"
#include "analysis/event_merger.h"
#include "analysis/event_roles.h"
#include "newsx/core/hash.h"

namespace newsx::extract::analysis {

namespace {

constexpr std::uint32_t kGovernedGap = 2;     // Tokens between a trigger and its object.
constexpr std::uint32_t kPossessedGap = 3;    // Modifiers between "Nvidia's" and "H20".
constexpr std::uint32_t kContextWindow = 6;   // Tokens around a trigger for its context words.
constexpr std::uint32_t kNoContext = ~0u;
constexpr std::uint32_t kMaxThingTokens = 8;  // A noun phrase filler is cut to its last words.

// A filler of a role: an entity mention, a quantity or (kArgThing) a noun
// phrase that names no entity.
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

struct Filled {
  std::string role;
  std::int32_t candidate = -1;  // -2: the carried item.
};

class Assembler {
 public:
  Assembler(const DocState& d, const std::vector<Quantity>& quantities,
            const std::vector<DateExpr>& dates, const std::string& article_id,
            const std::string& published)
      : d_(d), p_(d.parse), quantities_(quantities), article_id_(article_id),
        context_(d, quantities, dates, published) {}

  std::vector<Event> Run() {
    const std::vector<TriggerHit> hits = Triggers();
    std::size_t h = 0;
    for (std::uint32_t s = 0; s < d_.tt.sentences.size() && h < hits.size(); ++s) {
      const Sentence& sentence = d_.tt.sentences[s];
      if (hits[h].first >= sentence.end) continue;
      Collect(sentence);
      fired_heads_.clear();
      fired_events_.clear();
      const std::size_t first_hit = h;
      for (; h < hits.size() && hits[h].first < sentence.end; ++h) {
        if (hits[h].first < sentence.first || IsGoverned(sentence, hits, first_hit, h)) continue;
        if (Fire(s, hits[h])) {
          fired_ = h;
          fired_heads_.push_back(Head(hits[h]));
        }
      }
    }
    std::vector<Event> merged =
        MergeEvents(std::move(events_), std::move(partials_), d_.entities, HeadlineEnd());
    AddIssuerAuthority(&merged);
    SpecifyItems(&merged);
    return merged;
  }

 private:
  // The code point where the document's headline ends, or 0: a first
  // sentence that is a paragraph of its own and ends without a full stop.
  std::size_t HeadlineEnd() const {
    if (d_.tt.sentences.size() < 2) return 0;
    const Sentence& first = d_.tt.sentences[0];
    if (first.end <= first.first ||
        !(d_.tok(d_.tt.sentences[1].first).flags & kParagraphStart)) {
      return 0;
    }
    const std::string_view last = TokenText(d_.tt, d_.tok(first.end - 1));
    if (last == "." || last == "!" || last == "?" || last == "\"" || last == "\u201d") return 0;
    return d_.tok(first.end - 1).cp_end;
  }

  // The public body that acts in this document: the agency or government
  // that is the doer (active subject) of the most clauses, the earliest on
  // a tie; -1 if none is. In a rule, notice or proclamation it is the
  // issuer ("BIS released the rule", "BIS is revising its policy").
  // Sentences without a trigger are not parsed (MarkTriggerSentences()):
  // there the doer is the sentence's first name when a lower-case word
  // follows it ("BIS published the list").
  //
  // A document headed "By the President of <country>" (a proclamation, an
  // executive order: its doer writes "I") is that country's act.
  std::int32_t DocumentIssuer() const {
    if (const std::int32_t head = HeaderCountry(); head >= 0) return head;
    std::vector<std::uint32_t> count(d_.entities.size(), 0);
    std::int32_t best = -1;
    for (const Sentence& s : d_.tt.sentences) {
      std::uint32_t first_name = s.end;
      for (std::uint32_t i = s.first; i < s.end && first_name == s.end; ++i) {
        if (d_.covered[i] >= 0) first_name = i;
      }
      const bool parsed = Parsed(s);
      for (std::uint32_t i = s.first; i < s.end; ++i) {
        if (!ActiveSubject(s, parsed, i, first_name)) continue;
        const std::int32_t e = d_.EntityAt(i);
        if (e < 0) continue;
        const Entity& x = d_.entities[static_cast<std::size_t>(e)];
        if (x.type != EntityType::kOrg || (x.kind != "agency" && x.kind != "government")) continue;
        const std::uint32_t n = ++count[static_cast<std::size_t>(e)];
        if (best < 0 || n > count[static_cast<std::size_t>(best)]) best = e;
      }
    }
    return best;
  }

  // The country of a "By the President of <country>" first line, or -1.
  std::int32_t HeaderCountry() const {
    if (d_.tt.sentences.empty()) return -1;
    const Sentence& s = d_.tt.sentences[0];
    if (s.end - s.first < 4 || Lower(TokenText(d_.tt, d_.tok(s.first))) != "by") return -1;
    std::uint32_t i = s.first + 1;
    if (Lower(TokenText(d_.tt, d_.tok(i))) == "the") ++i;
    if (!IsOneOf(Lower(TokenText(d_.tt, d_.tok(i))),
                 {"president", "prime", "governor", "king", "queen"})) {
      return -1;
    }
    for (; i < s.end; ++i) {
      const std::int32_t e = d_.EntityAt(i);
      if (e < 0) continue;
      const Entity& x = d_.entities[static_cast<std::size_t>(e)];
      return x.type == EntityType::kPlace && x.kind == "country" ? e : -1;
    }
    return -1;
  }

  bool Parsed(const Sentence& s) const {
    if (p_.empty()) return false;
    for (std::uint32_t i = s.first; i < s.end; ++i) {
      if (!p_.rel(i).empty()) return true;
    }
    return false;
  }

  // Token i is (the head of) the active subject of a verb; `parsed` is
  // Parsed(s), decided once per sentence.
  bool ActiveSubject(const Sentence& s, bool parsed, std::uint32_t i,
                     std::uint32_t first_name) const {
    if (parsed) {
      return p_.rel(i) == "nsubj" && p_.head(i) >= 0 &&
             p_.tag(static_cast<std::uint32_t>(p_.head(i))) == nlp::Upos::kVerb;
    }
    if (i != first_name) return false;
    const std::int32_t m = d_.covered[i];
    const std::uint32_t end = d_.mentions[static_cast<std::size_t>(m)].end;
    std::uint32_t next = end;
    // Past "(BIS)" after the full name.
    if (next + 2 < s.end && TokenText(d_.tt, d_.tok(next)) == "(" &&
        TokenText(d_.tt, d_.tok(next + 2)) == ")") {
      next += 3;
    }
    if (next >= s.end) return false;
    const Token& t = d_.tok(next);
    return (t.flags & kWordToken) && !(t.flags & (kUpperInitial | kHasDigit)) &&
           !(t.classes & kLocative) && d_.covered[next] < 0;
  }

  // An official act whose doer the sentence does not name ("I have
  // determined ... to impose a duty", "the rule ... implements controls",
  // "restrictions on exports"): the document's issuer did it. Only events
  // the sentence already made get one; the issuer never fills a role alone.
  // "The semiconductors covered by this rule are the Nvidia H200 and its
  // equivalents": a later sentence that says which chips the things of an
  // earlier event are (a definite subject with the item's head noun, a
  // copula or "include", chips after it) adds those chips to its items.
  void SpecifyItems(std::vector<Event>* events) const {
    constexpr std::uint32_t kMaxSubjectWords = 12;
    constexpr std::ptrdiff_t kSpecifyWindow = 64;
    for (const Sentence& s : d_.tt.sentences) {
      if (s.end - s.first < 4 || !IsOneOf(LowerWord(s.first), {"the", "these"})) continue;
      std::uint32_t verb = s.first + 1;
      while (verb < s.end && verb - s.first <= kMaxSubjectWords &&
             !IsOneOf(LowerWord(verb), {"are", "is", "include", "includes"})) {
        ++verb;
      }
      if (verb >= s.end || verb - s.first > kMaxSubjectWords) continue;
      std::vector<std::int32_t> chips;
      for (std::uint32_t i = verb + 1; i < s.end; ++i) {
        const std::int32_t e = d_.EntityAt(i);
        if (e >= 0 && d_.entities[static_cast<std::size_t>(e)].type == EntityType::kChip &&
            (i == verb + 1 || d_.EntityAt(i - 1) != e)) {
          chips.push_back(d_.covered[i]);
        }
      }
      if (chips.empty()) continue;
      const std::size_t begin = d_.tok(s.first).cp_begin;
      Event* target = nullptr;
      std::size_t latest = 0;
      // Events are in text order of their first mention: only the last
      // kSpecifyWindow of those told before the sentence are searched, so
      // a page of many such sentences stays linear.
      const auto told = std::partition_point(events->begin(), events->end(), [&](const Event& ev) {
        return ev.sentence_span.begin < begin;
      });
      const auto from = told - std::min<std::ptrdiff_t>(kSpecifyWindow, told - events->begin());
      for (Event& ev : std::span<Event>(from, told)) {
        for (const EventEvidence& x : ev.evidence) {
          if (x.sentence_span.end > begin || x.sentence_span.end < latest) continue;
          const bool names_subject =
              std::any_of(ev.args.begin(), ev.args.end(), [&](const EventArg& a) {
                if (a.role != "item" || !a.entity_id.empty()) return false;
                const std::size_t space = a.text.find_last_of(' ');
                const std::string head =
                    Lower(space == std::string::npos ? a.text : a.text.substr(space + 1));
                for (std::uint32_t i = s.first + 1; i < verb; ++i) {
                  if (LowerWord(i) == head) return true;
                }
                return false;
              });
          if (names_subject) {
            target = &ev;
            latest = x.sentence_span.end;
          }
        }
      }
      if (target == nullptr) continue;
      for (const std::int32_t m : chips) {
        const DocMention& mention = d_.mentions[static_cast<std::size_t>(m)];
        EventArg arg;
        arg.role = "item";
        arg.entity_id = d_.entities[static_cast<std::size_t>(mention.entity)].id;
        arg.text = std::string(d_.Text(mention.first, mention.end));
        const bool have = std::any_of(
            target->args.begin(), target->args.end(),
            [&](const EventArg& a) { return a.role == "item" && a.entity_id == arg.entity_id; });
        if (!have) target->args.push_back(std::move(arg));
      }
    }
  }

  std::string LowerWord(std::uint32_t i) const { return Lower(TokenText(d_.tt, d_.tok(i))); }

  void AddIssuerAuthority(std::vector<Event>* events) const {
    const std::int32_t issuer = DocumentIssuer();
    if (issuer < 0) return;
    const Entity& who = d_.entities[static_cast<std::size_t>(issuer)];
    for (Event& ev : *events) {
      if (!TypeHasRole(ev.type, "authority")) continue;
      // A government does not restrict or license trade with its own
      // country: "tariff money from China" in an article where Beijing
      // acts most is someone else's act.
      const bool named = std::any_of(ev.args.begin(), ev.args.end(), [&](const EventArg& a) {
        const bool own_country = !who.country.empty() && a.entity_id == who.country &&
                                 (a.role == "target" || a.role == "recipient" ||
                                  a.role == "destination");
        return a.role == "authority" || a.entity_id == who.id || own_country;
      });
      if (named) continue;
      EventArg arg;
      arg.role = "authority";
      arg.entity_id = who.id;
      arg.text = who.name;
      ev.args.push_back(std::move(arg));
      ev.confidence = std::round(std::max(0.1, ev.confidence - 0.1) * 100) / 100;
    }
  }

  bool TypeHasRole(const std::string& type, std::string_view role) const {
    for (const EventRule& rule : d_.model.lexicon.rules) {
      if (rule.type != type) continue;
      for (const RoleSlot& slot : rule.slots) {
        if (slot.role == role) return true;
      }
    }
    return false;
  }

  std::uint32_t Head(const TriggerHit& hit) const {
    return p_.empty() ? hit.end - 1 : TriggerHead(p_, hit.first, hit.end);
  }

  // True when the hit lies in a quoted title ("a second rule, \"Export
  // Controls on Semiconductor Manufacturing Items,\" which addresses"): the
  // words name a document, they tell no happening. A title: quotation marks
  // around it within its sentence, at most kMaxTitleWords words, most of
  // them capitalized.
  bool InQuotedTitle(const TriggerHit& hit) const {
    constexpr std::uint32_t kMaxTitleWords = 24;
    const auto is_quote = [&](std::uint32_t i) {
      const std::string_view w = TokenText(d_.tt, d_.tok(i));
      return w == "\"" || w == "\u201c" || w == "\u201d";
    };
    const std::uint32_t sentence = d_.SentenceOf(hit.first);
    std::uint32_t open = hit.first;
    while (open > 0 && hit.first - open < kMaxTitleWords && !is_quote(open - 1) &&
           d_.SentenceOf(open - 1) == sentence) {
      --open;
    }
    if (open == 0 || !is_quote(open - 1) || d_.SentenceOf(open - 1) != sentence) return false;
    std::uint32_t close = hit.end;
    while (close < d_.size() && close - open < kMaxTitleWords && !is_quote(close) &&
           d_.SentenceOf(close) == sentence) {
      ++close;
    }
    if (close >= d_.size() || !is_quote(close)) return false;
    std::uint32_t words = 0, capitals = 0;
    for (std::uint32_t i = open; i < close; ++i) {
      const Token& t = d_.tok(i);
      if (!(t.flags & kWordToken) || TokenText(d_.tt, t).size() <= 3) continue;
      ++words;
      capitals += (t.flags & kUpperInitial) != 0;
    }
    return words >= 2 && capitals * 10 >= words * 8;
  }

  // The lexicon's trigger phrases, and words whose lemma is a one-word
  // trigger ("approving" when "approve" is listed), in text order.
  std::vector<TriggerHit> Triggers() const {
    std::vector<TriggerHit> hits;
    // A trigger inside a longer name the tagger found is a word of that
    // name: "the American Music Awards", "the Chips Investment Fund".
    // (Title-case headlines reach the tagger in running case, so their
    // "Secures $15.5 Million Contract" stays a trigger.)
    std::size_t n = 0;
    for (const TriggerHit& t : d_.triggers) {
      while (n < d_.names.size() && d_.names[n].end <= t.first) ++n;
      const bool in_name = n < d_.names.size() && d_.names[n].first <= t.first &&
                           t.end <= d_.names[n].end && d_.names[n].end - d_.names[n].first >= 2;
      if (!in_name && !InQuotedTitle(t)) hits.push_back(t);
    }
    if (!p_.empty()) {
      std::vector<bool> taken(d_.size(), false);
      for (const TriggerHit& t : hits) {
        for (std::uint32_t i = t.first; i < t.end; ++i) taken[i] = true;
      }
      const auto& words = d_.model.lexicon.trigger_words;
      for (std::uint32_t i = 0; i < d_.size(); ++i) {
        // Inflections are verbs' ("approving"); a noun must be listed as it
        // is written ("building blocks" is no "build"; plural nouns, tried,
        // were mostly generic: "large-scale purchases").
        if (taken[i] || d_.covered[i] >= 0 || p_.tag(i) != nlp::Upos::kVerb) continue;
        const auto it = words.find(std::string(p_.lemma(i)));
        if (it != words.end()) hits.push_back(TriggerHit{i, i + 1, it->second});
      }
      std::sort(hits.begin(), hits.end(),
                [](const TriggerHit& a, const TriggerHit& b) { return a.first < b.first; });
    }
    return hits;
  }

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
      c.classes = EntityClasses(d_.entities[static_cast<std::size_t>(mention.entity)]);
      if ((c.classes & kArgCountry) && IsNationalityOfFirm(s, c)) continue;
      c.modifier = IsPossessor(s, c.end);
      candidates_.push_back(c);
    }
    const auto from =
        std::lower_bound(d_.quantities.begin(), d_.quantities.end(), s.first,
                         [](const QuantityHit& q, std::uint32_t first) { return q.first < first; });
    for (auto it = from; it != d_.quantities.end() && it->first < s.end; ++it) {
      Candidate c;
      c.first = it->first;
      c.end = it->end;
      c.quantity = static_cast<std::int32_t>(it->quantity);
      c.classes = QuantityClasses(quantities_[it->quantity]);
      if (it->counts_other) c.classes &= ~static_cast<std::uint32_t>(kArgCount);
      candidates_.push_back(c);
    }
  }

  // Program text on a page ("def bar(i): if i == 1: raise KeyError(1)")
  // tells no happening: "=", ";", braces and calls (a bracket written
  // against the word before it, "bar(i)") in more than one token of eight.
  // Prose puts a space before its parentheses ("HIVE Digital (Nasdaq:
  // HIVE)") and has its footnote marks in square brackets, which count not.
  bool LooksLikeCode(const Sentence& s) const {
    std::uint32_t symbols = 0;
    for (std::uint32_t i = s.first; i < s.end; ++i) {
      const std::string_view w = TokenText(d_.tt, d_.tok(i));
      const bool call = w == "(" && i > s.first && d_.tok(i - 1).end == d_.tok(i).begin &&
                        (d_.tok(i - 1).flags & kWordToken);
      symbols += call || w.find_first_of("{}=;") != std::string_view::npos;
    }
    const std::uint32_t tokens = s.end - s.first;
    return symbols >= 3 && symbols * 8 > tokens;
  }

  // True for a noun for one firm: "company", "maker", "plane-maker".
  bool IsFirmNoun(std::uint32_t i) const {
    const Token& t = d_.tok(i);
    if (!(t.flags & kWordToken) || (t.flags & kUpperInitial)) return false;
    const std::string_view w = TokenText(d_.tt, t);
    if (w.ends_with('s')) return false;  // "Chinese chipmakers": the country's industry.
    return (t.classes & kOrgDescriptor) || w.ends_with("maker");
  }

  // "the French plane-maker", "Ukrainian energy company Burisma", "Ukraine's
  // largest bank": a country that modifies (or owns) a noun for one firm, or
  // a firm's name, tells the firm's nationality. The firm, named or not, is
  // who acts; the country is neither an actor nor the place of the happening.
  bool IsNationalityOfFirm(const Sentence& s, const Candidate& c) const {
    const std::uint32_t last = c.end - 1;
    if (!p_.empty() && p_.head(last) >= 0) {
      auto h = static_cast<std::uint32_t>(p_.head(last));
      const std::string_view rel = p_.base_rel(last);
      // A possessor too: "Ukraine's largest bank", "China's biggest chipmaker".
      if (h < c.end || h >= s.end ||
          (rel != "amod" && rel != "compound" && p_.rel(last) != "nmod:poss")) {
        return false;
      }
      // Up the compound to the noun it names: "Brazilian mining company".
      for (int up = 0;
           up < 3 && p_.base_rel(h) == "compound" && p_.head(h) > static_cast<std::int32_t>(h) &&
           p_.head(h) < static_cast<std::int32_t>(s.end);
           ++up) {
        h = static_cast<std::uint32_t>(p_.head(h));
      }
      for (std::uint32_t i = c.end; i <= h; ++i) {
        if (IsFirmNoun(i)) return true;
      }
      const std::int32_t m = d_.covered[h];
      return m >= 0 && (EntityClasses(d_.entities[static_cast<std::size_t>(
                            d_.mentions[static_cast<std::size_t>(m)].entity)]) &
                        (kArgCompany | kArgOtherOrg)) != 0;
    }
    return c.end < s.end && IsFirmNoun(c.end);
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
  // approved any purchases", "cleared AMD to sell".
  bool IsGoverned(const Sentence& s, const std::vector<TriggerHit>& hits, std::size_t first_hit,
                  std::size_t h) const {
    const TriggerHit& hit = hits[h];
    if (hit.first > s.first && d_.tok(hit.first - 1).word == d_.model.words.for_) return true;
    if (!p_.empty()) {
      const std::uint32_t head = Head(hit);
      const std::string_view rel = p_.base_rel(head);
      if (rel == "obj" || rel == "xcomp" || p_.rel(head) == "nsubj:pass" || rel == "nmod") {
        const std::int32_t g = p_.head(head);
        if (g >= 0 && std::find(fired_heads_.begin(), fired_heads_.end(),
                                static_cast<std::uint32_t>(g)) != fired_heads_.end()) {
          return true;
        }
      }
    }
    if (h == first_hit || fired_ != h - 1) return false;
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

  // How near a rule's context words are to its trigger (after every
  // context that holds when the rule needs none: the specific rule first),
  // or kNoContext when none occurs within kContextWindow
  // tokens in the sentence. The nearest context decides between rules: in
  // "prior US approval for exports, Beijing's reluctance to allow imports",
  // "allow" goes with "imports".
  std::uint32_t ContextDistance(const Sentence& s, const TriggerHit& hit, std::uint32_t rule) const {
    const auto& phrases = d_.model.rule_context[rule];
    if (phrases.empty()) return kContextWindow + 1;  // After every rule whose context holds.
    const bool anywhere = d_.model.lexicon.rules[rule].context_in_sentence;
    const std::uint32_t first = anywhere || hit.first <= s.first + kContextWindow
                                    ? s.first
                                    : hit.first - kContextWindow;
    const std::uint32_t end = anywhere ? s.end : std::min(s.end, hit.end + kContextWindow);
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

  bool PrecededBy(const Candidate& c, const std::vector<std::string>& words,
                  const TriggerHit& hit) const {
    if (words.empty()) return true;
    const std::uint32_t p = LeadToken(c);
    std::string lower;
    if (p > 0) AppendLower(TokenText(d_.tt, d_.tok(p - 1)), &lower);
    for (const std::string& w : words) {
      if (w == "-" ? p == hit.end : p > 0 && lower == w) return true;
    }
    return false;
  }

  bool Usable(const Candidate& c, std::size_t k, const RoleSlot& slot, const TriggerHit& hit,
              const std::vector<bool>& used) const {
    if ((k < used.size() && used[k]) || !(c.classes & slot.classes)) return false;
    // Inside the trigger; a multiple may share a word with it ("six times"
    // in "times the performance").
    return !(c.first < hit.end && c.end > hit.first && c.quantity < 0);
  }

  // The nearest unused candidate at a positional place, or -1.
  std::int32_t FillByPosition(const RoleSlot& slot, const SlotPlace& place, const TriggerHit& hit,
                              const std::vector<bool>& used, const std::string& prefer_of) const {
    std::int32_t best = -1;
    std::uint32_t best_score = ~0u;
    for (std::size_t k = 0; k < candidates_.size(); ++k) {
      const Candidate& c = candidates_[k];
      if (!Usable(c, k, slot, hit, used)) continue;
      const bool before = c.end <= hit.first;
      if (place.kind == SlotPlace::Kind::kBefore && !before) continue;
      if (place.kind == SlotPlace::Kind::kAfter && before) continue;
      if (place.kind == SlotPlace::Kind::kAfter && !PrecededBy(c, place.words, hit)) continue;
      std::uint32_t score = before ? hit.first - c.end : c.first - hit.end;
      if (score > place.max_distance) continue;
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

  // The candidate of the phrase headed by `a`: the one that holds `a`,
  // else the usable one nearest to `a` within a's phrase, else (kArgThing)
  // the noun phrase itself. -1 if none.
  std::int32_t FillInPhrase(const RoleSlot& slot, std::uint32_t a, const TriggerHit& hit,
                            const std::vector<bool>& used) {
    std::uint32_t first = a, end = a + 1;
    p_.Subtree(a, &first, &end);
    // A clause inside the phrase speaks of something else: "a trip to Korea,
    // where I visited Samsung" (the trip's site is not Samsung).
    std::vector<std::pair<std::uint32_t, std::uint32_t>> clauses;
    for (const std::uint32_t* c = p_.children_begin(a); c != p_.children_end(a); ++c) {
      if (p_.rel(*c) != "acl:relcl" || p_.tag(a) == nlp::Upos::kVerb) continue;
      std::uint32_t cf = 0, ce = 0;
      p_.Subtree(*c, &cf, &ce);
      clauses.emplace_back(cf, ce);
    }
    const auto in_clause = [&](const Candidate& c) {
      for (const auto& [cf, ce] : clauses) {
        if (c.first >= cf && c.end <= ce) return true;
      }
      return false;
    };
    std::int32_t best = -1;
    std::uint32_t best_score = ~0u;
    for (std::size_t k = 0; k < candidates_.size(); ++k) {
      const Candidate& c = candidates_[k];
      if (c.first >= end || c.end <= first || !Usable(c, k, slot, hit, used) || in_clause(c)) continue;
      const std::uint32_t score = c.first <= a && a < c.end ? 0
                                  : c.end <= a                ? a - c.end + 1
                                                              : c.first - a;
      if (score < best_score) {
        best_score = score;
        best = static_cast<std::int32_t>(k);
      }
    }
    // A phrase headed by a word for chips ("its photonic AI chips") fills
    // a chip role too: chips that no name names are still chips.
    const bool chip_phrase_only = !(slot.classes & kArgThing);
    if (chip_phrase_only && (!(slot.classes & kArgChip) || best >= 0)) return best;
    // "the Data Center Validated End User authorization": a capitalized
    // modifier of a lower-case noun trigger names it; it tells what the
    // trigger is, not what it is about (lower case, "chip exports", does;
    // a headline in title case capitalizes both: "US Chip Export Curbs").
    if (best < 0 && p_.rel(a) == "compound" && p_.head(a) >= 0) {
      const auto h = static_cast<std::uint32_t>(p_.head(a));
      if (h >= hit.first && h < hit.end && !(d_.tok(h).flags & kUpperInitial) &&
          (d_.tok(a).flags & kUpperInitial) && !(d_.tok(a).flags & kAllUpper)) {
        return -1;
      }
    }
    // "visited Samsung's Pyeongtaek campus": the campus, not its owner.
    bool keep_possessor = false;
    if (best >= 0) {
      const std::int32_t poss = p_.Child(a, "nmod:poss");
      const Candidate& c = candidates_[static_cast<std::size_t>(best)];
      std::uint32_t pf = 0, pe = 0;
      if (poss >= 0) p_.Subtree(static_cast<std::uint32_t>(poss), &pf, &pe);
      if (poss < 0 || c.first < pf || c.end > pe || !(c.classes & kArgCompany)) return best;
      keep_possessor = true;
    }
    // "go into building five fabrication facilities": the facilities.
    if (p_.xpos(a) == "VBG") {
      const std::int32_t obj = p_.Child(a, "obj");
      if (obj >= 0) {
        a = static_cast<std::uint32_t>(obj);
        p_.Subtree(a, &first, &end);
      }
    }
    // "the import of certain chips": the chips; so for an action named by
    // a noun in -ing ("the targeting of foundational semiconductors").
    const auto transparent = [&](std::uint32_t i) {
      if (d_.tok(i).classes & kTransparentNoun) return true;
      const std::string_view w = TokenText(d_.tt, d_.tok(i));
      return p_.tag(i) == nlp::Upos::kNoun && w.size() > 5 && w.ends_with("ing") &&
             !(d_.tok(i).flags & kUpperInitial);
    };
    const auto of_phrase = [&](std::uint32_t n) {
      std::int32_t inner = -1;
      for (const std::uint32_t* c = p_.children_begin(n); c != p_.children_end(n); ++c) {
        if (p_.base_rel(*c) == "nmod" && p_.CaseOf(*c) == "of")
          inner = static_cast<std::int32_t>(*c);
      }
      return inner;
    };
    for (int hop = 0; hop < 2 && transparent(a); ++hop) {
      std::int32_t inner = of_phrase(a);
      // "the export, reexport, and transfer of advanced computing ICs": the
      // phrase after the coordination, on whichever conjunct the parse
      // hangs it, belongs to each.
      if (inner < 0) {
        const std::uint32_t root = p_.base_rel(a) == "conj" && p_.head(a) >= 0
                                       ? static_cast<std::uint32_t>(p_.head(a))
                                       : a;
        inner = of_phrase(root);
        for (const std::uint32_t* c = p_.children_begin(root);
             inner < 0 && c != p_.children_end(root); ++c) {
          if (p_.base_rel(*c) == "conj") inner = of_phrase(*c);
        }
        if (inner >= 0 && static_cast<std::uint32_t>(inner) < a) inner = -1;
      }
      if (inner < 0) break;
      a = static_cast<std::uint32_t>(inner);
      first = a;
      end = a + 1;
      p_.Subtree(a, &first, &end);
    }
    // "AI chip export restrictions": the modifier of a trigger word is
    // what the trigger is about.
    if (a >= hit.first && a < hit.end) {
      std::int32_t inner = -1;
      for (const std::uint32_t* c = p_.children_begin(a); c != p_.children_end(a); ++c) {
        if (p_.rel(*c) == "compound" && p_.tag(*c) == nlp::Upos::kNoun &&
            (*c < hit.first || *c >= hit.end)) {
          inner = static_cast<std::int32_t>(*c);
        }
      }
      if (inner < 0) return -1;
      a = static_cast<std::uint32_t>(inner);
    }
    const nlp::Upos tag = p_.tag(a);
    if (tag != nlp::Upos::kNoun && tag != nlp::Upos::kPropn) return -1;
    if (d_.covered[a] >= 0) return -1;  // A name of another kind, not a thing.
    if (InDate(a)) return -1;           // "on Monday" is when, not what.
    // "a 15 percent tariff": the rate, not what the tariff is on.
    if (InAmount(a, kArgPercent)) return -1;
    // A word for chips in capitals is a name's ("IMS CHIPS", "the CHIPS
    // Act"); the acronyms that are words for chips are short ("GPU").
    if (chip_phrase_only &&
        (!(d_.tok(a).classes & kChipNoun) ||
         ((d_.tok(a).flags & kAllUpper) && TokenText(d_.tt, d_.tok(a)).size() > 4))) {
      return -1;
    }
    const std::int32_t made = ThingPhrase(a, keep_possessor);
    // A bare "the chips" points back at chips named before (`item_carry`
    // finds them); only a described one ("its new AI chips") is an item.
    const Candidate& phrase = candidates_[static_cast<std::size_t>(made)];
    if (chip_phrase_only && phrase.end - phrase.first < 2) {
      candidates_.pop_back();
      return -1;
    }
    return made;
  }

  // Both lookups are binary searches: a sentence may hold many dates and
  // amounts (a table), and these run per noun phrase.
  // True when token i lies in a date expression.
  bool InDate(std::uint32_t i) const {
    const auto it = std::upper_bound(d_.dates.begin(), d_.dates.end(), i,
                                     [](std::uint32_t tok, const DateHit& x) { return tok < x.first; });
    return it != d_.dates.begin() && i < std::prev(it)->end;
  }

  // True when token i lies in an amount of one of `classes` ("$3.87
  // billion", "15 percent").
  bool InAmount(std::uint32_t i, std::uint32_t classes) const {
    const auto it = std::upper_bound(d_.quantities.begin(), d_.quantities.end(), i,
                                     [](std::uint32_t tok, const QuantityHit& q) { return tok < q.first; });
    if (it == d_.quantities.begin()) return false;
    const QuantityHit& q = *std::prev(it);
    return i < q.end && (QuantityClasses(quantities_[q.quantity]) & classes);
  }
  bool InMoney(std::uint32_t i) const { return InAmount(i, kArgMoney); }

  // A new thing candidate: noun a with its prenominal modifiers, without
  // determiners or an amount of money ("a $3.87 billion packaging plant"),
  // and without a possessor unless `keep_possessor`.
  std::int32_t ThingPhrase(std::uint32_t a, bool keep_possessor = false) {
    std::uint32_t first = a, end = a + 1;
    p_.Subtree(a, &first, &end);
    std::uint32_t np = first;
    while (np < a && (p_.base_rel(np) == "det" || p_.base_rel(np) == "case" ||
                      p_.base_rel(np) == "punct" || p_.base_rel(np) == "cc" || InMoney(np) ||
                      (!keep_possessor && (p_.rel(np) == "nmod:poss" || (d_.tok(np).flags & kPossessive))))) {
      ++np;
    }
    if (a + 1 - np > kMaxThingTokens) np = a + 1 - kMaxThingTokens;
    Candidate thing;
    thing.first = np;
    thing.end = a + 1;
    thing.classes = kArgThing;
    candidates_.push_back(thing);
    return static_cast<std::int32_t>(candidates_.size() - 1);
  }

  // True when candidates a and b cover the same tokens.
  bool SameSpan(std::int32_t a, std::int32_t b) const {
    const Candidate& x = candidates_[static_cast<std::size_t>(a)];
    const Candidate& y = candidates_[static_cast<std::size_t>(b)];
    return x.first == y.first && x.end == y.end;
  }

  // The token of candidate c whose head lies outside it.
  std::uint32_t CandidateHead(const Candidate& c) const {
    for (std::uint32_t i = c.first; i < c.end; ++i) {
      const std::int32_t h = p_.head(i);
      if (h < static_cast<std::int32_t>(c.first) || h >= static_cast<std::int32_t>(c.end)) return i;
    }
    return c.end - 1;
  }

  // "construction of a fab in Boise, Idaho, and modernizing its Manassas,
  // Virginia, facility": a place found in the clause has a counterpart in
  // each conjunct of a phrase above it (up to the clause's verb, whose
  // conjuncts count when they share its subject): the nearest fitting place
  // inside that conjunct fills the role too.
  void AddParallelPlaces(const RoleSlot& slot, const TriggerHit& hit, const std::vector<bool>& used,
                         std::uint32_t clause, std::vector<std::int32_t>* got) {
    const Candidate& found = candidates_[static_cast<std::size_t>((*got)[0])];
    std::uint32_t x = CandidateHead(found);
    for (int depth = 0; depth < 8 && x != clause && p_.head(x) >= 0; ++depth) {
      x = static_cast<std::uint32_t>(p_.head(x));
      for (const std::uint32_t* c = p_.children_begin(x); c != p_.children_end(x); ++c) {
        if (p_.base_rel(*c) != "conj" || *c < CandidateHead(found)) continue;
        if (x == clause && p_.Child(*c, "nsubj") >= 0) continue;  // Another doer's clause.
        std::uint32_t cf = *c, ce = *c + 1;
        p_.Subtree(*c, &cf, &ce);
        std::int32_t best = -1;
        for (std::size_t k = 0; k < candidates_.size(); ++k) {
          const Candidate& cand = candidates_[k];
          if (cand.first < cf || cand.end > ce || cand.entity < 0 ||
              !Usable(cand, k, slot, hit, used)) {
            continue;
          }
          if (best < 0 || cand.first < candidates_[static_cast<std::size_t>(best)].first) {
            best = static_cast<std::int32_t>(k);
          }
        }
        if (best >= 0 && std::find(got->begin(), got->end(), best) == got->end()) {
          got->push_back(best);
        }
      }
      if (x == clause) break;
    }
  }

  // Adds the candidates coordinated with those in `got` ("Malta, NY, and
  // Burlington, VT"; "Amazon, Microsoft and Meta") that fit the slot.
  void AddConjuncts(const RoleSlot& slot, const TriggerHit& hit, const std::vector<bool>& used,
                    std::vector<std::int32_t>* got) {
    if (p_.empty()) return;
    for (std::size_t g = 0; g < got->size(); ++g) {
      const Candidate& c = candidates_[static_cast<std::size_t>((*got)[g])];
      if (c.classes == kArgThing && c.quantity < 0 && c.entity < 0) {
        // "exports of gallium and germanium": each conjunct noun phrase.
        const std::uint32_t h = CandidateHead(c);
        for (const std::uint32_t* x = p_.children_begin(h); x != p_.children_end(h); ++x) {
          if (p_.base_rel(*x) != "conj" || p_.tag(*x) != nlp::Upos::kNoun || d_.covered[*x] >= 0) continue;
          const std::int32_t k = ThingPhrase(*x);
          const Candidate& made = candidates_[static_cast<std::size_t>(k)];
          const bool again = std::any_of(got->begin(), got->end(), [&](std::int32_t o) {
            const Candidate& c2 = candidates_[static_cast<std::size_t>(o)];
            return o != k && c2.first == made.first && c2.end == made.end;
          });
          if (!again) got->push_back(k);
        }
        continue;
      }
      if (c.entity < 0) continue;
      const std::uint32_t h = CandidateHead(c);
      for (const std::uint32_t* x = p_.children_begin(h); x != p_.children_end(h); ++x) {
        if (p_.base_rel(*x) != "conj" && p_.base_rel(*x) != "appos") continue;
        for (std::size_t k = 0; k < candidates_.size(); ++k) {
          const Candidate& o = candidates_[k];
          if (o.first > *x || *x >= o.end || o.entity < 0 || o.entity == c.entity) continue;
          // A conjunct shares the role whatever its kind: "to China and
          // Macau" (a region where the slot asks for a country).
          const bool same_type = d_.entities[static_cast<std::size_t>(o.entity)].type ==
                                 d_.entities[static_cast<std::size_t>(c.entity)].type;
          if (!Usable(o, k, slot, hit, used) &&
              !(same_type && !(k < used.size() && used[k]))) {
            continue;
          }
          if (std::find(got->begin(), got->end(), static_cast<std::int32_t>(k)) == got->end())
            got->push_back(static_cast<std::int32_t>(k));
        }
      }
    }
  }

  // The entity a third-person pronoun stands for: the nearest fitting
  // mention before it in its sentence or the one before ("Alibaba said it
  // would spend"), also as a possessor ("Commerce made its largest award
  // to Micron"). -1 for "I", "we", "you" and when none fits.
  std::int32_t Antecedent(const RoleSlot& slot, std::uint32_t pronoun, const TriggerHit& hit,
                          const std::vector<bool>& used) const {
    const std::string_view l = p_.lemma(pronoun);
    if (l != "it" && l != "they" && l != "he" && l != "she" && l != "its" && l != "their" &&
        l != "his" && l != "her") {
      return -1;
    }
    // "he", "his": a person; "it", "its": never one; "they", "their": either.
    const bool personal = l == "he" || l == "she" || l == "his" || l == "her";
    const bool neuter = l == "it" || l == "its";
    std::int32_t best = -1;
    for (std::size_t k = 0; k < candidates_.size(); ++k) {
      const Candidate& c = candidates_[k];
      if (c.entity < 0 || c.end > pronoun || !Usable(c, k, slot, hit, used)) continue;
      // A name that modifies a noun is no one a pronoun points at: "its
      // order of 30 Boeing jets, it announced" (the jets' maker).
      if (!p_.empty()) {
        const std::string_view rel = p_.base_rel(CandidateHead(c));
        if (rel == "compound" || rel == "nummod" || rel == "amod") continue;
      }
      const bool person = (c.classes & kArgPerson) != 0;
      if ((personal && !person) || (neuter && person)) continue;
      if (best < 0 || c.first > candidates_[static_cast<std::size_t>(best)].first) {
        best = static_cast<std::int32_t>(k);
      }
    }
    return best;
  }

  // Fills one slot: the first place that yields fillers wins. Grammatical
  // places may yield several (conjuncts: "in Arizona, Ohio and Oregon").
  void FillSlot(const RoleSlot& slot, const TriggerHit& hit, std::vector<bool>* used,
                const std::string& prefer_of, std::vector<Filled>* filled) {
    std::vector<std::uint32_t> heads;
    const std::uint32_t head = Head(hit);
    // The parse found a pronoun as the doer ("You're seeing ... TSMC is
    // coming with an investment", "I announce"): names near the trigger
    // are not the doer.
    bool phrase_found = false;
    // A doer's slot (one read from the subject) under a verb that draws
    // others in takes no name from before the trigger.
    const bool drawn = std::any_of(slot.places.begin(), slot.places.end(),
                                   [](const SlotPlace& p) {
                                     return p.kind == SlotPlace::Kind::kSubj;
                                   }) &&
                       DrawnIn(p_, head);
    for (const SlotPlace& place : slot.places) {
      using K = SlotPlace::Kind;
      std::vector<std::int32_t> got;
      if (place.kind == K::kBefore || place.kind == K::kAfter || place.kind == K::kAny) {
        if (phrase_found || (drawn && place.kind == K::kBefore)) continue;
        const std::int32_t c = FillByPosition(slot, place, hit, *used, prefer_of);
        if (c >= 0) got.push_back(c);
      } else if (place.kind == K::kClause) {
        if (p_.empty()) continue;
        const std::uint32_t clause = ClauseHead(p_, head);
        const std::int32_t c = FillInPhrase(slot, clause, hit, *used);
        if (c >= 0) got.push_back(c);
        if (c >= 0 && candidates_[static_cast<std::size_t>(c)].entity >= 0 &&
            !(slot.classes & ~(kArgCountry | kArgCity | kArgRegion | kArgGovernment))) {
          AddParallelPlaces(slot, hit, *used, clause, &got);
        }
      } else {
        PlaceHeads(p_, head, place, &heads);
        for (const std::uint32_t a : heads) {
          phrase_found |= place.kind == K::kSubj && p_.tag(a) == nlp::Upos::kPron;
        }
        std::int32_t first_head = -1;
        for (const std::uint32_t a : heads) {
          // The doer is one phrase: the first that names someone, with its
          // conjuncts.
          if (place.kind == K::kSubj && first_head >= 0 &&
              !p_.Dominates(static_cast<std::uint32_t>(first_head), a)) {
            continue;
          }
          std::int32_t c = FillInPhrase(slot, a, hit, *used);
          if (c < 0 && p_.tag(a) == nlp::Upos::kPron) c = Antecedent(slot, a, hit, *used);
          if (c >= 0 && first_head < 0) first_head = static_cast<std::int32_t>(a);
          // One entity once: "the Bureau of Industry and Security (BIS)".
          const std::int32_t entity = c >= 0 ? candidates_[static_cast<std::size_t>(c)].entity : -1;
          if (entity >= 0 && std::any_of(got.begin(), got.end(), [&](std::int32_t g) {
                return candidates_[static_cast<std::size_t>(g)].entity == entity;
              })) {
            continue;
          }
          // One phrase once: conjuncts sharing an "of" phrase give it each.
          if (c >= 0 && std::none_of(got.begin(), got.end(),
                                     [&](std::int32_t g) { return SameSpan(g, c); })) {
            got.push_back(c);
            used->resize(candidates_.size(), false);
            (*used)[static_cast<std::size_t>(c)] = true;
          }
        }
      }
      if (got.empty()) continue;
      AddConjuncts(slot, hit, *used, &got);
      used->resize(candidates_.size(), false);
      for (const std::int32_t c : got) {
        (*used)[static_cast<std::size_t>(c)] = true;
        // One entity fills one role: its other mentions are used too.
        const std::int32_t entity = candidates_[static_cast<std::size_t>(c)].entity;
        for (std::size_t j = 0; j < candidates_.size() && entity >= 0; ++j) {
          if (candidates_[j].entity == entity) (*used)[j] = true;
        }
        // A phrase an earlier slot of the role took ("AI chips" as a chip,
        // then as a thing) fills it once; so does the phrase around a name
        // that fills it ("10,000 H20 chips" after the H20).
        const Candidate& made = candidates_[static_cast<std::size_t>(c)];
        const bool again = std::any_of(filled->begin(), filled->end(), [&](const Filled& f) {
          if (f.role != slot.role || f.candidate < 0) return false;
          const Candidate& x = candidates_[static_cast<std::size_t>(f.candidate)];
          return SameSpan(f.candidate, c) || (made.entity < 0 && made.quantity < 0 &&
                                              x.first >= made.first && x.end <= made.end);
        });
        if (!again) filled->push_back(Filled{slot.role, c});
      }
      return;
    }
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

  // The country an entity belongs to: itself for a country, else its
  // `country` attribute (a chip's vendor's).
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

  bool Satisfied(const EventRule& rule, const std::vector<Filled>& filled) const {
    for (const std::vector<std::string>& group : rule.require) {
      bool any = false;
      for (const std::string& role : group) {
        for (const Filled& f : filled) any |= f.role == role;
      }
      if (!any) return false;
    }
    return true;
  }

  // "its order of 30 Boeing jets": a firm named inside the item's phrase
  // makes the item; it is the seller when the rule has one, never the
  // buyer or another actor.
  void MakerOfItem(const EventRule& rule, std::vector<Filled>* filled) const {
    const auto item = std::find_if(filled->begin(), filled->end(), [&](const Filled& f) {
      return f.role == "item" && f.candidate >= 0;
    });
    if (item == filled->end()) return;
    const Candidate& it = candidates_[static_cast<std::size_t>(item->candidate)];
    const bool has_seller = std::any_of(rule.slots.begin(), rule.slots.end(),
                                        [](const RoleSlot& r) { return r.role == "seller"; });
    bool seller_filled = std::any_of(filled->begin(), filled->end(),
                                     [](const Filled& f) { return f.role == "seller"; });
    for (auto f = filled->begin(); f != filled->end();) {
      const bool actor = f->role == "buyer" || f->role == "investor" || f->role == "authority";
      const Candidate* c =
          f->candidate >= 0 ? &candidates_[static_cast<std::size_t>(f->candidate)] : nullptr;
      if (!actor || c == nullptr || c->entity < 0 || c->first < it.first || c->end > it.end ||
          (c->first == it.first && c->end == it.end)) {
        ++f;
        continue;
      }
      if (has_seller && !seller_filled) {
        f->role = "seller";
        seller_filled = true;
        ++f;
      } else {
        f = filled->erase(f);
      }
    }
  }

  // Returns true when the hit made an event.
  bool Fire(std::uint32_t sentence_index, const TriggerHit& hit) {
    const Sentence& s = d_.tt.sentences[sentence_index];
    if (LooksLikeCode(s)) return false;
    // "Buying a domain from Squarespace is quick": an activity named as the
    // subject of a clause is spoken of in general, no happening.
    if (!p_.empty() && p_.xpos(Head(hit)) == "VBG" && p_.base_rel(Head(hit)) == "csubj") {
      return false;
    }
    // "The move has been met with resistance": to be met with is to get a
    // response, not a meeting.
    if (!p_.empty() && p_.lemma(Head(hit)) == "meet" && p_.IsPassive(Head(hit))) return false;
    // Rules whose context holds, nearest context first, then in file order.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> order;  // (distance, rule)
    for (const std::uint32_t rule_index : d_.model.lexicon.triggers[hit.trigger].rules) {
      const std::uint32_t distance = ContextDistance(s, hit, rule_index);
      if (distance != kNoContext) order.emplace_back(distance, rule_index);
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    const std::size_t fixed = candidates_.size();
    bool partial_made = false;
    for (const auto& [distance, rule_index] : order) {
      const EventRule& rule = d_.model.lexicon.rules[rule_index];
      // "there is sufficient supply of this product": the noun of a
      // verbal rule's trigger tells no transaction.
      if (rule.verbal && !p_.empty() && p_.tag(Head(hit)) != nlp::Upos::kVerb) continue;
      candidates_.resize(fixed);  // Drop noun phrases made for an earlier rule.
      std::vector<bool> used(candidates_.size(), false);
      // Who reports the happening takes no part in it: "the school district
      // is considering buying a system, the South Florida Sun Sentinel
      // reports"; "emissions fell 2 percent, according to the Rhodium Group".
      const std::string& source = SourceOf(sentence_index);
      for (std::size_t k = 0; k < candidates_.size() && !source.empty(); ++k) {
        const std::int32_t e = candidates_[k].entity;
        used[k] = e >= 0 && d_.entities[static_cast<std::size_t>(e)].id == source;
      }
      std::vector<Filled> filled;
      std::string item_id;
      std::int32_t carried = -1;
      for (const RoleSlot& slot : rule.slots) {
        const bool counts_item = (slot.classes & kArgCount) && !item_id.empty();
        const std::size_t before = filled.size();
        FillSlot(slot, hit, &used, counts_item ? item_id : std::string(), &filled);
        if (filled.size() > before) {
          const std::int32_t c = filled[before].candidate;
          const std::int32_t entity = candidates_[static_cast<std::size_t>(c)].entity;
          if (slot.role == "item" && entity >= 0 && item_id.empty())
            item_id = d_.entities[static_cast<std::size_t>(entity)].id;
        } else if (slot.role == "item" && rule.item_carry && carried < 0 &&
                   (carried = CarriedItem(sentence_index)) >= 0) {
          // Once per event: a rule with a chip slot and a thing slot for
          // the item would carry it twice.
          filled.push_back(Filled{slot.role, -2});
          item_id = d_.entities[static_cast<std::size_t>(carried)].id;
        }
      }
      MakerOfItem(rule, &filled);
      if (!Satisfied(rule, filled)) {
        if (!partial_made && carried < 0 && HasAnchor(filled)) {
          partial_made = true;
          Emit(rule, sentence_index, hit, filled, carried, /*partial=*/true);
        }
        continue;
      }
      Emit(rule, sentence_index, hit, filled, carried, /*partial=*/false);
      return true;
    }
    candidates_.resize(fixed);
    return false;
  }

  // kDefinite when a noun trigger comes with "the", "that" or "those": it
  // names a happening already told; kDemonstrative with "this" or "these",
  // which point at the one just told, whatever word told it ("... its
  // largest award to Micron. This $6 billion investment ...").
  enum class Reference : std::uint8_t { kNone, kDefinite, kDemonstrative };
  Reference ReferenceOf(const TriggerHit& hit) const {
    if (p_.empty()) return Reference::kNone;
    const std::uint32_t head = Head(hit);
    if (p_.tag(head) != nlp::Upos::kNoun) return Reference::kNone;
    Reference found = Reference::kNone;
    for (const std::uint32_t* c = p_.children_begin(head); c != p_.children_end(head); ++c) {
      if (p_.base_rel(*c) != "det") continue;
      const std::string_view l = p_.lemma(*c);
      if (l == "this" || l == "these") return Reference::kDemonstrative;
      if (l == "the" || l == "that" || l == "those") found = Reference::kDefinite;
    }
    // "This" a parse hung on the amount ("This more than $6.1 billion
    // investment"): the first word of the trigger's phrase.
    std::uint32_t first = head, end = head + 1;
    p_.Subtree(head, &first, &end);
    const std::string_view w = p_.lemma(first);
    if (w == "this" || w == "these") return Reference::kDemonstrative;
    return found;
  }

  // "brings TSMC's investment to about $165 billion": an amount that a
  // verb of growth takes the event "to" is the running total, not the
  // amount of this happening (which merges with the one it adds to).
  bool IsRunningTotal(const Candidate& c) const {
    if (p_.empty()) return false;
    const std::uint32_t h = CandidateHead(c);
    if (p_.CaseOf(h) != "to" || p_.head(h) < 0) return false;
    const auto verb = static_cast<std::uint32_t>(p_.head(h));
    if (p_.tag(verb) != nlp::Upos::kVerb) return false;
    const std::string_view l = p_.lemma(verb);
    return l == "bring" || l == "raise" || l == "take" || l == "lift" || l == "boost" ||
           l == "increase" || l == "push";
  }

  // True when a filler names an entity or an amount: something another
  // mention of the happening can be recognized by.
  bool HasAnchor(const std::vector<Filled>& filled) const {
    for (const Filled& f : filled) {
      if (f.candidate < 0) continue;
      const Candidate& c = candidates_[static_cast<std::size_t>(f.candidate)];
      if (c.entity >= 0 || c.quantity >= 0) return true;
    }
    return false;
  }

  void Emit(const EventRule& rule, std::uint32_t sentence_index, const TriggerHit& hit,
            const std::vector<Filled>& filled, std::int32_t carried, bool partial) {
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
        if (role == "item") item_country = CountryOf(e);
      } else {
        const Candidate& cand = candidates_[static_cast<std::size_t>(c)];
        arg.text = std::string(d_.Text(cand.first, cand.end));
        for (char& ch : arg.text) {
          if (ch == '\n') ch = ' ';
        }
        if (cand.entity >= 0) {
          const Entity& e = d_.entities[static_cast<std::size_t>(cand.entity)];
          arg.entity_id = e.id;
          if (role == "authority") authority_country = CountryOf(e);
          if (role == "item") item_country = CountryOf(e);
        } else if (cand.quantity >= 0) {
          arg.quantity = quantities_[static_cast<std::size_t>(cand.quantity)];
          if (role == "amount" && IsRunningTotal(cand)) arg.role = "total";
        }
      }
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
    if (partial) {
      FinishEvent(sentence_index, hit, filled, carried, &ev);
      const Reference r = ReferenceOf(hit);
      partials_.push_back(PartialMention{std::move(ev), r != Reference::kNone,
                                         r == Reference::kDemonstrative});
      return;
    }
    if (!seen_.insert(key).second) return;
    // Two triggers sharing an amount are one transaction ("invested $5
    // billion in Intel, taking a 4% stake"; "awarded $50 million to
    // Wolfspeed to expand its plant" is the award): the first one tells it.
    for (const auto& [role, c] : filled) {
      if (c < 0 || candidates_[static_cast<std::size_t>(c)].quantity < 0) continue;
      if (!(candidates_[static_cast<std::size_t>(c)].classes & kArgMoney)) continue;
      const std::string amount = std::to_string(sentence_index) + "#q" +
                                 std::to_string(candidates_[static_cast<std::size_t>(c)].quantity);
      if (!seen_.insert(amount).second) return;
    }
    FinishEvent(sentence_index, hit, filled, carried, &ev);
    // A trigger in the phrase of one of the same type that made an event
    // adds to it: "an agreement to provide $8.5 billion in funding".
    const std::uint32_t head = Head(hit);
    for (const auto& [governor, index] : fired_events_) {
      if (governor != head && p_.Dominates(governor, head) && events_[index].type == ev.type) {
        AbsorbEvent(&events_[index], std::move(ev));
        return;
      }
    }
    if (sentence_index > 0 && RefersBack(head)) InheritPlace(sentence_index - 1, &ev);
    fired_events_.emplace_back(head, events_.size());
    events_.push_back(std::move(ev));
  }

  // True when the trigger's clause has a demonstrative subject: "This
  // announcement will unleash $40 billion in investment", "This will
  // bring ...": the clause goes on about the previous sentence's happening.
  bool RefersBack(std::uint32_t head) const {
    if (p_.empty()) return false;
    // Up to the verb: "will unleash $40 billion in investment".
    const std::uint32_t clause = VerbOver(p_, head);
    for (const std::uint32_t* c = p_.children_begin(clause); c != p_.children_end(clause); ++c) {
      if (p_.base_rel(*c) != "nsubj") continue;
      const auto demonstrative = [&](std::uint32_t i) {
        return p_.lemma(i) == "this" || p_.lemma(i) == "these";
      };
      if (p_.tag(*c) == nlp::Upos::kPron) return demonstrative(*c);
      for (const std::uint32_t* x = p_.children_begin(*c); x != p_.children_end(*c); ++x) {
        if (p_.base_rel(*x) == "det" && demonstrative(*x)) return true;
      }
      return false;
    }
    return false;
  }

  // An event that says no place takes the places of the events told in
  // sentence `k` (which it refers back to).
  void InheritPlace(std::uint32_t k, Event* ev) const {
    for (const EventArg& a : ev->args) {
      if (a.role == "place") return;
    }
    const Sentence& s = d_.tt.sentences[k];
    const std::size_t begin = d_.tok(s.first).cp_begin;
    // Events are kept in sentence order: only the last ones can be of k.
    for (auto e = events_.rbegin(); e != events_.rend() && e->sentence_span.begin >= begin; ++e) {
      if (e->sentence_span.begin != begin) continue;
      for (const EventArg& a : e->args) {
        if (a.role != "place" || a.entity_id.empty()) continue;
        const bool known = std::any_of(ev->args.begin(), ev->args.end(), [&](const EventArg& b) {
          return b.role == "place" && b.entity_id == a.entity_id;
        });
        if (!known) ev->args.push_back(a);
      }
    }
  }

  const std::string& SourceOf(std::uint32_t sentence_index) const {
    if (source_sentence_ != sentence_index) {
      source_ = context_.Source(d_.tt.sentences[sentence_index]);
      source_sentence_ = sentence_index;
    }
    return source_;
  }

  // Trigger, sentence, polarity, modality, source, time, confidence and id.
  void FinishEvent(std::uint32_t sentence_index, const TriggerHit& hit,
                   const std::vector<Filled>& filled, std::int32_t carried, Event* out) const {
    Event& ev = *out;
    const Sentence& s = d_.tt.sentences[sentence_index];
    const Token& first = d_.tok(hit.first);
    const Token& last = d_.tok(hit.end - 1);
    ev.trigger = std::string(d_.Text(hit.first, hit.end));
    ev.trigger_span = Span{first.cp_begin, last.cp_end};
    ev.sentence = std::string(d_.Text(s.first, s.end));
    ev.sentence_span = Span{d_.tok(s.first).cp_begin, d_.tok(s.end - 1).cp_end};
    const std::uint32_t head = Head(hit);
    ev.polarity = context_.Negated(s, hit.first, head) ? "negated" : "asserted";
    ev.modality = context_.Modality(s, hit.first, head);
    ev.source = SourceOf(sentence_index);
    context_.Time(s, hit.first, hit.end, head, &ev);
    ev.article = article_id_;
    double confidence = 0.4 + 0.1 * static_cast<double>(filled.size());
    if (hit.end - hit.first > 1) confidence += 0.05;
    if (ev.modality == "possible") confidence -= 0.15;
    if (carried >= 0) confidence -= 0.1;
    ev.confidence = std::round(std::clamp(confidence, 0.1, 0.95) * 100) / 100;
    ev.id = Hash128Hex(article_id_ + "|" + ev.type + "|" + std::to_string(ev.trigger_span.begin) +
                       "-" + std::to_string(ev.trigger_span.end))
                .substr(0, 16);
  }

  const DocState& d_;
  const DocParse& p_;
  const std::vector<Quantity>& quantities_;
  const std::string& article_id_;
  EventContext context_;
  std::vector<Candidate> candidates_;
  std::vector<Event> events_;
  std::vector<PartialMention> partials_;  // Mentions too thin to stand alone (MergeEvents()).
  // (trigger head, index into events_) of this sentence's events.
  std::vector<std::pair<std::uint32_t, std::size_t>> fired_events_;
  std::set<std::string> seen_;
  // The source of sentence source_sentence_ (EventContext::Source()), read
  // once for all of its triggers and events.
  mutable std::uint32_t source_sentence_ = ~0u;
  mutable std::string source_;
  std::size_t fired_ = ~std::size_t{0};  // Index of the last hit that made an event.
  std::vector<std::uint32_t> fired_heads_;  // Heads of this sentence's triggers that fired.
};

}  // namespace

namespace {

// True when `lower` is a one-word trigger or may be an inflection of one:
// the suffixes of English verbs and nouns, with a silent "e" restored, a
// doubled consonant undone or a "y" restored ("approved" -> "approve",
// "banned" -> "ban", "supplies" -> "supply").
bool MayInflectTrigger(const std::unordered_map<std::string, std::uint32_t>& words,
                       const std::string& lower) {
  if (words.contains(lower)) return true;
  // "supplies", "supplied" -> "supply".
  for (const std::string_view suffix : {"ies", "ied"}) {
    if (lower.size() > suffix.size() + 1 && lower.ends_with(suffix) &&
        words.contains(lower.substr(0, lower.size() - suffix.size()) + "y")) {
      return true;
    }
  }
  for (const std::string_view suffix : {"ing", "ed", "es", "s", "d"}) {
    if (lower.size() <= suffix.size() + 1 || !lower.ends_with(suffix)) continue;
    std::string base = lower.substr(0, lower.size() - suffix.size());
    // A bare "d" follows only an "e" ("approved"): "band" is no "ban".
    if (suffix == "d") {
      if (base.back() == 'e' && words.contains(base)) return true;
      continue;
    }
    if (words.contains(base) || words.contains(base + "e")) return true;
    if (base.size() > 2 && base.back() == base[base.size() - 2]) {
      base.pop_back();
      if (words.contains(base)) return true;
    }
  }
  return false;
}

}  // namespace

void MarkTriggerSentences(const DocState& d, std::vector<bool>* wanted) {
  const auto& words = d.model.lexicon.trigger_words;
  std::vector<bool> token(d.size(), false);
  for (const TriggerHit& t : d.triggers) {
    for (std::uint32_t i = t.first; i < t.end; ++i) token[i] = true;
  }
  std::string lower;
  for (std::size_t k = 0; k < d.tt.sentences.size(); ++k) {
    const Sentence& s = d.tt.sentences[k];
    // An event names someone or something, or an amount: a sentence with
    // no name and no number makes none worth the parse.
    bool anchored = false;
    for (std::uint32_t i = s.first; i < s.end && !anchored; ++i) {
      anchored = d.covered[i] >= 0 || (d.tok(i).flags & kHasDigit);
    }
    if (!anchored) continue;
    for (std::uint32_t i = s.first; i < s.end && !(*wanted)[k]; ++i) {
      if (token[i]) {
        (*wanted)[k] = true;
        break;
      }
      const Token& t = d.tok(i);
      if (!(t.flags & kWordToken) || (t.flags & kHasDigit)) continue;
      lower.clear();
      AppendLower(TokenText(d.tt, t), &lower);
      (*wanted)[k] = MayInflectTrigger(words, lower);
    }
  }
}

std::vector<Event> AssembleEvents(const DocState& d, const std::vector<Quantity>& quantities,
                                  const std::vector<DateExpr>& dates, const std::string& article_id,
                                  const std::string& published) {
  return Assembler(d, quantities, dates, article_id, published).Run();
}

}  // namespace newsx::extract::analysis
