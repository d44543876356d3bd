#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "analysis/doc_state.h"

namespace newsx::extract::analysis {

// Word helpers of the entity stages. Lower() is Unicode-aware
// (text::AppendLower), unlike newsx::AsciiLower: names and the words around
// them need not be ASCII ("ÉLYSÉE" lowers to "élysée").
std::string Lower(std::string_view s);
bool IsOneOf(std::string_view lower, std::initializer_list<std::string_view> words);

// The entity stages, run in this order over one document. Each adds
// mentions to tokens not yet covered, so earlier (more certain) stages win.

// Lexicon phrases: known entities and demonyms (longest match first),
// capitals as government metonyms, titles, event triggers and word classes.
void MatchLexicon(DocState* d);

// Names the trained tagger finds in each sentence (persons,
// organizations, places; d->names), with the gazetteer marks it reads.
void RecognizeNames(DocState* d);

// Turns the tagger's names into entity mentions: a title is not part of a
// name; a name a lexicon lists (link entries included) gets its canonical
// id, any other a new id from its normalized name, its type from the
// tagger, and kind and country from its form and context; within a
// document one name has one type.
void LinkNames(DocState* d);

// The lexicon entity (link entries included) named exactly by tokens
// [first, end): one of `type` when there is one, else one of another type
// but chip (the lexicon knows the type better than a guess), else -1.
// Interns it in `d`.
// `*link_only` (when given) tells whether the listing is a "link" entry.
std::int32_t ListedEntity(DocState* d, std::uint32_t first, std::uint32_t end, EntityType type,
                          bool* link_only = nullptr);

// "Nashua, NH", "Boise, Idaho", "Mesa, Ariz.": a region (by name, postal
// code or abbreviation) after a place and a comma; the words before the
// comma name a city of the region's country.
void FindCityRegionPairs(DocState* d);

// "US$1 billion", "A$2 billion", "HK$300": a place written against a
// currency sign is the currency's, not a place the text speaks of; its
// mention is withdrawn.
void DropCurrencyPrefixes(DocState* d);

// A one-word name no list knows is no evidence when the word is generic
// ("AI": not_name) or common ("Union", "Administration": the document or
// general text writes it in lower case).
bool IsWeakWord(const DocState& d, std::uint32_t i);

// Unknown chip models next to a vendor or family ("Huawei Ascend 910D",
// "Nvidia B60") or before a chip noun ("the X900 accelerators").
void FindChipsByRule(DocState* d);

// A firm's processor family named as "<Words> Processing Unit(s)" after the
// firm ("Q.ANT's photonic Native Processing Units"): a chip of that firm.
// Runs after the firm rules, which find its maker.
void FindProcessorFamilies(DocState* d);

// Unknown firms: capitalized names ending in a company suffix ("Zhonghao
// Technologies Ltd"), names listed after "companies such as", names the
// text defines as a firm ("X, a chipmaker in", "X is headquartered in") and
// names before a firm officer's title and a person ("X CEO Jane Doe").
void FindOrgsByRule(DocState* d);

// True when the words from token i on define the name before them as a
// firm: a copula or an apposition, a few lower-case words, then a
// firm-kind noun heading the phrase ("is a leading financial media and
// data provider", ", a chipmaker in"; not ", a former company director").
bool IsFirmDefinitionAt(const DocState& d, std::uint32_t i);

// People with their roles: "<Org> <title> <Name>", "<title> <Name>",
// "<Name>, a <title> for <Org>", "<Org>'s <title>, <Name>", "<Name> said".
void FindPersons(DocState* d);

// Later mentions by surname ("Huang") or by a rule-found firm's first word,
// and bare chip models seen before with their vendor.
void ResolveCoreference(DocState* d);

}  // namespace newsx::extract::analysis
