#pragma once

#include <string>
#include <string_view>

#include "newsx/core/analysis.h"
#include "newsx/core/dead_letter.h"
#include "newsx/core/result.h"

namespace newsx {

// Version of the JSON data contract written below ("schema" field). Bump on
// any incompatible change; readers accept every version up to this one.
// 2: event "args" is a list of {role, entity, text, quantity} (was an object
// keyed by role), events carry "evidence" and time "start"/"end"/"source",
// articles carry "aliases".
inline constexpr int kSchemaVersion = 2;

// JSON encodings of the DESIGN.md data contract, one compact line each (no
// trailing newline). Empty optional strings are written as null. Spans are
// written as "start"/"end" code point offsets. Thread-safe.
//
// {"schema":1,"article":{...},"entities":[{...,"mentions":[...]}],
//  "quantities":[...],"dates":[...],"events":[...]}
std::string ToJson(const ExtractedArticle& extracted);
std::string ToJson(const Article& article);
std::string ToJson(const Entity& entity);  // Includes its mentions.
std::string ToJson(const Quantity& quantity);
std::string ToJson(const DateExpr& date);
std::string ToJson(const Event& event);
std::string ToJson(const DeadLetter& dead_letter);

// Parses what ToJson(const ExtractedArticle&) wrote. Returns kInvalidArgument
// on malformed JSON or a wrong shape, kFailedPrecondition for a newer schema.
Result<ExtractedArticle> ParseExtractedArticle(std::string_view json);
Result<Article> ParseArticle(std::string_view json);
Result<Entity> ParseEntity(std::string_view json);
Result<Event> ParseEvent(std::string_view json);
Result<DeadLetter> ParseDeadLetter(std::string_view json);

}  // namespace newsx
