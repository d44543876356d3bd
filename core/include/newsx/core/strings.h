#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// ASCII string helpers shared by every module. They treat bytes >= 0x80 as
// opaque (UTF-8 passes through unchanged) and never depend on the C locale.
namespace newsx {

// Space, tab, LF, VT, FF and CR: what std::isspace accepts in the "C" locale.
inline constexpr std::string_view kAsciiWhitespace = " \t\n\v\f\r";
// HTML's and XML's "ASCII whitespace": the above without VT.
inline constexpr std::string_view kMarkupWhitespace = " \t\n\f\r";

// Compared byte by byte, not with find() on the sets above: scanners call
// these for every byte of a page, and find() is a memchr call each time.
constexpr bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
constexpr bool IsMarkupSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}
constexpr char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// `s` without the leading/trailing bytes that occur in `chars`.
std::string_view TrimLeft(std::string_view s, std::string_view chars = kAsciiWhitespace);
std::string_view TrimRight(std::string_view s, std::string_view chars = kAsciiWhitespace);
std::string_view Trim(std::string_view s, std::string_view chars = kAsciiWhitespace);

// `s` without the leading and trailing bytes for which `trimmed(c)` holds.
template <typename Predicate>
std::string_view TrimIf(std::string_view s, Predicate trimmed) {
  while (!s.empty() && trimmed(s.front())) s.remove_prefix(1);
  while (!s.empty() && trimmed(s.back())) s.remove_suffix(1);
  return s;
}

// The fields of `s` between the `sep` bytes, empty ones included: n
// separators give n + 1 fields ("" gives one empty field). The views point
// into `s`.
std::vector<std::string_view> Split(std::string_view s, char sep);

// `s` with A-Z mapped to a-z.
std::string AsciiLower(std::string_view s);

// True when `a` and `b` are equal but for the case of ASCII letters.
bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b);

// The decimal number that is all of `text` (digits only: no sign, no
// spaces), or nullopt when `text` is empty, has another byte or overflows.
std::optional<std::uint64_t> ParseU64(std::string_view text);

}  // namespace newsx
