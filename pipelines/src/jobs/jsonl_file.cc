#include "newsx/pipelines/jobs/jsonl_file.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace newsx::pipelines {

struct JsonlFile::Impl {
  std::FILE* plain = nullptr;
  gzFile gz = nullptr;

  ~Impl() { Close().IgnoreError(); }

  Status Close() {
    Status status;
    if (plain != nullptr && std::fclose(plain) != 0) status = IoError(std::strerror(errno));
    if (gz != nullptr && gzclose(gz) != Z_OK) status = IoError("gzip close failed");
    plain = nullptr;
    gz = nullptr;
    return status;
  }
};

Result<std::unique_ptr<JsonlFile>> JsonlFile::Create(const std::string& dir,
                                                     const std::string& name, bool gzip) {
  const std::string final_name = gzip ? name + ".gz" : name;
  const std::string final_path = (std::filesystem::path(dir) / final_name).string();
  const std::string tmp_path = (std::filesystem::path(dir) / ("." + final_name + ".tmp")).string();
  auto impl = std::make_unique<Impl>();
  if (gzip) {
    impl->gz = gzopen(tmp_path.c_str(), "wb6");
    if (impl->gz == nullptr) return IoError("cannot create " + tmp_path + ": " + std::strerror(errno));
    gzbuffer(impl->gz, 256 * 1024);
  } else {
    impl->plain = std::fopen(tmp_path.c_str(), "wb");
    if (impl->plain == nullptr) {
      return IoError("cannot create " + tmp_path + ": " + std::strerror(errno));
    }
  }
  return std::unique_ptr<JsonlFile>(new JsonlFile(std::move(impl), tmp_path, final_path));
}

JsonlFile::JsonlFile(std::unique_ptr<Impl> impl, std::string tmp_path, std::string final_path)
    : impl_(std::move(impl)), tmp_path_(std::move(tmp_path)), final_path_(std::move(final_path)) {}

JsonlFile::~JsonlFile() {
  if (committed_) return;
  impl_->Close().IgnoreError();
  std::error_code ec;
  std::filesystem::remove(tmp_path_, ec);
}

Status JsonlFile::Write(std::string_view line) {
  ++lines_;
  if (impl_->gz != nullptr) {
    const auto size = static_cast<unsigned>(line.size());
    if ((size > 0 && gzwrite(impl_->gz, line.data(), size) != static_cast<int>(size)) ||
        gzputc(impl_->gz, '\n') != '\n') {
      return IoError("writing " + tmp_path_ + " failed");
    }
    return Status::Ok();
  }
  if (std::fwrite(line.data(), 1, line.size(), impl_->plain) != line.size() ||
      std::fputc('\n', impl_->plain) == EOF) {
    return IoError("writing " + tmp_path_ + ": " + std::strerror(errno));
  }
  return Status::Ok();
}

Status JsonlFile::Commit() {
  NEWSX_RETURN_IF_ERROR(impl_->Close().WithContext(tmp_path_));
  std::error_code ec;
  std::filesystem::rename(tmp_path_, final_path_, ec);
  if (ec) return IoError("renaming " + tmp_path_ + ": " + ec.message());
  committed_ = true;
  return Status::Ok();
}

}  // namespace newsx::pipelines
