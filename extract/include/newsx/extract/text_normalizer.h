#pragma once

#include <string>
#include <string_view>

namespace newsx::extract {

// Returns `text` as valid NFC UTF-8: invalid byte sequences become U+FFFD,
// NUL and C0 controls other than \t and \n are dropped, \r\n and \r become
// \n. Pure and thread-safe.
std::string NormalizeText(std::string_view text);

}  // namespace newsx::extract
