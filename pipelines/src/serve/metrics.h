#pragma once

// Counters of the server and gauges of the store, rendered in the
// Prometheus text exposition format (version 0.0.4) for GET /metrics.

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "metrics/prometheus_text.h"
#include "newsx/core/mutex.h"
#include "store_view.h"

namespace newsx::pipelines::serve {

// Thread-safe.
class ServeMetrics {
 public:
  // Upper bounds (seconds) of the request duration histogram's buckets.
  static constexpr std::array<double, 11> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1.0,  2.5};

  // `route` must come from a fixed set (RouteLabel) to bound the series.
  void ObserveRequest(const std::string& route, int status, double seconds);
  void CountReopen() { Add(&reopens_); }
  void CountRefreshError() { Add(&refresh_errors_); }

  // Everything, with the store's counts from `view`.
  std::string Render(const StoreView& view) const;

 private:
  void Add(std::uint64_t* counter) NEWSX_EXCLUDES(mu_);

  mutable Mutex mu_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_ NEWSX_GUARDED_BY(mu_);
  std::map<std::string, metrics::Histogram> durations_ NEWSX_GUARDED_BY(mu_);
  std::uint64_t reopens_ NEWSX_GUARDED_BY(mu_) = 0;
  std::uint64_t refresh_errors_ NEWSX_GUARDED_BY(mu_) = 0;
};

// The route a path is counted under: itself when it is one of the server's
// routes, else "other".
std::string RouteLabel(const std::string& path);

}  // namespace newsx::pipelines::serve
