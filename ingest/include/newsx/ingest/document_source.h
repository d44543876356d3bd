#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "newsx/core/raw_document.h"
#include "newsx/core/result.h"

namespace newsx::ingest {

// One item read from a source: a document, or the reason why the item at
// `position` could not be read (it becomes a dead letter; the source goes on).
struct SourceItem {
  RawDocument document;  // Valid when error.ok().
  Status error;          // Per-item failure (bad record, unreadable file).
  std::string position;  // Where the item is: path, "file.warc.gz@offset", URL.
  std::string stage = "read";  // Names the step that failed in dead letters ("read", "fetch").
};

// How far a source has got, for progress display. Sizes may be unknown (0).
struct SourceProgress {
  std::uint64_t bytes_done = 0;
  std::uint64_t bytes_total = 0;
  std::uint64_t items_done = 0;
};

// A pull-based stream of documents (saved pages, WARC records, sitemap URLs).
// Sources stream: memory stays bounded whatever the input size.
// Not thread-safe: one consumer pulls.
class DocumentSource {
 public:
  virtual ~DocumentSource() = default;

  // The next item, or nullopt at the end. A non-OK Result means the source
  // as a whole cannot go on (unreadable archive, I/O failure); per-item
  // problems come back as items with `error` set.
  virtual Result<std::optional<SourceItem>> Next() = 0;

  // Opaque token naming the position just after the last item returned by
  // Next(); passing it to Resume() on a fresh source of the same input
  // continues from there.
  virtual std::string Checkpoint() const = 0;

  // Continues after `checkpoint` (from Checkpoint()). Returns
  // kInvalidArgument for a token that does not belong to this input.
  virtual Status Resume(std::string_view checkpoint) = 0;

  virtual SourceProgress Progress() const = 0;
};

}  // namespace newsx::ingest
