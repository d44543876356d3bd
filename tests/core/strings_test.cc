#include "newsx/core/strings.h"

#include <catch2/catch.hpp>

namespace newsx {
namespace {

TEST_CASE("Trim drops ASCII whitespace or the given bytes at both ends", "[core][strings]") {
  CHECK(Trim(" \t\n\v\f\rword \r\n") == "word");
  CHECK(Trim("  two words  ") == "two words");
  CHECK(Trim("") == "");
  CHECK(Trim(" \t ") == "");
  CHECK(Trim("\xC2\xA0x\xC2\xA0") == "\xC2\xA0x\xC2\xA0");  // UTF-8 is opaque.
  CHECK(Trim("\v x \v", kMarkupWhitespace) == "\v x \v");   // VT is no markup space.
  CHECK(TrimLeft(" \tx \t", " \t") == "x \t");
  CHECK(TrimRight(" \tx \t\r", " \t\r") == " \tx");
  CHECK(TrimIf("..x..", [](char c) { return c == '.'; }) == "x");
}

TEST_CASE("Split keeps every field, empty ones included", "[core][strings]") {
  using Fields = std::vector<std::string_view>;
  CHECK(Split("a\tb\tc", '\t') == Fields{"a", "b", "c"});
  CHECK(Split("a||b|", '|') == Fields{"a", "", "b", ""});
  CHECK(Split("", ',') == Fields{""});
  CHECK(Split(",", ',') == Fields{"", ""});
  CHECK(Split("no separator", ',') == Fields{"no separator"});
  const std::string text = "x y";
  CHECK(Split(text, ' ')[1].data() == text.data() + 2);  // Views into the input.
}

TEST_CASE("AsciiLower and EqualsIgnoreAsciiCase touch only A-Z", "[core][strings]") {
  CHECK(AsciiLower("Content-Type: TEXT/Html") == "content-type: text/html");
  CHECK(AsciiLower("\xC3\x89T\xC3\x89") == "\xC3\x89t\xC3\x89");  // É stays.
  CHECK(AsciiLower('Q') == 'q');
  CHECK(AsciiLower('[') == '[');
  CHECK(EqualsIgnoreAsciiCase("WARC-Type", "warc-type"));
  CHECK_FALSE(EqualsIgnoreAsciiCase("WARC-Type", "warc-typ"));
  CHECK_FALSE(EqualsIgnoreAsciiCase("[", "{"));  // '[' + 32 is '{': not a letter.
}

TEST_CASE("ParseU64 accepts exactly a decimal number", "[core][strings]") {
  CHECK(ParseU64("0") == 0u);
  CHECK(ParseU64("18446744073709551615") == 18446744073709551615ull);
  CHECK_FALSE(ParseU64("18446744073709551616"));  // Overflows.
  CHECK_FALSE(ParseU64(""));
  CHECK_FALSE(ParseU64(" 1"));
  CHECK_FALSE(ParseU64("1 "));
  CHECK_FALSE(ParseU64("-1"));
  CHECK_FALSE(ParseU64("+1"));
  CHECK_FALSE(ParseU64("12a"));
}

}  // namespace
}  // namespace newsx
