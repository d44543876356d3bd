#pragma once

// The verify job (`newsx verify`): the database's indexes against its records.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "newsx/core/result.h"
#include "newsx/store/store_types.h"

namespace newsx::pipelines {

struct VerifyReport {
  std::vector<store::Inconsistency> problems;  // Empty: consistent.
  bool stopped_at_max = false;  // True when it stopped after `max_problems`.
};

// Opens the database at `db_path` read-only and checks that every index
// entry points to a record and every record is indexed, stopping after
// `max_problems` (> 0). Errors: kNotFound (no database), store errors.
Result<VerifyReport> VerifyDatabase(const std::string& db_path, std::size_t max_problems = 1000);

struct RepairReport {
  std::uint64_t articles = 0;  // Article records the indexes were rebuilt from.
  int schema_before = 0;       // Schema version before (2 or 3); 3 after.
};

// `verify --repair`: opens the database for writing (kFailedPrecondition
// while another process writes to it) and rebuilds the indexes that
// ArticleStore::RebuildIndexes covers, which upgrades a version-2 database.
// Run VerifyDatabase after it for what it does not repair.
Result<RepairReport> RepairIndexes(const std::string& db_path);

}  // namespace newsx::pipelines
