#include "newsx/core/charset.h"

#include <catch2/catch.hpp>

#include <string>

namespace newsx {
namespace {

std::string Html(const std::string& head, const std::string& body) {
  return "<html><head>" + head + "</head><body><p>" + body + "</p></body></html>";
}

TEST_CASE("DecodeToUtf8 leaves valid UTF-8 in place", "[core][charset]") {
  const std::string page = Html("<meta charset=\"utf-8\">", "Caf\xC3\xA9");
  const Utf8Text t = DecodeToUtf8(page, "", MarkupKind::kHtml);
  CHECK(t.charset == "UTF-8");
  CHECK(t.source == CharsetSource::kDocument);
  CHECK_FALSE(t.copied);
  CHECK(t.text().data() == page.data());  // A view, no copy.
  CHECK(t.problems.empty());

  const Utf8Text plain = DecodeToUtf8("<p>ASCII only</p>", "", MarkupKind::kHtml);
  CHECK(plain.charset == "UTF-8");
  CHECK(plain.source == CharsetSource::kDetected);
}

TEST_CASE("DecodeToUtf8 takes the BOM, then HTTP, then the document", "[core][charset]") {
  SECTION("a UTF-8 BOM is stripped and wins over any label") {
    const Utf8Text t = DecodeToUtf8("\xEF\xBB\xBF<p>x</p>", "text/html; charset=koi8-r",
                                    MarkupKind::kHtml);
    CHECK(t.source == CharsetSource::kBom);
    CHECK(t.text() == "<p>x</p>");
  }
  SECTION("UTF-16 with a BOM") {
    std::string utf16 = "\xFF\xFE";
    for (const char c : std::string("<p>W</p>")) utf16 += std::string{c, '\0'};
    const Utf8Text t = DecodeToUtf8(utf16, "", MarkupKind::kHtml);
    CHECK(t.charset == "UTF-16LE");
    CHECK(t.text() == "<p>W</p>");
  }
  SECTION("XML spells UTF-16 in its first '<?' even without a BOM") {
    std::string utf16;
    for (const char c : std::string("<?xml version=\"1.0\"?><r>W</r>")) utf16 += std::string{'\0', c};
    const Utf8Text t = DecodeToUtf8(utf16, "", MarkupKind::kXml);
    CHECK(t.charset == "UTF-16BE");
    CHECK(t.text() == "<?xml version=\"1.0\"?><r>W</r>");
  }
  SECTION("the HTTP charset overrides the document's") {
    const Utf8Text t = DecodeToUtf8(Html("<meta charset=utf-8>", "\xD6\xD0\xCE\xC4"),
                                    "text/html; charset=\"GB2312\"", MarkupKind::kHtml);
    CHECK(t.charset == "GB18030");  // GB2312 labels decode as GB18030, as browsers do.
    CHECK(t.source == CharsetSource::kHttp);
    CHECK(t.text().find("中文") != std::string_view::npos);
  }
  SECTION("a <meta> tag, in either spelling") {
    const Utf8Text a = DecodeToUtf8(Html("<META CHARSET='windows-1251'>", "\xCF\xF0\xE8"), "",
                                    MarkupKind::kHtml);
    CHECK(a.charset == "windows-1251");
    CHECK(a.text().find("При") != std::string_view::npos);
    const Utf8Text b = DecodeToUtf8(
        Html("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">",
             "\xF0\xD2\xC9"),
        "", MarkupKind::kHtml);
    CHECK(b.charset == "koi8-r");
    CHECK(b.text().find("При") != std::string_view::npos);
  }
  SECTION("the XML declaration, which an HTML page's <meta> does not replace") {
    const std::string xml = "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><r>\x93\xfa\x96\x7b</r>";
    const Utf8Text t = DecodeToUtf8(xml, "", MarkupKind::kXml);
    CHECK(t.charset == "windows-31j");
    CHECK(t.source == CharsetSource::kDocument);
    CHECK(t.text().find("日本") != std::string_view::npos);
    CHECK(DecodeToUtf8(xml, "", MarkupKind::kHtml).source != CharsetSource::kDocument);
  }
}

TEST_CASE("DecodeToUtf8 mends the usual mislabelling", "[core][charset]") {
  SECTION("UTF-8 bytes declared Latin-1 are UTF-8") {
    const Utf8Text t = DecodeToUtf8("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r>Caf\xC3\xA9</r>",
                                    "", MarkupKind::kXml);
    CHECK(t.charset == "UTF-8");
    CHECK(t.text().find("Café") != std::string_view::npos);
    REQUIRE(t.problems.size() == 1);
    CHECK(t.problems[0].find("but the bytes are UTF-8") != std::string::npos);
  }
  SECTION("ASCII declared Latin-1 stays as declared, without a copy") {
    const std::string page = Html("<meta charset=iso-8859-1>", "plain");
    const Utf8Text t = DecodeToUtf8(page, "", MarkupKind::kHtml);
    CHECK(t.charset == "windows-1252");
    CHECK_FALSE(t.copied);
  }
  SECTION("undeclared bytes that are not UTF-8 go to the detector") {
    const Utf8Text t = DecodeToUtf8(
        Html("", "Le caf\xE9 est tr\xE8s bon, d\xE9j\xE0 pr\xEAt pour la soir\xE9" "e \xE0 "
                 "l'h\xF4tel, o\xF9 l'on r\xEAve."),
        "", MarkupKind::kHtml);
    CHECK(t.source == CharsetSource::kDetected);
    CHECK(t.charset == "windows-1252");
    CHECK(t.text().find("café") != std::string_view::npos);
    CHECK_FALSE(t.problems.empty());
  }
  SECTION("an unknown label is skipped and named") {
    const Utf8Text t = DecodeToUtf8("<p>x</p>", "text/html; charset=no-such-charset",
                                    MarkupKind::kHtml);
    CHECK(t.charset == "UTF-8");
    REQUIRE_FALSE(t.problems.empty());
    CHECK(t.problems[0].find("no-such-charset") != std::string::npos);
  }
  SECTION("a document cannot declare UTF-16 from inside itself") {
    const Utf8Text t = DecodeToUtf8(Html("<meta charset=utf-16>", "Caf\xC3\xA9"), "",
                                    MarkupKind::kHtml);
    CHECK(t.charset == "UTF-8");
  }
  SECTION("ill-formed UTF-8 becomes U+FFFD") {
    const Utf8Text t = DecodeToUtf8(Html("<meta charset=utf-8>", "Bad \xC3 byte"), "",
                                    MarkupKind::kHtml);
    CHECK(t.copied);
    CHECK(t.text().find("Bad \xEF\xBF\xBD byte") != std::string_view::npos);
    CHECK(IsValidUtf8(t.text()));
  }
}

TEST_CASE("Utf8Text stays valid when moved", "[core][charset]") {
  Utf8Text t = DecodeToUtf8("\xE9t\xE9", "text/plain; charset=latin1", MarkupKind::kHtml);
  const Utf8Text moved = std::move(t);  // A short `converted` lives inside the object.
  CHECK(moved.text() == "été");
}

TEST_CASE("CharsetFromContentType and IsValidUtf8", "[core][charset]") {
  CHECK(CharsetFromContentType("text/html; Charset = \"UTF-8\"") == "utf-8");
  CHECK(CharsetFromContentType("text/html") == "");
  CHECK(IsValidUtf8("plain \xC3\xA9 \xF0\x9F\x98\x80"));
  CHECK_FALSE(IsValidUtf8("\xC0\xAF"));          // Overlong.
  CHECK_FALSE(IsValidUtf8("\xED\xA0\x80"));      // Surrogate.
  CHECK_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // Above U+10FFFF.
  CHECK_FALSE(IsValidUtf8("ab\xE2\x82"));        // Truncated.
}

}  // namespace
}  // namespace newsx
