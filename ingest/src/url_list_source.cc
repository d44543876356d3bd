#include "newsx/ingest/url_list_source.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>

#include "newsx/core/strings.h"
#include "newsx/core/url.h"

namespace newsx::ingest {

namespace {


}  // namespace

Result<std::unique_ptr<UrlListSource>> UrlListSource::Open(const std::vector<std::string>& paths,
                                                           const UrlListOptions& options) {
  std::vector<std::uint64_t> sizes;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return NotFoundError(path + ": no such file");
    sizes.push_back(std::filesystem::file_size(path, ec));
  }
  return std::unique_ptr<UrlListSource>(new UrlListSource(paths, std::move(sizes), options));
}

UrlListSource::UrlListSource(std::vector<std::string> paths, std::vector<std::uint64_t> sizes,
                             const UrlListOptions& options)
    : paths_(std::move(paths)), sizes_(std::move(sizes)), options_(options) {}

Status UrlListSource::OpenFile(std::size_t index, std::uint64_t offset, std::uint64_t line) {
  file_.reset(std::fopen(paths_[index].c_str(), "rb"));
  if (file_ == nullptr) {
    return IoError(paths_[index] + ": cannot open: " + std::strerror(errno));
  }
  if (offset > 0 && fseeko(file_.get(), static_cast<off_t>(offset), SEEK_SET) != 0) {
    return IoError(paths_[index] + ": seek failed: " + std::strerror(errno));
  }
  offset_ = offset;
  line_ = line;
  return Status::Ok();
}

Result<std::optional<SourceItem>> UrlListSource::Next() {
  std::string line;
  while (file_index_ < paths_.size()) {
    if (file_ == nullptr) NEWSX_RETURN_IF_ERROR(OpenFile(file_index_, 0, 0));
    line.clear();
    bool any = false;
    int c;
    // Byte by byte keeps a line without newline (a binary file) bounded.
    while ((c = std::getc(file_.get())) != EOF) {
      any = true;
      ++offset_;
      if (c == '\n') break;
      if (line.size() <= options_.max_line_bytes) line.push_back(static_cast<char>(c));
    }
    if (std::ferror(file_.get())) return IoError(paths_[file_index_] + ": read failed");
    if (!any) {
      file_.reset();
      ++file_index_;
      continue;
    }
    ++line_;
    const std::string_view text = Trim(line);
    if (text.empty() || text.front() == '#') continue;
    SourceItem item;
    item.position = paths_[file_index_] + ":" + std::to_string(line_);
    ++items_;
    if (line.size() > options_.max_line_bytes) {
      item.error = ResourceExhaustedError(item.position + ": line longer than " +
                                          std::to_string(options_.max_line_bytes) + " bytes");
      return std::optional<SourceItem>(std::move(item));
    }
    const UrlParts parts = SplitUrl(text);
    if ((parts.scheme != "http" && parts.scheme != "https") || parts.host.empty()) {
      item.error = InvalidArgumentError(item.position + ": '" + std::string(text.substr(0, 200)) +
                                        "' is not an absolute http(s) URL");
      return std::optional<SourceItem>(std::move(item));
    }
    if (!seen_.insert(std::hash<std::string>{}(CanonicalizeUrl(text))).second) {
      --items_;
      ++duplicate_urls_;
      continue;
    }
    item.document.url.assign(text);
    item.document.source = item.position;
    item.document.needs_fetch = true;
    return std::optional<SourceItem>(std::move(item));
  }
  return std::optional<SourceItem>();
}

std::string UrlListSource::Checkpoint() const {
  if (file_index_ >= paths_.size()) return "urls:" + std::to_string(file_index_) + ":0:0:";
  return "urls:" + std::to_string(file_index_) + ":" + std::to_string(file_ ? offset_ : 0) + ":" +
         std::to_string(file_ ? line_ : 0) + ":" + paths_[file_index_];
}

Status UrlListSource::Resume(std::string_view checkpoint) {
  const auto bad = [&](std::string_view why) {
    return InvalidArgumentError("URL list checkpoint '" + std::string(checkpoint) + "': " +
                                std::string(why));
  };
  if (!checkpoint.starts_with("urls:")) return bad("not a URL list checkpoint");
  std::string_view rest = checkpoint.substr(5);
  std::uint64_t numbers[3];
  for (std::uint64_t& number : numbers) {
    const std::size_t colon = rest.find(':');
    const std::optional<std::uint64_t> parsed =
        colon == std::string_view::npos ? std::nullopt : ParseU64(rest.substr(0, colon));
    if (!parsed) return bad("malformed");
    number = *parsed;
    rest.remove_prefix(colon + 1);
  }
  if (numbers[0] > paths_.size()) return bad("names a file index beyond the inputs");
  if (numbers[0] < paths_.size() && rest != paths_[numbers[0]]) {
    return bad("names " + std::string(rest) + " but the input is " + paths_[numbers[0]]);
  }
  if (numbers[0] < paths_.size() && numbers[1] > sizes_[numbers[0]]) {
    return bad("offset beyond the end of the file");
  }
  file_.reset();
  seen_.clear();
  file_index_ = static_cast<std::size_t>(numbers[0]);
  if (file_index_ < paths_.size()) {
    NEWSX_RETURN_IF_ERROR(OpenFile(file_index_, numbers[1], numbers[2]));
  }
  return Status::Ok();
}

SourceProgress UrlListSource::Progress() const {
  SourceProgress progress;
  for (std::size_t i = 0; i < sizes_.size(); ++i) {
    progress.bytes_total += sizes_[i];
    if (i < file_index_) progress.bytes_done += sizes_[i];
  }
  if (file_ != nullptr) progress.bytes_done += offset_;
  progress.items_done = items_;
  return progress;
}

}  // namespace newsx::ingest
