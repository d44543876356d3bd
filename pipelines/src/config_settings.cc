#include "newsx/pipelines/config_settings.h"

#include <algorithm>
#include <climits>
#include <cstdint>

namespace newsx::pipelines {

namespace {

constexpr std::int64_t kIntMax = INT32_MAX;

// The accessors of the table's fields: Get<&Config::x> and, for a field of
// options nested in Config, Get<&Config::fetch, &ingest::FetchOptions::x>.
template <auto Member>
auto& Get(Config& c) {
  return c.*Member;
}
template <auto Outer, auto Member>
auto& Get(Config& c) {
  return (c.*Outer).*Member;
}
using F = ingest::FetchOptions;

// Reading through the accessors, which take a mutable Config: they only
// select a field, so a const Config is never written through them.
template <class T>
const T& Read(Setting::Access<T> access, const Config& c) {
  return access(const_cast<Config&>(c));
}

Setting Str(std::string_view section, std::string_view key, Setting::Access<std::string> field,
            std::string_view doc, bool required = false) {
  return Setting{.section = section, .key = key, .field = field, .required = required, .doc = doc};
}
Setting OneOf(std::string_view section, std::string_view key, Setting::Access<std::string> field,
              std::vector<std::string_view> allowed, std::string_view doc) {
  return Setting{
      .section = section, .key = key, .field = field, .allowed = std::move(allowed), .doc = doc};
}
Setting Int(std::string_view section, std::string_view key, Setting::Access<int> field,
            std::int64_t min, std::int64_t max, std::string_view doc) {
  return Setting{
      .section = section, .key = key, .field = field, .min = min, .max = max, .doc = doc};
}
Setting Int64(std::string_view section, std::string_view key, Setting::Access<std::int64_t> field,
              std::int64_t min, std::int64_t max, std::string_view doc) {
  return Setting{
      .section = section, .key = key, .field = field, .min = min, .max = max, .doc = doc};
}
Setting Flag(std::string_view section, std::string_view key, Setting::Access<bool> field,
             std::string_view doc) {
  return Setting{.section = section, .key = key, .field = field, .doc = doc};
}
Setting List(std::string_view section, std::string_view key,
             Setting::Access<std::vector<std::string>> field, std::string_view doc) {
  return Setting{.section = section, .key = key, .field = field, .doc = doc};
}

std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

std::string TypeName(const Setting& s) {
  return std::visit(Overloaded{[](Setting::Access<std::string>) { return "string"; },
                               [](Setting::Access<bool>) { return "bool"; },
                               [](Setting::Access<int>) { return "integer"; },
                               [](Setting::Access<std::int64_t>) { return "integer"; },
                               [](Setting::Access<std::vector<std::string>>) { return "strings"; }},
                    s.field);
}

std::string RangeText(const Setting& s) {
  if (!s.allowed.empty()) {
    std::string out;
    for (std::string_view a : s.allowed) out += (out.empty() ? "" : ", ") + std::string(a);
    return out;
  }
  if (s.required) return "not empty";
  if (s.min == 0 && s.max == 0) return "";
  if (s.max == kIntMax || s.max == INT64_MAX) return ">= " + std::to_string(s.min);
  return std::to_string(s.min) + " to " + std::to_string(s.max);
}

}  // namespace

const std::vector<Setting>& ConfigSettings() {
  static const std::vector<Setting>* const settings = new std::vector<Setting>{
      Str("store", "path", &Get<&Config::db_path>,
          "RocksDB directory of the database (`--db` overrides it).", /*required=*/true),
      Int("workers", "extract", &Get<&Config::extract_workers>, 1, 256,
          "Threads parsing and analysing pages (`-j` overrides it)."),
      Int("workers", "store", &Get<&Config::store_workers>, 1, 64, "Threads writing to RocksDB."),
      Int("workers", "queue_capacity", &Get<&Config::queue_capacity>, 1, kIntMax,
          "Items buffered between two stages (backpressure)."),
      List("lexicons", "dirs", &Get<&Config::lexicon_dirs>,
           "Extra lexicon and rule folders, loaded after the built-in ones (`--lexicons` adds)."),
      Str("politeness", "user_agent", &Get<&Config::fetch, &F::user_agent>,
          "Sent with every request; its product token is matched against robots.txt."),
      Int("politeness", "per_host_concurrency", &Get<&Config::fetch, &F::per_host_concurrency>, 1,
          kIntMax, "Transfers in flight to one host."),
      Int("politeness", "per_host_delay_ms", &Get<&Config::fetch, &F::per_host_delay_ms>, 0,
          kIntMax,
          "Minimum time between the starts of two requests to one host; robots.txt "
          "Crawl-delay raises it."),
      Int("politeness", "max_crawl_delay_s", &Get<&Config::fetch, &F::max_crawl_delay_s>, 0,
          kIntMax, "Cap on a robots.txt Crawl-delay."),
      Flag("politeness", "respect_robots", &Get<&Config::fetch, &F::respect_robots>,
           "Fetch and obey robots.txt (RFC 9309)."),
      Int("politeness", "timeout_ms", &Get<&Config::fetch, &F::timeout_ms>, 1, kIntMax,
          "Time limit of a whole transfer."),
      Int64("politeness", "max_body_bytes", &Get<&Config::fetch, &F::max_body_bytes>, 1, INT64_MAX,
            "Decoded body size limit; larger bodies fail (dead letter)."),
      List("crawl", "feeds", &Get<&Config::feeds>, "Feed URLs to crawl (`--feed` adds)."),
      Str("crawl", "feed_list", &Get<&Config::feed_list>,
          "Path of a feed list: OPML, or one URL a line (`--feeds` adds)."),
      Int("crawl", "min_interval_s", &Get<&Config::min_interval_s>, 1, kIntMax,
          "Shortest adaptive poll interval of a feed."),
      Int("crawl", "max_interval_s", &Get<&Config::max_interval_s>, 1, kIntMax,
          "Longest adaptive poll interval of a feed; at least min_interval_s."),
      Int("crawl", "max_concurrent_transfers", &Get<&Config::fetch, &F::max_concurrent_transfers>,
          1, kIntMax, "Transfers in flight at once, all hosts together."),
      OneOf("log", "level", &Get<&Config::log_level>, {"debug", "info", "warn", "error"},
            "Least severe messages logged (`--quiet`: error, `--verbose`: debug)."),
      OneOf("log", "format", &Get<&Config::log_format>, {"text", "json"},
            "Log lines on stderr as text or as JSON objects (`--log-format`)."),
  };
  return *settings;
}

std::vector<std::string_view> ConfigSections() {
  std::vector<std::string_view> sections;
  for (const Setting& s : ConfigSettings()) {
    if (std::find(sections.begin(), sections.end(), s.section) == sections.end()) {
      sections.push_back(s.section);
    }
  }
  return sections;
}

std::string OutOfRangeMessage(const std::string& name, std::int64_t v, std::int64_t min,
                              std::int64_t max) {
  const std::string got = ", got " + std::to_string(v);
  if (v > max) return name + " must be at most " + std::to_string(max) + got;
  if (min == 1) return name + " must be positive" + got;
  return name + " must be >= " + std::to_string(min) + got;
}

std::string NotAllowedMessage(const std::string& name, const std::vector<std::string_view>& allowed,
                              const std::string& value) {
  std::string list;
  for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  return name + " must be one of " + list + ", got \"" + value + "\"";
}

Status CheckSetting(const Setting& s, const Config& c) {
  return std::visit(
      Overloaded{[&](Setting::Access<std::string> f) -> Status {
                   const std::string& v = Read(f, c);
                   if (s.required && v.empty())
                     return InvalidArgumentError(s.name() + " must not be empty");
                   if (!s.allowed.empty() &&
                       std::find(s.allowed.begin(), s.allowed.end(), v) == s.allowed.end()) {
                     return InvalidArgumentError(NotAllowedMessage(s.name(), s.allowed, v));
                   }
                   return Status::Ok();
                 },
                 [&](Setting::Access<int> f) -> Status {
                   const int v = Read(f, c);
                   if (v < s.min || v > s.max) {
                     return InvalidArgumentError(OutOfRangeMessage(s.name(), v, s.min, s.max));
                   }
                   return Status::Ok();
                 },
                 [&](Setting::Access<std::int64_t> f) -> Status {
                   const std::int64_t v = Read(f, c);
                   if (v < s.min || v > s.max) {
                     return InvalidArgumentError(OutOfRangeMessage(s.name(), v, s.min, s.max));
                   }
                   return Status::Ok();
                 },
                 [](Setting::Access<bool>) { return Status::Ok(); },
                 [](Setting::Access<std::vector<std::string>>) { return Status::Ok(); }},
      s.field);
}

std::string SettingValueToml(const Setting& s, const Config& c) {
  return std::visit(
      Overloaded{
          [&](Setting::Access<std::string> f) { return Quote(Read(f, c)); },
          [&](Setting::Access<bool> f) { return std::string(Read(f, c) ? "true" : "false"); },
          [&](Setting::Access<int> f) { return std::to_string(Read(f, c)); },
          [&](Setting::Access<std::int64_t> f) { return std::to_string(Read(f, c)); },
          [&](Setting::Access<std::vector<std::string>> f) {
            std::string out = "[";
            for (const std::string& item : Read(f, c)) {
              out += (out.size() > 1 ? ", " : "") + Quote(item);
            }
            return out + "]";
          }},
      s.field);
}

std::string ConfigToToml(const Config& c) {
  std::string out;
  std::string_view section;
  for (const Setting& s : ConfigSettings()) {
    if (s.section != section) {
      if (!section.empty()) out += "\n";
      section = s.section;
      out += "[" + std::string(section) + "]\n";
    }
    out += std::string(s.key) + " = " + SettingValueToml(s, c) + "\n";
  }
  return out;
}

std::string ConfigReferenceMarkdown() {
  std::string out =
      "# Configuration reference\n\n"
      "<!-- Generated from pipelines/src/config_settings.cc by `newsx config reference`;\n"
      "     tests/pipelines/config_test.cc checks that it is current. -->\n\n"
      "Every setting is optional: an absent file, section or key means the default.\n"
      "Give the file with `--config FILE` (`-c`); flags override it. `newsx config check`\n"
      "reports the file, line and column of a syntax error, a wrong type, an out-of-range\n"
      "value, or an unknown section or key (most likely a typo), all at once;\n"
      "`newsx config show` prints the effective settings in this format.\n";
  const Config defaults;
  std::string_view section;
  for (const Setting& s : ConfigSettings()) {
    if (s.section != section) {
      section = s.section;
      out += "\n## [" + std::string(section) + "]\n\n";
      out += "| key | type | default | range | meaning |\n|---|---|---|---|---|\n";
    }
    std::string value = SettingValueToml(s, defaults);
    std::replace(value.begin(), value.end(), '|', '/');
    out += "| `" + std::string(s.key) + "` | " + TypeName(s) + " | `" + value + "` | " +
           RangeText(s) + " | " + std::string(s.doc) + " |\n";
  }
  out += "\n## The defaults as a file\n\n```toml\n" + ConfigToToml(defaults) + "```\n";
  return out;
}

}  // namespace newsx::pipelines
