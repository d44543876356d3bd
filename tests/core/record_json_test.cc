#include <catch2/catch.hpp>

#include "newsx/core/hash.h"
#include "newsx/core/record_json.h"

using namespace newsx;

TEST_CASE("ExtractedArticle JSON round-trips", "[core][json]") {
  ExtractedArticle x;
  x.article.id = ArticleId("https://example.com/a");
  x.article.url = "https://example.com/a";
  x.article.title = "China approves H200 imports";
  x.article.authors = {"Jane Doe"};
  x.article.text = "China approved imports.\nNvidia said so.";
  Entity chip{.id = "chip:nvidia/h200", .type = EntityType::kChip, .name = "Nvidia H200"};
  chip.vendor = "org:nvidia";
  chip.mentions.push_back(Mention{Span{10, 14}, "H200"});
  Entity ceo{.id = "person:jensen-huang", .type = EntityType::kPerson, .name = "Jensen Huang"};
  ceo.roles.push_back(Role{"CEO", "org:nvidia"});
  x.entities = {chip, ceo};
  Quantity q;
  q.text = "more than two million";
  q.low = 2e6;
  q.op = ">";
  q.unit = "chip";
  q.of = "chip:nvidia/h200";
  x.quantities.push_back(q);
  x.dates.push_back(DateExpr{"last week", Span{1, 10}, "2026-01-12/2026-01-18", true});
  Event e;
  e.id = "e1";
  e.type = "order";
  e.args.push_back(EventArg{"item", "chip:nvidia/h200", "H200", std::nullopt});
  e.args.push_back(EventArg{"quantity", "", q.text, q});
  e.modality = "reported";
  e.source = "org:reuters";
  x.events.push_back(e);

  const std::string json = ToJson(x);
  CHECK(json.find('\n') == std::string::npos);
  auto back = ParseExtractedArticle(json);
  REQUIRE(back.ok());
  CHECK(back->article.title == x.article.title);
  CHECK(back->article.authors == x.article.authors);
  CHECK(back->article.published.empty());
  REQUIRE(back->entities.size() == 2);
  CHECK(back->entities[0].vendor == "org:nvidia");
  CHECK(back->entities[0].mentions[0].span == Span{10, 14});
  CHECK(back->entities[1].roles == ceo.roles);
  REQUIRE(back->quantities.size() == 1);
  CHECK(back->quantities[0].low == 2e6);
  CHECK(!back->quantities[0].value.has_value());
  CHECK(back->quantities[0].op == ">");
  REQUIRE(back->events.size() == 1);
  REQUIRE(back->events[0].args.size() == 2);
  CHECK(back->events[0].source == "org:reuters");
  CHECK(ToJson(*back) == json);
}

TEST_CASE("ParseExtractedArticle rejects malformed input", "[core][json]") {
  CHECK(ParseExtractedArticle("").status().code() == StatusCode::kInvalidArgument);
  CHECK(ParseExtractedArticle("{\"article\": 3}").status().code() == StatusCode::kInvalidArgument);
  CHECK(ParseExtractedArticle("[1,2]").status().code() == StatusCode::kInvalidArgument);
  CHECK(ParseExtractedArticle("{\"schema\": 99, \"article\": {}}").status().code() ==
        StatusCode::kFailedPrecondition);
}

// Each invalid byte becomes U+FFFD (EF BF BD): the output is valid UTF-8
// JSON that parses back, with the text around the bad bytes intact. (The
// test used to check only that "bad" appeared, which any output passes.)
TEST_CASE("invalid UTF-8 in text is replaced, not thrown", "[core][json]") {
  Article a;
  a.text = "bad \xff\xfe bytes";
  a.title = "ok \xc3 cut";  // A sequence cut short.
  const std::string json = ToJson(a);
  CHECK(json.find('\xff') == std::string::npos);
  CHECK(json.find('\xfe') == std::string::npos);
  auto parsed = ParseArticle(json);
  REQUIRE(parsed.ok());
  CHECK(parsed->text == "bad \xEF\xBF\xBD\xEF\xBF\xBD bytes");
  CHECK(parsed->title == "ok \xEF\xBF\xBD cut");
}

TEST_CASE("ids are stable hashes", "[core][hash]") {
  CHECK(ArticleId("https://example.com/a") == ArticleId("https://example.com/a"));
  CHECK(ArticleId("https://example.com/a") != ArticleId("https://example.com/b"));
  CHECK(ArticleId("x").size() == 16);
  CHECK(ContentHash("abc").rfind("xxh128:", 0) == 0);
}

TEST_CASE("Event JSON: args as a list, evidence, time interval; schema 1 args still read",
          "[core][json]") {
  Event e;
  e.id = "e1";
  e.type = "visit";
  e.args.push_back(EventArg{"person", "person:jensen-huang", "Huang", std::nullopt});
  e.evidence = {EventEvidence{"Huang visited.", Span{0, 14}, "visited", Span{6, 13}}};
  e.time_text = "last week";
  e.time_value = "2026-01-19/2026-01-25";
  e.time_start = "2026-01-19T00:00:00Z";
  e.time_end = "2026-01-26T00:00:00Z";
  e.time_source = "sentence";
  const std::string json = ToJson(e);
  CHECK(json.find("\"args\":[{\"entity\":\"person:jensen-huang\",\"quantity\":null,"
                  "\"role\":\"person\",\"text\":\"Huang\"}]") != std::string::npos);
  CHECK(json.find("\"evidence\":[{\"sentence\":{") != std::string::npos);
  CHECK(json.find("\"start\":\"2026-01-19T00:00:00Z\"") != std::string::npos);
  auto back = ParseEvent(json);
  REQUIRE(back.ok());
  CHECK(back->evidence == e.evidence);
  CHECK(back->time_end == e.time_end);
  CHECK(back->time_source == "sentence");
  REQUIRE(back->args.size() == 1);
  CHECK(back->args[0].role == "person");
  CHECK(ToJson(*back) == json);

  // Schema 1 wrote args as an object keyed by role.
  auto old = ParseEvent(R"({"id":"e0","type":"order","args":{"buyer":{"entity":"org:a","text":"A",
      "quantity":null}},"time":{"text":"today","value":"2026-01-28"}})");
  REQUIRE(old.ok());
  REQUIRE(old->args.size() == 1);
  CHECK(old->args[0].role == "buyer");
  CHECK(old->args[0].entity_id == "org:a");
  CHECK(old->time_value == "2026-01-28");
}

TEST_CASE("Article JSON carries aliases", "[core][json]") {
  Article a;
  a.id = "x";
  a.aliases = {"https://b.example/copy"};
  auto back = ParseArticle(ToJson(a));
  REQUIRE(back.ok());
  CHECK(back->aliases == a.aliases);
}
