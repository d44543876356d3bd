#pragma once

// A JSON Lines output file of `newsx export`, plain or gzip, that appears
// under its final name only once complete (written as a hidden temporary
// file, then renamed), so that a crash never leaves a truncated export.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "newsx/core/result.h"

namespace newsx::pipelines {

class JsonlFile {
 public:
  // Creates `<dir>/.<name>.tmp`; `name` gets ".gz" appended when `gzip`.
  // kIoError when the file cannot be created.
  static Result<std::unique_ptr<JsonlFile>> Create(const std::string& dir, const std::string& name,
                                                   bool gzip);
  ~JsonlFile();  // Removes the temporary file if Commit() was not called.

  JsonlFile(const JsonlFile&) = delete;
  JsonlFile& operator=(const JsonlFile&) = delete;

  // Appends `line` and a newline.
  Status Write(std::string_view line);
  // Flushes, closes and renames to the final name.
  Status Commit();

  std::uint64_t lines() const { return lines_; }
  const std::string& final_path() const { return final_path_; }

 private:
  struct Impl;
  JsonlFile(std::unique_ptr<Impl> impl, std::string tmp_path, std::string final_path);
  std::unique_ptr<Impl> impl_;
  std::string tmp_path_;
  std::string final_path_;
  std::uint64_t lines_ = 0;
  bool committed_ = false;
};

}  // namespace newsx::pipelines
