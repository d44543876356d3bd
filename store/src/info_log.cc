#include "info_log.h"

#include <sys/time.h>

#include <cstdio>
#include <ctime>
#include <filesystem>

#include "newsx/core/mutex.h"

namespace newsx::store::internal {

namespace {

constexpr std::uintmax_t kRotateBytes = 8u << 20;

class StdioLogger final : public rocksdb::Logger {
 public:
  explicit StdioLogger(std::FILE* file) : rocksdb::Logger(rocksdb::InfoLogLevel::INFO_LEVEL), file_(file) {}
  ~StdioLogger() override {
    MutexLock lock(mu_);
    if (file_ != nullptr) std::fclose(file_);
  }

  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    timeval now{};
    ::gettimeofday(&now, nullptr);
    std::tm utc{};
    ::gmtime_r(&now.tv_sec, &utc);
    char stamp[96];
    std::snprintf(stamp, sizeof stamp, "%04d/%02d/%02d-%02d:%02d:%02d.%06ld ", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                  static_cast<long>(now.tv_usec));
    MutexLock lock(mu_);
    // Failed writes (a full disk) are dropped: see info_log.h.
    std::fputs(stamp, file_);
    std::vfprintf(file_, format, ap);
    std::fputc('\n', file_);
    std::fflush(file_);
    std::clearerr(file_);
  }

 private:
  Mutex mu_;
  std::FILE* file_ NEWSX_GUARDED_BY(mu_);
};

}  // namespace

std::shared_ptr<rocksdb::Logger> OpenInfoLog(const std::string& db_path, bool create_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (create_dir) fs::create_directories(db_path, ec);
  if (!fs::is_directory(db_path, ec)) return nullptr;
  const fs::path log = fs::path(db_path) / "LOG";
  const std::uintmax_t size = fs::file_size(log, ec);
  if (!ec && size > kRotateBytes) fs::rename(log, fs::path(db_path) / "LOG.old", ec);
  std::FILE* file = std::fopen(log.c_str(), "a");
  if (file == nullptr) return nullptr;
  return std::make_shared<StdioLogger>(file);
}

}  // namespace newsx::store::internal
