#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsx::extract::internal {

// What a page's JSON-LD (schema.org) says about its article. Empty fields
// were absent.
struct JsonLdArticle {
  std::string headline;
  std::vector<std::string> authors;  // Person names only (organizations dropped).
  std::string date_published;        // As written; parsed by the caller.
  std::string date_modified;
  std::string publisher;
  std::string section;
  std::vector<std::string> keywords;
  std::string description;
  std::string image;
  std::string language;
  std::string url;
  std::string article_body;
};

// Merges the article described by one <script type="application/ld+json">
// block into *out, filling only fields still empty. Looks through arrays
// and @graph for an object whose @type is an Article kind (NewsArticle,
// BlogPosting, ReportageNewsArticle...), else a WebPage. Malformed JSON is
// ignored (pages often carry broken JSON-LD). Pure and thread-safe.
void MergeJsonLd(std::string_view script, JsonLdArticle* out);

}  // namespace newsx::extract::internal
