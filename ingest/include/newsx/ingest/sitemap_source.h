#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "newsx/ingest/document_source.h"
#include "newsx/ingest/sitemap_parser.h"

namespace newsx::ingest {

struct SitemapSourceOptions {
  // A sitemap larger than this (after gunzip) is an error item. The protocol
  // caps sitemaps at 50 MB. Default: 64 MiB.
  std::uint64_t max_sitemap_bytes = 64ull << 20;
  // How deep sitemap indexes may nest below an input. Default: 4.
  int max_depth = 4;
  // Sitemaps read in all, indexes included, to bound a run. Default: 10000.
  std::size_t max_sitemaps = 10000;
};

struct SitemapSourceStats {
  std::uint64_t sitemaps = 0;        // Sitemap files read (indexes included).
  std::uint64_t urls = 0;            // URL items yielded.
  std::uint64_t duplicate_urls = 0;  // Skipped: already yielded in this run.
  std::uint64_t errors = 0;          // Error items yielded.
};

// URL-only documents (RawDocument with url, an empty body and needs_fetch,
// for the fetch stage) from local sitemap files: urlsets, sitemap indexes, gzipped
// sitemaps (.gz or gzip magic) and robots.txt files (their "Sitemap:" lines).
// Index and robots entries are followed when they name a local file: a
// file:// URL, a path relative to the referring file, or an http(s) URL
// whose file name exists beside the referring file (a mirrored sitemap
// tree). Remote entries that are not available locally, unreadable or
// malformed sitemaps, loops, and entries beyond max_depth/max_sitemaps
// become error items; the source goes on. A Google News entry's
// publication date and title go to hint_published and hint_title.
// RawDocument::source is the sitemap's path.
//
// Open() returns kNotFound if a path does not exist. Not thread-safe.
class SitemapSource final : public DocumentSource {
 public:
  static Result<std::unique_ptr<SitemapSource>> Open(const std::vector<std::string>& paths,
                                                     const SitemapSourceOptions& options = {});

  Result<std::optional<SourceItem>> Next() override;
  // "sitemap:<items yielded>:<fingerprint of the input paths>". Inputs are
  // walked in a fixed order, so Resume skips that many items.
  std::string Checkpoint() const override;
  Status Resume(std::string_view checkpoint) override;
  SourceProgress Progress() const override;

  const SitemapSourceStats& stats() const { return stats_; }

 private:
  struct Pending {
    std::string path;
    int depth = 0;
    bool robots = false;
  };

  SitemapSource(std::vector<std::string> paths, const SitemapSourceOptions& options);
  void Restart();
  // Reads the next sitemap of the queue; an item when that fails.
  std::optional<SourceItem> LoadNext();
  // Where a sitemap named by an index or robots.txt is on disk.
  Result<Pending> Resolve(const std::string& entry, const Pending& referrer) const;
  std::optional<SourceItem> NextUnskipped();
  SourceItem ErrorItem(const std::string& position, Status status);

  std::vector<std::string> inputs_;
  SitemapSourceOptions options_;
  std::uint64_t total_bytes_ = 0;
  std::string fingerprint_;

  std::deque<Pending> queue_;
  std::deque<SourceItem> pending_errors_;  // From the last sitemap read.
  std::unordered_set<std::string> visited_;
  std::string current_path_;
  std::vector<SitemapUrl> current_urls_;
  std::size_t next_url_ = 0;
  std::unordered_set<std::uint64_t> seen_urls_;
  std::uint64_t items_ = 0;
  std::uint64_t skip_ = 0;  // Items still to drop after Resume.
  std::uint64_t sitemaps_read_ = 0;
  std::uint64_t done_bytes_ = 0;
  SitemapSourceStats stats_;
};

}  // namespace newsx::ingest
