#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace newsx::extract::ner {

// The name types the tagger tells apart (CoNLL's four).
enum class NerType : std::uint8_t { kPer, kOrg, kLoc, kMisc };
inline constexpr std::size_t kNerTypes = 4;
inline constexpr std::array<std::string_view, kNerTypes> kNerTypeNames = {"PER", "ORG", "LOC",
                                                                          "MISC"};

// BILOU labels: 0 is O; then, per type t, Begin = 1 + 4t, Inside, Last and
// Unit (a one-token name). BILOU rather than BIO because the last token of
// a name ("... Technologies", "... Foundation") is as telling as its first.
inline constexpr std::size_t kNerLabels = 1 + 4 * kNerTypes;
enum class Position : std::uint8_t { kBegin = 0, kInside = 1, kLast = 2, kUnit = 3 };

inline constexpr std::uint8_t Label(NerType t, Position p) {
  return static_cast<std::uint8_t>(1 + 4 * static_cast<int>(t) + static_cast<int>(p));
}
inline constexpr NerType TypeOf(std::uint8_t label) {
  return static_cast<NerType>((label - 1) / 4);
}
inline constexpr Position PositionOf(std::uint8_t label) {
  return static_cast<Position>((label - 1) % 4);
}

// Whether label `to` may follow label `from` (kNerLabels stands for the
// sentence start as `from` and the sentence end as `to`).
inline constexpr bool Allowed(std::size_t from, std::size_t to) {
  const bool open = from != kNerLabels && from != 0 &&
                    (PositionOf(static_cast<std::uint8_t>(from)) == Position::kBegin ||
                     PositionOf(static_cast<std::uint8_t>(from)) == Position::kInside);
  if (to == kNerLabels) return !open;
  if (to == 0) return !open;
  const Position p = PositionOf(static_cast<std::uint8_t>(to));
  const bool continues = p == Position::kInside || p == Position::kLast;
  if (!open) return !continues;
  return continues && TypeOf(static_cast<std::uint8_t>(to)) == TypeOf(static_cast<std::uint8_t>(from));
}

// A recognized name over tokens [first, end) of the text layer.
struct NerSpan {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  NerType type = NerType::kMisc;
};

}  // namespace newsx::extract::ner
