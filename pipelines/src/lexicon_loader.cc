#include "newsx/pipelines/lexicon_loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace newsx::pipelines {

namespace fs = std::filesystem;

Result<std::vector<extract::LexiconFile>> LoadLexiconDirs(const std::vector<std::string>& dirs) {
  std::vector<extract::LexiconFile> files;
  for (const std::string& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return NotFoundError("lexicon directory " + dir + " not found");
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.is_regular_file()) paths.push_back(entry.path());
    }
    if (ec) return IoError("listing " + dir + ": " + ec.message());
    std::sort(paths.begin(), paths.end());
    for (const fs::path& p : paths) {
      std::ifstream in(p, std::ios::binary);
      std::ostringstream content;
      if (!in || !(content << in.rdbuf())) return IoError("cannot read lexicon " + p.string());
      files.push_back(extract::LexiconFile{p.filename().string(), content.str()});
    }
  }
  return files;
}

}  // namespace newsx::pipelines
