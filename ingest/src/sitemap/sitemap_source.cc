#include "newsx/ingest/sitemap_source.h"

#include <charconv>
#include <filesystem>
#include <functional>

#include "newsx/core/hash.h"
#include "newsx/core/url.h"
#include "newsx/ingest/saved_page_source.h"

namespace newsx::ingest {

namespace fs = std::filesystem;

namespace {

bool IsRobotsFile(const std::string& path) {
  return fs::path(path).filename().string().ends_with("robots.txt");
}

bool IsHttpUrl(std::string_view url) {
  const UrlParts parts = SplitUrl(url);
  return (parts.scheme == "http" || parts.scheme == "https") && !parts.host.empty();
}

std::string Fingerprint(const std::vector<std::string>& paths) {
  std::string joined;
  for (const std::string& p : paths) joined += p + '\n';
  return Hash128Hex(joined).substr(0, 16);
}

}  // namespace

Result<std::unique_ptr<SitemapSource>> SitemapSource::Open(const std::vector<std::string>& paths,
                                                           const SitemapSourceOptions& options) {
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return NotFoundError(path + ": no such file");
  }
  return std::unique_ptr<SitemapSource>(new SitemapSource(paths, options));
}

SitemapSource::SitemapSource(std::vector<std::string> paths, const SitemapSourceOptions& options)
    : inputs_(std::move(paths)), options_(options), fingerprint_(Fingerprint(inputs_)) {
  for (const std::string& path : inputs_) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (!ec) total_bytes_ += size;
  }
  Restart();
}

void SitemapSource::Restart() {
  queue_.clear();
  for (const std::string& path : inputs_) queue_.push_back({path, 0, IsRobotsFile(path)});
  pending_errors_.clear();
  visited_.clear();
  current_path_.clear();
  current_urls_.clear();
  next_url_ = 0;
  seen_urls_.clear();
  items_ = 0;
  skip_ = 0;
  sitemaps_read_ = 0;
  done_bytes_ = 0;
  stats_ = {};
}

SourceItem SitemapSource::ErrorItem(const std::string& position, Status status) {
  ++stats_.errors;
  SourceItem item;
  item.position = position;
  item.error = std::move(status);
  return item;
}

Result<std::optional<SourceItem>> SitemapSource::Next() {
  while (true) {
    std::optional<SourceItem> item = NextUnskipped();
    if (!item.has_value()) return item;
    ++items_;
    if (skip_ > 0) {
      --skip_;
      continue;
    }
    return item;
  }
}

std::optional<SourceItem> SitemapSource::NextUnskipped() {
  while (true) {
    if (!pending_errors_.empty()) {
      SourceItem item = std::move(pending_errors_.front());
      pending_errors_.pop_front();
      return item;
    }
    while (next_url_ < current_urls_.size()) {
      SitemapUrl& url = current_urls_[next_url_++];
      const std::string position = current_path_ + "#" + std::to_string(next_url_);
      if (!IsHttpUrl(url.loc)) {
        return ErrorItem(position, InvalidArgumentError("sitemap entry '" + url.loc.substr(0, 200) +
                                                        "' is not an absolute http(s) URL"));
      }
      const std::string canonical = CanonicalizeUrl(url.loc);
      if (!seen_urls_.insert(std::hash<std::string>{}(canonical)).second) {
        ++stats_.duplicate_urls;
        continue;
      }
      ++stats_.urls;
      SourceItem item;
      item.position = position;
      item.document.url = std::move(url.loc);
      item.document.source = current_path_;
      item.document.hint_published = std::move(url.published);
      item.document.hint_title = std::move(url.title);
      item.document.needs_fetch = true;
      return item;
    }
    if (queue_.empty()) return std::nullopt;
    if (std::optional<SourceItem> error = LoadNext()) return error;
  }
}

std::optional<SourceItem> SitemapSource::LoadNext() {
  const Pending pending = queue_.front();
  queue_.pop_front();
  current_path_ = pending.path;
  current_urls_.clear();
  next_url_ = 0;
  if (pending.depth == 0) {
    std::error_code ec;
    const auto size = fs::file_size(pending.path, ec);
    if (!ec) done_bytes_ += size;
  }
  std::error_code ec;
  const std::string key = fs::weakly_canonical(pending.path, ec).string();
  if (!visited_.insert(ec ? pending.path : key).second) {
    return ErrorItem(pending.path, InvalidArgumentError(pending.path +
                                                        ": sitemap already read in this run (listed twice, or an index loop)"));
  }
  if (++sitemaps_read_ > options_.max_sitemaps) {
    return ErrorItem(pending.path,
                     ResourceExhaustedError(pending.path + ": more than " +
                                            std::to_string(options_.max_sitemaps) +
                                            " sitemaps in this run; skipped"));
  }
  Result<std::string> data = ReadMaybeGzippedFile(pending.path, options_.max_sitemap_bytes);
  if (!data.ok()) return ErrorItem(pending.path, data.status());
  ++stats_.sitemaps;

  std::vector<std::string> children;
  if (pending.robots) {
    children = RobotsSitemapUrls(*data);
  } else {
    Result<Sitemap> sitemap = ParseSitemap(*data);
    if (!sitemap.ok()) return ErrorItem(pending.path, sitemap.status().WithContext(pending.path));
    if (!sitemap->is_index) {
      current_urls_ = std::move(sitemap->urls);
      return std::nullopt;
    }
    children = std::move(sitemap->sitemaps);
  }
  // Depth first, in document order: children go to the front of the queue.
  std::vector<Pending> resolved;
  for (const std::string& entry : children) {
    Result<Pending> child = Resolve(entry, pending);
    if (child.ok()) {
      resolved.push_back(std::move(child).value());
    } else {
      pending_errors_.push_back(ErrorItem(pending.path + " -> " + entry, child.status()));
    }
  }
  queue_.insert(queue_.begin(), resolved.begin(), resolved.end());
  return std::nullopt;
}

Result<SitemapSource::Pending> SitemapSource::Resolve(const std::string& entry,
                                                      const Pending& referrer) const {
  if (referrer.depth + 1 > options_.max_depth) {
    return ResourceExhaustedError("sitemap " + entry + " is nested deeper than " +
                                  std::to_string(options_.max_depth) + " levels; skipped");
  }
  const fs::path base = fs::path(referrer.path).parent_path();
  fs::path candidate;
  const UrlParts parts = SplitUrl(entry);
  if (parts.scheme == "file") {
    candidate = std::string(parts.path);
  } else if (parts.scheme == "http" || parts.scheme == "https") {
    // A mirrored tree keeps the remote file name beside the index.
    candidate = base / fs::path(std::string(parts.path)).filename();
  } else if (parts.scheme.empty()) {
    candidate = fs::path(entry).is_absolute() ? fs::path(entry) : base / entry;
  }
  std::error_code ec;
  if (candidate.empty() || !fs::is_regular_file(candidate, ec)) {
    return NotFoundError("sitemap " + entry + " (listed in " + referrer.path +
                         ") is not available locally; fetch it and pass the file");
  }
  return Pending{candidate.string(), referrer.depth + 1, IsRobotsFile(candidate.string())};
}

std::string SitemapSource::Checkpoint() const {
  return "sitemap:" + std::to_string(items_) + ":" + fingerprint_;
}

Status SitemapSource::Resume(std::string_view checkpoint) {
  const auto bad = [&](std::string_view why) {
    return InvalidArgumentError("sitemap checkpoint '" + std::string(checkpoint) + "': " +
                                std::string(why));
  };
  if (!checkpoint.starts_with("sitemap:")) return bad("not a sitemap checkpoint");
  const std::string_view rest = checkpoint.substr(8);
  const std::size_t colon = rest.find(':');
  if (colon == std::string_view::npos) return bad("malformed");
  std::uint64_t items = 0;
  const auto [ptr, ec] = std::from_chars(rest.data(), rest.data() + colon, items);
  if (ec != std::errc() || ptr != rest.data() + colon) return bad("malformed");
  if (rest.substr(colon + 1) != fingerprint_) return bad("the inputs differ from that run's");
  Restart();
  skip_ = items;
  return Status::Ok();
}

SourceProgress SitemapSource::Progress() const {
  return SourceProgress{done_bytes_, total_bytes_, items_};
}

}  // namespace newsx::ingest
