#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "newsx/ingest/document_source.h"

namespace newsx::ingest {

struct UrlListOptions {
  // Lines longer than this are error items. Default: 8 KiB.
  std::size_t max_line_bytes = 8u << 10;
};

// URL-only documents (url set, empty body, needs_fetch) from text
// files with one URL per line. Blank lines and lines starting with '#' are
// skipped; surrounding whitespace is trimmed. A line that is not an
// absolute http(s) URL becomes an error item ("<path>:<line>"). Duplicates
// within a run are skipped. Files are streamed; checkpoints hold the file
// and byte offset, so Resume continues exactly after the last item.
// RawDocument::source is "<path>:<line>".
//
// Open() returns kNotFound if a path does not exist. Not thread-safe.
class UrlListSource final : public DocumentSource {
 public:
  static Result<std::unique_ptr<UrlListSource>> Open(const std::vector<std::string>& paths,
                                                     const UrlListOptions& options = {});

  Result<std::optional<SourceItem>> Next() override;
  // "urls:<file index>:<byte offset>:<line number>:<path>".
  std::string Checkpoint() const override;
  Status Resume(std::string_view checkpoint) override;
  SourceProgress Progress() const override;

  std::uint64_t duplicate_urls() const { return duplicate_urls_; }

 private:
  UrlListSource(std::vector<std::string> paths, std::vector<std::uint64_t> sizes,
                const UrlListOptions& options);
  Status OpenFile(std::size_t index, std::uint64_t offset, std::uint64_t line);

  std::vector<std::string> paths_;
  std::vector<std::uint64_t> sizes_;
  UrlListOptions options_;
  std::size_t file_index_ = 0;
  struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, FileCloser> file_;  // paths_[file_index_], when open.
  std::uint64_t offset_ = 0;  // Byte offset after the last line read.
  std::uint64_t line_ = 0;    // Number of the last line read.
  std::uint64_t items_ = 0;
  std::uint64_t duplicate_urls_ = 0;
  std::unordered_set<std::uint64_t> seen_;  // Hashes of yielded URLs.
};

}  // namespace newsx::ingest
