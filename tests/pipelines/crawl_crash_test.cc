// Crash safety of `newsx crawl`: a crawl killed (SIGKILL) or stopped
// (SIGTERM, SIGINT) while its articles are being fetched leaves every entry
// it did not store for the next run; nothing is lost. The interruption
// lands at an exact point: the loopback site holds the request for one
// article until the signal has been sent.

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <string>

#include "newsx/store/article_store.h"
#include "pipelines/gated_news_site.h"
#include "run_command.h"
#include "spawn.h"
#include "temp_dir.h"

using namespace newsx;
using newsx::testing::RunCommand;

namespace {

const std::string kNewsx = NEWSX_BINARY;
constexpr int kArticles = 30;
constexpr int kGate = 9;  // Articles 0..8 are fetched before the interruption.

// One article at a time, in feed order, with no politeness delay.
std::string WriteConfig(const testing::TempDir& dir) {
  const std::string path = dir.File("newsx.toml");
  std::ofstream(path) << "[workers]\nextract = 1\n\n"
                         "[politeness]\nper_host_concurrency = 1\nper_host_delay_ms = 0\n"
                         "respect_robots = false\ntimeout_ms = 20000\n";
  return path;
}

pid_t StartCrawl(const std::string& db, const std::string& config, const std::string& feed) {
  return testing::SpawnQuiet({kNewsx, "--db", db, "-c", config, "--quiet", "crawl", "--feed", feed});
}

std::uint64_t StoredArticles(const std::string& db) {
  auto store = store::ArticleStore::Open({.path = db, .read_only = true});
  REQUIRE(store.ok());
  auto stats = (*store)->Stats();
  REQUIRE(stats.ok());
  return stats->articles;
}

}  // namespace

TEST_CASE("An interrupted crawl leaves its unfetched entries due for the next run",
          "[pipelines][crawl][crash][reliability]") {
  const int signal = GENERATE(SIGKILL, SIGTERM, SIGINT);
  INFO("signal " << signal);
  testing::TempDir dir;
  const std::string config = WriteConfig(dir);
  const std::string db = dir.File("db");
  testing::GatedNewsSite site(kArticles, kGate, /*hold=*/true);
  REQUIRE(site.started());
  const pid_t pid = StartCrawl(db, config, site.FeedUrl());
  REQUIRE(pid > 0);
  const bool reached = site.WaitForGate(std::chrono::seconds(120));
  ::kill(pid, signal);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  site.Release();  // From here on the gate article is served like the others.
  REQUIRE(reached);
  if (signal == SIGKILL) {
    CHECK((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL));
  } else {
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 130);  // Drained and stopped.
  }
  const std::uint64_t first = StoredArticles(db);
  CHECK(first <= kGate);

  // A plain rerun: the feed is not due, but its unfinished entries are.
  auto rerun = RunCommand({kNewsx, "--db", db, "-c", config, "crawl", "--feed", site.FeedUrl()});
  INFO(rerun.out << rerun.err);
  CHECK(rerun.exit_code == 0);
  CHECK(rerun.out.find("0 feeds due") != std::string::npos);
  CHECK(StoredArticles(db) == kArticles);
  // Nothing fetched twice but what the first run had in hand when stopped.
  for (int n = 0; n + 1 < static_cast<int>(first); ++n) {
    CHECK(site.Hits("/a/" + std::to_string(n) + ".html") == 1);
  }
}
