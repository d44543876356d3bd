#pragma once

#include <initializer_list>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "newsx/core/mutex.h"

namespace newsx::pipelines {

enum class LogLevel { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };

// Leveled logs on a stream (stderr in the CLI), as text for people
// ("newsx: warn: <message> key=value") or as one JSON object per line for
// machines ({"ts":...,"level":"warn","msg":...,"key":"value"}).
// Thread-safe: lines from different threads never interleave.
class Logger {
 public:
  using Fields = std::initializer_list<std::pair<std::string_view, std::string_view>>;

  // `out` must outlive the logger.
  Logger(std::ostream* out, LogLevel min_level, bool json)
      : out_(out), min_level_(min_level), json_(json) {}

  bool Enabled(LogLevel level) const { return level >= min_level_; }

  void Log(LogLevel level, std::string_view message, Fields fields = {});
  void Debug(std::string_view m, Fields f = {}) { Log(LogLevel::kDebug, m, f); }
  void Info(std::string_view m, Fields f = {}) { Log(LogLevel::kInfo, m, f); }
  void Warn(std::string_view m, Fields f = {}) { Log(LogLevel::kWarn, m, f); }
  void Error(std::string_view m, Fields f = {}) { Log(LogLevel::kError, m, f); }

 private:
  std::ostream* const out_ NEWSX_PT_GUARDED_BY(mu_);
  const LogLevel min_level_;
  const bool json_;
  Mutex mu_;  // Serializes writes to *out_.
};

}  // namespace newsx::pipelines
