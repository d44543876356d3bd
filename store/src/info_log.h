#pragma once

// RocksDB's own diagnostic log (the LOG file in the database directory),
// written without RocksDB's file writer. Private to store/.
//
// Why: RocksDB 7.8 writes LOG through a WritableFileWriter; once a write to
// it fails (ENOSPC), the next log line hits a debug assertion in that
// writer (Debian's librocksdb keeps assertions) and the process aborts,
// exactly when RocksDB logs the disk-full error it is about to return. A
// log line lost on a full disk is harmless; an abort instead of an error
// message is not.

#include <rocksdb/env.h>

#include <memory>
#include <string>

namespace newsx::store::internal {

// A logger appending to `<db_path>/LOG` (a LOG over 8 MiB is first moved
// to LOG.old); the directory is created when `create_dir`. Write errors are
// ignored. Returns null when the file cannot be opened. Thread-safe.
std::shared_ptr<rocksdb::Logger> OpenInfoLog(const std::string& db_path, bool create_dir);

}  // namespace newsx::store::internal
