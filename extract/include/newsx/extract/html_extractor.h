#pragma once

#include <cstdint>

#include "newsx/core/article.h"
#include "newsx/core/raw_document.h"
#include "newsx/core/result.h"

namespace newsx::extract {

// Version of the HTML-to-article algorithm, stored in every article so that
// `newsx reprocess` can tell stale records.
inline constexpr const char* kHtmlExtractorVersion = "html-0.5";

// Form of Article::content beside the plain text (which stays the basis of
// every span): none, Markdown (CommonMark with GFM tables), or an HTML
// fragment. Both keep headings, paragraphs, lists, tables, quotations,
// links and emphasis of the same lines as the plain text.
enum class ContentFormat { kText, kMarkdown, kHtml };

// "text", "markdown", "html"; null for other names.
const char* ContentFormatName(ContentFormat format);

struct HtmlExtractOptions {
  // Larger inputs are rejected with kResourceExhausted. The parsed tree
  // can take many times the page's size (a page of a million table cells),
  // so this, with max_elements, bounds a worker's memory: under 200 MB for
  // `newsx extract` on the worst page of bench/hostile_bench
  // (docs/reliability.md). The same as the crawler's max_body_bytes.
  // Default: 16 MiB.
  std::uint64_t max_input_bytes = 16ull << 20;
  // Elements parsed per page; the rest of the page is left out (and
  // reported through ExtractArticle's `elements_cut`). Real pages have a
  // few thousand. Default: 200,000.
  std::size_t max_elements = 200000;
  // kMarkdown or kHtml: also fill Article::content (and content_format).
  ContentFormat format = ContentFormat::kText;
  // Also fill Article::comments with the readers' comments shown on the
  // page, apart from the article text.
  bool comments = false;
};

// Turns a fetched page into an Article: decodes the charset to NFC UTF-8
// (BOM, then doc.content_type, then <meta>, then detection), parses the HTML
// leniently, reads the metadata (JSON-LD, then OpenGraph/meta tags, then the
// markup, then the URL) and finds the main text (README "Article extraction"
// describes how). Dates later than doc.fetched_unix_ms are ignored; published
// falls back to doc.hint_published and the title to doc.hint_title. Fills id,
// content_hash and extractor_version.
// Returns kInvalidArgument when the input is not an HTML page with any text
// (empty, binary, boilerplate only), kResourceExhausted when it exceeds the
// size cap. *elements_cut (when given) tells whether the page had more than
// options.max_elements elements, the rest being left out. Pure and
// thread-safe; time and memory are linear in the input and bounded by the
// options.
Result<Article> ExtractArticle(const RawDocument& doc, const HtmlExtractOptions& options = {},
                               bool* elements_cut = nullptr);

}  // namespace newsx::extract
