#pragma once

#include <memory>
#include <sstream>

#include "newsx/extract/article_extractor.h"
#include "newsx/pipelines/logger.h"
#include "temp_dir.h"

namespace newsx::testing {

// What a RunIngest test needs: an input folder, a database folder, a logger
// whose output the test can read, and an extractor.
struct IngestFixture {
  TempDir input;
  TempDir db;
  std::ostringstream log_sink;
  pipelines::Logger log{&log_sink, pipelines::LogLevel::kWarn, false};
  std::unique_ptr<extract::ArticleExtractor> extractor =
      std::move(extract::ArticleExtractor::Create({})).value();
};

}  // namespace newsx::testing
