#include "newsx/pipelines/source_factory.h"

#include <filesystem>

#include "newsx/ingest/http_fetcher.h"
#include "newsx/ingest/saved_page_source.h"
#include "newsx/ingest/sitemap_source.h"
#include "newsx/ingest/url_list_source.h"
#include "newsx/ingest/warc_source.h"

namespace newsx::pipelines {

namespace {

enum class InputKind { kSavedPages, kWarc, kSitemap, kUrlList, kUnknown };

InputKind KindOf(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return InputKind::kSavedPages;
  std::string name = std::filesystem::path(path).filename().string();
  if (name.ends_with(".gz")) name.resize(name.size() - 3);
  if (name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".xhtml")) {
    return InputKind::kSavedPages;
  }
  if (name.ends_with(".warc") || name.ends_with(".arc")) return InputKind::kWarc;
  if (name.ends_with(".xml") || name.ends_with("robots.txt")) return InputKind::kSitemap;
  if (name.ends_with(".txt") || name.ends_with(".urls") || name.ends_with(".lst")) {
    return InputKind::kUrlList;
  }
  return InputKind::kUnknown;
}

Result<std::unique_ptr<ingest::DocumentSource>> WithFetching(
    std::unique_ptr<ingest::DocumentSource> urls, const SourceOpenOptions& options) {
  if (!options.fetch_urls) return urls;
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<ingest::HttpFetcher> fetcher,
                         ingest::HttpFetcher::Create(options.fetch));
  return std::unique_ptr<ingest::DocumentSource>(
      std::make_unique<ingest::FetchingSource>(std::move(urls), std::move(fetcher), options.fetching));
}

}  // namespace

Result<std::unique_ptr<ingest::DocumentSource>> OpenSource(const std::vector<std::string>& paths,
                                                           const SourceOpenOptions& options) {
  if (paths.empty()) return InvalidArgumentError("no input given");
  std::error_code ec;
  for (const std::string& p : paths) {
    if (!std::filesystem::exists(p, ec)) return NotFoundError(p + ": no such file or directory");
  }
  const InputKind kind = KindOf(paths.front());
  for (const std::string& p : paths) {
    if (KindOf(p) != kind) {
      return InvalidArgumentError("inputs mix kinds: " + paths.front() + " and " + p);
    }
  }
  switch (kind) {
    case InputKind::kSavedPages: {
      NEWSX_ASSIGN_OR_RETURN(auto source, ingest::SavedPageSource::Open(paths));
      return std::unique_ptr<ingest::DocumentSource>(std::move(source));
    }
    case InputKind::kWarc: {
      NEWSX_ASSIGN_OR_RETURN(auto source, ingest::WarcSource::Open(paths));
      return std::unique_ptr<ingest::DocumentSource>(std::move(source));
    }
    case InputKind::kSitemap: {
      NEWSX_ASSIGN_OR_RETURN(auto source, ingest::SitemapSource::Open(paths));
      return WithFetching(std::move(source), options);
    }
    case InputKind::kUrlList: {
      NEWSX_ASSIGN_OR_RETURN(auto source, ingest::UrlListSource::Open(paths));
      return WithFetching(std::move(source), options);
    }
    case InputKind::kUnknown:
      break;
  }
  return InvalidArgumentError(paths.front() +
                              ": not a recognized input (directory, .html/.htm(.gz), .warc/.arc(.gz), "
                              "sitemap .xml(.gz), robots.txt, or a .txt/.urls/.lst URL list)");
}

}  // namespace newsx::pipelines
