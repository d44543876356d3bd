// Stories on real pages (issue 20): the syndication test set of
// fixtures/stories and the seed story from three syndicated variants.

#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "newsx/extract/article_extractor.h"
#include "newsx/ingest/saved_page_source.h"
#include "newsx/store/article_store.h"
#include "temp_dir.h"

using namespace newsx;

namespace {

struct Page {
  std::string group;
  ExtractedArticle x;
  std::string html;
};

Page Extract(const extract::ArticleExtractor& extractor, const std::string& path,
             const std::string& url, const std::string& group) {
  auto source = ingest::SavedPageSource::Open({path});
  REQUIRE(source.ok());
  auto next = (*source)->Next();
  REQUIRE(next.ok());
  REQUIRE(next->has_value());
  RawDocument doc = std::move((**next).document);
  if (!url.empty()) doc.url = url;
  auto x = extractor.Extract(doc);
  REQUIRE(x.ok());
  return {group, std::move(x).value(), std::move(doc.body)};
}

const extract::ArticleExtractor& Extractor() {
  static const auto extractor = [] {
    auto e = extract::ArticleExtractor::Create({});
    REQUIRE(e.ok());
    return std::move(e).value();
  }();
  return *extractor;
}

std::string StoryOf(store::ArticleStore& store, const ExtractedArticle& x) {
  auto story = store.StoryOf(x.article.id);
  REQUIRE(story.ok());
  REQUIRE(story->has_value());
  return **story;
}

}  // namespace

TEST_CASE("Syndicated copies of real pages are grouped with precision and recall >= 0.95",
          "[pipelines][stories]") {
  const std::string dir = std::string(NEWSX_FIXTURES_DIR) + "/stories";
  std::vector<Page> pages;
  std::ifstream tsv(dir + "/groups.tsv");
  for (std::string line; std::getline(tsv, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string file, group, url;
    std::getline(fields, file, '\t');
    std::getline(fields, group, '\t');
    std::getline(fields, url, '\t');
    pages.push_back(Extract(Extractor(), dir + "/pages/" + file, url, group));
  }
  REQUIRE(pages.size() == 53);

  testing::TempDir db;
  auto store = store::ArticleStore::Open({.path = db.path()});
  REQUIRE(store.ok());
  for (const Page& p : pages) REQUIRE((*store)->Put(p.x, p.html).ok());
  long tp = 0, fp = 0, fn = 0;
  std::vector<std::string> stories;
  for (const Page& p : pages) stories.push_back(StoryOf(**store, p.x));
  for (std::size_t i = 0; i < pages.size(); ++i) {
    for (std::size_t j = i + 1; j < pages.size(); ++j) {
      const bool same = pages[i].group == pages[j].group;
      const bool together = stories[i] == stories[j];
      tp += same && together;
      fp += !same && together;
      fn += same && !together;
    }
  }
  const double precision = double(tp) / double(tp + fp);
  const double recall = double(tp) / double(tp + fn);
  INFO("pairs: " << tp << " right, " << fp << " wrongly together, " << fn << " missed");
  CHECK(precision >= 0.95);
  CHECK(recall >= 0.95);
  auto verify = (*store)->Verify();
  REQUIRE(verify.ok());
  CHECK(verify->empty());
}

TEST_CASE("The seed story from three syndicated variants is one story", "[pipelines][stories]") {
  const std::string fixtures = NEWSX_FIXTURES_DIR;
  std::vector<Page> pages = {
      Extract(Extractor(), fixtures + "/demo/pages/h200-imports.html", "", "seed"),
      Extract(Extractor(), fixtures + "/stories/seed/h200-imports-wire.html",
              "https://wire.example/2026/01/china-h200-imports", "seed"),
      Extract(Extractor(), fixtures + "/stories/seed/h200-imports-aggregator.html",
              "https://aggregator.example/2026/01/china-h200-imports", "seed")};
  testing::TempDir db;
  auto store = store::ArticleStore::Open({.path = db.path()});
  REQUIRE(store.ok());
  for (const Page& p : pages) REQUIRE((*store)->Put(p.x, p.html).ok());
  std::set<std::string> ids;
  for (const Page& p : pages) ids.insert(p.x.article.id);
  REQUIRE(ids.size() == 3);
  const std::string story = StoryOf(**store, pages[0].x);
  CHECK(StoryOf(**store, pages[1].x) == story);
  CHECK(StoryOf(**store, pages[2].x) == story);
  auto summary = (*store)->GetStory(story);
  REQUIRE(summary.ok());
  CHECK(summary->members.size() == 3);

  // One import approval, reported by the three sources.
  auto approvals = [&] {
    std::set<std::string> out;
    for (const Page& p : pages) {
      for (const Event& e : p.x.events) {
        if (e.type != "import_approval") continue;
        auto h = (*store)->HappeningOf(e.id);
        REQUIRE(h.ok());
        REQUIRE(h->has_value());
        out.insert(**h);
      }
    }
    return out;
  };
  const std::set<std::string> happenings = approvals();
  REQUIRE(happenings.size() == 1);
  auto happening = (*store)->GetHappening(*happenings.begin());
  REQUIRE(happening.ok());
  CHECK(happening->type == "import_approval");
  REQUIRE(happening->sources.size() == 3);
  std::set<std::string> sources, sites;
  for (const auto& s : happening->sources) {
    sources.insert(s.article_id);
    sites.insert(s.site);
    CHECK(s.story_id == story);
  }
  CHECK(sources == ids);
  CHECK(sites.size() == 3);

  // Reprocessed (another extractor version), in another order: the same ids.
  for (auto it = pages.rbegin(); it != pages.rend(); ++it) {
    ExtractedArticle again = it->x;
    again.article.extractor_version += "+reprocessed";
    REQUIRE((*store)->Put(again, it->html).ok());
  }
  for (const Page& p : pages) CHECK(StoryOf(**store, p.x) == story);
  CHECK(approvals() == happenings);
  auto verify = (*store)->Verify();
  REQUIRE(verify.ok());
  CHECK(verify->empty());
}
