#pragma once

// Helpers shared by the fuzz targets: splitting one input into several
// arguments.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

namespace newsx::fuzz {

inline std::string_view AsText(const std::uint8_t* data, std::size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// Splits at the first NUL byte: (before, after). Without one, after is empty.
inline std::pair<std::string_view, std::string_view> SplitAtNul(std::string_view input) {
  const std::size_t nul = input.find('\0');
  if (nul == std::string_view::npos) return {input, {}};
  return {input.substr(0, nul), input.substr(nul + 1)};
}

}  // namespace newsx::fuzz
