// FindEventsPage (cursor paging both ways, bounded scans) and
// ArticlesMentioning.

#include <catch2/catch.hpp>

#include "newsx/store/article_store.h"
#include "store_test_util.h"
#include "temp_dir.h"

namespace newsx::store {
namespace {

using testing::MakeArticle;
using testing::MakeEntity;
using testing::MakeEvent;

// Five articles a day apart, each with one "order" event of org:acme and
// one "visit" event of org:other.
std::unique_ptr<ArticleStore> FiveDays(const std::string& path) {
  auto store = ArticleStore::Open({.path = path});
  REQUIRE(store.ok());
  for (int day = 1; day <= 5; ++day) {
    const std::string url = "https://example.com/" + std::to_string(day);
    auto x = MakeArticle(url, "Text number " + std::to_string(day) + ".",
                         {MakeEntity("org:acme", "Acme", day), MakeEntity("org:other", "Other", 1)},
                         "2026-01-0" + std::to_string(day) + "T12:00:00Z");
    x.events = {MakeEvent(x.article.id, "order", {"org:acme"}, "Acme took order " + std::to_string(day)),
                MakeEvent(x.article.id, "visit", {"org:other"}, "Other visited " + std::to_string(day))};
    REQUIRE((*store)->Put(x, "<p>page</p>").ok());
  }
  return std::move(store).value();
}

std::vector<std::string> Sentences(const EventPage& page) {
  std::vector<std::string> out;
  for (const TimedEvent& e : page.events) out.push_back(e.event.sentence);
  return out;
}

TEST_CASE("FindEventsPage pages forward and newest first with cursors", "[store][browse]") {
  testing::TempDir dir;
  auto store = FiveDays(dir.path());
  const EventQuery q{.entity_id = "org:acme"};
  for (const bool newest_first : {false, true}) {
    std::vector<std::string> all;
    EventPageRequest page{.limit = 2, .newest_first = newest_first};
    int pages = 0;
    while (true) {
      auto p = store->FindEventsPage(q, page);
      REQUIRE(p.ok());
      ++pages;
      for (const std::string& s : Sentences(*p)) all.push_back(s);
      if (p->next_cursor.empty()) break;
      page.cursor = p->next_cursor;
    }
    CHECK(pages == 3);
    REQUIRE(all.size() == 5);
    CHECK(all.front() == (newest_first ? "Acme took order 5" : "Acme took order 1"));
    CHECK(all.back() == (newest_first ? "Acme took order 1" : "Acme took order 5"));
  }
}

TEST_CASE("FindEventsPage gives the index time and bounds the scan", "[store][browse]") {
  testing::TempDir dir;
  auto store = FiveDays(dir.path());
  auto p = store->FindEventsPage({.type = "visit"}, {.limit = 1, .newest_first = true});
  REQUIRE(p.ok());
  REQUIRE(p->events.size() == 1);
  CHECK(p->events[0].time_unix_s == 1767614400);  // 2026-01-05T12:00:00Z

  // A text filter that matches only the oldest event, with at most 2 entries
  // examined a call: short pages whose cursors lead to it.
  EventPageRequest page{.limit = 10, .newest_first = true, .max_scanned = 2};
  std::vector<std::string> found;
  int calls = 0;
  while (true) {
    auto r = store->FindEventsPage({.text = "order 1"}, page);
    REQUIRE(r.ok());
    CHECK(r->scanned <= 2);
    ++calls;
    for (const std::string& s : Sentences(*r)) found.push_back(s);
    if (r->next_cursor.empty()) break;
    page.cursor = r->next_cursor;
  }
  CHECK(found == std::vector<std::string>{"Acme took order 1"});
  CHECK(calls == 5);  // 10 events, 2 a call.
}

TEST_CASE("FindEventsPage rejects a cursor of another query", "[store][browse]") {
  testing::TempDir dir;
  auto store = FiveDays(dir.path());
  auto p = store->FindEventsPage({.entity_id = "org:acme"}, {.limit = 1});
  REQUIRE(p.ok());
  REQUIRE_FALSE(p->next_cursor.empty());
  for (const std::string& cursor : {std::string("zz"), std::string("abc"), p->next_cursor}) {
    auto r = store->FindEventsPage({.type = "visit"}, {.cursor = cursor, .limit = 1});
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kInvalidArgument);
  }
}

TEST_CASE("ArticlesMentioning lists the newest articles of an entity first", "[store][browse]") {
  testing::TempDir dir;
  auto store = FiveDays(dir.path());
  auto refs = store->ArticlesMentioning("org:acme", kMinTime, kMaxTime, 3);
  REQUIRE(refs.ok());
  REQUIRE(refs->size() == 3);
  CHECK((*refs)[0].mentions == 5);
  CHECK((*refs)[2].mentions == 3);
  CHECK((*refs)[0].time_unix_s > (*refs)[1].time_unix_s);
  auto window = store->ArticlesMentioning("org:acme", 1767225600 /* 2026-01-01 */,
                                          1767398400 /* 2026-01-03 */, 10);
  REQUIRE(window.ok());
  CHECK(window->size() == 2);
  auto none = store->ArticlesMentioning("org:nobody", kMinTime, kMaxTime, 10);
  REQUIRE(none.ok());
  CHECK(none->empty());
}

}  // namespace
}  // namespace newsx::store
