#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "newsx/ingest/document_source.h"
#include "newsx/ingest/http_response_parser.h"
#include "newsx/ingest/warc_reader.h"

namespace newsx::ingest {

struct WarcSourceOptions {
  WarcReaderOptions reader;
  // Limits the decoded HTML body. Default: 64 MiB.
  HttpResponseParseOptions http;
  // Skip a response whose URL or payload digest was already yielded in this
  // run. Default: true.
  bool skip_duplicates = true;
};

// What a WarcSource read and why records did not become documents.
struct WarcSourceStats {
  std::uint64_t records = 0;        // All records read.
  std::uint64_t documents = 0;      // Yielded as documents.
  std::uint64_t revisits = 0;       // revisit records (no payload to extract).
  std::uint64_t other_types = 0;    // request, metadata, warcinfo, resource...
  std::uint64_t not_ok_status = 0;  // HTTP status other than 200.
  std::uint64_t not_html = 0;       // Content-Type not HTML.
  std::uint64_t duplicate_urls = 0;
  std::uint64_t duplicate_payloads = 0;
  std::uint64_t errors = 0;    // Items yielded with an error (lost records, bad HTTP).
  std::uint64_t warnings = 0;  // Reader warnings (sloppy separators...), not yielded.
};

// Documents from the HTML 200 responses of one or more WARC/ARC files, read
// in the order given. Each document's source is "<path>@<offset>" where the
// offset is the gzip member's file offset (the stream offset for whole-file
// gzip), its fetched time the WARC-Date and its content type the HTTP one.
// Lost records (truncated, oversized, unparseable) and unparseable HTTP
// messages come back as items with an error; everything else skipped is
// counted in stats(). Checkpoints name a file and a record boundary, so a
// resumed source continues exactly after the last item returned.
//
// Open() returns kNotFound if a path does not exist. Not thread-safe.
class WarcSource final : public DocumentSource {
 public:
  static Result<std::unique_ptr<WarcSource>> Open(const std::vector<std::string>& paths,
                                                  const WarcSourceOptions& options = {});

  Result<std::optional<SourceItem>> Next() override;
  // "warc:<file index>:<stream offset>:<file offset or ->:<path>".
  std::string Checkpoint() const override;
  Status Resume(std::string_view checkpoint) override;
  SourceProgress Progress() const override;

  const WarcSourceStats& stats() const { return stats_; }

 private:
  WarcSource(std::vector<std::string> paths, std::vector<std::uint64_t> sizes,
             const WarcSourceOptions& options);

  Status OpenFile(std::size_t index);
  // Turns a response record into a document; nullopt when it is skipped.
  std::optional<SourceItem> ToItem(const WarcRecord& record);
  bool IsDuplicate(const WarcRecord& record, std::string_view body);
  std::string PositionOf(std::uint64_t offset, std::optional<std::uint64_t> file_offset) const;

  std::vector<std::string> paths_;
  std::vector<std::uint64_t> sizes_;
  WarcSourceOptions options_;
  std::size_t file_index_ = 0;
  std::unique_ptr<WarcReader> reader_;  // Reader of paths_[file_index_], opened lazily.
  std::vector<WarcIssue> pending_issues_;
  std::size_t next_issue_ = 0;
  WarcRecord record_;
  std::unordered_set<std::uint64_t> seen_urls_;      // 64-bit hashes, to bound memory.
  std::unordered_set<std::uint64_t> seen_payloads_;
  std::uint64_t items_ = 0;
  WarcSourceStats stats_;
};

}  // namespace newsx::ingest
