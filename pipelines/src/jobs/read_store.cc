#include "newsx/pipelines/jobs/read_store.h"

namespace newsx::pipelines {

Result<std::unique_ptr<store::ArticleStore>> OpenStoreForReading(const std::string& db_path) {
  return store::ArticleStore::Open({.path = db_path, .create_if_missing = false, .read_only = true});
}

}  // namespace newsx::pipelines
