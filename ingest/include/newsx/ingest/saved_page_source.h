#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "newsx/ingest/document_source.h"

namespace newsx::ingest {

struct SavedPageOptions {
  // Pages (after gunzip) larger than this become per-item errors.
  // Default: 64 MiB.
  std::uint64_t max_page_bytes = 64ull << 20;
};

// Saved HTML pages: each path is a file or a directory searched recursively
// for *.html, *.htm, *.xhtml and their .gz variants, in sorted order so that
// checkpoints are stable. A page's URL is its <link rel=canonical> as found
// later by extract; here it is "file://" + absolute path.
//
// A directory below a given path that cannot be read (permissions, I/O) is
// an error item at its place in the order (a dead letter, never a silent
// skip). Open() returns kNotFound if a path does not exist and kIoError if a
// given directory cannot be read at all. Not thread-safe.
class SavedPageSource final : public DocumentSource {
 public:
  static Result<std::unique_ptr<SavedPageSource>> Open(const std::vector<std::string>& paths,
                                                       const SavedPageOptions& options = {});

  Result<std::optional<SourceItem>> Next() override;
  std::string Checkpoint() const override;
  Status Resume(std::string_view checkpoint) override;
  SourceProgress Progress() const override;

  // Page files plus unreadable directories found.
  std::size_t file_count() const { return entries_.size(); }

  // A page file, or a directory that could not be read (`error` set).
  struct Entry {
    std::string path;
    Status error;
  };

 private:
  SavedPageSource(std::vector<Entry> entries, std::uint64_t total_bytes,
                  const SavedPageOptions& options);

  std::vector<Entry> entries_;
  std::uint64_t total_bytes_ = 0;
  std::uint64_t done_bytes_ = 0;
  std::size_t next_ = 0;
  SavedPageOptions options_;
};

// Reads a whole file, gunzipping it when its name ends in ".gz" (or it starts
// with the gzip magic). Returns kNotFound, kIoError, kDataLoss (corrupt or
// truncated gzip) or kResourceExhausted (larger than max_bytes).
Result<std::string> ReadMaybeGzippedFile(const std::string& path, std::uint64_t max_bytes);

}  // namespace newsx::ingest
