// The reference article: every `must` entity, quantity and event of
// fixtures/extract/seed/h200-imports.expected.json, and no `must_not`.

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>

#include "analyzer_test_util.h"
#include "newsx/core/strings.h"

namespace newsx::extract {
namespace {

using json = nlohmann::json;
using testing::AnalyzeText;
using testing::FindEntity;
using testing::ReadFixture;

// "China (Chinese technology companies)" -> "china".
std::string Head(const std::string& s) { return AsciiLower(s.substr(0, s.find(" ("))); }

bool NameMatches(const Entity& e, const std::string& expected) {
  const std::string want = Head(expected);
  if (AsciiLower(e.name) == want) return true;
  return std::any_of(e.aliases.begin(), e.aliases.end(),
                     [&](const std::string& a) { return AsciiLower(a) == want; });
}

std::string NameOf(const ExtractedArticle& x, const std::string& id) {
  const Entity* e = FindEntity(x, id);
  return e == nullptr ? id : e->name;
}

const ExtractedArticle& Seed() {
  static const ExtractedArticle x =
      AnalyzeText(ReadFixture("extract/seed/h200-imports.txt"), "2026-01-28T00:00:00Z");
  return x;
}

const json& Expected() {
  static const json j = json::parse(ReadFixture("extract/seed/h200-imports.expected.json"));
  return j;
}

const char* TypeName(EntityType t) { return EntityTypeName(t); }

TEST_CASE("Seed article yields every must entity", "[extract][analyzer][seed]") {
  const ExtractedArticle& x = Seed();
  REQUIRE(Expected()["entities"]["must"].size() > 0);
  for (const json& want : Expected()["entities"]["must"]) {
    const std::string name = want["name"];
    INFO("entity " << name);
    const Entity* found = nullptr;
    for (const Entity& e : x.entities) {
      if (TypeName(e.type) == want["type"].get<std::string>() && NameMatches(e, name)) found = &e;
    }
    REQUIRE(found != nullptr);
    if (want.contains("kind")) CHECK(found->kind == want["kind"].get<std::string>());
    if (want.contains("vendor")) CHECK(AsciiLower(NameOf(x, found->vendor)) == AsciiLower(want["vendor"].get<std::string>()));
    for (const json& role : want.value("roles", json::array())) {
      const bool has = std::any_of(found->roles.begin(), found->roles.end(), [&](const Role& r) {
        return r.title == role["title"].get<std::string>() &&
               AsciiLower(NameOf(x, r.org)) == AsciiLower(role["org"].get<std::string>());
      });
      CHECK(has);
    }
  }
}

// Vacuous if nothing were found or nothing listed: an analyzer that finds
// no entity at all has no must_not entity either. Both lists must be
// there; each must_not entry is compared with every entity's name.
TEST_CASE("Seed article yields no must_not entity", "[extract][analyzer][seed]") {
  const json& must_not = Expected()["entities"]["must_not"];
  REQUIRE(must_not.size() > 0);
  REQUIRE(Seed().entities.size() >= Expected()["entities"]["must"].size());
  for (const json& bad : must_not) {
    const std::string type = bad["type"].get<std::string>();
    const std::string name = bad["name"].get<std::string>();
    std::vector<std::string> matches;
    for (const Entity& e : Seed().entities) {
      if (TypeName(e.type) == type && AsciiLower(e.name) == AsciiLower(name)) matches.push_back(e.id);
    }
    INFO("must_not " << bad.dump());
    CHECK(matches.empty());
  }
}

bool QuantityMatches(const ExtractedArticle& x, const Quantity& q, const json& want) {
  if (q.text.find(want["text"].get<std::string>()) == std::string::npos) return false;
  const auto number = [](const std::optional<double>& v, const json& w) {
    return v.has_value() &&
           std::abs(*v - w.get<double>()) < 1e-6 * std::max(1.0, std::abs(w.get<double>()));
  };
  if (want.contains("value") && !number(q.value, want["value"])) return false;
  if (want.contains("low") && !number(q.low, want["low"])) return false;
  if (want.contains("high") && !number(q.high, want["high"])) return false;
  if (want.contains("approx") && q.approx != want["approx"].get<bool>()) return false;
  if (want.contains("op") && q.op != want["op"].get<std::string>()) return false;
  if (want.contains("unit") && q.unit != want["unit"].get<std::string>()) return false;
  if (want.contains("currency") && q.currency != want["currency"].get<std::string>()) return false;
  if (want.contains("of") && AsciiLower(NameOf(x, q.of)) != AsciiLower(want["of"].get<std::string>())) return false;
  return true;
}

TEST_CASE("Seed article yields every must quantity", "[extract][analyzer][seed]") {
  const ExtractedArticle& x = Seed();
  REQUIRE(Expected()["quantities"]["must"].size() > 0);
  for (const json& want : Expected()["quantities"]["must"]) {
    INFO("quantity " << want.dump());
    const bool found = std::any_of(x.quantities.begin(), x.quantities.end(),
                                   [&](const Quantity& q) { return QuantityMatches(x, q, want); });
    CHECK(found);
  }
}

// An argument matches by entity name (or the name of the entity's country:
// "China (customs)" is the Chinese customs agency) or by quantity text.
bool ArgMatches(const ExtractedArticle& x, const EventArg& arg, const std::string& want) {
  if (arg.quantity) return arg.quantity->text.find(want) != std::string::npos;
  const Entity* e = FindEntity(x, arg.entity_id);
  if (e == nullptr) return false;
  if (NameMatches(*e, want)) return true;
  const Entity* country = FindEntity(x, e->country);
  return country != nullptr && NameMatches(*country, want);
}

bool EventFound(const ExtractedArticle& x, const json& want) {
  for (const Event& ev : x.events) {
    if (ev.type != want["type"].get<std::string>()) continue;
    bool all = true;
    for (const auto& item : want["args"].items()) {
      // Named copies: clang 14 cannot capture a structured binding.
      const std::string role = item.key();
      const std::string value = item.value().get<std::string>();
      all &= std::any_of(ev.args.begin(), ev.args.end(), [&](const EventArg& a) {
        return a.role == role && ArgMatches(x, a, value);
      });
    }
    if (want.contains("modality")) all &= ev.modality == want["modality"].get<std::string>();
    if (want.contains("source")) all &= AsciiLower(NameOf(x, ev.source)) == AsciiLower(want["source"].get<std::string>());
    if (all) return true;
  }
  return false;
}

TEST_CASE("Seed article yields every must event", "[extract][analyzer][seed]") {
  REQUIRE(Expected()["events"]["must"].size() > 0);
  for (const json& want : Expected()["events"]["must"]) {
    INFO("event " << want.dump());
    CHECK(EventFound(Seed(), want));
  }
}

TEST_CASE("Seed article's events are one per happening, each argument once",
          "[extract][analyzer][seed]") {
  std::set<std::string> types;
  for (const Event& ev : Seed().events) {
    INFO("event " << ev.type);
    CHECK(types.insert(ev.type).second);  // The article tells one happening of each type.
    std::set<std::string> args;
    for (const EventArg& a : ev.args) {
      if (!a.entity_id.empty()) CHECK(args.insert(a.role + "=" + a.entity_id).second);
    }
  }
}

TEST_CASE("Seed article yields some may events", "[extract][analyzer][seed]") {
  int found = 0;
  for (const json& want : Expected()["events"]["may"]) found += EventFound(Seed(), want) ? 1 : 0;
  std::printf("seed may events found completely: %d of %zu\n", found,
              Expected()["events"]["may"].size());
  CHECK(found >= 2);
}

TEST_CASE("Seed article resolves 'Last week' against the publication date",
          "[extract][analyzer][seed]") {
  const auto& dates = Seed().dates;
  const bool found = std::any_of(dates.begin(), dates.end(), [](const DateExpr& d) {
    return d.text == "Last week" && d.value == "2026-01-19/2026-01-25" && d.relative;
  });
  CHECK(found);
}

}  // namespace
}  // namespace newsx::extract
