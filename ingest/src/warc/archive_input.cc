#include "warc/archive_input.h"

#include <lz4frame.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace newsx::ingest::internal {

namespace {

constexpr std::size_t kOutCapacity = 4 * ArchiveInput::kMaxPeek;
constexpr std::size_t kInCapacity = 256u << 10;
// Member (frame) headers: gzip with deflate, and the LZ4 frame format.
constexpr std::string_view kGzipMagic("\x1f\x8b\x08", 3);
constexpr std::string_view kLz4Magic("\x04\x22\x4d\x18", 4);

class FileSource final : public ByteSource {
 public:
  FileSource(std::FILE* file, std::uint64_t size, std::string path)
      : file_(file), size_(size), path_(std::move(path)) {}
  ~FileSource() override { std::fclose(file_); }

  Result<std::size_t> Read(char* out, std::size_t size) override {
    const std::size_t n = std::fread(out, 1, size, file_);
    if (n < size && std::ferror(file_)) {
      return IoError(path_ + ": read failed: " + std::strerror(errno));
    }
    return n;
  }
  Status Seek(std::uint64_t offset) override {
    if (fseeko(file_, static_cast<off_t>(offset), SEEK_SET) != 0) {
      return IoError(path_ + ": seek failed: " + std::strerror(errno));
    }
    return Status::Ok();
  }
  std::uint64_t size() const override { return size_; }

 private:
  std::FILE* file_;
  std::uint64_t size_;
  std::string path_;
};

class MemoryByteSource final : public ByteSource {
 public:
  explicit MemoryByteSource(std::string_view data) : data_(data) {}
  Result<std::size_t> Read(char* out, std::size_t size) override {
    const std::size_t n = std::min(size, data_.size() - pos_);
    std::memcpy(out, data_.data() + pos_, n);
    pos_ += n;
    return n;
  }
  Status Seek(std::uint64_t offset) override {
    if (offset > data_.size()) return InvalidArgumentError("seek past the end of input");
    pos_ = static_cast<std::size_t>(offset);
    return Status::Ok();
  }
  std::uint64_t size() const override { return data_.size(); }

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
};

}  // namespace

Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path) {
  std::error_code ec;
  const std::uint64_t size = std::filesystem::file_size(path, ec);
  if (ec) return NotFoundError(path + ": " + ec.message());
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return IoError(path + ": cannot open: " + std::strerror(errno));
  return std::unique_ptr<ByteSource>(new FileSource(file, size, path));
}

std::unique_ptr<ByteSource> MemorySource(std::string_view data) {
  return std::make_unique<MemoryByteSource>(data);
}

// The decompressor of the current member: zlib or LZ4F.
struct ArchiveInput::Codec {
  z_stream zs{};
  bool zlib_ready = false;
  LZ4F_dctx* lz4 = nullptr;
  ~Codec() {
    if (zlib_ready) inflateEnd(&zs);
    if (lz4 != nullptr) LZ4F_freeDecompressionContext(lz4);
  }
};

ArchiveInput::ArchiveInput(std::unique_ptr<ByteSource> source)
    : source_(std::move(source)),
      out_(new char[kOutCapacity]),
      in_(new char[kInCapacity]),
      codec_(std::make_unique<Codec>()) {}

ArchiveInput::~ArchiveInput() = default;

Status ArchiveInput::Start() {
  while (in_end_ - in_begin_ < kLz4Magic.size() && !source_done_) {
    NEWSX_ASSIGN_OR_RETURN(bool got, ReadInput());
    if (!got) break;
  }
  const std::string_view head(in_.get() + in_begin_, in_end_ - in_begin_);
  if (head.starts_with(kGzipMagic.substr(0, 2))) {
    compression_ = ArchiveCompression::kGzip;
    if (inflateInit2(&codec_->zs, 16 + MAX_WBITS) != Z_OK) {
      return InternalError("inflateInit2 failed");
    }
    codec_->zlib_ready = true;
    return Status::Ok();
  }
  if (head.starts_with(kLz4Magic)) {
    compression_ = ArchiveCompression::kLz4;
    if (LZ4F_isError(LZ4F_createDecompressionContext(&codec_->lz4, LZ4F_VERSION))) {
      return InternalError("LZ4F_createDecompressionContext failed");
    }
    return Status::Ok();
  }
  compression_ = ArchiveCompression::kNone;
  // Plain input is read straight into the window; move what was sniffed.
  std::memcpy(out_.get(), in_.get() + in_begin_, in_end_ - in_begin_);
  end_ = in_end_ - in_begin_;
  in_begin_ = in_end_ = 0;
  if (source_done_) input_done_ = true;
  return Status::Ok();
}

Result<bool> ArchiveInput::ReadInput() {
  if (source_done_) return false;
  if (in_begin_ == in_end_) {
    in_begin_ = in_end_ = 0;
  } else if (in_end_ == kInCapacity) {
    std::memmove(in_.get(), in_.get() + in_begin_, in_end_ - in_begin_);
    in_end_ -= in_begin_;
    in_begin_ = 0;
  }
  NEWSX_ASSIGN_OR_RETURN(std::size_t n, source_->Read(in_.get() + in_end_, kInCapacity - in_end_));
  if (n == 0) {
    source_done_ = true;
    return false;
  }
  in_end_ += n;
  file_pos_ += n;
  return true;
}

void ArchiveInput::Compact() {
  if (begin_ == 0) return;
  std::memmove(out_.get(), out_.get() + begin_, end_ - begin_);
  end_ -= begin_;
  begin_ = 0;
}

Result<std::string_view> ArchiveInput::Peek(std::size_t want) {
  // Fill* read ahead until the window holds kMaxPeek bytes or the input ends.
  if (end_ - begin_ < want && !input_done_) {
    NEWSX_RETURN_IF_ERROR(compression_ == ArchiveCompression::kNone ? FillPlain()
                                                                    : FillCompressed());
  }
  if (!io_error_.ok()) return io_error_;
  return std::string_view(out_.get() + begin_, end_ - begin_);
}

void ArchiveInput::Consume(std::size_t n) {
  begin_ += n;
  position_ += n;
  while (!member_starts_.empty() && member_starts_.front().first < position_) {
    member_starts_.pop_front();
  }
}

Status ArchiveInput::FillPlain() {
  if (kOutCapacity - end_ < kMaxPeek) Compact();
  while (end_ - begin_ < kMaxPeek && !input_done_) {
    NEWSX_ASSIGN_OR_RETURN(std::size_t n,
                           source_->Read(out_.get() + end_, kOutCapacity - end_));
    if (n == 0) {
      input_done_ = true;
      break;
    }
    end_ += n;
    file_pos_ += n;
  }
  return Status::Ok();
}

std::string_view ArchiveInput::MemberMagic() const {
  return compression_ == ArchiveCompression::kLz4 ? kLz4Magic : kGzipMagic;
}

std::string_view ArchiveInput::MemberName() const {
  return compression_ == ArchiveCompression::kLz4 ? "LZ4 frame" : "gzip member";
}

bool ArchiveInput::StartMember() {
  const std::string_view magic = MemberMagic();
  while (true) {
    // Needs the whole magic to tell a member from trailing junk.
    while (in_end_ - in_begin_ < magic.size() && !source_done_) {
      if (!ReadInputOrNote()) break;
    }
    if (in_begin_ == in_end_) return false;
    if (std::string_view(in_.get() + in_begin_, in_end_ - in_begin_).starts_with(magic)) break;
    Resync("data after a " + std::string(MemberName()) + " is not a " +
           std::string(MemberName()) + " header");
    if (input_done_) return false;
  }
  if (compression_ == ArchiveCompression::kGzip) {
    inflateReset(&codec_->zs);
  } else {
    LZ4F_resetDecompressionContext(codec_->lz4);
  }
  member_file_offset_ = file_pos_ - (in_end_ - in_begin_);
  member_starts_.emplace_back(position_ + (end_ - begin_), member_file_offset_);
  in_member_ = true;
  return true;
}

bool ArchiveInput::ReadInputOrNote() {
  Result<bool> got = ReadInput();
  if (!got.ok()) {
    io_error_ = got.status();
    source_done_ = true;
    return false;
  }
  return *got;
}

void ArchiveInput::Resync(std::string_view why) {
  const std::uint64_t from = file_pos_ - (in_end_ - in_begin_);
  const std::string_view magic = MemberMagic();
  std::uint64_t skipped = 0;
  bool found = false;
  // Skip one byte so that a bad member header is not retried.
  if (in_begin_ < in_end_) {
    ++in_begin_;
    ++skipped;
  }
  while (true) {
    const std::string_view hay(in_.get() + in_begin_, in_end_ - in_begin_);
    const std::size_t hit = hay.find(magic);
    if (hit != std::string_view::npos) {
      skipped += hit;
      in_begin_ += hit;
      found = true;
      break;
    }
    // Keep a tail: a magic may straddle the read boundary.
    const std::size_t keep = std::min<std::size_t>(magic.size() - 1, hay.size());
    skipped += hay.size() - keep;
    in_begin_ = in_end_ - keep;
    if (!ReadInputOrNote()) {
      skipped += in_end_ - in_begin_;
      in_begin_ = in_end_;
      break;
    }
  }
  in_member_ = false;
  if (found) {
    issues_(from, true,
            DataLossError(std::string(why) + " at file offset " + std::to_string(from) +
                          "; skipped " + std::to_string(skipped) +
                          " bytes to the next " + std::string(MemberName())));
  } else {
    input_done_ = true;
    issues_(from, true,
            DataLossError(std::string(why) + " at file offset " + std::to_string(from) + "; " +
                          std::to_string(skipped) + " trailing bytes ignored"));
  }
}

ArchiveInput::Step ArchiveInput::Decode(std::string* error) {
  if (compression_ == ArchiveCompression::kLz4) {
    std::size_t src = in_end_ - in_begin_;
    std::size_t dst = kOutCapacity - end_;
    const std::size_t rc =
        LZ4F_decompress(codec_->lz4, out_.get() + end_, &dst, in_.get() + in_begin_, &src, nullptr);
    in_begin_ += src;
    end_ += dst;
    if (LZ4F_isError(rc)) {
      *error = LZ4F_getErrorName(rc);
      return Step::kError;
    }
    return rc == 0 ? Step::kMemberEnd : Step::kMore;
  }
  z_stream& zs = codec_->zs;
  zs.next_in = reinterpret_cast<Bytef*>(in_.get() + in_begin_);
  zs.avail_in = static_cast<uInt>(in_end_ - in_begin_);
  zs.next_out = reinterpret_cast<Bytef*>(out_.get() + end_);
  zs.avail_out = static_cast<uInt>(kOutCapacity - end_);
  const int rc = inflate(&zs, Z_NO_FLUSH);
  in_begin_ = in_end_ - zs.avail_in;
  end_ = kOutCapacity - zs.avail_out;
  if (rc == Z_STREAM_END) return Step::kMemberEnd;
  // Z_BUF_ERROR: no progress possible without more input (read on the next turn).
  if (rc == Z_OK || (rc == Z_BUF_ERROR && zs.avail_in == 0)) return Step::kMore;
  *error = zs.msg != nullptr ? zs.msg : "inflate error " + std::to_string(rc);
  return Step::kError;
}

Status ArchiveInput::FillCompressed() {
  if (kOutCapacity - end_ < kMaxPeek) Compact();
  while (end_ - begin_ < kMaxPeek && !input_done_) {
    if (!in_member_ && !StartMember()) {
      input_done_ = true;
      break;
    }
    if (in_begin_ == in_end_) {
      NEWSX_ASSIGN_OR_RETURN(bool got, ReadInput());
      if (!got) {
        issues_(member_file_offset_, true,
                DataLossError(std::string(MemberName()) + " at file offset " +
                              std::to_string(member_file_offset_) +
                              " is truncated (input ends inside it)"));
        in_member_ = false;
        input_done_ = true;
        break;
      }
    }
    std::string error;
    const Step step = Decode(&error);
    if (step == Step::kMemberEnd) {
      in_member_ = false;
    } else if (step == Step::kError) {
      in_member_ = false;
      Resync("corrupt compressed data (" + error + ") in the " + std::string(MemberName()) +
             " at file offset " + std::to_string(member_file_offset_) + ", detected");
    }
  }
  return Status::Ok();
}

std::optional<std::uint64_t> ArchiveInput::FileOffsetAt(std::uint64_t pos) const {
  if (compression_ == ArchiveCompression::kNone) return pos;
  std::optional<std::uint64_t> found;
  for (const auto& [stream_offset, file_offset] : member_starts_) {
    if (stream_offset == pos) found = file_offset;
    if (stream_offset > pos) break;
  }
  return found;
}

std::optional<std::uint64_t> ArchiveInput::NextMemberStart(std::uint64_t pos) const {
  for (const auto& [stream_offset, file_offset] : member_starts_) {
    if (stream_offset > pos) return stream_offset;
  }
  return std::nullopt;
}

Status ArchiveInput::SeekFile(std::uint64_t file_offset, std::uint64_t stream_offset) {
  if (file_offset > source_->size()) {
    return InvalidArgumentError("offset " + std::to_string(file_offset) + " is past the end (" +
                                std::to_string(source_->size()) + " bytes)");
  }
  NEWSX_RETURN_IF_ERROR(source_->Seek(file_offset));
  begin_ = end_ = 0;
  in_begin_ = in_end_ = 0;
  file_pos_ = file_offset;
  position_ = stream_offset;
  source_done_ = input_done_ = false;
  in_member_ = false;
  member_starts_.clear();
  return Status::Ok();
}

Status ArchiveInput::Rewind() { return SeekFile(0, 0); }

}  // namespace newsx::ingest::internal
