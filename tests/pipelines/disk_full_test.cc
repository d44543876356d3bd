// A backfill that runs out of disk: a clear error, exit 1, and a later
// --resume stores everything, as an uninterrupted run would. In process
// with an injected full disk (always), and through the CLI on a real small
// tmpfs (where mounting one is allowed).

#include <catch2/catch.hpp>

#include <sys/mount.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>

#include "newsx/ingest/saved_page_source.h"
#include "newsx/pipelines/ingest_pipeline.h"
#include "newsx/store/article_store.h"
#include "pipelines/demo_pages.h"
#include "pipelines/ingest_fixture.h"
#include "run_command.h"
#include "temp_dir.h"

using namespace newsx;
using namespace newsx::pipelines;

namespace {

std::set<std::string> ArticleIds(const std::string& db) {
  auto store = store::ArticleStore::Open({.path = db, .read_only = true});
  REQUIRE(store.ok());
  std::set<std::string> ids;
  REQUIRE((*store)->ScanArticles([&](const ExtractedArticle& x) {
    ids.insert(x.article.id);
    return true;
  }).ok());
  return ids;
}

Result<IngestReport> Backfill(testing::IngestFixture& f, const store::StoreOptions& store_options,
                              bool resume) {
  auto source = ingest::SavedPageSource::Open({f.input.path()});
  REQUIRE(source.ok());
  auto store = store::ArticleStore::Open(store_options);
  REQUIRE(store.ok());
  IngestOptions options{.extract_workers = 2, .checkpoint_name = "backfill",
                        .resume = resume, .checkpoint_every_items = 5};
  return RunIngest(**source, *f.extractor, **store, options, f.log, std::stop_token());
}

}  // namespace

TEST_CASE("A backfill that fills the disk stops with an error and resumes losing nothing",
          "[pipelines][reliability]") {
  testing::IngestFixture f;
  const int pages = testing::WriteDemoPages(f.input.path(), 20);
  const std::string clean = f.db.File("clean");
  REQUIRE(Backfill(f, {.path = clean}, false).ok());
  const std::set<std::string> want = ArticleIds(clean);
  REQUIRE(static_cast<int>(want.size()) == pages);

  const std::string full = f.db.File("full");
  REQUIRE(store::ArticleStore::Open({.path = full}).ok());  // Families created.
  auto failed = Backfill(f, {.path = full, .disk_full_after_bytes_for_testing = 400u << 10}, false);
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.status().code() == StatusCode::kResourceExhausted);
  CHECK(failed.status().message().find("disk full") != std::string::npos);
  const std::set<std::string> partial = ArticleIds(full);
  CHECK(partial.size() < want.size());

  auto resumed = Backfill(f, {.path = full}, true);
  REQUIRE(resumed.ok());
  CHECK(ArticleIds(full) == want);
  auto store = store::ArticleStore::Open({.path = full, .read_only = true});
  REQUIRE(store.ok());
  auto problems = (*store)->Verify();
  REQUIRE(problems.ok());
  CHECK(problems->empty());
}

// The same through the real binary on a real 8 MiB filesystem. Needs the
// right to mount (root, or CAP_SYS_ADMIN); skipped with a message otherwise.
TEST_CASE("newsx backfill on a full tmpfs exits 1 with the reason, and --resume completes",
          "[pipelines][cli][reliability]") {
  testing::TempDir work;
  const std::string pages = work.File("pages");
  std::filesystem::create_directories(pages);
  const int good = testing::WriteDemoPages(pages, 80);
  const std::string mnt = work.File("mnt");
  std::filesystem::create_directories(mnt);
  if (::mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=8m") != 0) {
    WARN("skipped: cannot mount a tmpfs here (" << std::strerror(errno) << ")");
    return;
  }
  struct Unmount {
    std::string path;
    ~Unmount() { ::umount2(path.c_str(), MNT_DETACH); }
  } unmount{mnt};
  const std::string db = mnt + "/db";
  const std::string newsx = NEWSX_BINARY;
  auto full = testing::RunCommand({newsx, "--db", db, "backfill", "--no-progress",
                                   "--checkpoint-every", "10", pages});
  INFO(full.err);
  CHECK(full.exit_code == 1);
  CHECK(full.err.find("disk full") != std::string::npos);
  CHECK(full.err.find("No space left on device") != std::string::npos);
  CHECK(full.err.find("--resume") != std::string::npos);
  CHECK(ArticleIds(db).size() < static_cast<std::size_t>(good));

  REQUIRE(::mount("tmpfs", mnt.c_str(), "tmpfs", MS_REMOUNT, "size=128m") == 0);
  auto resumed = testing::RunCommand({newsx, "--db", db, "backfill", "--no-progress",
                                      "--checkpoint-every", "10", "--resume", pages});
  INFO(resumed.err);
  CHECK(resumed.exit_code == 0);
  CHECK(ArticleIds(db).size() == static_cast<std::size_t>(good));
  auto verify = testing::RunCommand({newsx, "--db", db, "verify"});
  CHECK(verify.exit_code == 0);
}
