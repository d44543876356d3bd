// A backfill meeting a page far larger than any article: the page is stored
// cut to the per-article limits, the cut is a warning and a dead letter,
// the other pages are stored as usual.

#include <catch2/catch.hpp>

#include <fstream>

#include "newsx/ingest/saved_page_source.h"
#include "newsx/pipelines/ingest_pipeline.h"
#include "newsx/store/article_store.h"
#include "pipelines/demo_pages.h"
#include "pipelines/ingest_fixture.h"

using namespace newsx;
using namespace newsx::pipelines;

TEST_CASE("A huge page is stored truncated, with a dead letter saying what was cut",
          "[pipelines][limits][reliability]") {
  testing::IngestFixture f;
  const int pages = testing::WriteDemoPages(f.input.path(), 1);
  {
    std::ofstream huge(f.input.File("huge.html"));
    huge << "<html><head><title>Endless</title></head><body><article>";
    for (int n = 0; n < 30000; ++n) {
      huge << "<p>Nvidia shipped " << 1000 + n << " H200 chips to China on January "
           << 1 + n % 28 << ", 2026, the company said.</p>\n";
    }
    huge << "</article></body></html>";
  }
  auto source = ingest::SavedPageSource::Open({f.input.path()});
  REQUIRE(source.ok());
  auto store = store::ArticleStore::Open({.path = f.db.path()});
  REQUIRE(store.ok());
  auto report = RunIngest(**source, *f.extractor, **store, IngestOptions{}, f.log, {});
  REQUIRE(report.ok());
  CHECK(report->stored == static_cast<std::uint64_t>(pages) + 1);
  CHECK(report->truncated == 1);
  auto article = (*store)->GetArticleByUrl("file://" + f.input.File("huge.html"));
  REQUIRE(article.ok());
  CHECK(article->article.text.size() <= extract::ArticleLimits{}.max_text_bytes);
  CHECK(article->events.size() <= extract::ArticleLimits{}.max_events);
  auto letters = (*store)->ListDeadLetters();
  REQUIRE(letters.ok());
  bool noted = false;
  for (const DeadLetter& d : *letters) {
    if (d.source == f.input.File("huge.html") && d.stage == "extract" &&
        d.reason.find("stored truncated: text cut from") == 0) {
      noted = true;
    }
  }
  CHECK(noted);
  CHECK(f.log_sink.str().find("stored truncated") != std::string::npos);
  auto problems = (*store)->Verify();
  REQUIRE(problems.ok());
  CHECK(problems->empty());
}
