#include "newsx/ingest/warc_reader.h"

#include <algorithm>
#include <string>

#include "newsx/core/strings.h"
#include "warc/archive_input.h"
#include "warc/warc_header.h"

namespace newsx::ingest {

namespace {

constexpr std::string_view kWarcMagic = "WARC/";
constexpr std::size_t kMaxArcHeaderLine = 8192;
// Bytes looked at after a block for its CRLF CRLF separator (or a sloppy one).
constexpr std::size_t kSeparatorWindow = 16;

std::string Describe(const WarcRecord& record) {
  std::string s = "record at " + std::to_string(record.offset);
  s += " (" + (record.type_name.empty() ? std::string("untyped") : record.type_name);
  if (!record.target_uri.empty()) s += " " + record.target_uri;
  return s + ")";
}

std::string Excerpt(std::string_view bytes) {
  std::string out;
  for (char c : bytes.substr(0, 32)) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7f) {
      out.push_back(c);
    } else {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 15]);
    }
  }
  return out;
}

}  // namespace

std::string_view WarcRecordTypeName(WarcRecordType type) {
  switch (type) {
    case WarcRecordType::kWarcinfo: return "warcinfo";
    case WarcRecordType::kResponse: return "response";
    case WarcRecordType::kResource: return "resource";
    case WarcRecordType::kRequest: return "request";
    case WarcRecordType::kMetadata: return "metadata";
    case WarcRecordType::kRevisit: return "revisit";
    case WarcRecordType::kConversion: return "conversion";
    case WarcRecordType::kContinuation: return "continuation";
    case WarcRecordType::kArcFiledesc: return "filedesc";
    case WarcRecordType::kUnknown: break;
  }
  return "unknown";
}

std::string_view WarcRecord::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreAsciiCase(key, name)) return value;
  }
  return {};
}

Result<std::unique_ptr<WarcReader>> WarcReader::Open(const std::string& path,
                                                     const WarcReaderOptions& options) {
  NEWSX_ASSIGN_OR_RETURN(auto source, internal::OpenFileSource(path));
  std::unique_ptr<WarcReader> reader(new WarcReader(
      std::make_unique<internal::ArchiveInput>(std::move(source)), options));
  NEWSX_RETURN_IF_ERROR(reader->Start());
  return reader;
}

std::unique_ptr<WarcReader> WarcReader::FromMemory(std::string_view data,
                                                   const WarcReaderOptions& options) {
  std::unique_ptr<WarcReader> reader(new WarcReader(
      std::make_unique<internal::ArchiveInput>(internal::MemorySource(data)), options));
  // Memory reads cannot fail; a failed start shows up as an empty stream.
  reader->Start().IgnoreError();
  return reader;
}

WarcReader::WarcReader(std::unique_ptr<internal::ArchiveInput> input,
                       const WarcReaderOptions& options)
    : input_(std::move(input)), options_(options) {
  input_->set_issue_sink([this](std::uint64_t offset, bool lost, Status status) {
    AddIssue(offset, lost, std::move(status));
  });
}

WarcReader::~WarcReader() = default;

Status WarcReader::Start() {
  NEWSX_RETURN_IF_ERROR(input_->Start());
  NEWSX_ASSIGN_OR_RETURN(std::string_view head, input_->Peek(16));
  arc_ = head.starts_with("filedesc://");
  if (!head.empty() && !arc_ && !head.starts_with(kWarcMagic)) {
    AddIssue(0, true,
             InvalidArgumentError("input does not start with a WARC/ or ARC header: '" +
                                  Excerpt(head) + "'"));
  }
  NoteNextPosition();
  return Status::Ok();
}

void WarcReader::AddIssue(std::uint64_t offset, bool lost_data, Status status) {
  if (muted_) return;
  issues_.push_back(WarcIssue{offset, lost_data, std::move(status)});
}

std::vector<WarcIssue> WarcReader::TakeIssues() {
  std::vector<WarcIssue> out;
  out.swap(issues_);
  return out;
}

ArchiveCompression WarcReader::compression() const { return input_->compression(); }
std::uint64_t WarcReader::file_bytes_read() const { return input_->file_bytes_read(); }
std::uint64_t WarcReader::file_size() const { return input_->file_size(); }

Result<bool> WarcReader::Next(WarcRecord* record) {
  while (true) {
    NEWSX_ASSIGN_OR_RETURN(bool found, SkipToRecordStart());
    if (!found) {
      NoteNextPosition();
      return false;
    }
    NEWSX_ASSIGN_OR_RETURN(bool read, arc_ ? ReadArcRecord(record) : ReadWarcRecord(record));
    if (read) {
      NoteNextPosition();
      return true;
    }
  }
}

Result<bool> WarcReader::SkipToRecordStart() {
  const std::uint64_t start = input_->position();
  bool only_blank = true;
  while (true) {
    NEWSX_ASSIGN_OR_RETURN(std::string_view view, input_->Peek(kWarcMagic.size()));
    if (view.empty()) break;
    std::size_t hit;
    if (arc_) {
      // ARC records follow each other after a newline; blank lines are noise.
      hit = view.find_first_not_of("\r\n");
    } else {
      hit = view.find(kWarcMagic);
    }
    if (hit != std::string_view::npos) {
      only_blank = only_blank && view.substr(0, hit).find_first_not_of("\r\n") == std::string_view::npos;
      input_->Consume(hit);
      break;
    }
    // Keep a tail that might be the start of a split "WARC/".
    const std::size_t keep = std::min(view.size(), kWarcMagic.size() - 1);
    const std::size_t skip = view.size() - keep;
    only_blank = only_blank && view.substr(0, skip).find_first_not_of("\r\n") == std::string_view::npos;
    input_->Consume(skip);
    if (skip == 0) {
      // Peek returned fewer bytes than asked for: the end of input.
      input_->Consume(view.size());
      only_blank = only_blank && view.find_first_not_of("\r\n") == std::string_view::npos;
      break;
    }
  }
  const std::uint64_t skipped = input_->position() - start;
  if (skipped > 0 && !only_blank) {
    NEWSX_ASSIGN_OR_RETURN(std::string_view rest, input_->Peek(1));
    AddIssue(start, true,
             InvalidArgumentError(std::string(arc_ ? "expected an ARC header" : "expected WARC/") +
                                  " at offset " + std::to_string(start) + ": skipped " +
                                  std::to_string(skipped) + " bytes" +
                                  (rest.empty() ? " to the end of input" : "")));
  }
  NEWSX_ASSIGN_OR_RETURN(std::string_view rest, input_->Peek(1));
  return !rest.empty();
}

Result<bool> WarcReader::ReadWarcRecord(WarcRecord* record) {
  const std::uint64_t start = input_->position();
  const std::size_t max_header =
      std::min(options_.max_header_bytes, internal::ArchiveInput::kMaxPeek);
  NEWSX_ASSIGN_OR_RETURN(std::string_view view, input_->Peek(4096));
  std::size_t end = internal::FindHeaderEnd(view.substr(0, max_header));
  if (end == std::string_view::npos && view.size() < max_header) {
    NEWSX_ASSIGN_OR_RETURN(view, input_->Peek(max_header));
    end = internal::FindHeaderEnd(view.substr(0, max_header));
  }
  if (end == std::string_view::npos) {
    const bool at_end = view.size() < max_header;
    AddIssue(start, true,
             InvalidArgumentError("header at offset " + std::to_string(start) +
                                  (at_end ? " is cut off by the end of input"
                                          : " has no end within " +
                                                std::to_string(max_header) +
                                                " bytes")));
    input_->Consume(kWarcMagic.size());
    return false;
  }
  const Status parsed = internal::ParseWarcHeader(view.substr(0, end), record);
  if (!parsed.ok()) {
    AddIssue(start, true,
             InvalidArgumentError("bad header at offset " + std::to_string(start) + ": " +
                                  parsed.message()));
    input_->Consume(kWarcMagic.size());
    return false;
  }
  record->offset = start;
  record->file_offset = input_->FileOffsetAt(start);
  input_->Consume(end);
  NEWSX_RETURN_IF_ERROR(ReadBlock(record));
  NEWSX_RETURN_IF_ERROR(ConsumeSeparator(*record));
  return true;
}

Result<bool> WarcReader::ReadArcRecord(WarcRecord* record) {
  const std::uint64_t start = input_->position();
  NEWSX_ASSIGN_OR_RETURN(std::string_view view, input_->Peek(kMaxArcHeaderLine));
  const std::size_t nl = view.substr(0, kMaxArcHeaderLine).find('\n');
  const std::string_view line = view.substr(0, std::min(nl, kMaxArcHeaderLine));
  const Status parsed = nl == std::string_view::npos
                            ? InvalidArgumentError("no end of line")
                            : internal::ParseArcHeader(line, arc_version_, record);
  if (!parsed.ok()) {
    AddIssue(start, true,
             InvalidArgumentError("bad ARC header at offset " + std::to_string(start) + " (" +
                                  parsed.message() + "): '" + Excerpt(line) + "'"));
    input_->Consume(nl == std::string_view::npos ? line.size() : nl + 1);
    return false;
  }
  record->offset = start;
  record->file_offset = input_->FileOffsetAt(start);
  input_->Consume(nl + 1);
  NEWSX_RETURN_IF_ERROR(ReadBlock(record));
  if (record->type == WarcRecordType::kArcFiledesc && record->block.starts_with("2 ")) {
    arc_version_ = 2;
  }
  // One LF ends an ARC record; SkipToRecordStart eats any more.
  return true;
}

Status WarcReader::ReadBlock(WarcRecord* record) {
  record->block.clear();
  const bool keep = options_.read_blocks && record->content_length <= options_.max_record_bytes;
  record->oversized = record->content_length > options_.max_record_bytes;
  if (keep) {
    record->block.reserve(std::min<std::uint64_t>(record->content_length, 4u << 20));
  }
  block_cut_ = false;
  // Compressed per record: a record that began a member and whose block runs
  // into a later member that starts with "WARC/" has a Content-Length that is
  // too large. Ending the block there saves the records that follow.
  const bool per_member =
      input_->compression() != ArchiveCompression::kNone && record->file_offset.has_value();
  const std::uint64_t block_start = input_->position();
  std::uint64_t remaining = record->content_length;
  while (remaining > 0) {
    const std::size_t want =
        static_cast<std::size_t>(std::min<std::uint64_t>(remaining, internal::ArchiveInput::kMaxPeek));
    NEWSX_ASSIGN_OR_RETURN(std::string_view view, input_->Peek(want));
    if (per_member && input_->FileOffsetAt(input_->position()).has_value() &&
        view.starts_with(kWarcMagic)) {
      block_cut_ = true;
      AddIssue(record->offset, false,
               InvalidArgumentError(Describe(*record) + ": Content-Length " +
                                    std::to_string(record->content_length) +
                                    " runs past its compressed member; block ended at offset " +
                                    std::to_string(input_->position())));
      // The member ended with the CRLF CRLF separator; it is not content.
      if (record->block.ends_with("\r\n\r\n")) record->block.resize(record->block.size() - 4);
      break;
    }
    if (view.empty()) {
      record->truncated = true;
      // Within one member the next record is found by its header; a
      // record alone in its member (gzip per record) has nothing after it.
      if (!per_member && !arc_) {
        return ResyncInsideBlock(record, block_start, record->content_length - remaining);
      }
      AddIssue(record->offset, true,
               DataLossError(Describe(*record) + " is truncated: needs " +
                             std::to_string(record->content_length) + " bytes, has " +
                             std::to_string(record->content_length - remaining)));
      return Status::Ok();
    }
    std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(view.size(), remaining));
    if (per_member) {
      // Stop at the next member start so that the check above sees it.
      if (const auto next = input_->NextMemberStart(input_->position())) {
        n = static_cast<std::size_t>(std::min<std::uint64_t>(n, *next - input_->position()));
      }
    }
    if (keep) record->block.append(view.data(), n);
    input_->Consume(n);
    remaining -= n;
  }
  // Reported once the block is known to be whole: a block that is both
  // over the limit and cut short is one lost record, one issue.
  if (record->oversized) {
    AddIssue(record->offset, true,
             ResourceExhaustedError(Describe(*record) + ": block of " +
                                    std::to_string(record->content_length) +
                                    " bytes exceeds the limit of " +
                                    std::to_string(options_.max_record_bytes) + "; skipped"));
  }
  return Status::Ok();
}

Status WarcReader::ResyncInsideBlock(WarcRecord* record, std::uint64_t block_start,
                                     std::uint64_t available) {
  // Back to the start of the block (re-inflating whole-file compression up
  // to it, without reporting its problems a second time), then forward to
  // the first "WARC/" at the start of a line: the record's Content-Length
  // ran past the input, so the records it covered are still there.
  muted_ = true;
  const Status seek = Seek(WarcPosition{block_start, input_->compression() == ArchiveCompression::kNone
                                                         ? std::optional<std::uint64_t>(block_start)
                                                         : std::nullopt});
  muted_ = false;
  NEWSX_RETURN_IF_ERROR(seek);
  std::optional<std::uint64_t> next;
  char before = '\n';  // The block starts a line.
  while (!next) {
    NEWSX_ASSIGN_OR_RETURN(std::string_view view, input_->Peek(internal::ArchiveInput::kMaxPeek));
    if (view.size() < kWarcMagic.size()) break;
    const std::size_t limit = view.size() - (kWarcMagic.size() - 1);
    for (std::size_t at = view.find(kWarcMagic); at < limit; at = view.find(kWarcMagic, at + 1)) {
      if ((at == 0 ? before : view[at - 1]) == '\n') {
        next = input_->position() + at;
        break;
      }
    }
    if (next) {
      input_->Consume(static_cast<std::size_t>(*next - input_->position()));
    } else {
      before = view[limit - 1];
      input_->Consume(limit);
    }
  }
  std::string what = Describe(*record) + ": Content-Length " +
                     std::to_string(record->content_length) +
                     " runs past the end of the input (" + std::to_string(available) +
                     " bytes follow); ";
  if (!next) {
    NEWSX_ASSIGN_OR_RETURN(std::string_view tail, input_->Peek(internal::ArchiveInput::kMaxPeek));
    input_->Consume(tail.size());
    AddIssue(record->offset, true, DataLossError(what + "no record follows"));
    return Status::Ok();
  }
  if (record->block.size() > *next - block_start) record->block.resize(*next - block_start);
  // The CRLF CRLF that ended the real block is a separator, not content.
  if (record->block.ends_with("\r\n\r\n")) record->block.resize(record->block.size() - 4);
  AddIssue(record->offset, true,
           DataLossError(what + "resynchronized at the next WARC/ header at offset " +
                         std::to_string(*next)));
  return Status::Ok();
}

Status WarcReader::ConsumeSeparator(const WarcRecord& record) {
  if (record.truncated || block_cut_) return Status::Ok();
  NEWSX_ASSIGN_OR_RETURN(std::string_view view, input_->Peek(kSeparatorWindow));
  if (view.starts_with("\r\n\r\n")) {
    input_->Consume(4);
    return Status::Ok();
  }
  const std::size_t blank = std::min(view.find_first_not_of("\r\n"), view.size());
  input_->Consume(blank);  // A sloppy separator (LF, CRLF...); more is garbage.
  AddIssue(record.offset, false,
           InvalidArgumentError(Describe(record) + " is not followed by CRLF CRLF: '" +
                                Excerpt(view.substr(0, 8)) + "'"));
  return Status::Ok();
}

void WarcReader::NoteNextPosition() {
  Result<std::string_view> view = input_->Peek(1);
  if (!view.ok()) return;  // The I/O error comes back from the next Next().
  next_position_.offset = input_->position();
  next_position_.file_offset = input_->FileOffsetAt(next_position_.offset);
}

Status WarcReader::Seek(const WarcPosition& position) {
  if (position.file_offset.has_value()) {
    NEWSX_RETURN_IF_ERROR(input_->SeekFile(*position.file_offset, position.offset));
  } else {
    // Whole-file gzip: the only way to a mid-stream offset is to inflate up to it.
    NEWSX_RETURN_IF_ERROR(input_->Rewind());
    while (input_->position() < position.offset) {
      NEWSX_ASSIGN_OR_RETURN(std::string_view view, input_->Peek(internal::ArchiveInput::kMaxPeek));
      if (view.empty()) {
        return InvalidArgumentError("offset " + std::to_string(position.offset) +
                                    " is past the end of input");
      }
      input_->Consume(static_cast<std::size_t>(
          std::min<std::uint64_t>(view.size(), position.offset - input_->position())));
    }
  }
  NoteNextPosition();
  return Status::Ok();
}

}  // namespace newsx::ingest
