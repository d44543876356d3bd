// Hostile HTML: pages built to make the parser do quadratic work. The
// checks count what the parser keeps rather than timing it.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "attribute_cap.h"
#include "html_dom.h"
#include "newsx/extract/html_extractor.h"

namespace newsx::extract {
namespace {

std::size_t CountAttributes(const xmlNode* node) {
  std::size_t n = 0;
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) ++n;
  return n;
}

const xmlNode* FindElement(const xmlNode* node, std::string_view name) {
  for (const xmlNode* n = node; n != nullptr; n = n->next) {
    if (internal::IsElement(n) && internal::Name(n) == name) return n;
    if (const xmlNode* found = FindElement(n->children, name)) return found;
  }
  return nullptr;
}

std::string AttributeHeavyPage(std::size_t attributes) {
  std::string page = "<html><body><article><section";
  for (std::size_t i = 0; i < attributes; ++i) page += " a" + std::to_string(i) + "=\"\"";
  page += "><p>The paragraph after the tag, long enough to count as the article's text, "
          "says that the parser got through the tag.</p></section></article></body></html>";
  return page;
}

// libxml2 compares each attribute of a tag with all earlier ones: 300,000
// attributes (3.5 MB) took minutes. The tag keeps its first attributes.
TEST_CASE("A tag with 300,000 attributes is parsed with a bounded number of them",
          "[extract][html][reliability]") {
  const std::string page = AttributeHeavyPage(300000);
  INFO("page of " << page.size() << " bytes");
  internal::HtmlDocPtr doc = internal::ParseHtml(page, "https://example.com/a");
  REQUIRE(doc != nullptr);
  const xmlNode* section = FindElement(xmlDocGetRootElement(doc.get()), "section");
  REQUIRE(section != nullptr);
  CHECK(CountAttributes(section) == internal::kMaxAttributesPerTag);
  CHECK(internal::Attr(section, "a0").data() != nullptr);
  CHECK(internal::TextOf(section).find("got through the tag") != std::string::npos);

  RawDocument raw;
  raw.url = "https://example.com/a";
  raw.body = page;
  auto article = ExtractArticle(raw);
  REQUIRE(article.ok());
  CHECK(article->text.find("got through the tag") != std::string::npos);
}

TEST_CASE("CapAttributes leaves ordinary markup alone", "[extract][html][reliability]") {
  // Every fixture page goes through unchanged (no copy made).
  const std::filesystem::path dir = std::filesystem::path(NEWSX_FIXTURES_DIR);
  int pages = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".html") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    INFO(entry.path().string());
    CHECK_FALSE(internal::CapAttributes(bytes.str()).has_value());
    ++pages;
  }
  CHECK(pages > 20);
}

TEST_CASE("CapAttributes cuts only tags over the cap, as the parser reads them",
          "[extract][html][reliability]") {
  using internal::CapAttributes;
  CHECK(CapAttributes("<p a b c>x</p>", 3) == std::nullopt);
  CHECK(CapAttributes("<p a b c d>x</p>", 3) == std::optional<std::string>("<p a b c>x</p>"));
  CHECK(CapAttributes("<p a='1 > 2' b=\"x y\" c=z d/>x", 3) ==
        std::optional<std::string>("<p a='1 > 2' b=\"x y\" c=z>x"));
  CHECK(CapAttributes("<P A = 1 B C D>", 2) == std::optional<std::string>("<P A = 1 B>"));
  // Not tags: comments, declarations, end tags, script and style text.
  CHECK(CapAttributes("<!-- <p a b c d> --><!DOCTYPE a b c d></p a b c d>", 2) == std::nullopt);
  CHECK(CapAttributes("<script>if (a <b c d e f) {}</script><p a b c>", 2) ==
        std::optional<std::string>("<script>if (a <b c d e f) {}</script><p a b>"));
  CHECK(CapAttributes("<STYLE>a <b c d e f {}</style >", 2) == std::nullopt);
  // Unterminated input ends the scan without harm.
  CHECK(CapAttributes("<p a b c d", 2) == std::optional<std::string>("<p a b"));
  CHECK(CapAttributes("<p a='never closed b c d", 1) == std::nullopt);
  CHECK(CapAttributes("<", 1) == std::nullopt);
}

}  // namespace
}  // namespace newsx::extract
