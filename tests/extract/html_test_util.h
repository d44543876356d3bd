#pragma once

// Running the HTML extractor on a page held in a test.

#include <catch2/catch.hpp>

#include <string>
#include <utility>

#include "newsx/extract/html_extractor.h"

namespace newsx::testing {

// The article ExtractArticle makes of `html` served at `url`; the test stops
// when extraction fails.
inline Article MustExtractHtml(const std::string& html, const extract::HtmlExtractOptions& options,
                               const std::string& url = "https://page.example/") {
  RawDocument doc;
  doc.url = url;
  doc.body = html;
  Result<Article> a = extract::ExtractArticle(doc, options);
  REQUIRE(a.ok());
  return std::move(a).value();
}

}  // namespace newsx::testing
