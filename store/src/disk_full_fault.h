#pragma once

// A RocksDB file system that runs out of space on purpose, for the
// StoreOptions::disk_full_after_bytes_for_testing hook. Private to store/.

#include <rocksdb/env.h>

#include <cstdint>
#include <memory>

namespace newsx::store::internal {

// An Env over the default one whose file writes fail with ENOSPC (an
// IOError with the NoSpace subcode, as a full disk gives) once `budget`
// bytes have been appended to files in total, and from then on.
std::unique_ptr<rocksdb::Env> NewDiskFullEnv(std::uint64_t budget);

}  // namespace newsx::store::internal
