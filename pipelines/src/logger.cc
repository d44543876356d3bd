#include "newsx/pipelines/logger.h"

#include <nlohmann/json.hpp>

#include <chrono>

#include "newsx/core/time_format.h"

namespace newsx::pipelines {

namespace {

const char* LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug: return "debug";
    case LogLevel::kInfo: return "info";
    case LogLevel::kWarn: return "warn";
    case LogLevel::kError: return "error";
  }
  return "info";
}

}  // namespace

void Logger::Log(LogLevel level, std::string_view message, Fields fields) {
  if (!Enabled(level)) return;
  std::string line;
  if (json_) {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    nlohmann::json j;
    j["ts"] = FormatIsoUtc(std::chrono::duration_cast<std::chrono::seconds>(now).count());
    j["level"] = LevelName(level);
    j["msg"] = message;
    for (const auto& [key, value] : fields) j[std::string(key)] = value;
    line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } else {
    line = "newsx: ";
    line += LevelName(level);
    line += ": ";
    line += message;
    for (const auto& [key, value] : fields) {
      line += ' ';
      line += key;
      line += '=';
      line += value;
    }
  }
  line += '\n';
  MutexLock lock(mu_);
  *out_ << line << std::flush;
}

}  // namespace newsx::pipelines
