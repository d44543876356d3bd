#include <catch2/catch.hpp>

#include <thread>

#include "newsx/core/hash.h"
#include "newsx/core/record_json.h"
#include "newsx/store/article_store.h"
#include "store_test_util.h"
#include "temp_dir.h"

using namespace newsx;
using newsx::store::ArticleStore;
using newsx::testing::MakeArticle;
using newsx::testing::OpenStore;
using newsx::testing::MakeEntity;
using newsx::testing::MakeEvent;

namespace {

ExtractedArticle MakeNvidiaArticle(const std::string& url, const std::string& text) {
  auto x = MakeArticle(url, text, {MakeEntity("org:nvidia", "Nvidia", 1)});
  x.events.push_back(MakeEvent(x.article.id, "order", {"org:nvidia"}, text));
  return x;
}

}  // namespace

TEST_CASE("ArticleStore stores, reopens and reads back", "[store]") {
  testing::TempDir dir;
  const auto x = MakeNvidiaArticle("https://example.com/a", "Nvidia sold chips.");
  {
    auto store = OpenStore(dir.path());
    REQUIRE(store->Put(x, "<html>raw</html>").ok());
    REQUIRE(store->PutCheckpoint("backfill:x", "files:1:a").ok());
  }
  auto store = OpenStore(dir.path());
  auto back = store->GetArticle(x.article.id);
  REQUIRE(back.ok());
  CHECK(back->article.text == x.article.text);
  CHECK(*store->ContainsUrl("https://example.com/a"));
  CHECK(!*store->ContainsUrl("https://example.com/b"));
  CHECK(*store->ContainsContentHash(x.article.content_hash));
  CHECK(!*store->ContainsContentHash(ContentHash("other text")));
  auto checkpoint = store->GetCheckpoint("backfill:x");
  REQUIRE(checkpoint.ok());
  CHECK(checkpoint->value() == "files:1:a");
  auto stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->articles == 1);
  CHECK(stats->entities == 1);
  CHECK(stats->mentions == 1);
  CHECK(stats->events == 1);
  CHECK(stats->articles_by_source["example.com"] == 1);
  CHECK(stats->keys_by_family["raw"] == 1);
  CHECK(store->GetArticle("nope").status().code() == StatusCode::kNotFound);
  auto by_url = store->GetArticleByUrl("https://example.com/a");
  REQUIRE(by_url.ok());
  CHECK(by_url->article.id == x.article.id);
  auto raw = store->GetRawDocument(x.article.id);
  REQUIRE(raw.ok());
  CHECK(raw->body == "<html>raw</html>");
  CHECK(raw->url == "https://example.com/a");
  CHECK(raw->hint_published == x.article.published);
}

TEST_CASE("ArticleStore keeps the raw document's provenance", "[store]") {
  testing::TempDir dir;
  auto store = OpenStore(dir.path());
  const auto x = MakeNvidiaArticle("https://example.com/a", "Nvidia sold chips.");
  RawDocument doc{.url = "https://example.com/a?utm_source=x", .source = "feed.xml",
                  .body = std::string("\0<html>\xff</html>", 16),
                  .content_type = "text/html; charset=latin1", .fetched_unix_ms = 1234,
                  .hint_published = "2026-01-01", .hint_title = "T"};
  REQUIRE(store->Put(x, doc).ok());
  auto raw = store->GetRawDocument(x.article.id);
  REQUIRE(raw.ok());
  CHECK(raw->body == doc.body);
  CHECK(raw->url == doc.url);
  CHECK(raw->source == "feed.xml");
  CHECK(raw->content_type == doc.content_type);
  CHECK(raw->fetched_unix_ms == 1234);
  CHECK(raw->hint_published == "2026-01-01");
  CHECK(raw->hint_title == "T");
}

TEST_CASE("ArticleStore Put is idempotent", "[store]") {
  testing::TempDir dir;
  auto store = OpenStore(dir.path());
  const auto x = MakeNvidiaArticle("https://example.com/a", "Nvidia sold chips.");
  REQUIRE(store->Put(x, "raw").ok());
  const std::uint64_t seq = *store->LastChangeSeq();
  REQUIRE(store->Put(x, "raw").ok());
  auto refetched = x;
  refetched.article.fetched = "2026-02-01T00:00:00Z";
  refetched.article.source = "other.warc.gz@77";
  REQUIRE(store->Put(refetched, "raw, fetched again").ok());
  CHECK(*store->LastChangeSeq() == seq);
  CHECK(store->GetArticle(x.article.id)->article.fetched == x.article.fetched);
  auto stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->articles == 1);
  CHECK(stats->events == 1);
  CHECK(stats->mentions == 1);
  CHECK(store->GetEntity("org:nvidia")->article_count == 1);
  CHECK(store->Verify()->empty());
}

TEST_CASE("ArticleStore rejects articles without id and writes on a read-only store",
          "[store]") {
  testing::TempDir dir;
  {
    auto store = OpenStore(dir.path());
    ExtractedArticle no_id;
    CHECK(store->Put(no_id, "raw").code() == StatusCode::kInvalidArgument);
  }
  auto ro = ArticleStore::Open({.path = dir.path(), .read_only = true});
  REQUIRE(ro.ok());
  const auto x = MakeNvidiaArticle("https://example.com/a", "Nvidia sold chips.");
  CHECK((*ro)->Put(x, "raw").code() == StatusCode::kFailedPrecondition);
  CHECK((*ro)->PutCheckpoint("a", "b").code() == StatusCode::kFailedPrecondition);
}

TEST_CASE("ArticleStore refuses a database held by another instance", "[store]") {
  testing::TempDir dir;
  auto first = ArticleStore::Open({.path = dir.path()});
  REQUIRE(first.ok());
  auto second = ArticleStore::Open({.path = dir.path()});
  REQUIRE(!second.ok());
  CHECK(second.status().code() == StatusCode::kFailedPrecondition);
  CHECK(second.status().message().find("in use by another newsx process") != std::string::npos);
  // Readers need no lock.
  auto reader = ArticleStore::Open({.path = dir.path(), .read_only = true});
  CHECK(reader.ok());
}

TEST_CASE("ArticleStore refuses another schema version", "[store]") {
  testing::TempDir dir;
  {
    auto store = OpenStore(dir.path());
    REQUIRE(store->WriteRawForTesting("meta", "schema_version", "1").ok());
  }
  auto store = ArticleStore::Open({.path = dir.path()});
  REQUIRE(!store.ok());
  CHECK(store.status().code() == StatusCode::kFailedPrecondition);
  CHECK(store.status().message().find("schema version 1") != std::string::npos);
}

TEST_CASE("ArticleStore records dead letters by reason", "[store]") {
  testing::TempDir dir;
  auto store = OpenStore(dir.path());
  REQUIRE(store->PutDeadLetter({"a.html", "extract", "invalid_argument", "no text", 1}).ok());
  REQUIRE(store->PutDeadLetter({"b.html", "extract", "invalid_argument", "no text", 1}).ok());
  REQUIRE(store->PutDeadLetter({"c.html", "fetch", "unavailable", "503", 2}).ok());
  // The same input failing again replaces its record.
  REQUIRE(store->PutDeadLetter({"c.html", "fetch", "unavailable", "503 again", 3}).ok());
  auto stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->dead_letters == 3);
  CHECK(stats->dead_letters_by_reason["extract/invalid_argument"] == 2);
  CHECK(stats->dead_letters_by_reason["fetch/unavailable"] == 1);
  auto list = store->ListDeadLetters();
  REQUIRE(list.ok());
  REQUIRE(list->size() == 3);
  CHECK(list->back().reason == "503 again");
}

TEST_CASE("ArticleStore reports a missing database when not creating", "[store]") {
  testing::TempDir dir;
  auto store = ArticleStore::Open({.path = dir.File("missing"), .create_if_missing = false});
  REQUIRE(!store.ok());
  CHECK(store.status().code() == StatusCode::kNotFound);
  auto ro = ArticleStore::Open({.path = dir.File("missing"), .read_only = true});
  CHECK(!ro.ok());
}

TEST_CASE("ArticleStore keeps entity counts right under concurrent writers", "[store]") {
  testing::TempDir dir;
  auto store = OpenStore(dir.path());
  constexpr int kThreads = 4;
  constexpr int kPerThread = 50;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        // Threads overlap on half of the URLs: the same article stored twice.
        const int n = (t % 2) * kPerThread + i;
        const std::string url = "https://example.com/" + std::to_string(n);
        auto x = MakeArticle(url, "Nvidia and TSMC " + url,
                             {MakeEntity("org:nvidia", "Nvidia", 2),
                              MakeEntity("org:tsmc", "TSMC", 1)});
        x.events.push_back(MakeEvent(x.article.id, "order", {"org:nvidia"}, x.article.text));
        if (!store->Put(x, "raw").ok()) FAIL_CHECK("put failed");
      }
    });
  }
  for (auto& t : threads) t.join();
  const int articles = 2 * kPerThread;
  auto nvidia = store->GetEntity("org:nvidia");
  REQUIRE(nvidia.ok());
  CHECK(nvidia->article_count == articles);
  CHECK(nvidia->mention_count == 2 * articles);
  CHECK(store->Stats()->articles == articles);
  auto problems = store->Verify();
  REQUIRE(problems.ok());
  CHECK(problems->empty());
}

TEST_CASE("ArticleStore round-trips every field of an article", "[store]") {
  testing::TempDir dir;
  auto store = OpenStore(dir.path());
  auto x = MakeNvidiaArticle("https://example.com/full", "Nvidia — 英伟达 — sold 2 million chips.");
  x.article.authors = {"Mei Lin", "Zhou Wen"};
  x.article.tags = {"chips", ""};
  x.article.modified = "2026-01-29T01:00:00Z";
  x.article.lang = "en";
  x.article.description = "d";
  x.article.section = "Tech";
  x.article.image = "https://example.com/i.png";
  x.article.source = "a.warc.gz@123";
  x.entities[0].aliases = {"NVDA", "英伟达"};
  x.entities.push_back(MakeEntity("person:jensen-huang", "Jensen Huang", 2));
  x.entities.back().roles = {Role{"CEO", "org:nvidia"}, Role{"founder", ""}};
  Quantity q{.text = "2 million", .span = {20, 29}, .value = 2e6, .op = ">=", .approx = true,
             .kind = "number", .unit = "chip", .of = "chip:nvidia/h200"};
  Quantity range{.text = "10-20%", .low = 10.0, .high = 20.5, .kind = "percent"};
  x.quantities = {q, range};
  x.dates = {DateExpr{"last week", {1, 10}, "2026-01-19/2026-01-25", true}};
  x.events[0].args.push_back(EventArg{.role = "quantity", .text = "2 million", .quantity = q});
  x.events[0].time_text = "last week";
  x.events[0].time_value = "2026-01-19/2026-01-25";
  x.events[0].polarity = "negated";
  x.events[0].modality = "reported";
  x.events[0].source = "org:reuters";
  x.events[0].confidence = 0.123456789;
  REQUIRE(store->Put(x, "raw").ok());
  auto back = store->GetArticle(x.article.id);
  REQUIRE(back.ok());
  CHECK(ToJson(*back) == ToJson(x));
  std::vector<Event> events;
  REQUIRE(store->FindEvents({}, [&](const Event& e) {
    events.push_back(e);
    return true;
  }).ok());
  REQUIRE(events.size() == 1);
  CHECK(ToJson(events[0]) == ToJson(x.events[0]));
}

TEST_CASE("ArticleStore reports undecodable stored records as data loss", "[store]") {
  testing::TempDir dir;
  auto store = OpenStore(dir.path());
  const auto x = MakeNvidiaArticle("https://example.com/a", "Nvidia sold chips.");
  REQUIRE(store->Put(x, "raw").ok());
  for (const std::string& garbage : {std::string(), std::string("\x01"),
                                     std::string("\x01\0\0\0\0\0\0\0\x01\0\0\0\x05zz", 16),
                                     std::string("\x02garbage")}) {
    REQUIRE(store->WriteRawForTesting("articles", x.article.id, garbage).ok());
    CHECK(store->GetArticle(x.article.id).status().code() == StatusCode::kDataLoss);
    auto problems = store->Verify();
    REQUIRE(problems.ok());
    REQUIRE(!problems->empty());
    CHECK((*problems)[0].problem.find("undecodable") != std::string::npos);
  }
  REQUIRE(store->WriteRawForTesting("entities", "org:nvidia", "\x01short").ok());
  CHECK(store->GetEntity("org:nvidia").status().code() == StatusCode::kDataLoss);
  REQUIRE(store->WriteRawForTesting("raw", x.article.id, "\x01\xff\xff\xff\xff").ok());
  CHECK(store->GetRawDocument(x.article.id).status().code() == StatusCode::kDataLoss);
}
