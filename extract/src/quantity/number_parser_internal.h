#pragma once

#include <cstddef>

#include "quantity/lexicon.h"

namespace newsx::extract::internal {

// One word or numeral of a number phrase.
struct NumberParserElement {
  std::size_t first = 0;  // Token indices, inclusive.
  std::size_t last = 0;
  NumClass cls = NumClass::kNone;
  double value = 0;
  bool numeral = false;
  bool integer = true;
  bool ordinal = false;
  bool plural_ordinal = false;
  bool denominator_only = false;
  bool hyphen_joined = false;  // Joined to the previous element by a dash.
  bool article = false;        // "a"/"an" standing for one.
};

// What the elements so far allow next.
struct RunState {
  bool group_has_hundred = false;
  double min_scale = 0;  // Smallest scale word so far (0: none).
  double max_scale = 0;
};

}  // namespace newsx::extract::internal
