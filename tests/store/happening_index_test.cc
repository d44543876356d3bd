// Happenings (issue 20): events of one type with compatible arguments and
// times are one happening with several sources, found through the store's
// indexes as articles arrive; ids stay the same when articles are stored
// again.

#include <catch2/catch.hpp>

#include <algorithm>

#include "newsx/store/article_store.h"
#include "store_test_util.h"
#include "temp_dir.h"

using namespace newsx;
using newsx::store::ArticleStore;
using newsx::testing::MakeArticle;
using newsx::testing::OpenStore;
using newsx::testing::Report;

namespace {

Event Approval(const std::vector<std::pair<std::string, std::string>>& entity_args,
               std::optional<double> amount = std::nullopt, const std::string& time = "") {
  Event e;
  e.type = "import_approval";
  e.trigger = "approved";
  e.sentence = "Authorities approved the imports.";
  e.confidence = 0.8;
  e.time_value = time;
  for (const auto& [role, id] : entity_args) {
    e.args.push_back(EventArg{.role = role, .entity_id = id, .text = id});
  }
  if (amount) {
    Quantity q;
    q.text = std::to_string(*amount);
    q.value = *amount;
    q.unit = "chip";
    e.args.push_back(EventArg{.role = "quantity", .text = q.text, .quantity = q});
  }
  return e;
}

ExtractedArticle WithEvents(ExtractedArticle x, std::vector<Event> events) {
  x.events = std::move(events);
  return x;
}

void Put(ArticleStore& store, const ExtractedArticle& x) {
  REQUIRE(store.Put(x, "<html>" + x.article.url + "</html>").ok());
}

std::string HappeningOf(ArticleStore& store, const ExtractedArticle& x, std::size_t i = 0) {
  auto h = store.HappeningOf(x.article.id + ":e" + std::to_string(i));
  REQUIRE(h.ok());
  REQUIRE(h->has_value());
  return **h;
}

void RequireConsistent(ArticleStore& store) {
  auto verify = store.Verify();
  REQUIRE(verify.ok());
  for (const auto& p : *verify) INFO(p.family + " " + p.key + ": " + p.problem);
  CHECK(verify->empty());
}

const std::vector<std::pair<std::string, std::string>> kArgs = {
    {"authority", "org:mofcom"}, {"item", "chip:h200"}};

}  // namespace

TEST_CASE("Events of near-copies are one happening with a source per article",
          "[store][happenings]") {
  testing::TempDir dir;
  auto store = OpenStore(dir.path());
  const auto original = WithEvents(MakeArticle("https://wire.example/a", Report("harbor", 12)),
                                   {Approval(kArgs, 400000, "2026-01-27")});
  // A copy whose event lacks the authority and says "about 400,500".
  auto copy = MakeArticle("https://paper.example/b", "PORT (Wire) - " + Report("harbor", 9),
                          {}, "2026-01-28T12:00:00Z");
  copy.article.site = "Paper";
  copy = WithEvents(copy, {Approval({{"item", "chip:h200"}}, 400500)});
  // A third copy says another number: another happening, same story.
  const auto other_number =
      WithEvents(MakeArticle("https://news.example/c", Report("harbor", 10) + "More."),
                 {Approval(kArgs, 900000, "2026-01-27")});
  Put(*store, original);
  Put(*store, copy);
  Put(*store, other_number);
  const std::string h = HappeningOf(*store, original);
  CHECK(h == original.article.id + ":e0");
  CHECK(HappeningOf(*store, copy) == h);
  CHECK(HappeningOf(*store, other_number) != h);

  auto summary = store->GetHappening(h);
  REQUIRE(summary.ok());
  CHECK(summary->type == "import_approval");
  REQUIRE(summary->sources.size() == 2);
  CHECK(summary->sources[0].article_id == original.article.id);  // Earliest first.
  CHECK(summary->sources[0].site == "example.com");
  CHECK(summary->sources[1].site == "Paper");
  CHECK(summary->sources[1].story_id == original.article.id);
  CHECK(summary->first_seen_unix_s == summary->sources[0].time_unix_s);

  auto in_story = store->StoryHappenings(original.article.id);
  REQUIRE(in_story.ok());
  CHECK(in_story->size() == 2);
  std::size_t all = 0;
  REQUIRE(store->ScanHappenings([&](const store::HappeningSummary&) { return ++all > 0; }).ok());
  CHECK(all == 2);
  RequireConsistent(*store);
}

TEST_CASE("Across stories, the same main entities within days are one happening",
          "[store][happenings]") {
  testing::TempDir dir;
  auto store = OpenStore(dir.path());
  const auto first = WithEvents(MakeArticle("https://wire.example/a", Report("harbor", 12)),
                                {Approval(kArgs, std::nullopt, "2026-01-27")});
  // Other wording (another story), a day later, the same entities.
  const auto later = WithEvents(
      MakeArticle("https://b.example/x", Report("customs", 12, 40), {}, "2026-01-29T08:00:00Z"),
      {Approval(kArgs)});
  // Two weeks later: another happening.
  const auto weeks = WithEvents(
      MakeArticle("https://c.example/y", Report("border", 12, 80), {}, "2026-02-12T08:00:00Z"),
      {Approval(kArgs)});
  // Another story missing the authority: not enough across stories.
  const auto partial = WithEvents(
      MakeArticle("https://d.example/z", Report("trade", 12, 120), {}, "2026-01-28T08:00:00Z"),
      {Approval({{"item", "chip:h200"}})});
  for (const auto* x : {&first, &later, &weeks, &partial}) Put(*store, *x);
  const std::string h = HappeningOf(*store, first);
  CHECK(HappeningOf(*store, later) == h);
  CHECK(HappeningOf(*store, weeks) != h);
  CHECK(HappeningOf(*store, partial) != h);
  RequireConsistent(*store);
}

TEST_CASE("Happening ids stay the same when articles are stored again or change",
          "[store][happenings]") {
  testing::TempDir dir;
  auto store = OpenStore(dir.path());
  const auto a = WithEvents(MakeArticle("https://wire.example/a", Report("harbor", 12)),
                            {Approval(kArgs, 400000)});
  const auto b = WithEvents(MakeArticle("https://paper.example/b", Report("harbor", 10) + "Upd."),
                            {Approval(kArgs, 400000)});
  Put(*store, a);
  Put(*store, b);
  const std::string h = HappeningOf(*store, a);
  REQUIRE(HappeningOf(*store, b) == h);

  // The first source changes (reprocessed with another extractor version):
  // the happening keeps the id it was named under.
  auto a2 = a;
  a2.article.extractor_version = "test-2";
  Put(*store, a2);
  CHECK(HappeningOf(*store, a2) == h);
  CHECK(HappeningOf(*store, b) == h);
  // Stored again unchanged: nothing moves.
  Put(*store, b);
  CHECK(HappeningOf(*store, b) == h);
  auto summary = store->GetHappening(h);
  REQUIRE(summary.ok());
  CHECK(summary->sources.size() == 2);
  RequireConsistent(*store);
}

TEST_CASE("Verify names stale and orphaned story and happening entries",
          "[store][happenings][verify]") {
  testing::TempDir dir;
  auto store = OpenStore(dir.path());
  const auto x = WithEvents(MakeArticle("https://wire.example/a", Report("harbor", 12)),
                            {Approval(kArgs, 400000, "2026-01-27")});
  Put(*store, x);
  RequireConsistent(*store);
  const std::string& article_id = x.article.id;
  const std::string event_id = article_id + ":e0";
  const auto problems = [&] {
    auto verify = store->Verify();
    REQUIRE(verify.ok());
    std::vector<std::string> out;
    for (const auto& p : *verify) out.push_back(p.family + " " + p.key + ": " + p.problem);
    return out;
  };
  const auto any = [](const std::vector<std::string>& all, const std::string& prefix,
                      const std::string& text) {
    return std::any_of(all.begin(), all.end(), [&](const std::string& p) {
      return p.rfind(prefix, 0) == 0 && p.find(text) != std::string::npos;
    });
  };

  SECTION("a band entry of no article") {
    REQUIRE(store->WriteRawForTesting("story_bands", std::string(8, '\1') + "feedfacefeedface", "")
                .ok());
    const auto found = problems();
    REQUIRE(found.size() == 1);
    CHECK(any(found, "story_bands ", "stale: article feedfacefeedface does not have it"));
  }
  SECTION("a deleted story record leaves its entries stale") {
    REQUIRE(store->WriteRawForTesting("stories", article_id, std::nullopt).ok());
    const auto found = problems();
    CHECK(any(found, "story_bands ", "stale: article " + article_id + " does not have it"));
    CHECK(any(found, "story_members ", "stale: article " + article_id));
  }
  SECTION("a deleted happening record leaves its entries stale") {
    REQUIRE(store->WriteRawForTesting("happenings", event_id, std::nullopt).ok());
    const auto found = problems();
    CHECK(any(found, "happening_story ", "stale: event " + event_id + " does not have it"));
    CHECK(any(found, "happening_members ", "stale: event " + event_id));
  }
  SECTION("a happening record of a deleted event") {
    REQUIRE(store->WriteRawForTesting("events", event_id, std::nullopt).ok());
    CHECK(any(problems(), "happenings " + event_id, "happening record of no event"));
  }
}
