#pragma once

// Opening the database for the read jobs (export, query, verify, stats).

#include <memory>
#include <string>

#include "newsx/core/result.h"
#include "newsx/store/article_store.h"

namespace newsx::pipelines {

// Opens the database at `db_path` read-only, so that reads run beside a
// crawl or backfill writing to it. kNotFound (with the path) when there is
// no database there.
Result<std::unique_ptr<store::ArticleStore>> OpenStoreForReading(const std::string& db_path);

}  // namespace newsx::pipelines
