#pragma once

#include <cstdint>
#include <cstdio>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "newsx/core/result.h"
#include "newsx/ingest/warc_reader.h"

namespace newsx::ingest::internal {

// Raw bytes of an archive: a file or a memory view.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `size` bytes; 0 at the end.
  virtual Result<std::size_t> Read(char* out, std::size_t size) = 0;
  virtual Status Seek(std::uint64_t offset) = 0;
  virtual std::uint64_t size() const = 0;
};

Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path);
std::unique_ptr<ByteSource> MemorySource(std::string_view data);

// Reports a problem found by the input (offset, lost data, status).
using IssueSink = std::function<void(std::uint64_t, bool, Status)>;

// The decompressed byte stream of an archive, seen through a sliding window.
// Gzip members (or LZ4 frames) are decompressed one after the other (per
// record and whole file alike) and the file offset where each member starts is remembered
// until the window passes it, so that a record can name the member it starts.
// Corrupt data is reported and skipped up to the next member header.
// Not thread-safe.
class ArchiveInput {
 public:
  explicit ArchiveInput(std::unique_ptr<ByteSource> source);
  ~ArchiveInput();
  ArchiveInput(const ArchiveInput&) = delete;
  ArchiveInput& operator=(const ArchiveInput&) = delete;

  // Where problems are reported. REQUIRES: set before Start().
  void set_issue_sink(IssueSink sink) { issues_ = std::move(sink); }

  // Sniffs the compression from the first bytes. Call once, first.
  Status Start();

  // Makes at least `want` bytes available (fewer only at the end of input)
  // and returns all available bytes. The view is valid until the next call
  // to Peek, Consume or Seek. REQUIRES: want <= kMaxPeek.
  Result<std::string_view> Peek(std::size_t want);
  void Consume(std::size_t n);

  // Stream offset of the first available byte.
  std::uint64_t position() const { return position_; }
  // True once Peek has seen the end of input and the window is empty.
  bool exhausted() const { return input_done_ && begin_ == end_; }

  // The file offset of the gzip member that starts at stream offset `pos`,
  // `pos` itself for uncompressed input, nullopt otherwise. Valid for `pos`
  // at or after position() once the bytes at `pos` have been peeked.
  std::optional<std::uint64_t> FileOffsetAt(std::uint64_t pos) const;

  // The stream offset of the first member start after `pos` among those
  // decoded so far, if any.
  std::optional<std::uint64_t> NextMemberStart(std::uint64_t pos) const;

  // Restarts reading at a gzip member (or plain offset) `file_offset`, which
  // is stream offset `stream_offset`.
  Status SeekFile(std::uint64_t file_offset, std::uint64_t stream_offset);
  // Restarts reading at the beginning.
  Status Rewind();

  ArchiveCompression compression() const { return compression_; }
  std::uint64_t file_bytes_read() const { return file_pos_; }
  std::uint64_t file_size() const { return source_->size(); }

  static constexpr std::size_t kMaxPeek = 1u << 20;

 private:
  Status FillPlain();
  enum class Step { kMore, kMemberEnd, kError };
  // Decompresses what it can from in_ into the window.
  Step Decode(std::string* error);
  Status FillCompressed();
  std::string_view MemberMagic() const;
  std::string_view MemberName() const;
  Result<bool> ReadInput();
  // ReadInput for paths that cannot return a Status: keeps the error for Peek.
  bool ReadInputOrNote();
  bool StartMember();
  // Reports `why` and skips to the next member header (or the end).
  void Resync(std::string_view why);
  void Compact();

  std::unique_ptr<ByteSource> source_;
  IssueSink issues_;
  ArchiveCompression compression_ = ArchiveCompression::kNone;

  std::unique_ptr<char[]> out_;  // Window: [begin_, end_) are available.
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  std::uint64_t position_ = 0;  // Stream offset of out_[begin_].

  std::unique_ptr<char[]> in_;  // Compressed bytes [in_begin_, in_end_).
  std::size_t in_begin_ = 0;
  std::size_t in_end_ = 0;
  std::uint64_t file_pos_ = 0;  // File offset just after in_[in_end_ - 1].
  bool source_done_ = false;
  bool input_done_ = false;
  Status io_error_;

  struct Codec;
  std::unique_ptr<Codec> codec_;
  bool in_member_ = false;
  std::uint64_t member_file_offset_ = 0;
  // (stream offset, file offset) of member starts not yet passed.
  std::deque<std::pair<std::uint64_t, std::uint64_t>> member_starts_;
};

}  // namespace newsx::ingest::internal
