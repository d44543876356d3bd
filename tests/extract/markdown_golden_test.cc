// Golden test of `--format markdown` (and a check of `--format html`) on
// real pages: fixtures/extract/markdown/<case>.html.gz beside <case>.md,
// checked by eye when written (SOURCES.md there says what each covers).
// Regenerate after an intended change with NEWSX_UPDATE_GOLDEN=1.

#include <catch2/catch.hpp>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <utility>

#include "html_test_util.h"
#include "newsx/extract/html_extractor.h"
#include "support/gzip.h"

namespace newsx::extract {
namespace {

std::string ReadGzip(const std::filesystem::path& path) {
  std::optional<std::string> text = testing::ReadGzipFile(path.string());
  REQUIRE(text.has_value());
  return std::move(*text);
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Article Extract(const std::string& body, ContentFormat format) {
  return testing::MustExtractHtml(body, {.format = format});
}

// The characters of `s` other than markup and whitespace, in order.
std::string Letters(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c))) {
      out += c;
    }
  }
  return out;
}

// `html` without its tags, with &amp; &lt; &gt; &quot; decoded.
std::string TextOfHtml(std::string_view html) {
  std::string out;
  bool in_tag = false;
  for (std::size_t i = 0; i < html.size(); ++i) {
    const char c = html[i];
    if (c == '<') in_tag = true;
    if (!in_tag) {
      if (c == '&') {
        for (const auto& [entity, ch] : {std::pair<std::string_view, char>{"&amp;", '&'},
                                         {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}}) {
          if (html.substr(i, entity.size()) == entity) {
            out += ch;
            i += entity.size() - 1;
            break;
          }
        }
        continue;
      }
      out += c;
    }
    if (c == '>') in_tag = false;
  }
  return out;
}

TEST_CASE("markdown of ten real pages matches the golden files", "[format]") {
  const std::filesystem::path dir =
      std::filesystem::path(NEWSX_FIXTURES_DIR) / "extract/markdown";
  const bool update = std::getenv("NEWSX_UPDATE_GOLDEN") != nullptr;
  int cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.size() < 8 || name.substr(name.size() - 8) != ".html.gz") continue;
    const std::string stem = name.substr(0, name.size() - 8);
    CAPTURE(stem);
    ++cases;
    const std::string body = ReadGzip(entry.path());
    const Article md = Extract(body, ContentFormat::kMarkdown);
    CHECK(md.content_format == "markdown");
    const std::filesystem::path golden = dir / (stem + ".md");
    if (update) {
      std::ofstream(golden, std::ios::binary) << md.content << '\n';
    }
    CHECK(md.content + "\n" == ReadFile(golden));
    // The plain text is the same as without a format, and every letter of
    // it is in the Markdown (which only adds marks and link targets).
    const Article plain = Extract(body, ContentFormat::kText);
    CHECK(plain.text == md.text);
    CHECK(plain.content.empty());
    const Article html = Extract(body, ContentFormat::kHtml);
    CHECK(html.content_format == "html");
    // The HTML holds the same lines: without its tags, the same letters.
    CHECK(Letters(TextOfHtml(html.content)) == Letters(plain.text));
  }
  CHECK(cases >= 10);
}

TEST_CASE("markdown keeps headings, lists, tables, links and emphasis", "[format]") {
  const std::string page = R"(<html><head><title>T</title></head><body>
<nav><a href="/">Home</a></nav>
<article>
<h1>T</h1>
<p>The <strong>first</strong> paragraph has a <a href="/doc?a=1">relative link</a> and
<em>emphasis </em>and enough words to read as prose for the scoring of blocks.</p>
<h2>Section two</h2>
<ul><li>one item with words</li><li>another item <b>bold</b>
  <ol><li>nested first</li><li>nested second</li></ol></li></ul>
<table><tr><th>Year</th><th>Sales | net</th></tr><tr><td>2024</td><td>1,200</td></tr></table>
<blockquote><p>A quotation of some length from a source worth quoting here.</p></blockquote>
<p>Another paragraph * with stars _ and [brackets] that are text, not markup at all, long enough to count.</p>
</article></body></html>)";
  const Article md = Extract(page, ContentFormat::kMarkdown);
  CHECK(md.content ==
        "The **first** paragraph has a [relative link](https://page.example/doc?a=1) and "
        "*emphasis* and enough words to read as prose for the scoring of blocks.\n\n"
        "## Section two\n\n"
        "- one item with words\n"
        "- another item **bold**\n"
        "  1. nested first\n"
        "  2. nested second\n\n"
        "| Year | Sales \\| net |\n"
        "| --- | --- |\n"
        "| 2024 | 1,200 |\n\n"
        "> A quotation of some length from a source worth quoting here.\n\n"
        "Another paragraph \\* with stars \\_ and \\[brackets\\] that are text, not markup at "
        "all, long enough to count.");
  const Article html = Extract(page, ContentFormat::kHtml);
  CHECK(html.content ==
        "<p>The <strong>first</strong> paragraph has a <a "
        "href=\"https://page.example/doc?a=1\">relative link</a> and <em>emphasis</em> and "
        "enough words to read as prose for the scoring of blocks.</p>\n"
        "<h2>Section two</h2>\n"
        "<ul>\n<li>one item with words</li>\n<li>another item <strong>bold</strong>"
        "<ol>\n<li>nested first</li>\n<li>nested second</li>\n</ol>\n</li>\n</ul>\n"
        "<table>\n<tr><th>Year</th><th>Sales | net</th></tr>\n"
        "<tr><td>2024</td><td>1,200</td></tr>\n</table>\n"
        "<blockquote>\n<p>A quotation of some length from a source worth quoting here.</p>\n"
        "</blockquote>\n"
        "<p>Another paragraph * with stars _ and [brackets] that are text, not markup at "
        "all, long enough to count.</p>");
}

}  // namespace
}  // namespace newsx::extract
