#pragma once

#include <cstdint>

#include "newsx/core/article.h"
#include "newsx/core/raw_document.h"
#include "newsx/core/result.h"

namespace newsx::extract {

// Version of the HTML-to-article algorithm, stored in every article so that
// `newsx reprocess` can tell stale records.
inline constexpr const char* kHtmlExtractorVersion = "html-0.1";

struct HtmlExtractOptions {
  // Larger inputs are rejected with kResourceExhausted. Default: 64 MiB.
  std::uint64_t max_input_bytes = 64ull << 20;
};

// Turns a fetched page into an Article: decodes the charset to NFC UTF-8,
// parses the HTML leniently, extracts metadata (title, authors, dates, lang,
// canonical URL, site...) and the main text. Fills id, content_hash and
// extractor_version; published falls back to doc.hint_published.
// Returns kInvalidArgument when the input is not an HTML page with any text
// (empty, binary), kResourceExhausted when it exceeds the size cap.
// Pure and thread-safe.
Result<Article> ExtractArticle(const RawDocument& doc, const HtmlExtractOptions& options = {});

}  // namespace newsx::extract
