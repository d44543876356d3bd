#include "analysis/event_roles.h"

#include <algorithm>

namespace newsx::extract::analysis {

namespace {

using nlp::Upos;

constexpr int kMaxInheritance = 4;  // Hops up the tree when inheriting a subject.

bool IsVerbal(const DocParse& p, std::uint32_t i) {
  const Upos t = p.tag(i);
  // A predicate noun or adjective ("is 15 times faster") acts as a verb.
  return t == Upos::kVerb || t == Upos::kAux || p.Child(i, "nsubj") >= 0 ||
         p.Child(i, "cop") >= 0;
}

bool IsRelativePronoun(const DocParse& p, std::uint32_t i) {
  const std::string_view l = p.lemma(i);
  return p.tag(i) == Upos::kPron && (l == "which" || l == "that" || l == "who" || l == "whom");
}

void AddWithConjuncts(const DocParse& p, std::uint32_t a, std::vector<std::uint32_t>* out) {
  if (std::find(out->begin(), out->end(), a) != out->end()) return;
  out->push_back(a);
  for (const std::uint32_t* c = p.children_begin(a); c != p.children_end(a); ++c) {
    if (p.base_rel(*c) == "conj") AddWithConjuncts(p, *c, out);
  }
}

void ChildrenWith(const DocParse& p, std::uint32_t h, std::initializer_list<std::string_view> rels,
                  std::vector<std::uint32_t>* out) {
  for (const std::uint32_t* c = p.children_begin(h); c != p.children_end(h); ++c) {
    for (const std::string_view r : rels) {
      if (p.rel(*c) == r) AddWithConjuncts(p, *c, out);
    }
  }
}

// Oblique or nominal modifiers of h introduced by one of `words`.
void PrepChildren(const DocParse& p, std::uint32_t h, const std::vector<std::string>& words,
                  std::vector<std::uint32_t>* out) {
  for (const std::uint32_t* c = p.children_begin(h); c != p.children_end(h); ++c) {
    const std::string_view base = p.base_rel(*c);
    if (base != "obl" && base != "nmod" && base != "advcl" && base != "acl") continue;
    const std::string_view prep = p.CaseOf(*c);
    if (prep.empty()) continue;
    if (std::find(words.begin(), words.end(), prep) != words.end()) AddWithConjuncts(p, *c, out);
  }
}

void Subjects(const DocParse& p, std::uint32_t h, int depth, std::vector<std::uint32_t>* out);

// Verbs whose subject draws in what others do: "attracted investment".
bool DrawsIn(std::string_view lemma) {
  static constexpr std::string_view kVerbs[] = {
      "attract", "catalyze", "catalyse", "spur",    "draw",   "lure",   "unlock",
      "unleash", "mobilize", "mobilise", "leverage", "court", "woo",    "solicit"};
  return std::find(std::begin(kVerbs), std::end(kVerbs), lemma) != std::end(kVerbs);
}

// Who does what a trigger with no subject of its own says.
void InheritedSubjects(const DocParse& p, std::uint32_t h, int depth, std::vector<std::uint32_t>* out) {
  if (depth >= kMaxInheritance || p.head(h) < 0) return;
  const auto g = static_cast<std::uint32_t>(p.head(h));
  const std::string_view rel = p.rel(h);
  const std::string_view base = p.base_rel(h);
  if (base == "xcomp") {
    // Object control: "cleared AMD to sell" (AMD sells).
    const std::int32_t obj = p.Child(g, "obj");
    if (obj >= 0 && !p.IsPassive(g)) {
      // The verb's subject comes next, for an object that names no one
      // ("HIVE makes AI push with ... investment").
      AddWithConjuncts(p, static_cast<std::uint32_t>(obj), out);
    }
    Subjects(p, g, depth + 1, out);
  } else if (base == "conj") {
    Subjects(p, g, depth + 1, out);
  } else if (rel == "acl:relcl") {
    AddWithConjuncts(p, g, out);  // "Micron, which received ..."
  } else if (base == "acl") {
    Subjects(p, g, depth + 1, out);  // "Micron's plan to invest"
  } else if (base == "obj" || rel == "nsubj:pass" || base == "obl") {
    // A noun trigger as a verb's object or oblique: "Micron announced an
    // investment", "added Huawei to the entity list". A verb of drawing in
    // has someone else do it: "the Department catalyzed billions of dollars
    // in private investments" (the Department invests nothing).
    if (DrawsIn(p.lemma(g))) return;
    Subjects(p, g, depth + 1, out);
  } else if (base == "nmod" && (p.tag(g) == Upos::kSym || p.tag(g) == Upos::kNum)) {
    // "will receive $6.1 billion in grants": the amount's verb tells who.
    InheritedSubjects(p, g, depth + 1, out);
  } else if (base == "ccomp" || base == "advcl") {
    // "X announced $100 million to expand training": X expands (an
    // infinitive of purpose has its verb's doer).
    bool infinitive = false;
    for (const std::uint32_t* c = p.children_begin(h); c != p.children_end(h); ++c) {
      infinitive |= p.rel(*c) == "mark" && p.lemma(*c) == "to";
    }
    if (!IsVerbal(p, h) || (base == "advcl" && infinitive)) Subjects(p, g, depth + 1, out);
  }
}

void Subjects(const DocParse& p, std::uint32_t h, int depth, std::vector<std::uint32_t>* out) {
  const std::size_t before = out->size();
  if (IsVerbal(p, h)) {
    if (p.IsPassive(h)) {
      ChildrenWith(p, h, {"obl:agent"}, out);
      PrepChildren(p, h, {"by"}, out);
    } else {
      for (const std::uint32_t* c = p.children_begin(h); c != p.children_end(h); ++c) {
        if (p.rel(*c) != "nsubj") continue;
        if (IsRelativePronoun(p, *c) && p.rel(h) == "acl:relcl" && p.head(h) >= 0) {
          AddWithConjuncts(p, static_cast<std::uint32_t>(p.head(h)), out);
        } else {
          AddWithConjuncts(p, *c, out);
        }
      }
    }
  } else {
    ChildrenWith(p, h, {"nmod:poss"}, out);
    PrepChildren(p, h, {"by"}, out);
    bool compound_only = out->size() == before;
    for (const std::uint32_t* c = p.children_begin(h); c != p.children_end(h); ++c) {
      if (p.rel(*c) == "compound" && p.tag(*c) == Upos::kPropn) AddWithConjuncts(p, *c, out);
    }
    // A proper-noun modifier may name the doer ("Micron investment") or
    // not ("CHIPS Incentives award"): the governing verb's subject follows
    // it as the next choice.
    if (compound_only && out->size() > before) {
      InheritedSubjects(p, h, depth, out);
      return;
    }
    // "a tariff that the administration planned to impose", "the
    // investment Micron announced": the doer of the noun's relative clause,
    // unless the clause's subject is the noun itself ("tariffs that hit").
    for (const std::uint32_t* c = p.children_begin(h); c != p.children_end(h); ++c) {
      if (out->size() > before) break;
      if (p.rel(*c) != "acl:relcl" || !IsVerbal(p, *c)) continue;
      if (p.IsPassive(*c)) {
        ChildrenWith(p, *c, {"obl:agent"}, out);
        PrepChildren(p, *c, {"by"}, out);
        continue;
      }
      for (const std::uint32_t* n = p.children_begin(*c); n != p.children_end(*c); ++n) {
        if (p.rel(*n) == "nsubj" && !IsRelativePronoun(p, *n)) AddWithConjuncts(p, *n, out);
      }
    }
  }
  if (out->size() == before) InheritedSubjects(p, h, depth, out);
}

void Objects(const DocParse& p, std::uint32_t h, std::vector<std::uint32_t>* out) {
  if (IsVerbal(p, h)) {
    if (p.IsPassive(h)) {
      ChildrenWith(p, h, {"nsubj:pass"}, out);
      // "chips approved by Beijing": the noun the participle modifies.
      if (out->empty() && (p.base_rel(h) == "acl" || p.base_rel(h) == "amod") && p.head(h) >= 0) {
        AddWithConjuncts(p, static_cast<std::uint32_t>(p.head(h)), out);
      }
      if (out->empty() && p.rel(h) == "acl:relcl" && p.head(h) >= 0) {
        AddWithConjuncts(p, static_cast<std::uint32_t>(p.head(h)), out);
      }
    } else {
      ChildrenWith(p, h, {"obj"}, out);
      if (out->empty()) ChildrenWith(p, h, {"iobj"}, out);
      if (out->empty() && p.base_rel(h) == "conj" && p.head(h) >= 0) {
        ChildrenWith(p, static_cast<std::uint32_t>(p.head(h)), {"obj"}, out);  // "bought and sold chips"
      }
    }
  } else {
    PrepChildren(p, h, {"of", "for", "on"}, out);
    for (const std::uint32_t* c = p.children_begin(h); c != p.children_end(h); ++c) {
      if (p.rel(*c) == "compound" && p.tag(*c) != Upos::kPropn) AddWithConjuncts(p, *c, out);
    }
    // "added Huawei to the entity list", "hit China with tariffs": the
    // verb's object is what the noun trigger is about; not when the noun
    // only says when ("During his visit to Arizona, he will discuss the
    // vision": the vision is not visited).
    const std::string_view when = p.CaseOf(h);
    const bool temporal = when == "during" || when == "after" || when == "before" ||
                          when == "since" || when == "until" || when == "amid" ||
                          when == "following" || when == "ahead";
    // A bare oblique ("obl:unmarked": "today", "this week") is no such
    // phrase.
    if (p.base_rel(h) == "obl" && !when.empty() && p.head(h) >= 0 && !temporal) {
      ChildrenWith(p, static_cast<std::uint32_t>(p.head(h)), {"obj"}, out);
    }
  }
}

}  // namespace

std::uint32_t TriggerHead(const DocParse& p, std::uint32_t first, std::uint32_t end) {
  std::uint32_t head = end - 1;
  for (std::uint32_t i = first; i < end; ++i) {
    const std::int32_t h = p.head(i);
    if (h < static_cast<std::int32_t>(first) || h >= static_cast<std::int32_t>(end)) {
      head = i;
      break;
    }
  }
  // A trigger that modifies a noun speaks through it: "duty rate on
  // imports", "export control rules".
  while (p.rel(head) == "compound" && p.head(head) > static_cast<std::int32_t>(head) &&
         (p.tag(static_cast<std::uint32_t>(p.head(head))) == Upos::kNoun)) {
    head = static_cast<std::uint32_t>(p.head(head));
  }
  return head;
}

std::uint32_t VerbOver(const DocParse& p, std::uint32_t head) {
  std::uint32_t x = head;
  for (int hop = 0; hop < 3 && p.tag(x) != Upos::kVerb && p.head(x) >= 0; ++hop) {
    x = static_cast<std::uint32_t>(p.head(x));
  }
  return x;
}

bool DrawnIn(const DocParse& p, std::uint32_t head) {
  if (p.empty() || IsVerbal(p, head)) return false;
  const std::uint32_t verb = VerbOver(p, head);
  return p.tag(verb) == Upos::kVerb && DrawsIn(p.lemma(verb));
}

std::uint32_t ClauseHead(const DocParse& p, std::uint32_t head) {
  if (IsVerbal(p, head) || p.head(head) < 0) return head;
  const std::string_view base = p.base_rel(head);
  if (base == "obj" || base == "nsubj" || p.rel(head) == "nsubj:pass" || base == "obl") {
    return static_cast<std::uint32_t>(p.head(head));
  }
  return head;
}

void PlaceHeads(const DocParse& p, std::uint32_t head, const SlotPlace& place,
                std::vector<std::uint32_t>* out) {
  out->clear();
  if (p.empty()) return;
  using K = SlotPlace::Kind;
  switch (place.kind) {
    case K::kSubj:
      Subjects(p, head, 0, out);
      break;
    case K::kObj:
      Objects(p, head, out);
      break;
    case K::kObj2: {
      ChildrenWith(p, head, {"iobj"}, out);
      std::vector<std::uint32_t> objs;
      ChildrenWith(p, head, {"obj"}, &objs);
      if (out->empty() && objs.size() > 1) out->push_back(objs.front());
      break;
    }
    case K::kPrep:
      PrepChildren(p, head, place.words, out);
      // "Korea, where I visited a campus": the place the clause is in, the
      // noun a relative clause modifies or else the word before "where".
      if (std::find(place.words.begin(), place.words.end(), "in") != place.words.end()) {
        for (const std::uint32_t* c = p.children_begin(head); c != p.children_end(head); ++c) {
          if (p.lemma(*c) != "where" || *c == 0) continue;
          if (p.rel(head) == "acl:relcl" && p.head(head) >= 0) {
            AddWithConjuncts(p, static_cast<std::uint32_t>(p.head(head)), out);
            continue;
          }
          std::uint32_t j = *c - 1;
          while (j > 0 && p.tag(j) == Upos::kPunct) --j;
          if (p.tag(j) == Upos::kPropn || p.tag(j) == Upos::kNoun) AddWithConjuncts(p, j, out);
        }
      }
      // A noun trigger's phrase may hang on its verb: "announced $35
      // million for BAE Systems".
      if (out->empty() && !IsVerbal(p, head)) {
        const std::uint32_t clause = ClauseHead(p, head);
        if (clause != head) PrepChildren(p, clause, place.words, out);
      }
      break;
    case K::kMod:
      for (const std::uint32_t* c = p.children_begin(head); c != p.children_end(head); ++c) {
        const std::string_view r = p.base_rel(*c);
        if (*c < head && (r == "nummod" || r == "amod" || r == "compound" || r == "nmod")) {
          AddWithConjuncts(p, *c, out);
        }
      }
      // "$100 billion in investment": the amount the trigger's phrase
      // modifies.
      if (out->empty() && p.base_rel(head) == "nmod" && p.head(head) >= 0 &&
          static_cast<std::uint32_t>(p.head(head)) < head) {
        out->push_back(static_cast<std::uint32_t>(p.head(head)));
      }
      break;
    case K::kPurpose:
      // "spend $20 billion to build two fabs", "an investment to expand its
      // plant": what the purpose clause acts on.
      // A noun trigger's clause may hang on its verb: "received approval
      // from the U.S. to ship tools". Only a clause after the trigger: one
      // opening the sentence gives the reason ("To protect national
      // security, BIS is adding license exceptions").
      for (const std::uint32_t h : {head, ClauseHead(p, head)}) {
        for (const std::uint32_t* c = p.children_begin(h); c != p.children_end(h); ++c) {
          const std::string_view r = p.base_rel(*c);
          if ((r == "advcl" || r == "acl" || r == "xcomp") && *c > head && p.CaseOf(*c) == "to" &&
              IsVerbal(p, *c)) {
            Objects(p, *c, out);
          }
        }
        if (!out->empty()) break;
      }
      break;
    default:
      break;
  }
}

}  // namespace newsx::extract::analysis
