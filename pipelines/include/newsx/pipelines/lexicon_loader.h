#pragma once

#include <string>
#include <vector>

#include "newsx/core/result.h"
#include "newsx/extract/text_analyzer.h"

namespace newsx::pipelines {

// Reads every regular file of each directory (not recursive, sorted by name)
// as a lexicon file for the analyzer. Returns kNotFound for a missing
// directory, kIoError for an unreadable file.
Result<std::vector<extract::LexiconFile>> LoadLexiconDirs(const std::vector<std::string>& dirs);

}  // namespace newsx::pipelines
