#pragma once

// Many distinct article pages made from the demo fixtures, for tests that
// need a backfill of some size.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace newsx::testing {

// Writes `copies` variants of each demo page into `dir`, each under its own
// host (so with its own canonical URL and article id), plus the malformed
// pages of demo/pages/bad. Every `copies_per_text` consecutive copies share
// their text (1: every copy has its own; 2: half of them are duplicates of
// another's text under another URL, which content dedup folds into one
// article). Returns the number of good pages written.
inline int WriteDemoPages(const std::string& dir, int copies, int copies_per_text = 1) {
  const std::filesystem::path demo = std::filesystem::path(NEWSX_FIXTURES_DIR) / "demo/pages";
  int n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(demo)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string page = bytes.str();
    for (int i = 0; i < copies; ++i) {
      std::string variant = page;
      const std::string from = "https://";
      const std::string to = "https://c" + std::to_string(i) + "-";
      for (std::size_t at = variant.find(from); at != std::string::npos;
           at = variant.find(from, at + to.size())) {
        variant.replace(at, from.size(), to);
      }
      // Every paragraph gets the copy's mark (some pages write </P>).
      const std::string mark = " Copy " + std::to_string(i / copies_per_text) + ".";
      for (const char* close : {"</p>", "</P>"}) {
        for (std::size_t at = variant.find(close); at != std::string::npos;
             at = variant.find(close, at + mark.size() + 4)) {
          variant.insert(at, mark);
        }
      }
      std::ofstream(dir + "/" + std::to_string(n++) + "-" + entry.path().filename().string())
          << variant;
    }
  }
  for (const auto& entry : std::filesystem::directory_iterator(demo / "bad")) {
    std::filesystem::copy_file(entry.path(), dir + "/" + entry.path().filename().string());
  }
  return n;
}

}  // namespace newsx::testing
