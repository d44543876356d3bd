#pragma once

// The one table of settings: every key of the config file (section, key,
// the Config field it sets, its range or allowed values, its doc). Parsing
// (ParseConfig), validation (Config::Validate), `newsx config show` and
// docs/configuration.md (`newsx config reference`) are all driven by it, so
// that a new setting is one row here plus its field in Config.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "newsx/core/status.h"
#include "newsx/pipelines/config.h"

namespace newsx::pipelines {

struct Setting {
  // The field a setting sets, as a function returning a reference to it
  // (fields may sit in nested options, e.g. Config::fetch).
  template <class T>
  using Access = T& (*)(Config&);
  using Field = std::variant<Access<std::string>, Access<bool>, Access<int>,
                             Access<std::int64_t>, Access<std::vector<std::string>>>;

  std::string_view section;  // TOML table, e.g. "politeness".
  std::string_view key;      // Key in it, e.g. "per_host_delay_ms".
  Field field;               // The Config field it sets.
  std::int64_t min = 0;      // Integers: the inclusive range.
  std::int64_t max = 0;
  std::vector<std::string_view> allowed;  // Strings: one of these when not empty.
  bool required = false;     // Strings: must not be empty.
  std::string_view doc;      // One sentence for docs/configuration.md.

  std::string name() const { return std::string(section) + "." + std::string(key); }
};

// Every setting, grouped by section in file order.
const std::vector<Setting>& ConfigSettings();

// The distinct sections, in order.
std::vector<std::string_view> ConfigSections();

// kInvalidArgument with the message the user sees ("workers.store must be
// at most 64, got 99", "log.level must be one of debug, info, warn, error,
// got \"loud\"") when the value of `setting` in `config` is out of its range
// or not allowed; Ok otherwise.
Status CheckSetting(const Setting& setting, const Config& config);

// The messages of an integer out of [min, max] and of a string not in
// `allowed`, shared by the parser (which adds file:line:column).
std::string OutOfRangeMessage(const std::string& name, std::int64_t value, std::int64_t min,
                              std::int64_t max);
std::string NotAllowedMessage(const std::string& name, const std::vector<std::string_view>& allowed,
                              const std::string& value);

// The value of `setting` in `config` as TOML ("\"text\"", "2", "true", "[\"a\", \"b\"]").
std::string SettingValueToml(const Setting& setting, const Config& config);

// `newsx config show`: every setting of `config` as a TOML file.
std::string ConfigToToml(const Config& config);

// docs/configuration.md: one table per section with key, type, default,
// range and doc, and an example file of the defaults.
std::string ConfigReferenceMarkdown();

}  // namespace newsx::pipelines
