#include "newsx/pipelines/config.h"

// Header-only with exceptions off: parse errors come back as values.
#define TOML_HEADER_ONLY 1
#define TOML_EXCEPTIONS 0
#include <toml++/toml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "toml_guard.h"

namespace newsx::pipelines {

namespace {

std::string Where(std::string_view origin, const toml::source_region& region) {
  return std::string(origin) + ":" + std::to_string(region.begin.line) + ":" +
         std::to_string(region.begin.column);
}

// Reads typed values out of one table, collecting every problem with its
// file:line:column into `errors`.
class TableReader {
 public:
  TableReader(const toml::table& table, std::string section, std::string_view origin,
              std::vector<std::string>* errors)
      : table_(table), section_(std::move(section)), origin_(origin), errors_(errors) {}

  // An integer in [min, max].
  void Int(const char* key, int* out, std::int64_t min, std::int64_t max) {
    Visit(key, [&](const toml::node& n) {
      auto v = n.value<std::int64_t>();
      if (!v || *v < INT32_MIN || *v > INT32_MAX) return Fail(n, key, "an integer");
      if (*v < min || *v > max) return OutOfRange(n, key, *v, min, max);
      *out = static_cast<int>(*v);
    });
  }
  void Int64(const char* key, std::int64_t* out, std::int64_t min, std::int64_t max) {
    Visit(key, [&](const toml::node& n) {
      auto v = n.value<std::int64_t>();
      if (!v) return Fail(n, key, "an integer");
      if (*v < min || *v > max) return OutOfRange(n, key, *v, min, max);
      *out = *v;
    });
  }
  // One of `allowed`.
  void Enum(const char* key, std::string* out, std::initializer_list<const char*> allowed) {
    Visit(key, [&](const toml::node& n) {
      auto v = n.value<std::string>();
      if (!v) return Fail(n, key, "a string");
      std::string list;
      for (const char* a : allowed) {
        if (*v == a) {
          *out = *v;
          return;
        }
        list += (list.empty() ? "" : ", ") + std::string(a);
      }
      Add(n, section_ + "." + key + " must be one of " + list + ", got \"" + *v + "\"");
    });
  }

  void String(const char* key, std::string* out) {
    Visit(key, [&](const toml::node& n) {
      if (auto v = n.value<std::string>()) *out = *v; else Fail(n, key, "a string");
    });
  }
  void Bool(const char* key, bool* out) {
    Visit(key, [&](const toml::node& n) {
      if (auto v = n.value<bool>()) *out = *v; else Fail(n, key, "true or false");
    });
  }
  void Strings(const char* key, std::vector<std::string>* out) {
    Visit(key, [&](const toml::node& n) {
      const toml::array* arr = n.as_array();
      if (arr == nullptr) return Fail(n, key, "an array of strings");
      out->clear();
      for (const toml::node& e : *arr) {
        auto v = e.value<std::string>();
        if (!v) return Fail(e, key, "an array of strings");
        out->push_back(*v);
      }
    });
  }

  // Reports keys that no reader asked for: most likely typos.
  void Finish() {
    for (const auto& [key, node] : table_) {
      if (known_.find("|" + std::string(key.str()) + "|") == std::string::npos) {
        Add(node, "unknown setting " + section_ + "." + std::string(key.str()));
      }
    }
  }

 private:
  template <typename F>
  void Visit(const char* key, F&& f) {
    known_ += "|";
    known_ += key;
    known_ += "|";
    if (const toml::node* n = table_.get(key)) f(*n);
  }

  void Add(const toml::node& n, const std::string& message) {
    errors_->push_back(Where(origin_, n.source()) + ": " + message);
  }

  void Fail(const toml::node& n, const char* key, const char* expected) {
    Add(n, section_ + "." + key + " must be " + expected);
  }

  void OutOfRange(const toml::node& n, const char* key, std::int64_t v, std::int64_t min,
                  std::int64_t max) {
    const std::string name = section_ + "." + key;
    const std::string got = ", got " + std::to_string(v);
    if (v > max) return Add(n, name + " must be at most " + std::to_string(max) + got);
    if (min == 1) return Add(n, name + " must be positive" + got);
    Add(n, name + " must be >= " + std::to_string(min) + got);
  }

  const toml::table& table_;
  const std::string section_;
  std::string_view origin_;
  std::vector<std::string>* errors_;
  std::string known_;  // "|key|key|..." of keys read.
};

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += (out.empty() ? "" : "\n") + line;
  return out;
}

}  // namespace

Status Config::Validate() const {
  auto positive = [](int v, const char* name) -> Status {
    if (v <= 0) return InvalidArgumentError(std::string(name) + " must be positive, got " +
                                            std::to_string(v));
    return Status::Ok();
  };
  if (db_path.empty()) return InvalidArgumentError("store.path must not be empty");
  NEWSX_RETURN_IF_ERROR(positive(extract_workers, "workers.extract"));
  NEWSX_RETURN_IF_ERROR(positive(store_workers, "workers.store"));
  NEWSX_RETURN_IF_ERROR(positive(queue_capacity, "workers.queue_capacity"));
  NEWSX_RETURN_IF_ERROR(positive(per_host_concurrency, "politeness.per_host_concurrency"));
  NEWSX_RETURN_IF_ERROR(positive(timeout_ms, "politeness.timeout_ms"));
  NEWSX_RETURN_IF_ERROR(positive(min_interval_s, "crawl.min_interval_s"));
  NEWSX_RETURN_IF_ERROR(positive(max_concurrent_transfers, "crawl.max_concurrent_transfers"));
  if (per_host_delay_ms < 0) return InvalidArgumentError("politeness.per_host_delay_ms must be >= 0");
  if (max_crawl_delay_s < 0) return InvalidArgumentError("politeness.max_crawl_delay_s must be >= 0");
  if (max_body_bytes <= 0) return InvalidArgumentError("politeness.max_body_bytes must be positive");
  if (max_interval_s < min_interval_s) {
    return InvalidArgumentError("crawl.max_interval_s must be >= crawl.min_interval_s");
  }
  if (extract_workers > 256 || store_workers > 64) {
    return InvalidArgumentError("too many workers (at most 256 extract, 64 store)");
  }
  if (log_level != "debug" && log_level != "info" && log_level != "warn" && log_level != "error") {
    return InvalidArgumentError("log.level must be debug, info, warn or error, got \"" +
                                log_level + "\"");
  }
  if (log_format != "text" && log_format != "json") {
    return InvalidArgumentError("log.format must be text or json, got \"" + log_format + "\"");
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
  static const std::string kSections = "|store|workers|lexicons|politeness|crawl|log|";
  for (const auto& [key, node] : root) {
    const std::string name(key.str());
    if (kSections.find("|" + name + "|") == std::string::npos || !node.is_table()) {
      errors.push_back(Where(origin, node.source()) + ": unknown section [" + name + "]");
    }
  }
  const toml::table empty;
  auto section = [&](const char* name) -> const toml::table& {
    const toml::table* t = root[name].as_table();
    return t != nullptr ? *t : empty;
  };
  constexpr std::int64_t kMax = INT32_MAX;
  {
    TableReader r(section("store"), "store", origin, &errors);
    r.String("path", &c.db_path);
    r.Finish();
  }
  {
    TableReader r(section("workers"), "workers", origin, &errors);
    r.Int("extract", &c.extract_workers, 1, 256);
    r.Int("store", &c.store_workers, 1, 64);
    r.Int("queue_capacity", &c.queue_capacity, 1, kMax);
    r.Finish();
  }
  {
    TableReader r(section("lexicons"), "lexicons", origin, &errors);
    r.Strings("dirs", &c.lexicon_dirs);
    r.Finish();
  }
  {
    TableReader r(section("politeness"), "politeness", origin, &errors);
    r.String("user_agent", &c.user_agent);
    r.Int("per_host_concurrency", &c.per_host_concurrency, 1, kMax);
    r.Int("per_host_delay_ms", &c.per_host_delay_ms, 0, kMax);
    r.Int("max_crawl_delay_s", &c.max_crawl_delay_s, 0, kMax);
    r.Bool("respect_robots", &c.respect_robots);
    r.Int("timeout_ms", &c.timeout_ms, 1, kMax);
    r.Int64("max_body_bytes", &c.max_body_bytes, 1, INT64_MAX);
    r.Finish();
  }
  {
    TableReader r(section("crawl"), "crawl", origin, &errors);
    r.Strings("feeds", &c.feeds);
    r.String("feed_list", &c.feed_list);
    r.Int("min_interval_s", &c.min_interval_s, 1, kMax);
    r.Int("max_interval_s", &c.max_interval_s, 1, kMax);
    r.Int("max_concurrent_transfers", &c.max_concurrent_transfers, 1, kMax);
    r.Finish();
  }
  {
    TableReader r(section("log"), "log", origin, &errors);
    r.Enum("level", &c.log_level, {"debug", "info", "warn", "error"});
    r.Enum("format", &c.log_format, {"text", "json"});
    r.Finish();
  }
  // What spans settings (max_interval_s >= min_interval_s) has no one place.
  if (errors.empty()) {
    if (Status s = c.Validate(); !s.ok()) errors.push_back(std::string(origin) + ": " + s.message());
  }
  if (!errors.empty()) return InvalidArgumentError(JoinLines(errors));
  return c;
}

ingest::FetchOptions FetchOptionsFromConfig(const Config& c) {
  ingest::FetchOptions f;
  f.user_agent = c.user_agent;
  f.per_host_concurrency = c.per_host_concurrency;
  f.per_host_delay_ms = c.per_host_delay_ms;
  f.max_crawl_delay_s = c.max_crawl_delay_s;
  f.respect_robots = c.respect_robots;
  f.timeout_ms = c.timeout_ms;
  f.max_body_bytes = c.max_body_bytes;
  f.max_concurrent_transfers = c.max_concurrent_transfers;
  return f;
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
