#pragma once

// Pieces of the Prometheus text exposition format (version 0.0.4), shared
// by `serve`'s and `crawl`'s /metrics.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace newsx::pipelines::metrics {

inline constexpr const char* kContentType = "text/plain; version=0.0.4; charset=utf-8";

// A sample value: integers exactly, others with 9 significant digits.
std::string Number(double v);

// A label value escaped as the format asks (backslash, quote, newline).
std::string LabelValue(std::string_view v);

// The "# HELP" and "# TYPE" lines of a metric family.
void Header(std::string* out, std::string_view name, std::string_view type, std::string_view help);

// One sample line; `labels` is `a="x",b="y"` (already escaped) or empty.
void Sample(std::string* out, std::string_view name, std::string_view labels, double value);

// A histogram's buckets, count and sum. Not thread-safe (callers lock).
class Histogram {
 public:
  // `bounds`: the buckets' upper bounds, ascending; must outlive the histogram.
  explicit Histogram(std::span<const double> bounds)
      : bounds_(bounds), counts_(bounds.size(), 0) {}

  void Observe(double value);
  // The _bucket (cumulative, then +Inf), _sum and _count lines of `name`.
  void Render(std::string* out, std::string_view name, std::string_view labels) const;

 private:
  std::span<const double> bounds_;
  std::vector<std::uint64_t> counts_;  // Per bucket, not cumulative.
  std::uint64_t count_ = 0;
  double sum_ = 0;
};

}  // namespace newsx::pipelines::metrics
