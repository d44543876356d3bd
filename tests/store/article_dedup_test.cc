// Content dedup across URLs, aliases, re-fetch provenance and the
// articles value layouts (issue 15: one article per page, kept provenance).

#include <catch2/catch.hpp>

#include <bit>

#include "newsx/core/hash.h"
#include "newsx/store/article_store.h"
#include "store_test_util.h"
#include "temp_dir.h"

using namespace newsx;
using newsx::store::ArticleStore;
using newsx::store::PutOutcome;
using newsx::testing::MakeArticle;
using newsx::testing::OpenStore;
using newsx::testing::MakeEntity;
using newsx::testing::MakeEvent;

namespace {

ExtractedArticle Page(const std::string& url, const std::string& text,
                      const std::string& fetched = "2026-01-29T00:00:00Z") {
  auto x = MakeArticle(url, text, {MakeEntity("org:nvidia", "Nvidia", 2)});
  x.article.fetched = fetched;
  x.article.source = "copy-of-" + url;
  x.events.push_back(MakeEvent(x.article.id, "order", {"org:nvidia"}, text));
  return x;
}

PutOutcome Put(ArticleStore& store, const ExtractedArticle& x) {
  PutOutcome outcome = PutOutcome::kNew;
  REQUIRE(store.Put(x, "<html>" + x.article.url + "</html>", &outcome).ok());
  return outcome;
}

}  // namespace

TEST_CASE("The same main text under other URLs is one article with aliases", "[store][dedup]") {
  const std::string text = "Nvidia received orders for H200 chips.";
  const auto a = Page("https://a.example/story", text, "2026-01-30T00:00:00Z");
  const auto b = Page("https://b.example/copy", text, "2026-01-29T00:00:00Z");
  const auto c = Page("file:///saved/copy.html", text, "2026-01-31T00:00:00Z");
  const std::string kept = std::min({a.article.id, b.article.id, c.article.id});

  // Whatever the order of arrival, the same article is kept, with the
  // other URLs as aliases and the earliest fetch's time and source.
  for (const std::vector<const ExtractedArticle*>& order :
       {std::vector<const ExtractedArticle*>{&a, &b, &c},
        std::vector<const ExtractedArticle*>{&c, &b, &a},
        std::vector<const ExtractedArticle*>{&b, &c, &a}}) {
    testing::TempDir dir;
    auto store = OpenStore(dir.path());
    std::vector<PutOutcome> outcomes;
    for (const ExtractedArticle* x : order) outcomes.push_back(Put(*store, *x));
    CHECK(outcomes == std::vector<PutOutcome>{PutOutcome::kNew, PutOutcome::kDuplicate,
                                              PutOutcome::kDuplicate});
    auto stats = store->Stats();
    REQUIRE(stats.ok());
    CHECK(stats->articles == 1);
    CHECK(stats->aliases == 2);
    CHECK(stats->events == 1);
    CHECK(store->GetEntity("org:nvidia")->article_count == 1);
    CHECK(store->GetEntity("org:nvidia")->mention_count == 2);
    for (const auto* x : {&a, &b, &c}) {
      auto found = store->GetArticleByUrl(x->article.url);
      REQUIRE(found.ok());
      CHECK(found->article.id == kept);
      CHECK(*store->ContainsUrl(x->article.url));
    }
    auto article = store->GetArticle(kept);
    REQUIRE(article.ok());
    CHECK(article->article.aliases.size() == 2);
    CHECK(article->article.fetched == b.article.fetched);
    CHECK(article->article.source == b.article.source);
    CHECK(store->Verify()->empty());
    // Storing any of them again changes nothing.
    const std::uint64_t seq = *store->LastChangeSeq();
    for (const auto* x : {&a, &b, &c}) {
      const PutOutcome again = Put(*store, *x);
      CHECK((again == PutOutcome::kUnchanged || again == PutOutcome::kDuplicate));
    }
    CHECK(*store->LastChangeSeq() == seq);
  }
}

TEST_CASE("Dedup holds across store instances (runs)", "[store][dedup]") {
  testing::TempDir dir;
  const std::string text = "The same story, syndicated.";
  const auto a = Page("https://a.example/1", text);
  const auto b = Page("https://b.example/2", text);
  { CHECK(Put(*OpenStore(dir.path()), a) == PutOutcome::kNew); }
  {
    auto store = OpenStore(dir.path());
    CHECK(Put(*store, b) == PutOutcome::kDuplicate);
    CHECK(store->Stats()->articles == 1);
  }
  // A different text at another URL is an article of its own.
  auto store = OpenStore(dir.path());
  CHECK(Put(*store, Page("https://c.example/3", "Another story.")) == PutOutcome::kNew);
  CHECK(store->Stats()->articles == 2);
}

TEST_CASE("An identical re-fetch keeps the first fetch's time and source", "[store][dedup]") {
  testing::TempDir dir;
  auto store = OpenStore(dir.path());
  const auto first = Page("https://a.example/story", "Nvidia sold chips.");
  CHECK(Put(*store, first) == PutOutcome::kNew);
  const std::uint64_t seq = *store->LastChangeSeq();

  // Same canonical URL, fetched later from elsewhere under a tracking URL.
  auto again = first;
  again.article.url = "https://a.example/story?utm_source=feed";
  again.article.fetched = "2026-03-01T00:00:00Z";
  again.article.source = "https://a.example/feed.xml";
  CHECK(Put(*store, again) == PutOutcome::kUnchanged);
  auto stored = store->GetArticle(first.article.id);
  REQUIRE(stored.ok());
  CHECK(stored->article.fetched == first.article.fetched);
  CHECK(stored->article.source == first.article.source);
  CHECK(stored->article.url == first.article.url);
  // The URL it was not known under becomes an alias, findable.
  CHECK(stored->article.aliases == std::vector<std::string>{again.article.url});
  CHECK(store->GetArticleByUrl(again.article.url)->article.id == first.article.id);
  CHECK(*store->LastChangeSeq() == seq + 1);
  // A third time changes nothing at all.
  CHECK(Put(*store, again) == PutOutcome::kUnchanged);
  CHECK(*store->LastChangeSeq() == seq + 1);

  // A changed page replaces the record and keeps its aliases.
  auto changed = first;
  changed.article.text = "Nvidia sold more chips.";
  changed.article.content_hash = ContentHash(changed.article.text);
  changed.article.fetched = "2026-04-01T00:00:00Z";
  CHECK(Put(*store, changed) == PutOutcome::kChanged);
  stored = store->GetArticle(first.article.id);
  CHECK(stored->article.text == changed.article.text);
  CHECK(stored->article.fetched == changed.article.fetched);
  CHECK(stored->article.aliases == std::vector<std::string>{again.article.url});
  CHECK(store->Verify()->empty());
}

namespace {

// The articles value of schema version 2's first layout (format byte 1):
// what databases written before event evidence and aliases hold.
class V1Writer {
 public:
  void U8(std::uint8_t v) { out += static_cast<char>(v); }
  void U32(std::uint32_t v) { Fixed(v, 4); }
  void U64(std::uint64_t v) { Fixed(v, 8); }
  void Str(const std::string& s) {
    U32(static_cast<std::uint32_t>(s.size()));
    out += s;
  }
  void Fixed(std::uint64_t v, int n) {
    for (int i = n - 1; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xff);
  }
  std::string out;
};

std::string V1Value(const ExtractedArticle& x, std::uint64_t seq) {
  V1Writer w;
  const Article& a = x.article;
  w.U8(1);
  w.U64(seq);
  w.Str(a.fetched);
  w.Str(a.source);
  for (const std::string* s : {&a.id, &a.url, &a.canonical_url, &a.title}) w.Str(*s);
  w.U32(0);  // authors
  for (const std::string* s : {&a.published, &a.modified, &a.lang, &a.site, &a.description,
                               &a.section}) {
    w.Str(*s);
  }
  w.U32(0);  // tags
  for (const std::string* s : {&a.image, &a.text, &a.content_hash, &a.extractor_version}) {
    w.Str(*s);
  }
  w.U32(0);  // entities
  w.U32(0);  // quantities
  w.U32(0);  // dates
  w.U32(static_cast<std::uint32_t>(x.events.size()));
  for (const Event& e : x.events) {
    w.Str(e.id);
    w.Str(e.type);
    w.Str(e.trigger);
    w.U64(e.trigger_span.begin);
    w.U64(e.trigger_span.end);
    w.Str(e.sentence);
    w.U64(e.sentence_span.begin);
    w.U64(e.sentence_span.end);
    w.U32(0);  // args
    for (const std::string* s : {&e.time_text, &e.time_value, &e.polarity, &e.modality,
                                 &e.source, &e.article}) {
      w.Str(*s);
    }
    w.U64(std::bit_cast<std::uint64_t>(e.confidence));
  }
  return w.out;
}

}  // namespace

TEST_CASE("Articles written in the older layout still decode and compare", "[store][dedup]") {
  testing::TempDir dir;
  auto store = OpenStore(dir.path());
  auto x = MakeArticle("https://a.example/old", "Old text.");
  x.events.push_back(MakeEvent(x.article.id, "visit", {}, "Old text.", "2026-01-12/2026-01-18"));
  x.events[0].args.clear();
  REQUIRE(store->Put(x, "<html>old</html>").ok());
  const std::uint64_t seq = *store->LastChangeSeq();
  REQUIRE(store->WriteRawForTesting("articles", x.article.id, V1Value(x, seq)).ok());

  auto back = store->GetArticle(x.article.id);
  REQUIRE(back.ok());
  CHECK(back->article.url == x.article.url);
  CHECK(back->article.text == x.article.text);
  REQUIRE(back->events.size() == 1);
  CHECK(back->events[0].time_value == "2026-01-12/2026-01-18");
  CHECK(back->events[0].evidence.empty());
  CHECK(back->events[0].time_start.empty());
  CHECK(store->Verify()->empty());
  // The same record stored again is recognized as unchanged.
  PutOutcome outcome = PutOutcome::kNew;
  REQUIRE(store->Put(x, "<html>old</html>", &outcome).ok());
  CHECK(outcome == PutOutcome::kUnchanged);
  CHECK(*store->LastChangeSeq() == seq);
}

TEST_CASE("Event evidence and time intervals round-trip through the store", "[store][dedup]") {
  testing::TempDir dir;
  auto store = OpenStore(dir.path());
  auto x = MakeArticle("https://a.example/ev", "Huang visited. He visited again.");
  x.events.push_back(MakeEvent(x.article.id, "visit", {}, "Huang visited."));
  Event& e = x.events[0];
  e.evidence = {EventEvidence{"Huang visited.", Span{0, 14}, "visited", Span{6, 13}},
                EventEvidence{"He visited again.", Span{15, 32}, "visited", Span{18, 25}}};
  e.time_value = "2026-01-20";
  e.time_start = "2026-01-20T00:00:00Z";
  e.time_end = "2026-01-21T00:00:00Z";
  e.time_source = "sentence";
  REQUIRE(store->Put(x, "raw").ok());
  auto back = store->GetArticle(x.article.id);
  REQUIRE(back.ok());
  REQUIRE(back->events.size() == 1);
  CHECK(back->events[0].evidence == e.evidence);
  CHECK(back->events[0].time_start == e.time_start);
  CHECK(back->events[0].time_end == e.time_end);
  CHECK(back->events[0].time_source == "sentence");
  std::vector<Event> found;
  REQUIRE(store->FindEvents({}, [&](const Event& ev) {
    found.push_back(ev);
    return true;
  }).ok());
  REQUIRE(found.size() == 1);
  CHECK(found[0].evidence == e.evidence);
  CHECK(found[0].time_end == e.time_end);
}
