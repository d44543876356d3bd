#include "newsx/core/strings.h"
#include "newsx/ingest/saved_page_source.h"

#include <zlib.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace newsx::ingest {

namespace fs = std::filesystem;

namespace {

bool HasPageExtension(const fs::path& path) {
  std::string name = AsciiLower(path.filename().string());
  if (name.size() > 3 && name.ends_with(".gz")) name.resize(name.size() - 3);
  return name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".xhtml");
}

Result<std::string> Gunzip(std::string_view compressed, std::uint64_t max_bytes,
                           const std::string& path) {
  z_stream zs{};
  // 16 + MAX_WBITS: gzip wrapper; concatenated members are handled below.
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return InternalError("inflateInit2 failed");
  std::string out;
  char buf[1 << 16];
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  zs.avail_in = static_cast<uInt>(compressed.size());
  int rc = Z_OK;
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
    if (out.size() > max_bytes) {
      inflateEnd(&zs);
      return ResourceExhaustedError(path + ": page larger than " + std::to_string(max_bytes) +
                                    " bytes after decompression");
    }
    if (rc == Z_STREAM_END) {
      if (zs.avail_in == 0) break;
      inflateReset(&zs);  // Another gzip member follows.
      continue;
    }
    if (rc != Z_OK) break;
    if (zs.avail_in == 0 && zs.avail_out != 0) break;
  }
  inflateEnd(&zs);
  if (rc != Z_STREAM_END) {
    return DataLossError(path + ": corrupt or truncated gzip data" +
                         (zs.msg ? std::string(" (") + zs.msg + ")" : std::string()));
  }
  return out;
}

}  // namespace

Result<std::string> ReadMaybeGzippedFile(const std::string& path, std::uint64_t max_bytes) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return NotFoundError(path + ": " + ec.message());
  const bool gz_name = path.size() > 3 && path.ends_with(".gz");
  if (!gz_name && size > max_bytes) {
    return ResourceExhaustedError(path + ": file larger than " + std::to_string(max_bytes) +
                                  " bytes");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path + ": cannot open for reading");
  std::string data(size, '\0');
  if (!in.read(data.data(), static_cast<std::streamsize>(size))) {
    return IoError(path + ": read failed");
  }
  const bool gz_magic = data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
                        static_cast<unsigned char>(data[1]) == 0x8b;
  if (gz_name || gz_magic) return Gunzip(data, max_bytes, path);
  return data;
}

namespace {

// Walks `root` depth-first (directory symlinks are not followed, as
// recursive_directory_iterator does by default) and collects page files and
// the directories that could not be read. Errors below `root` are entries;
// an unreadable `root` is the returned error.
Status CollectPages(const std::string& root, std::vector<SavedPageSource::Entry>* out) {
  std::vector<std::string> pending{root};
  std::vector<SavedPageSource::Entry> found;
  while (!pending.empty()) {
    const std::string dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      std::error_code type_ec;
      const fs::file_status link = it->symlink_status(type_ec);
      if (!type_ec && fs::is_directory(link)) {
        pending.push_back(it->path().string());
      } else if (it->is_regular_file(type_ec) && HasPageExtension(it->path())) {
        found.push_back({it->path().string(), Status::Ok()});
      }
    }
    if (ec) {
      const Status error = IoError(dir + ": cannot read directory: " + ec.message());
      if (dir == root) return error;
      found.push_back({dir, error});
    }
  }
  std::sort(found.begin(), found.end(),
            [](const SavedPageSource::Entry& a, const SavedPageSource::Entry& b) {
              return a.path < b.path;
            });
  out->insert(out->end(), std::make_move_iterator(found.begin()),
              std::make_move_iterator(found.end()));
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<SavedPageSource>> SavedPageSource::Open(
    const std::vector<std::string>& paths, const SavedPageOptions& options) {
  std::vector<Entry> entries;
  std::uint64_t total = 0;
  for (const std::string& p : paths) {
    std::error_code ec;
    const fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) return NotFoundError(p + ": no such file or directory");
    if (fs::is_directory(st)) {
      NEWSX_RETURN_IF_ERROR(CollectPages(p, &entries));
    } else {
      entries.push_back({p, Status::Ok()});
    }
  }
  for (const Entry& e : entries) {
    std::error_code ec;
    const auto size = e.error.ok() ? fs::file_size(e.path, ec) : 0;
    if (!ec) total += size;
  }
  return std::unique_ptr<SavedPageSource>(new SavedPageSource(std::move(entries), total, options));
}

SavedPageSource::SavedPageSource(std::vector<Entry> entries, std::uint64_t total_bytes,
                                 const SavedPageOptions& options)
    : entries_(std::move(entries)), total_bytes_(total_bytes), options_(options) {}

Result<std::optional<SourceItem>> SavedPageSource::Next() {
  if (next_ >= entries_.size()) return std::optional<SourceItem>();
  const Entry& entry = entries_[next_++];
  const std::string& path = entry.path;
  SourceItem item;
  item.position = path;
  if (!entry.error.ok()) {
    item.error = entry.error;
    return std::optional<SourceItem>(std::move(item));
  }
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (!ec) done_bytes_ += size;
  Result<std::string> body = ReadMaybeGzippedFile(path, options_.max_page_bytes);
  if (!body.ok()) {
    item.error = body.status();
    return std::optional<SourceItem>(std::move(item));
  }
  const fs::path absolute = fs::absolute(path, ec);
  item.document.url = "file://" + (ec ? path : absolute.string());
  item.document.source = path;
  item.document.body = std::move(body).value();
  const auto mtime = fs::last_write_time(path, ec);
  if (!ec) {
    const auto sys = std::chrono::file_clock::to_sys(mtime);
    item.document.fetched_unix_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(sys.time_since_epoch()).count();
  }
  return std::optional<SourceItem>(std::move(item));
}

std::string SavedPageSource::Checkpoint() const {
  return "files:" + std::to_string(next_) + ":" + (next_ > 0 ? entries_[next_ - 1].path : "");
}

Status SavedPageSource::Resume(std::string_view checkpoint) {
  if (!checkpoint.starts_with("files:")) {
    return InvalidArgumentError("not a saved-page checkpoint: " + std::string(checkpoint));
  }
  const std::string_view rest = checkpoint.substr(6);
  const std::size_t colon = rest.find(':');
  std::size_t index = 0;
  const auto [ptr, ec] = std::from_chars(rest.data(), rest.data() + colon, index);
  if (ec != std::errc() || colon == std::string_view::npos || index > entries_.size()) {
    return InvalidArgumentError("malformed saved-page checkpoint: " + std::string(checkpoint));
  }
  const std::string_view last = rest.substr(colon + 1);
  if (index > 0 && entries_[index - 1].path != last) {
    return InvalidArgumentError("checkpoint names " + std::string(last) +
                                " but the inputs changed since");
  }
  next_ = index;
  done_bytes_ = 0;
  for (std::size_t i = 0; i < next_; ++i) {
    std::error_code size_ec;
    if (!entries_[i].error.ok()) continue;
    const auto size = fs::file_size(entries_[i].path, size_ec);
    if (!size_ec) done_bytes_ += size;
  }
  return Status::Ok();
}

SourceProgress SavedPageSource::Progress() const {
  return SourceProgress{done_bytes_, total_bytes_, next_};
}

}  // namespace newsx::ingest
