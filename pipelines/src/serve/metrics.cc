#include "metrics.h"

namespace newsx::pipelines::serve {

namespace {

constexpr const char* kRoutes[] = {"/",          "/entity",         "/events",        "/article",
                                   "/api/events", "/api/entities",  "/api/entity",    "/api/article",
                                   "/api/top-entities", "/api/stats", "/api/event-types",
                                   "/metrics",   "/style.css"};

void Gauge(std::string* out, const char* name, const char* help, double value) {
  metrics::Header(out, name, "gauge", help);
  metrics::Sample(out, name, "", value);
}

}  // namespace

std::string RouteLabel(const std::string& path) {
  for (const char* r : kRoutes) {
    if (path == r) return r;
  }
  return "other";
}

void ServeMetrics::Add(std::uint64_t* counter) {
  MutexLock lock(mu_);
  ++*counter;
}

void ServeMetrics::ObserveRequest(const std::string& route, int status, double seconds) {
  MutexLock lock(mu_);
  ++requests_[{route, status}];
  durations_.try_emplace(route, kBuckets).first->second.Observe(seconds);
}

std::string ServeMetrics::Render(const StoreView& view) const {
  std::string out;
  {
    MutexLock lock(mu_);
    using metrics::Header;
    using metrics::LabelValue;
    using metrics::Sample;
    Header(&out, "newsx_serve_requests_total", "counter", "HTTP requests answered, by route and status.");
    for (const auto& [key, n] : requests_) {
      Sample(&out, "newsx_serve_requests_total",
             "route=\"" + LabelValue(key.first) + "\",code=\"" + std::to_string(key.second) + "\"",
             double(n));
    }
    Header(&out, "newsx_serve_request_duration_seconds", "histogram",
           "Time to answer a request, by route.");
    for (const auto& [route, h] : durations_) {
      h.Render(&out, "newsx_serve_request_duration_seconds", "route=\"" + LabelValue(route) + "\"");
    }
    Header(&out, "newsx_serve_view_reopens_total", "counter",
           "Times the database was reopened because a writer changed it.");
    Sample(&out, "newsx_serve_view_reopens_total", "", double(reopens_));
    Header(&out, "newsx_serve_refresh_errors_total", "counter",
           "Failed reopens (the previous view stays in use).");
    Sample(&out, "newsx_serve_refresh_errors_total", "", double(refresh_errors_));
  }
  const store::StoreStats& s = view.stats();
  Gauge(&out, "newsx_store_articles", "Articles in the served view.", double(s.articles));
  Gauge(&out, "newsx_store_entities", "Entities with at least one mention.", double(s.entities));
  Gauge(&out, "newsx_store_mentions", "Mention occurrences.", double(s.mentions));
  Gauge(&out, "newsx_store_events", "Events.", double(s.events));
  Gauge(&out, "newsx_store_dead_letters", "Inputs that failed.", double(s.dead_letters));
  Gauge(&out, "newsx_store_last_change_seq", "Changelog position of the served view.",
        double(view.last_change_seq()));
  Gauge(&out, "newsx_serve_view_opened_timestamp_seconds",
        "When the served view of the database was opened.", double(view.opened_unix_s()));
  Gauge(&out, "newsx_serve_view_warmup_seconds",
        "Time spent computing the overview page of the served view before serving it.",
        view.warm_seconds());
  return out;
}

}  // namespace newsx::pipelines::serve
