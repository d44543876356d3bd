#include "event_index_value.h"

#include "newsx/core/strings.h"

namespace newsx::store::internal {

std::string EncodeEventIndexValue(const Event& e) {
  std::string out = e.type;
  auto add = [&](std::string_view text) {
    out += '\0';
    out += AsciiLower(text);
  };
  add(e.trigger);
  add(e.sentence);
  for (const EventArg& arg : e.args) {
    add(arg.text);
    add(arg.entity_id);
  }
  return out;
}

std::string_view EventIndexValueType(std::string_view value) {
  return value.substr(0, value.find('\0'));
}

bool EventIndexValueMatches(std::string_view value, std::string_view needle_lower) {
  if (needle_lower.empty()) return true;
  // A needle without NUL cannot span two texts; no text holds a NUL.
  if (needle_lower.find('\0') != std::string_view::npos) return false;
  const std::size_t texts = value.find('\0');
  if (texts == std::string_view::npos) return false;
  return value.substr(texts + 1).find(needle_lower) != std::string_view::npos;
}

bool EventMatchesText(const Event& e, std::string_view needle_lower) {
  return EventIndexValueMatches(EncodeEventIndexValue(e), needle_lower);
}

}  // namespace newsx::store::internal
