#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "newsx/core/article.h"

namespace newsx {

// Half-open range [begin, end) of Unicode code points in Article::text
// (code points, not bytes, so that Python, DuckDB and JavaScript consumers can
// slice the text with it directly).
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

// One occurrence of an entity in an article's text.
struct Mention {
  Span span;
  std::string text;  // Surface text, e.g. "Nvidia's H200 chips".
};

// A person's role: "CEO" of "org:nvidia".
struct Role {
  std::string title;   // "CEO", "Commerce Secretary", "spokesperson".
  std::string org;     // Entity id of the organization, or empty.
  friend bool operator==(const Role&, const Role&) = default;
};

enum class EntityType { kChip, kOrg, kPerson, kPlace };

// "chip", "org", "person", "place".
const char* EntityTypeName(EntityType type);

// One real-world thing, canonical across articles (DESIGN.md, "entity").
struct Entity {
  std::string id;    // "chip:nvidia/h200", "org:nvidia", "person:jensen-huang", "place:china".
  EntityType type = EntityType::kOrg;
  std::string name;  // Canonical display name: "Nvidia H200", "Jensen Huang".
  std::vector<std::string> aliases;  // Other surface forms seen or known.
  std::string vendor;   // chip: vendor org id ("org:nvidia").
  std::string family;   // chip: "Hopper".
  std::string kind;     // org: company/agency/government/media; place: country/city/region.
  std::string country;  // place (city/region) or org (agency, government): country entity id.
  std::vector<Role> roles;        // person.
  std::vector<Mention> mentions;  // In this article, in text order.
};

// A normalized amount (DESIGN.md, "quantity"). Either `value` or at least one
// of `low`/`high` is set.
struct Quantity {
  std::string text;  // Surface text: "more than two million".
  Span span;
  std::optional<double> value;
  std::optional<double> low;
  std::optional<double> high;
  std::string op = "=";  // "=", ">", ">=", "<", "<=", "~".
  bool approx = false;
  std::string kind;      // "number", "ordinal", "percent", "money", "multiple", "range", "dimension"...
  std::string unit;      // Counted thing or unit: "chip", "company", "percent", "multiple", "USD", "km".
  std::string currency;  // ISO 4217 code when kind == "money".
  std::string of;        // Entity id of what is counted, when the text says it.
};

// A time expression, resolved (DESIGN.md, "date").
struct DateExpr {
  std::string text;   // "last week".
  Span span;
  std::string value;  // ISO 8601 date ("2026-01-20") or interval ("2026-01-12/2026-01-18"); empty if unresolved.
  bool relative = false;  // Resolved against the publication date.
};

// One argument of an event: an entity or a quantity filling a role.
struct EventArg {
  std::string role;       // "authority", "item", "quantity", "buyer", "person", "place"...
  std::string entity_id;  // Set when the filler is an entity.
  std::string text;       // Surface text of the filler.
  std::optional<Quantity> quantity;  // Set when the filler is a quantity.
};

// One mention of the happening: the sentence and trigger that state it.
struct EventEvidence {
  std::string sentence;
  Span sentence_span;
  std::string trigger;
  Span trigger_span;
  friend bool operator==(const EventEvidence&, const EventEvidence&) = default;
};

// A structured event (DESIGN.md, "event").
struct Event {
  std::string id;        // Stable: derived from article id, type and trigger span.
  std::string type;      // "import_approval", "order", "visit"...
  std::string trigger;   // Trigger text ("approved").
  Span trigger_span;
  std::string sentence;  // Evidence sentence.
  Span sentence_span;
  std::vector<EventArg> args;
  std::string time_text;   // Time expression text, or empty.
  std::string time_value;  // Resolved ISO 8601 date or interval, or empty.
  std::string polarity = "asserted";  // "asserted" or "negated".
  std::string modality = "asserted";  // "asserted", "reported" or "possible".
  std::string source;      // Attributed entity id ("org:reuters"), or empty.
  std::string article;     // Article id.
  double confidence = 0.0;  // In [0, 1].
  // Every mention in the article, in text order; the first repeats
  // sentence/trigger. Empty when the analyzer gives only the one above.
  std::vector<EventEvidence> evidence;
  std::string time_start;   // ISO 8601 UTC "2026-01-20T00:00:00Z", inclusive; empty if no time.
  std::string time_end;     // ISO 8601 UTC, exclusive (a day is [day, day+1)).
  std::string time_source;  // "clause", "sentence", "published" or "" (where the time came from).
};

// Everything extracted from one page: the unit that is printed by
// `newsx extract`, stored atomically and exported.
struct ExtractedArticle {
  Article article;
  std::vector<Entity> entities;
  std::vector<Quantity> quantities;
  std::vector<DateExpr> dates;
  std::vector<Event> events;
};

}  // namespace newsx
