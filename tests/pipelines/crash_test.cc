// Crash safety: a backfill killed with SIGKILL at several points and resumed
// ends with the same database as a clean run, and `newsx verify` passes.

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "newsx/core/record_json.h"
#include "newsx/store/article_store.h"
#include "pipelines/demo_pages.h"
#include "run_command.h"
#include "spawn.h"
#include "temp_dir.h"

using namespace newsx;
using newsx::testing::RunCommand;

namespace {

const std::string kNewsx = NEWSX_BINARY;

// Starts `newsx --db db backfill --resume pages`, output discarded.
pid_t StartBackfill(const std::string& db, const std::string& pages) {
  return testing::SpawnQuiet({kNewsx, "--db", db, "--quiet", "backfill", "--no-progress",
                              "--resume", "--checkpoint-every", "5", pages});
}

// Waits for `pid`; true if it was killed by SIGKILL.
bool WaitKilled(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

struct Snapshot {
  std::map<std::string, std::string> articles;  // id -> record JSON.
  std::map<std::string, std::string> events;    // id -> event JSON.
  std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> entities;  // id -> counts.
  store::StoreStats stats;
};

Snapshot Read(const std::string& db) {
  auto store = store::ArticleStore::Open({.path = db, .read_only = true});
  REQUIRE(store.ok());
  Snapshot s;
  REQUIRE((*store)->ScanArticles([&](const ExtractedArticle& x) {
    s.articles[x.article.id] = ToJson(x);
    return true;
  }).ok());
  std::uint64_t events_seen = 0;
  REQUIRE((*store)->FindEvents({}, [&](const Event& e) {
    ++events_seen;
    s.events[e.id] = ToJson(e);
    return true;
  }).ok());
  CHECK(events_seen == s.events.size());  // No event indexed twice.
  REQUIRE((*store)->ScanEntities([&](const store::StoredEntity& e) {
    s.entities[e.entity.id] = {e.mention_count, e.article_count};
    return true;
  }).ok());
  auto stats = (*store)->Stats();
  REQUIRE(stats.ok());
  s.stats = *stats;
  return s;
}

}  // namespace

TEST_CASE("A backfill killed with SIGKILL and resumed equals a clean run",
          "[pipelines][crash]") {
  testing::TempDir work;
  const std::string pages = work.File("pages");
  std::filesystem::create_directories(pages);
  testing::WriteDemoPages(pages, 30, /*copies_per_text=*/2);

  const auto start = std::chrono::steady_clock::now();
  auto clean = RunCommand({kNewsx, "--db", work.File("clean"), "--quiet", "backfill",
                           "--no-progress", pages});
  REQUIRE(clean.exit_code == 0);
  const auto clean_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - start)
                            .count();

  // Kill points spread over a clean run's duration, each run resuming the
  // previous one.
  const std::string crashed = work.File("crashed");
  int kills = 0;
  for (const double fraction : {0.02, 0.2, 0.25, 0.3, 0.35, 0.4}) {
    const pid_t pid = StartBackfill(crashed, pages);
    REQUIRE(pid > 0);
    std::this_thread::sleep_for(
        std::chrono::milliseconds(static_cast<long>(fraction * static_cast<double>(clean_ms))));
    ::kill(pid, SIGKILL);
    if (WaitKilled(pid)) ++kills;
  }
  INFO("clean run " << clean_ms << " ms; " << kills << " runs killed mid-way");
  auto finish = RunCommand({kNewsx, "--db", crashed, "--quiet", "backfill", "--no-progress",
                            "--resume", pages});
  REQUIRE(finish.exit_code == 0);

  const Snapshot want = Read(work.File("clean"));
  const Snapshot got = Read(crashed);
  REQUIRE(want.articles.size() == 7 * 15);
  CHECK(want.stats.aliases >= 7 * 15);  // Each kept copy: its twin's URL (and canonical URL).
  CHECK(got.articles == want.articles);
  CHECK(got.events == want.events);
  CHECK(got.entities == want.entities);
  CHECK(got.stats.articles == want.stats.articles);
  CHECK(got.stats.events == want.stats.events);
  CHECK(got.stats.aliases == want.stats.aliases);
  CHECK(got.stats.mentions == want.stats.mentions);
  CHECK(got.stats.keys_by_family == want.stats.keys_by_family);
  CHECK(got.stats.dead_letters_by_reason == want.stats.dead_letters_by_reason);

  auto verify = RunCommand({kNewsx, "--db", crashed, "verify"});
  CHECK(verify.exit_code == 0);
  CHECK(verify.out.find("verify: ok") != std::string::npos);
  CHECK(kills > 0);
}
