#pragma once

// A linear pre-scan of HTML that bounds the attributes per start tag.
// libxml2's HTML parser checks each new attribute of a tag against all the
// earlier ones (duplicate detection), so one tag with n attributes costs
// n^2 / 2 comparisons: 300,000 attributes (3.5 MB) kept a worker busy for
// minutes. Real pages stay far below the cap. Private to extract/.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newsx::extract::internal {

// Attributes kept per start tag; the rest are dropped before parsing.
inline constexpr std::size_t kMaxAttributesPerTag = 1000;

// Returns `html` with every start tag of more than `max_attributes`
// attributes cut after its first `max_attributes`, or nullopt when no tag
// has that many (the input is then parsed as it is, without a copy).
// Comments, <!...> declarations and the raw text of <script> and <style>
// are skipped as the HTML parser skips them. Linear time.
std::optional<std::string> CapAttributes(std::string_view html,
                                         std::size_t max_attributes = kMaxAttributesPerTag);

}  // namespace newsx::extract::internal
