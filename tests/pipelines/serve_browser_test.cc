// A real browser (Debian's chromium, headless) loads the entity page from
// `newsx serve` and the DOM it built has the chart and the table; the
// screenshot is kept as a test artifact. Skipped, with a message, when
// chromium is not installed.

#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "newsx/pipelines/serve.h"
#include "run_command.h"
#include "serve_test_db.h"
#include "temp_dir.h"

namespace newsx::pipelines {
namespace {

std::string FindChromium() {
  for (const char* path : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
    if (std::filesystem::exists(path)) return path;
  }
  return "";
}

std::size_t Count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

TEST_CASE("serve: chromium renders the entity page's chart and table", "[serve][browser]") {
  const std::string chromium = FindChromium();
  if (chromium.empty()) {
    WARN("SKIPPED: chromium is not installed (Debian package chromium); the browser test of "
         "newsx serve did not run");
    return;
  }
  testing::TempDir dir;
  REQUIRE(testing::WriteServeTestDb(dir.File("db")));
  std::ostringstream log_text;
  Logger log(&log_text, LogLevel::kWarn, false);
  auto server = Server::Start({.db_path = dir.File("db"), .port = 0, .refresh_s = 0}, &log);
  REQUIRE(server.ok());
  const std::string url =
      "http://127.0.0.1:" + std::to_string((*server)->port()) + "/entity?id=org%3Anvidia&bucket=day";
  // CI runs as root in a container: the sandbox refuses root (--no-sandbox)
  // and /dev/shm is 64 MB there (--disable-dev-shm-usage writes to /tmp).
  const std::vector<std::string> common = {
      chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
      "--disable-dev-shm-usage",
      "--user-data-dir=" + dir.File("profile"), "--window-size=1280,1400", "--hide-scrollbars"};

  std::vector<std::string> dump = common;
  dump.push_back("--dump-dom");
  dump.push_back(url);
  const testing::CommandResult dom = testing::RunCommand(dump);
  INFO(dom.err.substr(0, 2000));
  REQUIRE(dom.exit_code == 0);
  // The DOM the browser built (not the bytes served): the chart's bars, the
  // legend, and the table rows.
  CHECK(dom.out.find("<svg id=\"timeline\"") != std::string::npos);
  CHECK(Count(dom.out, "class=\"bar\"") == 3);
  CHECK(dom.out.find("<table id=\"entity-events\"") != std::string::npos);
  CHECK(Count(dom.out, "<tr>") >= 3);
  CHECK(dom.out.find("ed Nvidia GPUs.") != std::string::npos);  // After the bold trigger.
  CHECK(dom.out.find("<script") == std::string::npos);

  const std::string artifacts = NEWSX_ARTIFACTS_DIR;
  std::filesystem::create_directories(artifacts);
  const std::string png = artifacts + "/serve-entity-page.png";
  std::filesystem::remove(png);
  std::vector<std::string> shot = common;
  shot.push_back("--screenshot=" + png);
  shot.push_back(url);
  const testing::CommandResult r = testing::RunCommand(shot);
  INFO(r.err.substr(0, 2000));
  CHECK(r.exit_code == 0);
  REQUIRE(std::filesystem::exists(png));
  CHECK(std::filesystem::file_size(png) > 10'000);  // A blank page is a few KB.
  WARN("screenshot of the entity page: " + png);
}

}  // namespace
}  // namespace newsx::pipelines
