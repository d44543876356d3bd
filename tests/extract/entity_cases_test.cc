// Entity recognition over realistic news sentences written for the project
// (fixtures/extract/entities/cases.jsonl): precision and recall of the
// entity ids per sentence, printed and held above a floor.

#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

#include "analyzer_test_util.h"

namespace newsx::extract {
namespace {

using json = nlohmann::json;

TEST_CASE("Entity cases reach precision and recall floors", "[extract][analyzer][entity]") {
  std::istringstream lines(testing::ReadFixture("extract/entities/cases.jsonl"));
  std::string line;
  int cases = 0;
  std::size_t true_positive = 0, predicted = 0, expected = 0;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    ++cases;
    const json c = json::parse(line);
    const ExtractedArticle x = testing::AnalyzeText(c["text"], "2026-01-28T00:00:00Z");
    std::set<std::string> want;
    for (const json& id : c["entities"]) want.insert(id.get<std::string>());
    std::set<std::string> got;
    for (const Entity& e : x.entities) got.insert(e.id);
    for (const std::string& id : got) {
      if (want.count(id)) {
        ++true_positive;
      } else {
        std::printf("  entity false positive: %s in \"%s\"\n", id.c_str(),
                    c["text"].get<std::string>().c_str());
      }
    }
    for (const std::string& id : want) {
      if (!got.count(id))
        std::printf("  entity missed: %s in \"%s\"\n", id.c_str(),
                    c["text"].get<std::string>().c_str());
    }
    predicted += got.size();
    expected += want.size();
  }
  const double precision = predicted ? static_cast<double>(true_positive) / predicted : 0;
  const double recall = expected ? static_cast<double>(true_positive) / expected : 0;
  std::printf(
      "entity cases: %d sentences, %zu expected, %zu predicted, precision %.3f, recall %.3f\n",
      cases, expected, predicted, precision, recall);
  CHECK(cases >= 40);
  CHECK(precision >= 0.93);
  CHECK(recall >= 0.93);
}

TEST_CASE("Entity mentions carry code-point spans and stripped possessives",
          "[extract][analyzer][entity]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "Über-fast: Nvidia CEO Jensen Huang’s trip. Later, Huang met Nvidia’s customers.", "");
  const Entity* huang = testing::FindEntity(x, "person:jensen-huang");
  REQUIRE(huang != nullptr);
  REQUIRE(huang->mentions.size() == 2);
  CHECK(huang->mentions[0].text == "Jensen Huang");
  CHECK(huang->mentions[0].span.begin == 22);  // "Ü" is one code point.
  CHECK(huang->mentions[0].span.end == 34);
  CHECK(huang->mentions[1].text == "Huang");
  REQUIRE(huang->roles.size() == 1);
  CHECK(huang->roles[0].title == "CEO");
  CHECK(huang->roles[0].org == "org:nvidia");
  const Entity* nvidia = testing::FindEntity(x, "org:nvidia");
  REQUIRE(nvidia != nullptr);
  CHECK(nvidia->mentions.size() == 2);
}

TEST_CASE("Aliases resolve to one id and short all-caps aliases need their case",
          "[extract][analyzer][entity]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "NVIDIA and Nvidia Corp are the same firm as Nvidia. Let us see whether the US agrees.", "");
  const Entity* nvidia = testing::FindEntity(x, "org:nvidia");
  REQUIRE(nvidia != nullptr);
  CHECK(nvidia->mentions.size() == 3);
  const Entity* us = testing::FindEntity(x, "place:united-states");
  REQUIRE(us != nullptr);
  CHECK(us->mentions.size() == 1);
}

TEST_CASE("Roles from appositions and possessive titles", "[extract][analyzer][entity]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "\"We will comply,\" said Jane Doe, a spokesperson for Cambricon. Huawei's chief executive, "
      "Zhang Wei, declined to comment. Commerce Secretary Ann Smith said Doe was right. Ministry "
      "spokesperson He Yadong agreed.",
      "");
  const Entity* doe = testing::FindEntity(x, "person:jane-doe");
  REQUIRE(doe != nullptr);
  REQUIRE_FALSE(doe->roles.empty());
  CHECK(doe->roles[0].title == "spokesperson");
  CHECK(doe->roles[0].org == "org:cambricon");
  CHECK(doe->mentions.size() == 2);
  const Entity* zhang = testing::FindEntity(x, "person:zhang-wei");
  REQUIRE(zhang != nullptr);
  REQUIRE_FALSE(zhang->roles.empty());
  CHECK(zhang->roles[0].org == "org:huawei");
  CHECK(testing::FindEntity(x, "person:he-yadong") != nullptr);
  const Entity* smith = testing::FindEntity(x, "person:ann-smith");
  REQUIRE(smith != nullptr);
  REQUIRE_FALSE(smith->roles.empty());
  CHECK(smith->roles[0].org == "org:us-commerce-department");
}

TEST_CASE("Unknown chips by rule and model coreference", "[extract][analyzer][entity]") {
  const ExtractedArticle x = testing::AnalyzeText(
      "Huawei showed its Ascend 960 at the fair. The company said the 960 would ship soon. "
      "Nvidia B60 samples went out, and rival X900 accelerators from Biren were delayed.",
      "");
  CHECK(testing::FindEntity(x, "chip:huawei/ascend-960") != nullptr);
  CHECK(testing::FindEntity(x, "chip:nvidia/b60") != nullptr);
  CHECK(testing::FindEntity(x, "chip:biren/x900") != nullptr);
  CHECK(testing::FindEntity(x, "chip:huawei/ascend-960")->mentions.size() == 2);
}

}  // namespace
}  // namespace newsx::extract
