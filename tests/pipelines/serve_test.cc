// newsx serve over loopback: the JSON API, paging, 400s, the pages (and
// the escaping of stored markup), /metrics, and reopening after a write.

#include <httplib.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

#include "newsx/pipelines/serve.h"
#include "serve_test_db.h"
#include "temp_dir.h"

namespace newsx::pipelines {
namespace {

using nlohmann::json;

struct Running {
  testing::TempDir dir;
  std::ostringstream log_text;
  Logger log{&log_text, LogLevel::kWarn, false};
  std::unique_ptr<Server> server;
  std::unique_ptr<httplib::Client> client;

  explicit Running(int refresh_s = 0) {
    REQUIRE(testing::WriteServeTestDb(dir.File("db")));
    auto s = Server::Start({.db_path = dir.File("db"), .port = 0, .refresh_s = refresh_s}, &log);
    REQUIRE(s.ok());
    server = std::move(s).value();
    client = std::make_unique<httplib::Client>("127.0.0.1", server->port());
  }

  httplib::Result Get(const std::string& path) { return client->Get(path.c_str()); }

  json GetJson(const std::string& path, int expected_status = 200) {
    auto r = Get(path);
    REQUIRE(r);
    INFO(path << " -> " << r->body);
    REQUIRE(r->status == expected_status);
    CHECK(r->get_header_value("Content-Type").rfind("application/json", 0) == 0);
    return json::parse(r->body);
  }
};

TEST_CASE("serve: /api/events filters as query events and pages by cursor", "[serve]") {
  Running s;
  json all = s.GetJson("/api/events");
  REQUIRE(all["events"].size() == 4);
  CHECK(all["next_cursor"].is_null());
  // Newest first by default; rows have the export's columns plus "time".
  CHECK(all["events"][0]["sentence"]["text"] == "Microsoft ordered Nvidia GPUs.");
  for (const char* column : {"id", "type", "trigger", "sentence", "evidence", "args", "time_text",
                             "time_value", "time_start", "time_end", "time_source", "polarity",
                             "modality", "source", "article", "confidence", "time"}) {
    CHECK(all["events"][0].contains(column));
  }
  CHECK(s.GetJson("/api/events?type=order")["events"].size() == 3);
  CHECK(s.GetJson("/api/events?entity=org:amd")["events"].size() == 1);
  CHECK(s.GetJson("/api/events?text=microsoft")["events"].size() == 1);
  CHECK(s.GetJson("/api/events?since=2026-01-10&until=2026-02-01")["events"].size() == 2);

  std::vector<std::string> ids;
  std::string path = "/api/events?order=asc&limit=1";
  for (int page = 0; page < 10; ++page) {
    json j = s.GetJson(path);
    for (const json& e : j["events"]) ids.push_back(e["id"]);
    if (j["next_cursor"].is_null()) break;
    path = "/api/events?order=asc&limit=1&cursor=" + j["next_cursor"].get<std::string>();
  }
  CHECK(ids.size() == 4);
  CHECK(ids.front() == s.GetJson("/api/events?order=asc")["events"][0]["id"]);
}

TEST_CASE("serve: bad parameters are 400 with a message", "[serve]") {
  Running s;
  for (const char* path :
       {"/api/events?limit=0", "/api/events?limit=100000", "/api/events?limit=ten",
        "/api/events?since=yesterday", "/api/events?order=sideways", "/api/events?cursor=zz",
        "/api/events?tpye=order", "/api/events?since=2026-02-01&until=2026-01-01",
        "/api/entities?type=ship", "/api/entity", "/api/entity?id=org:nvidia&bucket=month",
        "/api/top-entities?until=2026-13-45", "/api/article"}) {
    json j = s.GetJson(path, 400);
    CHECK_FALSE(j["error"].get<std::string>().empty());
  }
  CHECK(s.GetJson("/api/tpye-entities", 404).contains("error"));
  CHECK(s.GetJson("/api/entity?id=org:nobody", 404).contains("error"));
  auto page = s.Get("/events?limit=-3");
  REQUIRE(page);
  CHECK(page->status == 400);
  CHECK(page->body.find("limit") != std::string::npos);
}

TEST_CASE("serve: entities, one entity, top entities, article, stats", "[serve]") {
  Running s;
  json found = s.GetJson("/api/entities?q=NVID");
  REQUIRE(found["entities"].size() == 1);
  CHECK(found["entities"][0]["id"] == "org:nvidia");
  CHECK(found["entities"][0]["mention_count"] == 5);
  CHECK(s.GetJson("/api/entities?type=person")["entities"].empty());
  CHECK(s.GetJson("/api/entities?limit=2")["entities"].size() == 2);

  json nvidia = s.GetJson("/api/entity?id=org:nvidia&bucket=day");
  CHECK(nvidia["entity"]["name"] == "Nvidia");
  CHECK(nvidia["events_counted"] == 3);  // Two orders and the hostile article's seller.
  REQUIRE(nvidia["timeline"].size() == 3);
  CHECK(nvidia["timeline"][0]["start"] == "2026-01-05T00:00:00Z");
  CHECK(nvidia["timeline"][0]["counts"]["order"] == 1);
  bool amd = false;
  for (const json& c : nvidia["co_mentioned"]) amd = amd || c["id"] == "org:amd";
  CHECK(amd);
  CHECK(nvidia["articles"].size() == 3);
  json weekly = s.GetJson("/api/entity?id=org:nvidia");
  CHECK(weekly["bucket"] == "week");
  CHECK(weekly["timeline"][0]["start"] == "2026-01-05T00:00:00Z");  // A Monday.

  json top = s.GetJson("/api/top-entities?limit=1");
  REQUIRE(top["entities"].size() == 1);
  CHECK(top["entities"][0]["id"] == "org:nvidia");
  CHECK(top["entities"][0].contains("mentions_in_window"));

  const std::string id = testing::ServeTestHostile().article.id;
  json article = s.GetJson("/api/article?id=" + id);
  CHECK(article["article"]["title"] == testing::kScriptTitle);
  CHECK(article["mentions"].size() == 2);
  CHECK(article["mentions"][0].contains("start"));
  CHECK(article["events"][0]["trigger"]["start"] == 17);

  json stats = s.GetJson("/api/stats");
  CHECK(stats["articles"] == 4);
  CHECK(stats["events"] == 4);
  CHECK(s.GetJson("/api/event-types")["types"] == json::array({"order", "visit"}));
}

TEST_CASE("serve: stored markup renders as text on every page", "[serve][xss]") {
  Running s;
  const std::string id = testing::ServeTestHostile().article.id;
  for (const std::string& path :
       {"/article?id=" + id, std::string("/"), std::string("/events"),
        std::string("/entity?id=org:evil-corp"), std::string("/entity?id=org:nvidia"),
        std::string("/?q=evil")}) {
    auto r = s.Get(path);
    REQUIRE(r);
    INFO(path);
    CHECK(r->status == 200);
    CHECK(r->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(r->body.find("<script") == std::string::npos);
    CHECK(r->body.find("<img") == std::string::npos);
    CHECK(r->body.find("<b>Corp") == std::string::npos);
    CHECK(r->get_header_value("Content-Security-Policy").find("default-src 'none'") == 0);
  }
  auto article = s.Get("/article?id=" + id);
  REQUIRE(article);
  CHECK(article->body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  // The mention is marked and escaped inside the mark.
  CHECK(article->body.find("Evil &lt;b&gt;Corp&lt;/b&gt;</a></mark>") != std::string::npos);
  CHECK(article->body.find("<span class=\"event-span\" title=\"order\">ordered</span>") !=
        std::string::npos);
  auto evil = s.Get("/entity?id=org:evil-corp");
  REQUIRE(evil);
  CHECK(evil->body.find("&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
  // A reflected parameter is escaped too.
  auto search = s.Get("/?q=%3Cscript%3E");
  REQUIRE(search);
  CHECK(search->body.find("&lt;script&gt;") != std::string::npos);
}

TEST_CASE("serve: entity page has the chart and the events table", "[serve]") {
  Running s;
  auto r = s.Get("/entity?id=org:nvidia&bucket=day");
  REQUIRE(r);
  REQUIRE(r->status == 200);
  CHECK(r->body.find("<svg id=\"timeline\"") != std::string::npos);
  CHECK(r->body.find("class=\"bar\" data-type=\"order\"") != std::string::npos);
  CHECK(r->body.find("<table id=\"entity-events\"") != std::string::npos);
  CHECK(r->body.find("(5000 chip)") != std::string::npos);  // The quantity, normalized.
  CHECK(s.Get("/nowhere")->status == 404);
  CHECK(s.Get("/style.css")->get_header_value("Content-Type") == "text/css; charset=utf-8");
}

TEST_CASE("serve: /metrics in Prometheus text format", "[serve][metrics]") {
  Running s;
  s.Get("/api/events");
  s.Get("/api/events?limit=0");
  auto r = s.Get("/metrics");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->get_header_value("Content-Type").rfind("text/plain; version=0.0.4", 0) == 0);
  const std::string& m = r->body;
  CHECK(m.find("# TYPE newsx_serve_requests_total counter") != std::string::npos);
  CHECK(m.find("newsx_serve_requests_total{route=\"/api/events\",code=\"200\"} 1") !=
        std::string::npos);
  CHECK(m.find("newsx_serve_requests_total{route=\"/api/events\",code=\"400\"} 1") !=
        std::string::npos);
  CHECK(m.find("newsx_serve_request_duration_seconds_bucket{route=\"/api/events\",le=\"+Inf\"} 2") !=
        std::string::npos);
  CHECK(m.find("newsx_store_articles 4") != std::string::npos);
  // The view's overview page was computed before it was served.
  const std::string warm = "\nnewsx_serve_view_warmup_seconds ";
  const std::size_t at = m.find(warm);
  REQUIRE(at != std::string::npos);
  CHECK(std::stod(m.substr(at + warm.size())) > 0);
}

TEST_CASE("serve: a write by another store instance shows after the refresh", "[serve]") {
  Running s(1);
  {
    // The server holds no lock: a writer opens the same database.
    auto writer = store::ArticleStore::Open({.path = s.dir.File("db")});
    REQUIRE(writer.ok());
    auto x = testing::QueryTestArticle("https://news.example/new", "2026-03-01T10:00:00Z",
                                       "A new text.");
    REQUIRE((*writer)->Put(x, "<p>A new text.</p>").ok());
  }
  // Poll (no timing assertion): the refresh thread swaps the view in.
  int articles = 0;
  for (int i = 0; i < 300 && articles != 5; ++i) {
    articles = s.GetJson("/api/stats")["articles"];
    if (articles != 5) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  CHECK(articles == 5);
}

}  // namespace
}  // namespace newsx::pipelines
