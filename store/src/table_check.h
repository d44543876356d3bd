#pragma once

// Refusing to write into a damaged database. Private to store/.
//
// RocksDB checks a block's checksum only when it reads the block, so a
// write job could go on adding to a database whose files are corrupt (the
// writes themselves never read the damaged blocks) and exit 0. Reading
// every file at every open would cost as much as the database is large;
// instead each table file is verified once, and again whenever its size or
// modification time changes (a bad copy or restore, a tool writing into
// it). Damage that changes neither (bit rot) is found when the block is
// read, by `newsx verify`, or by any read that reaches it.

#include <rocksdb/options.h>

#include "newsx/core/status.h"
#include "store_impl.h"

namespace newsx::store::internal {

// The file in the database directory that lists the verified table files,
// one "<file number> <size> <mtime ns>" line each. Outside RocksDB, so that
// it is not data: a copy of the database without it is verified afresh.
inline constexpr const char* kVerifiedTablesFile = "NEWSX-VERIFIED-TABLES";

// Verifies the block checksums of every live table file not verified
// before under its current (number, size, mtime), then rewrites
// `<db_path>/NEWSX-VERIFIED-TABLES` (atomically). Returns kDataLoss naming
// the file and RocksDB's message for the first damaged file (nothing is
// recorded then). Failing to record is not an error: the files are
// verified again next time. REQUIRES: impl opened for writing with `options`.
Status VerifyNewTableFiles(ArticleStore::Impl& impl, const rocksdb::Options& options,
                           const std::string& db_path);

}  // namespace newsx::store::internal
