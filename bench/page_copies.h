#pragma once

// A corpus of distinct articles for throughput benchmarks: the saved pages
// of a folder that extract, each written COPIES times under other names
// with its canonical links neutralized, so that every copy is stored as an
// article of its own (its id comes from its file URL).

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "newsx/core/result.h"
#include "newsx/extract/article_extractor.h"
#include "newsx/ingest/saved_page_source.h"

namespace newsx::bench {

inline void ReplaceAll(std::string* s, const std::string& from, const std::string& to) {
  for (std::size_t pos = 0; (pos = s->find(from, pos)) != std::string::npos; pos += to.size()) {
    s->replace(pos, from.size(), to);
  }
}

// Makes each copy a distinct article: the page's own canonical URL would
// otherwise give every copy the same id.
inline std::string Uncanonical(std::string html) {
  ReplaceAll(&html, "rel=\"canonical\"", "rel=\"x-canonical\"");
  ReplaceAll(&html, "property=\"og:url\"", "property=\"x-og-url\"");
  return html;
}

// The bodies of the pages under `dir` that extract without error (failures
// would be dead letters, which make two measurements do different work),
// canonical links neutralized.
inline Result<std::vector<std::string>> LoadExtractablePages(
    const std::string& dir, const extract::ArticleExtractor& extractor) {
  NEWSX_ASSIGN_OR_RETURN(auto source, ingest::SavedPageSource::Open({dir}));
  std::vector<std::string> pages;
  while (true) {
    auto next = source->Next();
    if (!next.ok() || !next->has_value()) break;
    if (!(**next).error.ok() || !extractor.Extract((**next).document).ok()) continue;
    pages.push_back(Uncanonical(std::move((**next).document.body)));
  }
  return pages;
}

// Writes `copies` copies of every page to `dir` ("c<copy>-p<index>.html")
// and calls `each(path, body)` for every file written.
inline void WriteCopies(
    const std::vector<std::string>& pages, int copies, const std::filesystem::path& dir,
    const std::function<void(const std::filesystem::path&, const std::string&)>& each = nullptr) {
  std::filesystem::create_directories(dir);
  for (int c = 0; c < copies; ++c) {
    for (std::size_t i = 0; i < pages.size(); ++i) {
      const std::filesystem::path path =
          dir / ("c" + std::to_string(c) + "-p" + std::to_string(i) + ".html");
      std::ofstream(path, std::ios::binary) << pages[i];
      if (each) each(path, pages[i]);
    }
  }
}

}  // namespace newsx::bench
