#include "warc/archive_input.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace newsx::ingest::internal {

namespace {

constexpr std::size_t kOutCapacity = 4 * ArchiveInput::kMaxPeek;
constexpr std::size_t kInCapacity = 256u << 10;
constexpr unsigned char kGzipMagic[3] = {0x1f, 0x8b, 0x08};

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

struct ArchiveInput::ZState {
  z_stream zs{};
  bool initialized = false;
  ~ZState() {
    if (initialized) inflateEnd(&zs);
  }
};

ArchiveInput::ArchiveInput(std::unique_ptr<ByteSource> source)
    : source_(std::move(source)),
      out_(new char[kOutCapacity]),
      in_(new char[kInCapacity]),
      z_(std::make_unique<ZState>()) {}

ArchiveInput::~ArchiveInput() = default;

Status ArchiveInput::Start() {
  while (in_end_ - in_begin_ < 2 && !source_done_) {
    NEWSX_ASSIGN_OR_RETURN(bool got, ReadInput());
    if (!got) break;
  }
  const auto* p = reinterpret_cast<const unsigned char*>(in_.get() + in_begin_);
  if (in_end_ - in_begin_ >= 2 && p[0] == kGzipMagic[0] && p[1] == kGzipMagic[1]) {
    compression_ = ArchiveCompression::kGzip;
    if (inflateInit2(&z_->zs, 16 + MAX_WBITS) != Z_OK) return InternalError("inflateInit2 failed");
    z_->initialized = true;
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
    NEWSX_RETURN_IF_ERROR(compression_ == ArchiveCompression::kGzip ? FillGzip() : FillPlain());
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

bool ArchiveInput::StartMember() {
  while (true) {
    // Needs the 3 magic bytes to tell a member from trailing junk.
    while (in_end_ - in_begin_ < 3 && !source_done_) {
      if (!ReadInputOrNote()) break;
    }
    if (in_begin_ == in_end_) return false;
    if (in_end_ - in_begin_ >= 3 && std::memcmp(in_.get() + in_begin_, kGzipMagic, 3) == 0) break;
    ResyncGzip("data after a gzip member is not a gzip member header");
    if (input_done_) return false;
  }
  inflateReset(&z_->zs);
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

void ArchiveInput::ResyncGzip(std::string_view why) {
  const std::uint64_t from = file_pos_ - (in_end_ - in_begin_);
  const std::string_view magic(reinterpret_cast<const char*>(kGzipMagic), 3);
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
    // Keep the last two bytes: a magic may straddle the read boundary.
    const std::size_t keep = std::min<std::size_t>(2, hay.size());
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
                          " bytes to the next gzip member"));
  } else {
    input_done_ = true;
    issues_(from, true,
            DataLossError(std::string(why) + " at file offset " + std::to_string(from) + "; " +
                          std::to_string(skipped) + " trailing bytes ignored"));
  }
}

Status ArchiveInput::FillGzip() {
  if (kOutCapacity - end_ < kMaxPeek) Compact();
  z_stream& zs = z_->zs;
  while (end_ - begin_ < kMaxPeek && !input_done_) {
    if (!in_member_ && !StartMember()) {
      input_done_ = true;
      break;
    }
    if (in_begin_ == in_end_) {
      NEWSX_ASSIGN_OR_RETURN(bool got, ReadInput());
      if (!got) {
        issues_(member_file_offset_, true,
                DataLossError("gzip member at file offset " + std::to_string(member_file_offset_) +
                              " is truncated (input ends inside it)"));
        in_member_ = false;
        input_done_ = true;
        break;
      }
    }
    zs.next_in = reinterpret_cast<Bytef*>(in_.get() + in_begin_);
    zs.avail_in = static_cast<uInt>(in_end_ - in_begin_);
    zs.next_out = reinterpret_cast<Bytef*>(out_.get() + end_);
    zs.avail_out = static_cast<uInt>(kOutCapacity - end_);
    const int rc = inflate(&zs, Z_NO_FLUSH);
    in_begin_ = in_end_ - zs.avail_in;
    end_ = kOutCapacity - zs.avail_out;
    if (rc == Z_STREAM_END) {
      in_member_ = false;
    } else if (rc == Z_BUF_ERROR) {
      // No progress possible: input needed (handled above on the next turn).
      if (zs.avail_in != 0) return InternalError("inflate made no progress");
    } else if (rc != Z_OK) {
      const std::string msg = zs.msg != nullptr ? zs.msg : "inflate error";
      in_member_ = false;
      ResyncGzip("corrupt gzip data (" + msg + ") in the member at file offset " +
                 std::to_string(member_file_offset_) + ", detected");
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
