// `newsx serve` latency on a large database (issue 19): N articles
// (default 20,000) built from real pages as in store_scale_bench, spread
// over a year of publication dates, served on 127.0.0.1 by the real server
// and asked by one keep-alive HTTP client.
//
//   serve_bench [PAGES_DIR] [ARTICLES (default 20000)] [--db DIR (reuse or keep)]
//
// Prints p50/p99/max per request kind, and each p50 as a ratio of the
// baseline measured in the same run (GET /api/event-types: HTTP and
// dispatch only). Entity pages and /api/entity are asked once per entity
// (the 200 most mentioned), so every one is computed, not cached; the
// overview is asked after a first (uncached) request and reported apart.

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "newsx/pipelines/serve.h"
#include "newsx/store/article_store.h"
#include "scale_corpus.h"

namespace fs = std::filesystem;
using namespace newsx;
using Clock = std::chrono::steady_clock;

namespace {

void BuildDb(const std::string& pages, int articles, const fs::path& db) {
  auto extractor = extract::ArticleExtractor::Create({});
  if (!extractor.ok()) std::exit(1);
  const std::vector<bench::Base> bases = bench::LoadBases(**extractor, pages);
  if (bases.empty()) {
    std::fprintf(stderr, "no pages under %s\n", pages.c_str());
    std::exit(1);
  }
  auto store = store::ArticleStore::Open({.path = db.string()});
  if (!store.ok()) std::exit(1);
  const auto start = Clock::now();
  ExtractedArticle x;
  RawDocument raw;
  for (int i = 0; i < articles; ++i) {
    bench::MakeCopy(bases[static_cast<std::size_t>(i) % bases.size()], i, &x, &raw, 365);
    if (!(*store)->Put(x, raw).ok()) std::exit(1);
  }
  std::printf("built %d articles from %zu pages in %.1f s\n", articles, bases.size(), bench::SecondsSince(start));
}

struct Series {
  std::vector<double> ms;
  int errors = 0;
};

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(p * (v.size() - 1) + 0.5));
  return v[i];
}

class Runner {
 public:
  explicit Runner(int port) : client_("127.0.0.1", port) { client_.set_keep_alive(true);
    client_.set_tcp_nodelay(true);
  }

  std::string Get(const std::string& kind, const std::string& path) {
    const auto start = Clock::now();
    auto r = client_.Get(path.c_str());
    const double ms = bench::SecondsSince(start) * 1000;
    Series& s = series_[kind];
    s.ms.push_back(ms);
    if (!r || r->status != 200) {
      ++s.errors;
      return "";
    }
    return r->body;
  }

  void Print() const {
    const double base = Percentile(series_.at("baseline /api/event-types").ms, 0.5);
    std::printf("%-36s %6s %8s %8s %8s %8s %s\n", "request", "n", "p50 ms", "p99 ms", "max ms",
                "p50/base", "errors");
    for (const auto& [kind, s] : series_) {
      std::printf("%-36s %6zu %8.2f %8.2f %8.2f %8.1f %d\n", kind.c_str(), s.ms.size(),
                  Percentile(s.ms, 0.5), Percentile(s.ms, 0.99),
                  *std::max_element(s.ms.begin(), s.ms.end()), Percentile(s.ms, 0.5) / base,
                  s.errors);
    }
  }

 private:
  httplib::Client client_;
  std::map<std::string, Series> series_;
};

}  // namespace

int main(int argc, char** argv) {
  std::string pages = "/work/shared/eval/article-extraction/html";
  int articles = 20000;
  std::string db_arg;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--db" && i + 1 < argc) {
      db_arg = argv[++i];
    } else {
      positional.push_back(a);
    }
  }
  if (!positional.empty()) pages = positional[0];
  if (positional.size() > 1) articles = std::atoi(positional[1].c_str());

  const fs::path work = bench::MakeWorkDir("serve-bench");
  const fs::path db = db_arg.empty() ? work / "db" : fs::path(db_arg);
  if (!fs::exists(db)) BuildDb(pages, articles, db);

  std::ostringstream log_text;
  pipelines::Logger log(&log_text, pipelines::LogLevel::kWarn, false);
  const auto open_start = Clock::now();
  auto server = pipelines::Server::Start({.db_path = db.string(), .port = 0, .refresh_s = 0}, &log);
  if (!server.ok()) {
    std::fprintf(stderr, "%s\n", server.status().message().c_str());
    return 1;
  }
  std::printf("server start (open, stats, entity list): %.2f s\n", bench::SecondsSince(open_start));
  Runner run((*server)->port());
  using nlohmann::json;
  const json stats = json::parse(run.Get("stats", "/api/stats"));
  std::printf("database: %s articles, %s entities, %s events\n",
              stats["articles"].dump().c_str(), stats["entities"].dump().c_str(),
              stats["events"].dump().c_str());

  for (int i = 0; i < 200; ++i) run.Get("baseline /api/event-types", "/api/event-types");
  const json types = json::parse(run.Get("baseline /api/event-types", "/api/event-types"))["types"];
  const json top = json::parse(run.Get("top-entities (first)", "/api/top-entities?limit=200"));
  std::vector<std::string> ids;
  for (const json& e : top["entities"]) ids.push_back(e["id"]);

  for (int round = 0; round < 5; ++round) {
    run.Get("events newest 50", "/api/events");
    for (const json& t : types) {
      run.Get("events by type", "/api/events?limit=50&type=" + t.get<std::string>());
    }
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string id = httplib::detail::encode_query_param(ids[i]);
    run.Get("events by entity", "/api/events?limit=50&entity=" + id);
    run.Get("entities search", "/api/entities?q=" + httplib::detail::encode_query_param(
                                                        ids[i].substr(ids[i].find(':') + 1, 3)));
    run.Get("entity json (uncached)", "/api/entity?id=" + id);
    run.Get("entity page (uncached)", "/entity?id=" + id);
    run.Get("entity page (cached)", "/entity?id=" + id);
  }
  // Paging through everything with a cursor, 100 at a time.
  std::string cursor;
  for (int page = 0; page < 100; ++page) {
    const json j = json::parse(run.Get("events page by cursor", "/api/events?limit=100" +
                                                                    (cursor.empty() ? "" : "&cursor=" + cursor)));
    if (j["next_cursor"].is_null()) break;
    cursor = j["next_cursor"];
  }
  for (int i = 0; i < 20; ++i) run.Get("events text filter", "/api/events?limit=50&text=approv");
  run.Get("overview (first)", "/");
  for (int i = 0; i < 50; ++i) run.Get("overview (cached)", "/");
  for (int i = 0; i < 50; ++i) run.Get("top-entities (cached)", "/api/top-entities?limit=200");
  for (int i = 0; i < 50; ++i) run.Get("metrics", "/metrics");
  run.Print();
  (*server).reset();
  if (db_arg.empty()) fs::remove_all(work);
  return 0;
}
