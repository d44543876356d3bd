#pragma once

// The value of an event's index entries (event_time, event_type,
// event_entity; keys.h): the event's type and the texts a `text` filter
// looks in, so that queries filter and count events from the index without
// reading the events.

#include <string>
#include <string_view>

#include "newsx/core/analysis.h"

namespace newsx::store::internal {

// <type> \0 then the lower-cased trigger, sentence, and each argument's
// text and entity id, \0 between them.
std::string EncodeEventIndexValue(const Event& e);

// The type in a value; "" for an empty value (an entry written by schema
// version 2, which says nothing: read the event).
std::string_view EventIndexValueType(std::string_view value);

// True if one of the value's texts contains `needle_lower` (already lower
// case): the same answer as EventMatchesText on the event. An empty needle
// matches.
bool EventIndexValueMatches(std::string_view value, std::string_view needle_lower);

// True if the event's trigger, sentence, or an argument's text or entity
// id contains `needle_lower`, ignoring ASCII case.
bool EventMatchesText(const Event& e, std::string_view needle_lower);

}  // namespace newsx::store::internal
