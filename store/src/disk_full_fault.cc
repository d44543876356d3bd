#include "disk_full_fault.h"

#include <rocksdb/file_system.h>

#include <atomic>
#include <string>

namespace newsx::store::internal {

namespace {

class Budget {
 public:
  explicit Budget(std::uint64_t bytes) : left_(bytes) {}
  // Takes `n` bytes; false (and nothing taken) once the budget would be overrun.
  bool Take(std::uint64_t n) {
    std::uint64_t left = left_.load();
    do {
      if (n > left) return false;
    } while (!left_.compare_exchange_weak(left, left - n));
    return true;
  }

 private:
  std::atomic<std::uint64_t> left_;
};

rocksdb::IOStatus NoSpace() {
  return rocksdb::IOStatus::NoSpace("injected fault", "No space left on device");
}

class DiskFullFile final : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  DiskFullFile(std::unique_ptr<rocksdb::FSWritableFile> file, std::shared_ptr<Budget> budget)
      : FSWritableFileOwnerWrapper(std::move(file)), budget_(std::move(budget)) {}

  rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& options,
                           rocksdb::IODebugContext* dbg) override {
    if (!budget_->Take(data.size())) return NoSpace();
    return FSWritableFileOwnerWrapper::Append(data, options, dbg);
  }
  rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& options,
                           const rocksdb::DataVerificationInfo& info,
                           rocksdb::IODebugContext* dbg) override {
    if (!budget_->Take(data.size())) return NoSpace();
    return FSWritableFileOwnerWrapper::Append(data, options, info, dbg);
  }
  rocksdb::IOStatus PositionedAppend(const rocksdb::Slice& data, std::uint64_t offset,
                                     const rocksdb::IOOptions& options,
                                     rocksdb::IODebugContext* dbg) override {
    if (!budget_->Take(data.size())) return NoSpace();
    return FSWritableFileOwnerWrapper::PositionedAppend(data, offset, options, dbg);
  }
  rocksdb::IOStatus PositionedAppend(const rocksdb::Slice& data, std::uint64_t offset,
                                     const rocksdb::IOOptions& options,
                                     const rocksdb::DataVerificationInfo& info,
                                     rocksdb::IODebugContext* dbg) override {
    if (!budget_->Take(data.size())) return NoSpace();
    return FSWritableFileOwnerWrapper::PositionedAppend(data, offset, options, info, dbg);
  }

 private:
  std::shared_ptr<Budget> budget_;
};

class DiskFullFileSystem final : public rocksdb::FileSystemWrapper {
 public:
  DiskFullFileSystem(const std::shared_ptr<rocksdb::FileSystem>& target, std::uint64_t budget)
      : FileSystemWrapper(target), budget_(std::make_shared<Budget>(budget)) {}

  const char* Name() const override { return "NewsxDiskFullFileSystem"; }

  rocksdb::IOStatus NewWritableFile(const std::string& name, const rocksdb::FileOptions& options,
                                    std::unique_ptr<rocksdb::FSWritableFile>* result,
                                    rocksdb::IODebugContext* dbg) override {
    return Wrap(target()->NewWritableFile(name, options, result, dbg), result);
  }
  rocksdb::IOStatus ReopenWritableFile(const std::string& name,
                                       const rocksdb::FileOptions& options,
                                       std::unique_ptr<rocksdb::FSWritableFile>* result,
                                       rocksdb::IODebugContext* dbg) override {
    return Wrap(target()->ReopenWritableFile(name, options, result, dbg), result);
  }
  rocksdb::IOStatus ReuseWritableFile(const std::string& name, const std::string& old_name,
                                      const rocksdb::FileOptions& options,
                                      std::unique_ptr<rocksdb::FSWritableFile>* result,
                                      rocksdb::IODebugContext* dbg) override {
    return Wrap(target()->ReuseWritableFile(name, old_name, options, result, dbg), result);
  }

 private:
  rocksdb::IOStatus Wrap(rocksdb::IOStatus status,
                         std::unique_ptr<rocksdb::FSWritableFile>* result) {
    if (status.ok()) *result = std::make_unique<DiskFullFile>(std::move(*result), budget_);
    return status;
  }

  std::shared_ptr<Budget> budget_;
};

// The default Env's info logger writes through the POSIX file system, not
// through the Env's own; this one logs through the faulty file system too,
// as RocksDB's LOG shares the disk with the database.
class DiskFullEnv final : public rocksdb::EnvWrapper {
 public:
  explicit DiskFullEnv(std::unique_ptr<rocksdb::Env> composite)
      : EnvWrapper(std::move(composite)) {}
  const char* Name() const override { return "NewsxDiskFullEnv"; }
  rocksdb::Status NewLogger(const std::string& name,
                            std::shared_ptr<rocksdb::Logger>* result) override {
    return rocksdb::NewEnvLogger(name, this, result);
  }
};

}  // namespace

std::unique_ptr<rocksdb::Env> NewDiskFullEnv(std::uint64_t budget) {
  return std::make_unique<DiskFullEnv>(rocksdb::NewCompositeEnv(
      std::make_shared<DiskFullFileSystem>(rocksdb::FileSystem::Default(), budget)));
}

}  // namespace newsx::store::internal
