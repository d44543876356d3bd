#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newsx/core/result.h"

namespace newsx::ingest {

namespace internal {
class ArchiveInput;
}  // namespace internal

// How the bytes of an archive file are stored. Detected from the first bytes.
// kLz4: LZ4 frames (one per record, as FastWARC writes them).
enum class ArchiveCompression { kNone, kGzip, kLz4 };

// The record kinds of WARC 1.0/1.1 (ISO 28500), plus ARC's file header.
enum class WarcRecordType {
  kWarcinfo, kResponse, kResource, kRequest, kMetadata, kRevisit, kConversion,
  kContinuation, kArcFiledesc, kUnknown
};

// "response", "filedesc", ... ("unknown" for kUnknown).
std::string_view WarcRecordTypeName(WarcRecordType type);

// One WARC (or ARC) record: its named header fields and its content block.
struct WarcRecord {
  std::string version;  // "1.0", "1.1", "0.18"...; "arc" for ARC records.
  WarcRecordType type = WarcRecordType::kUnknown;
  std::string type_name;       // WARC-Type as written ("" when absent).
  std::string target_uri;      // WARC-Target-URI without surrounding <>; ARC URL.
  std::string date;            // WARC-Date (or ARC 14-digit date) as written.
  std::string record_id;       // WARC-Record-ID.
  std::string content_type;    // Content-Type of the block.
  std::string payload_digest;  // WARC-Payload-Digest ("sha1:..."); may be empty.
  std::string identified_payload_type;  // WARC-Identified-Payload-Type; may be empty.
  std::uint64_t content_length = 0;     // Declared length of the block.
  std::vector<std::pair<std::string, std::string>> headers;  // All fields, in order.
  std::string block;  // The content block; empty when `oversized`.
  // Offset of the record's first byte in the uncompressed stream.
  std::uint64_t offset = 0;
  // Offset in the file where the record can be read from: the start of its
  // gzip member (gzip per record), `offset` for uncompressed files, nullopt
  // when the record starts inside a gzip member (whole-file gzip).
  std::optional<std::uint64_t> file_offset;
  bool truncated = false;  // The input ended before content_length bytes.
  bool oversized = false;  // content_length > max_record_bytes: block not read.

  // The value of the first field named `name` (case-insensitive), or "".
  std::string_view Header(std::string_view name) const;
};

// A problem met while reading, at an offset of the uncompressed stream (or of
// the file, for gzip-level problems, as the message says). Warnings concern
// records that were still returned (a separator missing after a record);
// errors mean bytes or records were lost (skipped garbage, a truncated or
// oversized record, an unparseable header, corrupt gzip data).
struct WarcIssue {
  std::uint64_t offset = 0;
  bool lost_data = true;  // false: a warning only.
  Status status;          // Code + message naming the offset and the reason.
};

// Where reading can restart: the next record's stream offset and, when known,
// the file offset of the gzip member it starts (see WarcRecord::file_offset).
struct WarcPosition {
  std::uint64_t offset = 0;
  std::optional<std::uint64_t> file_offset;
};

struct WarcReaderOptions {
  // Blocks larger than this are skipped (streamed past, never buffered) and
  // reported; the record is still returned with oversized = true.
  // Default: 64 MiB.
  std::uint64_t max_record_bytes = 64ull << 20;
  // A header block longer than this (at most 1 MiB) is treated as garbage.
  // Default: 256 KiB.
  std::size_t max_header_bytes = 256u << 10;
  // When false, blocks are skipped instead of copied (listing, indexing).
  // Default: true.
  bool read_blocks = true;
};

// Streaming reader of WARC 1.0/1.1 (and older 0.17/0.18) and ARC v1 files:
// uncompressed, gzip (or LZ4) per record, or whole-file gzip (or LZ4).
// Memory stays bounded by the options whatever the file size. Malformed
// input never stops the reader early: it reports the problem (issues()),
// resynchronizes on the next "WARC/" line (or ARC header line) and goes on.
// A record whose Content-Length runs past the end of the input is cut at
// the first line starting with "WARC/" inside its block, and reading goes
// on from there (one issue for the record, which is returned truncated).
//
// Not thread-safe; one reader per file.
class WarcReader {
 public:
  // Opens a file. Returns kNotFound / kIoError if it cannot be opened.
  static Result<std::unique_ptr<WarcReader>> Open(const std::string& path,
                                                  const WarcReaderOptions& options = {});
  // Reads from memory; `data` must outlive the reader.
  static std::unique_ptr<WarcReader> FromMemory(std::string_view data,
                                                const WarcReaderOptions& options = {});
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // Reads the next record into *record (whose buffers are reused). Returns
  // true, or false at the end of the input. Problems met on the way are
  // appended to issues(). A non-OK result is an I/O failure; the reader must
  // not be used after it.
  Result<bool> Next(WarcRecord* record);

  // Problems since the last TakeIssues(), oldest first.
  const std::vector<WarcIssue>& issues() const { return issues_; }
  std::vector<WarcIssue> TakeIssues();

  // Where the record after the last one returned starts (for checkpoints).
  WarcPosition position() const { return next_position_; }
  // Continues reading at `position` (from position() on a reader of the same
  // file). Whole-file gzip without a file offset is re-inflated from the
  // start. Returns kInvalidArgument if the position is past the end of input.
  Status Seek(const WarcPosition& position);

  ArchiveCompression compression() const;
  bool is_arc() const { return arc_; }
  // File bytes consumed so far (for progress) and the file size.
  std::uint64_t file_bytes_read() const;
  std::uint64_t file_size() const;

 private:
  WarcReader(std::unique_ptr<internal::ArchiveInput> input, const WarcReaderOptions& options);

  Status Start();
  Result<bool> ReadWarcRecord(WarcRecord* record);
  Result<bool> ReadArcRecord(WarcRecord* record);
  Status ReadBlock(WarcRecord* record);
  // The block that starts at `block_start` ran past the end of the input
  // after `available` bytes: ends it at the first "WARC/" line inside it and
  // continues reading from there, or at the end of the input.
  Status ResyncInsideBlock(WarcRecord* record, std::uint64_t block_start,
                           std::uint64_t available);
  Status ConsumeSeparator(const WarcRecord& record);
  Result<bool> SkipToRecordStart();
  void NoteNextPosition();
  void AddIssue(std::uint64_t offset, bool lost_data, Status status);

  std::unique_ptr<internal::ArchiveInput> input_;
  WarcReaderOptions options_;
  bool arc_ = false;
  int arc_version_ = 1;  // From the ARC filedesc record.
  bool block_cut_ = false;  // The last block ended early, at a member boundary.
  bool muted_ = false;      // Re-reading bytes whose problems were reported already.
  WarcPosition next_position_;
  std::vector<WarcIssue> issues_;
};

}  // namespace newsx::ingest
