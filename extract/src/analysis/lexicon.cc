#include "analysis/lexicon.h"

#include <charconv>
#include <unordered_map>

#include "newsx/core/strings.h"

namespace newsx::extract::analysis {

namespace {

// What Trim() drops around lines, columns and list items: not tabs, which
// separate the columns (a line may end in empty ones).
constexpr std::string_view kBlank = " \r";

// "-" means "none" in every optional column.
std::string Optional(std::string_view s) { return s == "-" ? std::string() : std::string(s); }

std::vector<std::string> List(std::string_view s) {
  std::vector<std::string> out;
  if (s == "-" || s.empty()) return out;
  for (std::string_view item : Split(s, '|')) {
    item = Trim(item, kBlank);
    if (!item.empty()) out.emplace_back(item);
  }
  return out;
}

class Parser {
 public:
  explicit Parser(Lexicon* lex) : lex_(lex) {}

  Status ParseFile(const LexiconSource& file) {
    const std::string_view name = file.name;
    if (name.size() < 4 || name.substr(name.size() - 4) != ".tsv") return Status();
    using Fn = Status (Parser::*)(const std::vector<std::string_view>&);
    struct Kind {
      std::string_view prefix;
      std::size_t min_columns;
      Fn fn;
    };
    static constexpr Kind kKinds[] = {
        {"chips", 5, &Parser::Chip},   {"orgs", 5, &Parser::Org},
        {"places", 7, &Parser::Place}, {"persons", 4, &Parser::Person},
        {"titles", 3, &Parser::Title}, {"words", 2, &Parser::Words},
        {"events", 5, &Parser::Event}, {"regioncodes", 2, &Parser::RegionCode},
    };
    const Kind* kind = nullptr;
    for (const Kind& k : kKinds) {
      if (name.substr(0, k.prefix.size()) == k.prefix) kind = &k;
    }
    if (kind == nullptr) {
      return InvalidArgumentError(std::string(name) +
                                  ": unknown lexicon kind (name must start with chips, orgs, "
                                  "places, persons, titles, words, events or regioncodes)");
    }
    std::size_t line_no = 0;
    for (std::string_view line : Split(file.content, '\n')) {
      ++line_no;
      line = Trim(line, kBlank);
      if (line.empty() || line.front() == '#') continue;
      std::vector<std::string_view> cols = Split(line, '\t');
      for (std::string_view& c : cols) c = Trim(c, kBlank);
      Status status;
      if (cols.size() < kind->min_columns) {
        status = InvalidArgumentError("expected " + std::to_string(kind->min_columns) +
                                      " tab-separated columns, got " + std::to_string(cols.size()));
      } else {
        for (std::size_t i = 0; i < kind->min_columns && status.ok(); ++i) {
          if (cols[i].empty())
            status = InvalidArgumentError("empty column " + std::to_string(i + 1));
        }
        if (status.ok()) status = (this->*(kind->fn))(cols);
      }
      if (!status.ok()) {
        return InvalidArgumentError(std::string(name) + ":" + std::to_string(line_no) + ": " +
                                    status.message());
      }
    }
    return Status();
  }

  void Finish() {
    for (std::size_t i = 0; i < lex_->entities.size(); ++i) {
      const Entity& e = lex_->entities[i].entity;
      AddNameWithVariants(e.name, static_cast<std::uint32_t>(i));
      for (const std::string& a : e.aliases) AddNameWithVariants(a, static_cast<std::uint32_t>(i));
    }
    for (const auto& [text, index] : demonyms_) {
      AddPhrase(text, PhraseKind::kDemonym, index);
      // "Americans", "Germans": the people of a country are not a person's
      // name, whatever the tagger says (a plural that is no demonym's, as
      // "Chineses", never occurs).
      if (!text.empty() && text.back() != 's' && text.find(' ') == std::string::npos) {
        AddPhrase(text + "s", PhraseKind::kWordClass, kNotName);
      }
    }
    lex_->entity_index.insert(by_id_.begin(), by_id_.end());
    for (std::size_t i = 0; i < lex_->entities.size(); ++i) {
      const Entity& e = lex_->entities[i].entity;
      const std::size_t space = e.name.rfind(' ');
      if (e.type != EntityType::kPerson || space == std::string::npos) continue;
      const auto [it, added] =
          lex_->person_by_surname.emplace(e.name.substr(space + 1), static_cast<std::int32_t>(i));
      if (!added) it->second = -1;
    }
  }

 private:
  void AddPhrase(std::string_view text, PhraseKind kind, std::uint32_t ref) {
    lex_->phrases.push_back(Phrase{std::string(text), kind, ref});
  }

  // News writes "US" and "U.S.", "UK" and "U.K." for one another: a name
  // listed with one ("Office of the US Trade Representative") also matches
  // with the other ("Office of the U.S. Trade Representative"). Only whole
  // words inside a longer name; the lone word keeps its own listing.
  void AddNameWithVariants(const std::string& text, std::uint32_t ref) {
    AddPhrase(text, PhraseKind::kEntity, ref);
    // Typeset text writes the apostrophe as U+2019 ("People’s Republic
    // of China"); lists write "'".
    if (text.find('\'') != std::string::npos) {
      std::string curly;
      for (const char c : text) {
        if (c == '\'') {
          curly += "\u2019";
        } else {
          curly += c;
        }
      }
      AddPhrase(curly, PhraseKind::kEntity, ref);
    }
    static constexpr std::pair<std::string_view, std::string_view> kForms[] = {
        {"US", "U.S."}, {"U.S.", "US"}, {"UK", "U.K."}, {"U.K.", "UK"}};
    for (const auto& [from, to] : kForms) {
      if (text == from) continue;
      std::string variant;
      std::size_t pos = 0;
      bool changed = false;
      while (pos <= text.size()) {
        std::size_t end = text.find(' ', pos);
        if (end == std::string::npos) end = text.size();
        const std::string_view word = std::string_view(text).substr(pos, end - pos);
        if (!variant.empty()) variant += ' ';
        if (word == from) {
          variant += to;
          changed = true;
        } else {
          variant += word;
        }
        pos = end + 1;
      }
      if (changed) AddPhrase(variant, PhraseKind::kEntity, ref);
    }
  }

  // The optional "match" column at `index`: true for "link", false for
  // "always" or when absent.
  static Result<bool> MatchColumn(const std::vector<std::string_view>& c, std::size_t index) {
    if (c.size() <= index || c[index] == "always" || c[index] == "-") return false;
    if (c[index] == "link") return true;
    return InvalidArgumentError("match column must be \"always\" or \"link\", got \"" +
                                std::string(c[index]) + "\"");
  }

  Status CheckId(std::string_view id, std::string_view prefix) {
    if (id.substr(0, prefix.size()) != prefix || id.size() == prefix.size()) {
      return InvalidArgumentError("id \"" + std::string(id) + "\" must start with " +
                                  std::string(prefix));
    }
    return Status();
  }

  // Adds or replaces (same id) a known entity; returns its index.
  std::uint32_t Define(EntityDef def) {
    auto [it, inserted] =
        by_id_.emplace(def.entity.id, static_cast<std::uint32_t>(lex_->entities.size()));
    if (inserted) {
      lex_->entities.push_back(std::move(def));
    } else {
      lex_->entities[it->second] = std::move(def);
    }
    return it->second;
  }

  Status Chip(const std::vector<std::string_view>& c) {
    NEWSX_RETURN_IF_ERROR(CheckId(c[0], "chip:"));
    EntityDef d;
    d.entity =
        Entity{.id = std::string(c[0]), .type = EntityType::kChip, .name = std::string(c[1])};
    d.entity.vendor = Optional(c[2]);
    d.entity.family = Optional(c[3]);
    d.entity.aliases = List(c[4]);
    Define(std::move(d));
    return Status();
  }

  Status Org(const std::vector<std::string_view>& c) {
    NEWSX_RETURN_IF_ERROR(CheckId(c[0], "org:"));
    static constexpr std::string_view kKinds[] = {"company", "agency", "government", "media",
                                                  "other"};
    bool known = false;
    for (std::string_view k : kKinds) known |= (c[2] == k);
    if (!known) return InvalidArgumentError("unknown org kind \"" + std::string(c[2]) + "\"");
    EntityDef d;
    d.entity = Entity{.id = std::string(c[0]), .type = EntityType::kOrg, .name = std::string(c[1])};
    d.entity.kind = std::string(c[2]);
    d.entity.country = Optional(c[3]);
    d.entity.aliases = List(c[4]);
    NEWSX_ASSIGN_OR_RETURN(d.link_only, MatchColumn(c, 5));
    Define(std::move(d));
    return Status();
  }

  Status Place(const std::vector<std::string_view>& c) {
    NEWSX_RETURN_IF_ERROR(CheckId(c[0], "place:"));
    if (c[2] != "country" && c[2] != "city" && c[2] != "region") {
      return InvalidArgumentError("unknown place kind \"" + std::string(c[2]) + "\"");
    }
    EntityDef d;
    d.entity =
        Entity{.id = std::string(c[0]), .type = EntityType::kPlace, .name = std::string(c[1])};
    d.entity.kind = std::string(c[2]);
    d.entity.country = Optional(c[3]);
    d.entity.aliases = List(c[4]);
    d.metonym = Optional(c[6]);
    NEWSX_ASSIGN_OR_RETURN(d.link_only, MatchColumn(c, 7));
    const std::uint32_t index = Define(std::move(d));
    for (std::string& demonym : List(c[5])) demonyms_.emplace_back(std::move(demonym), index);
    return Status();
  }

  Status Person(const std::vector<std::string_view>& c) {
    NEWSX_RETURN_IF_ERROR(CheckId(c[0], "person:"));
    EntityDef d;
    d.entity =
        Entity{.id = std::string(c[0]), .type = EntityType::kPerson, .name = std::string(c[1])};
    d.entity.aliases = List(c[2]);
    for (const std::string& role : List(c[3])) {
      const std::size_t at = role.find('@');
      if (at == std::string::npos)
        return InvalidArgumentError("role \"" + role + "\" needs title@org");
      d.entity.roles.push_back(Role{role.substr(0, at), Optional(role.substr(at + 1))});
    }
    Define(std::move(d));
    return Status();
  }

  Status RegionCode(const std::vector<std::string_view>& c) {
    NEWSX_RETURN_IF_ERROR(CheckId(c[1], "place:"));
    lex_->region_codes[std::string(c[0])] = std::string(c[1]);
    return Status();
  }

  Status Title(const std::vector<std::string_view>& c) {
    lex_->titles.push_back(TitleDef{std::string(c[1]), Optional(c[2])});
    AddPhrase(c[0], PhraseKind::kTitle, static_cast<std::uint32_t>(lex_->titles.size() - 1));
    return Status();
  }

  Status Words(const std::vector<std::string_view>& c) {
    static const std::unordered_map<std::string_view, WordClass> kClasses = {
        {"org_suffix", kOrgSuffix}, {"chip_noun", kChipNoun},   {"group_noun", kGroupNoun},
        {"locative", kLocative},    {"name_stop", kNameStop},   {"say_verb", kSayVerb},
        {"negation", kNegation},    {"report_cue", kReportCue}, {"possible_cue", kPossibleCue},
        {"anaphor", kAnaphor},          {"org_descriptor", kOrgDescriptor},
        {"not_name", kNotName},         {"work_head", kWorkHead},
        {"agency_head", kAgencyHead},   {"media_head", kMediaHead},
        {"group_head", kGroupHead},     {"region_head", kRegionHead},
        {"transparent_noun", kTransparentNoun}, {"exchange", kExchange},
    };
    const auto it = kClasses.find(c[0]);
    if (it == kClasses.end())
      return InvalidArgumentError("unknown word class \"" + std::string(c[0]) + "\"");
    for (const std::string& w : List(c[1])) AddPhrase(w, PhraseKind::kWordClass, it->second);
    return Status();
  }

  Status Slot(std::string_view spec, RoleSlot* slot) {
    static const std::unordered_map<std::string_view, std::uint32_t> kClasses = {
        {"chip", kArgChip},
        {"company", kArgCompany},
        {"agency", kArgAgency},
        {"government", kArgGovernment},
        {"media", kArgMedia},
        {"org", kArgCompany | kArgAgency | kArgGovernment | kArgMedia | kArgOtherOrg},
        {"person", kArgPerson},
        {"country", kArgCountry},
        {"city", kArgCity},
        {"region", kArgRegion},
        {"place", kArgCountry | kArgCity | kArgRegion},
        {"count", kArgCount},
        {"money", kArgMoney},
        {"percent", kArgPercent},
        {"multiple", kArgMultiple},
        {"quantity", kArgQuantities},
        {"thing", kArgThing},
    };
    const std::size_t eq = spec.find('=');
    if (eq == std::string_view::npos || eq == 0)
      return InvalidArgumentError("role rule \"" + std::string(spec) + "\" needs role=classes");
    slot->role = std::string(spec.substr(0, eq));
    std::string_view rest = spec.substr(eq + 1);
    std::string_view where;
    if (const std::size_t at = rest.find('@'); at != std::string_view::npos) {
      where = rest.substr(at + 1);
      rest = rest.substr(0, at);
    }
    for (std::string_view cls : Split(rest, ',')) {
      const auto it = kClasses.find(cls);
      if (it == kClasses.end())
        return InvalidArgumentError("unknown argument class \"" + std::string(cls) + "\"");
      slot->classes |= it->second;
    }
    if (where.empty()) where = "any";
    for (std::string_view spec_place : Split(where, ',')) {
      SlotPlace place;
      NEWSX_RETURN_IF_ERROR(Place(spec_place, &place));
      slot->places.push_back(std::move(place));
    }
    return Status();
  }

  // One place of a slot: "subj", "obj", "obj2", "prep:in/into", "mod",
  // "clause", "before~6", "after:to/into", "any~6".
  static Status Place(std::string_view where, SlotPlace* place) {
    const std::string full(where);
    if (const std::size_t tilde = where.find('~'); tilde != std::string_view::npos) {
      const std::string_view digits = where.substr(tilde + 1);
      std::uint32_t n = 0;
      const auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
      if (ec != std::errc() || p != digits.data() + digits.size() || n == 0) {
        return InvalidArgumentError("bad distance in \"" + full + "\"");
      }
      place->max_distance = n;
      where = where.substr(0, tilde);
    }
    using K = SlotPlace::Kind;
    static const std::unordered_map<std::string_view, K> kKinds = {
        {"subj", K::kSubj},     {"obj", K::kObj},       {"obj2", K::kObj2},
        {"mod", K::kMod},       {"clause", K::kClause}, {"before", K::kBefore},
        {"after", K::kAfter},   {"any", K::kAny},       {"purpose", K::kPurpose},
    };
    std::string_view name = where;
    std::string_view words;
    if (const std::size_t colon = where.find(':'); colon != std::string_view::npos) {
      name = where.substr(0, colon);
      words = where.substr(colon + 1);
    }
    if (name == "prep") {
      place->kind = K::kPrep;
    } else if (const auto it = kKinds.find(name); it != kKinds.end()) {
      place->kind = it->second;
    } else {
      return InvalidArgumentError("unknown place \"" + full + "\"");
    }
    if (!words.empty() || where.find(':') != std::string_view::npos) {
      if (place->kind != K::kPrep && place->kind != K::kAfter) {
        return InvalidArgumentError("only prep: and after: take words, in \"" + full + "\"");
      }
      for (std::string_view word : Split(words, '/')) {
        if (word.empty()) return InvalidArgumentError("empty word in \"" + full + "\"");
        place->words.push_back(AsciiLower(word));
      }
    }
    if (place->kind == K::kPrep && place->words.empty()) {
      return InvalidArgumentError("prep needs words, e.g. prep:in/into, in \"" + full + "\"");
    }
    return Status();
  }

  Status Event(const std::vector<std::string_view>& c) {
    EventRule rule;
    rule.type = std::string(c[0]);
    for (const std::string& ctx : List(c[2])) rule.context.push_back(AsciiLower(ctx));
    for (std::string_view spec : Split(c[3], ' ')) {
      if (spec.empty() || spec == "-") continue;
      RoleSlot slot;
      NEWSX_RETURN_IF_ERROR(Slot(spec, &slot));
      rule.slots.push_back(std::move(slot));
    }
    for (std::string_view opt : Split(c[4], ' ')) {
      if (opt.empty() || opt == "-") continue;
      const std::size_t eq = opt.find('=');
      const std::string_view key = opt.substr(0, eq);
      const std::string_view value = eq == std::string_view::npos ? "" : opt.substr(eq + 1);
      if (key == "require" && !value.empty()) {
        rule.require.push_back(List(value));
      } else if (key == "home" && !value.empty()) {
        rule.home_type = std::string(value);
      } else if (key == "item_carry") {
        rule.item_carry = value == "1";
      } else if (key == "context" && value == "sentence") {
        rule.context_in_sentence = true;
      } else if (key == "verbal") {
        rule.verbal = value == "1";
      } else {
        return InvalidArgumentError("unknown option \"" + std::string(opt) + "\"");
      }
    }
    const std::uint32_t rule_index = static_cast<std::uint32_t>(lex_->rules.size());
    lex_->rules.push_back(std::move(rule));
    for (const std::string& trigger : List(c[1])) {
      const std::string key = AsciiLower(trigger);
      auto [it, inserted] = trigger_index_.emplace(key, lex_->triggers.size());
      if (inserted) {
        lex_->triggers.emplace_back();
        AddPhrase(key, PhraseKind::kTrigger, static_cast<std::uint32_t>(it->second));
        if (key.find_first_of(" -") == std::string::npos)
          lex_->trigger_words.emplace(key, static_cast<std::uint32_t>(it->second));
      }
      lex_->triggers[it->second].rules.push_back(rule_index);
    }
    return Status();
  }

  Lexicon* lex_;
  std::unordered_map<std::string, std::uint32_t> by_id_;
  std::unordered_map<std::string, std::size_t> trigger_index_;
  std::vector<std::pair<std::string, std::uint32_t>> demonyms_;
};

}  // namespace

std::string Slugify(std::string_view name) {
  std::string out;
  for (const char ch : name) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c >= 0x80) {
      out += static_cast<char>(c);  // Keep non-ASCII letters as they are.
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

Result<Lexicon> ParseLexicons(std::span<const LexiconSource> files) {
  Lexicon lex;
  Parser parser(&lex);
  for (const LexiconSource& f : files) NEWSX_RETURN_IF_ERROR(parser.ParseFile(f));
  parser.Finish();
  return lex;
}

}  // namespace newsx::extract::analysis
