#include <catch2/catch.hpp>

#include <algorithm>

#include <fstream>
#include <sstream>

#include "newsx/pipelines/config.h"
#include "newsx/pipelines/config_settings.h"

using namespace newsx;
using newsx::pipelines::ParseConfig;

TEST_CASE("ParseConfig reads every section", "[pipelines][config]") {
  auto c = ParseConfig(R"(
[store]
path = "/tmp/db"
[workers]
extract = 4
[lexicons]
dirs = ["a", "b"]
[politeness]
per_host_delay_ms = 250
respect_robots = false
[crawl]
feeds = ["https://example.com/feed.xml"]
[log]
format = "json"
)", "test.toml");
  REQUIRE(c.ok());
  CHECK(c->db_path == "/tmp/db");
  CHECK(c->extract_workers == 4);
  CHECK(c->lexicon_dirs == std::vector<std::string>{"a", "b"});
  CHECK(c->fetch.per_host_delay_ms == 250);
  CHECK(!c->fetch.respect_robots);
  CHECK(c->feeds.size() == 1);
  CHECK(c->log_format == "json");
  CHECK(c->store_workers == 1);  // Default kept.
}

TEST_CASE("ParseConfig explains what is wrong, with the location", "[pipelines][config]") {
  auto syntax = ParseConfig("[store\npath = 1", "bad.toml");
  REQUIRE(!syntax.ok());
  CHECK(syntax.status().message().rfind("bad.toml:1:", 0) == 0);

  auto type = ParseConfig("[workers]\nextract = \"four\"\n", "t.toml");
  REQUIRE(!type.ok());
  CHECK(type.status().message() == "t.toml:2:11: workers.extract must be an integer");

  auto typo = ParseConfig("[workers]\nextrct = 2\n", "t.toml");
  REQUIRE(!typo.ok());
  CHECK(typo.status().message().find("unknown setting workers.extrct") != std::string::npos);

  auto section = ParseConfig("[wrokers]\n", "t.toml");
  CHECK(section.status().message().find("unknown section [wrokers]") != std::string::npos);

  auto range = ParseConfig("[workers]\nextract = 0\n", "t.toml");
  CHECK(range.status().message().find("workers.extract must be positive") != std::string::npos);

  auto level = ParseConfig("[log]\nlevel = \"loud\"\n", "t.toml");
  CHECK(level.status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("ParseConfig reports every error, ranges and enums with line and column",
          "[pipelines][config]") {
  auto r = ParseConfig("[workers]\nextract = 0\nstore = 99\n[log]\nlevel = \"loud\"\n"
                       "[politeness]\nper_host_delay_ms = -5\nbogus = 1\n",
                       "t.toml");
  REQUIRE(!r.ok());
  const std::string m = r.status().message();
  CHECK(m.find("t.toml:2:11: workers.extract must be positive, got 0") != std::string::npos);
  CHECK(m.find("t.toml:3:9: workers.store must be at most 64, got 99") != std::string::npos);
  CHECK(m.find("t.toml:5:9: log.level must be one of debug, info, warn, error, got \"loud\"") !=
        std::string::npos);
  CHECK(m.find("t.toml:7:21: politeness.per_host_delay_ms must be >= 0, got -5") !=
        std::string::npos);
  CHECK(m.find(": unknown setting politeness.bogus") != std::string::npos);
  INFO(m);
  CHECK(std::count(m.begin(), m.end(), '\n') == 4);  // Five errors, one a line.
}

// Found by fuzz/config_fuzz: Debian's toml++ 3.3.0 reaches undefined
// behaviour on some non-ASCII characters where whitespace may stand. They
// are errors there (named with their position); non-ASCII inside strings
// and comments is read as before.
TEST_CASE("ParseConfig keeps non-ASCII away from where the TOML parser cannot take it",
          "[pipelines][config][reliability]") {
  for (const char* text : {"[crawl]\nfeeds = [\xEF\xBB\x83\"https://a/f\", 3]\n",
                           "[store]\npath = \"x\" \xC3\xA9\n", "[st\xC3\xA9re]\n",
                           "ey = 1+-er_hz\"\"\"TTTTTTT\xEF\xBB\xBBTTT \n",
                           "[store]\npath = \"\"\"a\\\n  \xC3\xA9\"\"\"\n"}) {
    INFO(text);
    auto config = ParseConfig(text, "bad.toml");
    REQUIRE_FALSE(config.ok());
    CHECK(config.status().message().find("bad.toml:") == 0);
  }
  auto fine = ParseConfig("\xEF\xBB\xBF# caf\xC3\xA9\n[store]\npath = \"caf\xC3\xA9 \\\" \xC3\xA9\"\n"
                          "[crawl]\nfeeds = ['''\xC3\xA9\n''']\n",
                          "ok.toml");
  REQUIRE(fine.ok());
  CHECK(fine->db_path == "caf\xC3\xA9 \" \xC3\xA9");
}

TEST_CASE("The settings table drives show, and show reads back", "[pipelines][config]") {
  pipelines::Config changed;
  changed.fetch.per_host_delay_ms = 250;
  changed.feeds = {"https://a.example/feed.xml", "q\"uote"};
  changed.log_format = "json";
  const std::string toml = pipelines::ConfigToToml(changed);
  auto back = ParseConfig(toml, "show.toml");
  REQUIRE(back.ok());
  CHECK(pipelines::ConfigToToml(*back) == toml);
  CHECK(back->fetch.per_host_delay_ms == 250);
  CHECK(back->feeds == changed.feeds);
  // Every setting once, and the defaults are valid.
  for (const pipelines::Setting& s : pipelines::ConfigSettings()) {
    INFO(s.name());
    CHECK(toml.find("\n" + std::string(s.key) + " = ") != std::string::npos);
    CHECK(pipelines::CheckSetting(s, pipelines::Config{}).ok());
  }
}

TEST_CASE("docs/configuration.md is the generated settings reference", "[pipelines][config]") {
  std::ifstream in(std::string(NEWSX_SOURCE_DIR) + "/docs/configuration.md", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  // Regenerate with: newsx config reference > docs/configuration.md
  CHECK(text.str() == pipelines::ConfigReferenceMarkdown());
}
