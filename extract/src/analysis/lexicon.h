#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsx/core/analysis.h"
#include "newsx/core/result.h"

namespace newsx::extract::analysis {

// Word classes of words.tsv; values are bits in TokenInfo::classes.
enum WordClass : std::uint32_t {
  kOrgSuffix = 1u << 0,
  kChipNoun = 1u << 1,
  kGroupNoun = 1u << 2,
  kLocative = 1u << 3,
  kNameStop = 1u << 4,
  kSayVerb = 1u << 5,
  kNegation = 1u << 6,
  kReportCue = 1u << 7,
  kPossibleCue = 1u << 8,
  kAnaphor = 1u << 9,
  kOrgDescriptor = 1u << 10,
  kNotName = 1u << 11,     // Never a name alone: generic acronyms ("AI", "GPU").
  kWorkHead = 1u << 12,    // Ends names of laws, documents, programs ("Act").
  kAgencyHead = 1u << 13,  // Makes an organization a public body ("Ministry").
  kMediaHead = 1u << 14,   // Makes an organization a newsroom ("Times").
  kGroupHead = 1u << 15,   // Other organizations ("University", "Union").
  kRegionHead = 1u << 16,  // Makes a place a region ("County", "Province").
  // A noun that stands for what its "of" phrase names, as an event
  // argument ("the import of chips", "types of equipment").
  kTransparentNoun = 1u << 17,
  kExchange = 1u << 18,  // A stock exchange, as in "(Nasdaq: NVDA)".
};

// Classes of event-argument fillers; bits in RoleSlot::classes.
enum ArgClass : std::uint32_t {
  kArgChip = 1u << 0,
  kArgCompany = 1u << 1,
  kArgAgency = 1u << 2,
  kArgGovernment = 1u << 3,
  kArgMedia = 1u << 4,
  kArgOtherOrg = 1u << 5,
  kArgPerson = 1u << 6,
  kArgCountry = 1u << 7,
  kArgCity = 1u << 8,
  kArgRegion = 1u << 9,
  kArgCount = 1u << 10,
  kArgMoney = 1u << 11,
  kArgPercent = 1u << 12,
  kArgMultiple = 1u << 13,
  kArgThing = 1u << 14,  // A noun phrase that names no entity ("fabrication facilities").
  kArgQuantities = kArgCount | kArgMoney | kArgPercent | kArgMultiple,
};

// What a lexicon phrase denotes.
enum class PhraseKind : std::uint8_t {
  kEntity,     // ref: index into Lexicon::entities
  kDemonym,    // ref: index into Lexicon::entities (a country)
  kTitle,      // ref: index into Lexicon::titles
  kWordClass,  // ref: WordClass bit
  kTrigger,    // ref: index into Lexicon::triggers
};

struct Phrase {
  std::string text;  // As written in the lexicon.
  PhraseKind kind = PhraseKind::kEntity;
  std::uint32_t ref = 0;
};

// A known entity: its canonical record (without mentions) plus, for capitals,
// the government it stands for.
struct EntityDef {
  Entity entity;
  std::string metonym;  // Org id, or empty.
  // A "link" entry (the optional last column "match" of orgs and places
  // files): it names the canonical entity for a span the entity tagger
  // recognized with a compatible type, but is never matched alone (cities
  // and firms whose names are also common words: "Mobile", "Target").
  bool link_only = false;
};

struct TitleDef {
  std::string title;
  std::string org;  // Implied org id, or empty.
};

// Where a slot looks for its filler, relative to the trigger: a
// grammatical relation over the parse, or a position in the sentence.
struct SlotPlace {
  enum class Kind : std::uint8_t {
    kSubj,    // The doer: subject of an active verb, "by" phrase of a passive
              // one, possessor or "by" phrase of a noun ("Micron's investment").
    kObj,     // The thing done to: object, passive subject, a noun's "of"
              // phrase or compound ("chip exports").
    kObj2,    // A verb's second object ("granted Nvidia licences").
    kPrep,    // A phrase headed by one of `words` ("in Arizona").
    kMod,     // A modifier of a noun trigger ("$200 billion investment").
    kClause,  // Anywhere in the trigger's clause.
    kPurpose, // The object of the trigger's "to" clause ("spend $20 billion
              // to build two fabs": the fabs).
    kBefore,  // Positional: before the trigger in the sentence.
    kAfter,   // After it; with `words`, right after one of them ("-": right
              // after the trigger).
    kAny,     // Anywhere in the sentence.
  };
  Kind kind = Kind::kAny;
  std::vector<std::string> words;  // Lower-case.
  // Farthest positional filler from the trigger, in tokens. Default: none.
  std::uint32_t max_distance = ~0u;
};

// One argument slot of an event rule: "investor=company,country@subj,before".
struct RoleSlot {
  std::string role;
  std::uint32_t classes = 0;      // ArgClass bits.
  std::vector<SlotPlace> places;  // Tried in order; the first that fills wins.
};

struct EventRule {
  std::string type;
  std::vector<std::string> context;  // Lower-case phrases; any must occur.
  std::vector<RoleSlot> slots;
  // Each group needs at least one of its roles filled.
  std::vector<std::vector<std::string>> require;
  std::string home_type;  // See events.tsv "home=".
  bool item_carry = false;
  bool context_in_sentence = false;  // See events.tsv "context=sentence".
  bool verbal = false;               // See events.tsv "verbal=1".
};

// A trigger phrase and the rules it may fire, in file order.
struct TriggerDef {
  std::vector<std::uint32_t> rules;
};

// Every lexicon and rule file, parsed. Immutable after Build().
struct Lexicon {
  std::vector<EntityDef> entities;
  std::vector<TitleDef> titles;
  std::vector<EventRule> rules;
  std::vector<TriggerDef> triggers;
  // Lower-case one-word trigger phrase -> index into triggers: a word whose
  // lemma is one ("approving" -> "approve") is a trigger too.
  std::unordered_map<std::string, std::uint32_t> trigger_words;
  std::vector<Phrase> phrases;                                  // What the phrase matcher compiles.
  // Postal codes and abbreviations of regions ("NH", "Ariz") -> place id,
  // read only after "<place>," (regioncodes files).
  std::unordered_map<std::string, std::string> region_codes;
  std::unordered_map<std::string, std::uint32_t> entity_index;  // Id -> entities index.
  // Last word of a listed person's name -> entities index, or -1 when
  // several listed persons share it ("Biden" alone names one person).
  std::unordered_map<std::string, std::int32_t> person_by_surname;
};

// Parses the files (built-ins first, then user files; files of one kind are
// told apart by their name's prefix: chips, orgs, places, persons, titles,
// words, events; other names ending in .tsv are an error, files not ending
// in .tsv are ignored). A later entity line with an existing id replaces it.
// Returns kInvalidArgument naming "file:line" for a malformed line.
struct LexiconSource {
  std::string_view name;
  std::string_view content;
};
Result<Lexicon> ParseLexicons(std::span<const LexiconSource> files);

// Lower-case ASCII slug of a name: "Jensen Huang" -> "jensen-huang".
std::string Slugify(std::string_view name);

}  // namespace newsx::extract::analysis
