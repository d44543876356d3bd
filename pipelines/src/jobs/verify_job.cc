#include "newsx/pipelines/jobs/verify_job.h"

#include "newsx/pipelines/jobs/read_store.h"

namespace newsx::pipelines {

Result<VerifyReport> VerifyDatabase(const std::string& db_path, std::size_t max_problems) {
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<store::ArticleStore> store, OpenStoreForReading(db_path));
  VerifyReport report;
  NEWSX_ASSIGN_OR_RETURN(report.problems, store->Verify(max_problems));
  report.stopped_at_max = !report.problems.empty() && report.problems.size() >= max_problems;
  return report;
}

}  // namespace newsx::pipelines

namespace newsx::pipelines {

Result<RepairReport> RepairIndexes(const std::string& db_path) {
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<store::ArticleStore> store,
                         store::ArticleStore::Open({.path = db_path, .create_if_missing = false}));
  RepairReport report;
  report.schema_before = store->SchemaVersion();
  NEWSX_RETURN_IF_ERROR(store->RebuildIndexes(&report.articles));
  return report;
}

}  // namespace newsx::pipelines
