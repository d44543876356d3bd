#include "newsx/ingest/warc_source.h"

#include <filesystem>
#include <functional>

#include "newsx/core/strings.h"
#include "newsx/core/time_format.h"
#include "newsx/core/url.h"

namespace newsx::ingest {

namespace {

bool IsHtmlType(std::string_view content_type) {
  const std::string t = AsciiLower(content_type.substr(0, content_type.find(';')));
  return t.find("html") != std::string::npos;
}

// No Content-Type at all: look at the first bytes, as browsers do.
bool SniffsLikeHtml(std::string_view body) {
  const std::string head = AsciiLower(body.substr(0, 1024));
  return head.find("<!doctype html") != std::string::npos ||
         head.find("<html") != std::string::npos;
}

}  // namespace

Result<std::unique_ptr<WarcSource>> WarcSource::Open(const std::vector<std::string>& paths,
                                                     const WarcSourceOptions& options) {
  std::vector<std::uint64_t> sizes;
  for (const std::string& path : paths) {
    std::error_code ec;
    const std::uint64_t size = std::filesystem::file_size(path, ec);
    if (ec) return NotFoundError(path + ": " + ec.message());
    sizes.push_back(size);
  }
  return std::unique_ptr<WarcSource>(new WarcSource(paths, std::move(sizes), options));
}

WarcSource::WarcSource(std::vector<std::string> paths, std::vector<std::uint64_t> sizes,
                       const WarcSourceOptions& options)
    : paths_(std::move(paths)), sizes_(std::move(sizes)), options_(options) {}

Status WarcSource::OpenFile(std::size_t index) {
  NEWSX_ASSIGN_OR_RETURN(reader_, WarcReader::Open(paths_[index], options_.reader));
  return Status::Ok();
}

std::string WarcSource::PositionOf(std::uint64_t offset,
                                   std::optional<std::uint64_t> file_offset) const {
  return paths_[file_index_] + "@" + std::to_string(file_offset.value_or(offset));
}

Result<std::optional<SourceItem>> WarcSource::Next() {
  while (true) {
    // Problems come out before the records that follow them.
    while (next_issue_ < pending_issues_.size()) {
      const WarcIssue& issue = pending_issues_[next_issue_++];
      if (!issue.lost_data) {
        ++stats_.warnings;
        continue;
      }
      ++stats_.errors;
      ++items_;
      SourceItem item;
      item.position = PositionOf(issue.offset, std::nullopt);
      item.error = issue.status.WithContext(paths_[file_index_]);
      return std::optional<SourceItem>(std::move(item));
    }
    pending_issues_.clear();
    next_issue_ = 0;
    if (file_index_ >= paths_.size()) return std::optional<SourceItem>();
    if (reader_ == nullptr) NEWSX_RETURN_IF_ERROR(OpenFile(file_index_));
    NEWSX_ASSIGN_OR_RETURN(bool got, reader_->Next(&record_));
    pending_issues_ = reader_->TakeIssues();
    if (!got) {
      // With issues pending, report them first; the next turn ends the file.
      if (pending_issues_.empty()) {
        reader_.reset();
        ++file_index_;
      }
      continue;
    }
    ++stats_.records;
    std::optional<SourceItem> item = ToItem(record_);
    if (item.has_value()) {
      ++items_;
      return item;
    }
  }
}

std::optional<SourceItem> WarcSource::ToItem(const WarcRecord& record) {
  if (record.type == WarcRecordType::kRevisit) {
    ++stats_.revisits;
    return std::nullopt;
  }
  if (record.type != WarcRecordType::kResponse) {
    ++stats_.other_types;
    return std::nullopt;
  }
  // Lost blocks were reported as issues already.
  if (record.truncated || record.oversized) return std::nullopt;
  // Responses to dns:, ftp: or whois: requests carry no HTTP message.
  const std::string scheme = AsciiLower(record.target_uri.substr(0, 5));
  if (!scheme.starts_with("http:") && !scheme.starts_with("https")) {
    ++stats_.other_types;
    return std::nullopt;
  }
  SourceItem item;
  item.position = PositionOf(record.offset, record.file_offset);
  Result<ParsedHttpResponse> http = ParseHttpResponse(record.block, options_.http);
  if (!http.ok()) {
    ++stats_.errors;
    item.error = http.status().WithContext(item.position + " (" + record.target_uri + ")");
    return item;
  }
  if (http->status != 200) {
    ++stats_.not_ok_status;
    return std::nullopt;
  }
  const std::string_view content_type = http->Header("Content-Type");
  const bool html = !content_type.empty() ? IsHtmlType(content_type)
                    : !record.identified_payload_type.empty()
                        ? IsHtmlType(record.identified_payload_type)
                        : SniffsLikeHtml(http->body);
  if (!html) {
    ++stats_.not_html;
    return std::nullopt;
  }
  if (options_.skip_duplicates && IsDuplicate(record, http->body)) return std::nullopt;
  ++stats_.documents;
  RawDocument& doc = item.document;
  doc.url = record.target_uri;
  doc.source = item.position;
  doc.body = std::move(http->body);
  doc.content_type.assign(content_type);
  if (const auto seconds = ParseDateTime(record.date)) doc.fetched_unix_ms = *seconds * 1000;
  return item;
}

bool WarcSource::IsDuplicate(const WarcRecord& record, std::string_view body) {
  const std::string canonical = CanonicalizeUrl(record.target_uri);
  const std::uint64_t url_hash =
      std::hash<std::string_view>{}(canonical.empty() ? record.target_uri : canonical);
  if (seen_urls_.contains(url_hash)) {
    ++stats_.duplicate_urls;
    return true;
  }
  const std::uint64_t payload_hash = std::hash<std::string_view>{}(
      record.payload_digest.empty() ? body : std::string_view(record.payload_digest));
  if (seen_payloads_.contains(payload_hash)) {
    ++stats_.duplicate_payloads;
    return true;
  }
  seen_urls_.insert(url_hash);
  seen_payloads_.insert(payload_hash);
  return false;
}

std::string WarcSource::Checkpoint() const {
  std::string token = "warc:" + std::to_string(file_index_) + ":";
  if (reader_ == nullptr || file_index_ >= paths_.size()) {
    token += "0:0:";
  } else {
    const WarcPosition pos = reader_->position();
    token += std::to_string(pos.offset) + ":" +
             (pos.file_offset ? std::to_string(*pos.file_offset) : std::string("-")) + ":";
  }
  return token + (file_index_ < paths_.size() ? paths_[file_index_] : std::string());
}

Status WarcSource::Resume(std::string_view checkpoint) {
  const auto bad = [&](std::string_view why) {
    return InvalidArgumentError("WARC checkpoint '" + std::string(checkpoint) + "': " +
                                std::string(why));
  };
  if (!checkpoint.starts_with("warc:")) return bad("not a WARC checkpoint");
  std::string_view rest = checkpoint.substr(5);
  std::string_view fields[3];
  for (std::string_view& field : fields) {
    const std::size_t colon = rest.find(':');
    if (colon == std::string_view::npos) return bad("malformed");
    field = rest.substr(0, colon);
    rest.remove_prefix(colon + 1);
  }
  const std::optional<std::uint64_t> file = ParseU64(fields[0]);
  const std::optional<std::uint64_t> offset = ParseU64(fields[1]);
  if (!file || !offset) return bad("malformed");
  const std::uint64_t index = *file;
  WarcPosition position;
  position.offset = *offset;
  if (fields[2] != "-") {
    const std::optional<std::uint64_t> file_offset = ParseU64(fields[2]);
    if (!file_offset) return bad("malformed");
    position.file_offset = *file_offset;
  }
  if (index > paths_.size()) return bad("names a file index beyond the inputs");
  if (index < paths_.size() && rest != paths_[index]) {
    return bad("names " + std::string(rest) + " but input " + std::to_string(index) + " is " +
               paths_[index]);
  }
  reader_.reset();
  pending_issues_.clear();
  next_issue_ = 0;
  file_index_ = static_cast<std::size_t>(index);
  if (file_index_ < paths_.size()) {
    NEWSX_RETURN_IF_ERROR(OpenFile(file_index_));
    NEWSX_RETURN_IF_ERROR(reader_->Seek(position));
    reader_->TakeIssues();  // Problems before the checkpoint were reported in the earlier run.
  }
  return Status::Ok();
}

SourceProgress WarcSource::Progress() const {
  SourceProgress progress;
  for (std::size_t i = 0; i < sizes_.size(); ++i) {
    progress.bytes_total += sizes_[i];
    if (i < file_index_) progress.bytes_done += sizes_[i];
  }
  if (reader_ != nullptr) progress.bytes_done += reader_->file_bytes_read();
  progress.items_done = items_;
  return progress;
}

}  // namespace newsx::ingest
