#pragma once

// The verify job (`newsx verify`): the database's indexes against its records.

#include <cstddef>
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

}  // namespace newsx::pipelines
