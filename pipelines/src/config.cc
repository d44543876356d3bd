#include "newsx/pipelines/config.h"

// Header-only with exceptions off: parse errors come back as values.
#define TOML_HEADER_ONLY 1
#define TOML_EXCEPTIONS 0
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <variant>

#include "newsx/pipelines/config_settings.h"
#include "toml_guard.h"

namespace newsx::pipelines {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

std::string Where(std::string_view origin, const toml::source_region& region) {
  return std::string(origin) + ":" + std::to_string(region.begin.line) + ":" +
         std::to_string(region.begin.column);
}

// Reads the value of one setting from its TOML node into a Config,
// collecting every problem with its file:line:column into `errors`.
class SettingReader {
 public:
  SettingReader(std::string_view origin, std::vector<std::string>* errors)
      : origin_(origin), errors_(errors) {}

  void Read(const Setting& s, const toml::node& n, Config* c) {
    std::visit(Overloaded{[&](Setting::Access<std::string> f) { ReadString(s, n, f(*c)); },
                          [&](Setting::Access<bool> f) { ReadBool(s, n, f(*c)); },
                          [&](Setting::Access<int> f) { ReadInt(s, n, f(*c)); },
                          [&](Setting::Access<std::int64_t> f) { ReadInt(s, n, f(*c)); },
                          [&](Setting::Access<std::vector<std::string>> f) {
                            ReadStrings(s, n, f(*c));
                          }},
               s.field);
  }

  void Add(const toml::node& n, const std::string& message) {
    errors_->push_back(Where(origin_, n.source()) + ": " + message);
  }

 private:
  template <class T>
  void ReadInt(const Setting& s, const toml::node& n, T& out) {
    auto v = n.value<std::int64_t>();
    if (!v || *v < std::numeric_limits<T>::min() || *v > std::numeric_limits<T>::max()) {
      return Fail(s, n, "an integer");
    }
    if (*v < s.min || *v > s.max) return Add(n, OutOfRangeMessage(s.name(), *v, s.min, s.max));
    out = static_cast<T>(*v);
  }
  void ReadString(const Setting& s, const toml::node& n, std::string& out) {
    auto v = n.value<std::string>();
    if (!v) return Fail(s, n, "a string");
    if (!s.allowed.empty() &&
        std::find(s.allowed.begin(), s.allowed.end(), *v) == s.allowed.end()) {
      return Add(n, NotAllowedMessage(s.name(), s.allowed, *v));
    }
    out = *v;
  }
  void ReadBool(const Setting& s, const toml::node& n, bool& out) {
    if (auto v = n.value<bool>()) {
      out = *v;
    } else {
      Fail(s, n, "true or false");
    }
  }
  void ReadStrings(const Setting& s, const toml::node& n, std::vector<std::string>& out) {
    const toml::array* arr = n.as_array();
    if (arr == nullptr) return Fail(s, n, "an array of strings");
    out.clear();
    for (const toml::node& e : *arr) {
      auto v = e.value<std::string>();
      if (!v) return Fail(s, e, "an array of strings");
      out.push_back(*v);
    }
  }

  void Fail(const Setting& s, const toml::node& n, const char* expected) {
    Add(n, s.name() + " must be " + expected);
  }

  std::string_view origin_;
  std::vector<std::string>* errors_;
};

bool IsSetting(std::string_view section, std::string_view key) {
  const auto& all = ConfigSettings();
  return std::any_of(all.begin(), all.end(), [&](const Setting& s) {
    return s.section == section && s.key == key;
  });
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += (out.empty() ? "" : "\n") + line;
  return out;
}

}  // namespace

Status Config::Validate() const {
  for (const Setting& s : ConfigSettings()) NEWSX_RETURN_IF_ERROR(CheckSetting(s, *this));
  // What spans settings has no row of its own.
  if (max_interval_s < min_interval_s) {
    return InvalidArgumentError("crawl.max_interval_s must be >= crawl.min_interval_s");
  }
  return Status::Ok();
}

Result<Config> ParseConfig(std::string_view toml_text, std::string_view origin) {
  // Non-ASCII text reaches toml++ only where it can take it (toml_guard.h).
  const std::string ascii = internal::AsciiPlaceholders(toml_text);
  if (ascii != toml_text) {
    toml::parse_result probe = toml::parse(ascii, origin);
    if (!probe) {
      const toml::parse_error& err = probe.error();
      return InvalidArgumentError(Where(origin, err.source()) + ": " +
                                  std::string(err.description()) +
                                  " ('~' stands for a non-ASCII character)");
    }
    if (const std::string where = internal::NonAsciiAfterLineEndingBackslash(toml_text);
        !where.empty()) {
      return InvalidArgumentError(std::string(origin) + ":" + where);
    }
  }
  toml::parse_result parsed = toml::parse(toml_text, origin);
  if (!parsed) {
    const toml::parse_error& err = parsed.error();
    return InvalidArgumentError(Where(origin, err.source()) + ": " +
                                std::string(err.description()));
  }
  const toml::table& root = parsed.table();
  Config c;
  std::vector<std::string> errors;
  SettingReader reader(origin, &errors);
  const std::vector<std::string_view> sections = ConfigSections();
  for (const auto& [key, node] : root) {
    const std::string name(key.str());
    if (std::find(sections.begin(), sections.end(), name) == sections.end() ||
        !node.is_table()) {
      reader.Add(node, "unknown section [" + name + "]");
    }
  }
  for (std::string_view section : sections) {
    const toml::table* table = root[section].as_table();
    if (table == nullptr) continue;
    for (const Setting& s : ConfigSettings()) {
      if (s.section != section) continue;
      if (const toml::node* n = table->get(s.key)) reader.Read(s, *n, &c);
    }
    // Keys no setting names: most likely typos.
    for (const auto& [key, node] : *table) {
      if (!IsSetting(section, key.str())) {
        reader.Add(node, "unknown setting " + std::string(section) + "." + std::string(key.str()));
      }
    }
  }
  if (errors.empty()) {
    if (Status s = c.Validate(); !s.ok()) errors.push_back(std::string(origin) + ": " + s.message());
  }
  if (!errors.empty()) return InvalidArgumentError(JoinLines(errors));
  return c;
}

Result<Config> LoadConfigFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return NotFoundError("config file " + path + " not found");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (!in || !(text << in.rdbuf())) return IoError("cannot read config file " + path);
  return ParseConfig(text.str(), path);
}

}  // namespace newsx::pipelines
