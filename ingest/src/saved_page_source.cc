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
  std::string name = path.filename().string();
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
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

Result<std::unique_ptr<SavedPageSource>> SavedPageSource::Open(
    const std::vector<std::string>& paths, const SavedPageOptions& options) {
  std::vector<std::string> files;
  std::uint64_t total = 0;
  for (const std::string& p : paths) {
    std::error_code ec;
    const fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) return NotFoundError(p + ": no such file or directory");
    if (fs::is_directory(st)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && HasPageExtension(it->path())) {
          found.push_back(it->path().string());
        }
      }
      if (ec) return IoError(p + ": " + ec.message());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(p);
    }
  }
  for (const std::string& f : files) {
    std::error_code ec;
    const auto size = fs::file_size(f, ec);
    if (!ec) total += size;
  }
  return std::unique_ptr<SavedPageSource>(new SavedPageSource(std::move(files), total, options));
}

SavedPageSource::SavedPageSource(std::vector<std::string> files, std::uint64_t total_bytes,
                                 const SavedPageOptions& options)
    : files_(std::move(files)), total_bytes_(total_bytes), options_(options) {}

Result<std::optional<SourceItem>> SavedPageSource::Next() {
  if (next_ >= files_.size()) return std::optional<SourceItem>();
  const std::string& path = files_[next_++];
  SourceItem item;
  item.position = path;
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
  return "files:" + std::to_string(next_) + ":" + (next_ > 0 ? files_[next_ - 1] : "");
}

Status SavedPageSource::Resume(std::string_view checkpoint) {
  if (!checkpoint.starts_with("files:")) {
    return InvalidArgumentError("not a saved-page checkpoint: " + std::string(checkpoint));
  }
  const std::string_view rest = checkpoint.substr(6);
  const std::size_t colon = rest.find(':');
  std::size_t index = 0;
  const auto [ptr, ec] = std::from_chars(rest.data(), rest.data() + colon, index);
  if (ec != std::errc() || colon == std::string_view::npos || index > files_.size()) {
    return InvalidArgumentError("malformed saved-page checkpoint: " + std::string(checkpoint));
  }
  const std::string_view last = rest.substr(colon + 1);
  if (index > 0 && files_[index - 1] != last) {
    return InvalidArgumentError("checkpoint names " + std::string(last) +
                                " but the inputs changed since");
  }
  next_ = index;
  done_bytes_ = 0;
  for (std::size_t i = 0; i < next_; ++i) {
    std::error_code size_ec;
    const auto size = fs::file_size(files_[i], size_ec);
    if (!size_ec) done_bytes_ += size;
  }
  return Status::Ok();
}

SourceProgress SavedPageSource::Progress() const {
  return SourceProgress{done_bytes_, total_bytes_, next_};
}

}  // namespace newsx::ingest
