#include "metrics.h"

#include <cstdio>

namespace newsx::pipelines::serve {

namespace {

constexpr const char* kRoutes[] = {"/",          "/entity",         "/events",        "/article",
                                   "/api/events", "/api/entities",  "/api/entity",    "/api/article",
                                   "/api/top-entities", "/api/stats", "/api/event-types",
                                   "/metrics",   "/style.css"};

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

// Label values are fixed strings here, but escape as the format asks.
std::string LabelValue(const std::string& v) {
  std::string out;
  for (const char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

void Header(std::string* out, const char* name, const char* type, const char* help) {
  *out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
}

void Gauge(std::string* out, const char* name, const char* help, double value) {
  Header(out, name, "gauge", help);
  *out += std::string(name) + " " + Number(value) + "\n";
}

}  // namespace

std::string RouteLabel(const std::string& path) {
  for (const char* r : kRoutes) {
    if (path == r) return r;
  }
  return "other";
}

void ServeMetrics::Add(std::uint64_t* counter) {
  std::lock_guard<std::mutex> lock(mu_);
  ++*counter;
}

void ServeMetrics::ObserveRequest(const std::string& route, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  ++requests_[{route, status}];
  Histogram& h = durations_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++h.buckets[i];
      break;
    }
  }
  ++h.count;
  h.sum += seconds;
}

std::string ServeMetrics::Render(const StoreView& view) const {
  std::string out;
  {
    std::lock_guard<std::mutex> lock(mu_);
    Header(&out, "newsx_serve_requests_total", "counter", "HTTP requests answered, by route and status.");
    for (const auto& [key, n] : requests_) {
      out += "newsx_serve_requests_total{route=\"" + LabelValue(key.first) + "\",code=\"" +
             std::to_string(key.second) + "\"} " + std::to_string(n) + "\n";
    }
    Header(&out, "newsx_serve_request_duration_seconds", "histogram",
           "Time to answer a request, by route.");
    for (const auto& [route, h] : durations_) {
      const std::string label = "route=\"" + LabelValue(route) + "\"";
      std::uint64_t cumulative = 0;
      for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        cumulative += h.buckets[i];
        out += "newsx_serve_request_duration_seconds_bucket{" + label + ",le=\"" +
               Number(kBuckets[i]) + "\"} " + std::to_string(cumulative) + "\n";
      }
      out += "newsx_serve_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " +
             std::to_string(h.count) + "\n";
      out += "newsx_serve_request_duration_seconds_sum{" + label + "} " + Number(h.sum) + "\n";
      out += "newsx_serve_request_duration_seconds_count{" + label + "} " +
             std::to_string(h.count) + "\n";
    }
    Header(&out, "newsx_serve_view_reopens_total", "counter",
           "Times the database was reopened because a writer changed it.");
    out += "newsx_serve_view_reopens_total " + std::to_string(reopens_) + "\n";
    Header(&out, "newsx_serve_refresh_errors_total", "counter",
           "Failed reopens (the previous view stays in use).");
    out += "newsx_serve_refresh_errors_total " + std::to_string(refresh_errors_) + "\n";
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
  return out;
}

}  // namespace newsx::pipelines::serve
