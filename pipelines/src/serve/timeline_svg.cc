#include "timeline_svg.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "html.h"
#include "newsx/core/time_format.h"

namespace newsx::pipelines::serve {

namespace {

constexpr int kWidth = 960, kHeight = 220;
constexpr int kLeft = 40, kRight = 10, kTop = 10, kBottom = 30;
constexpr std::int64_t kDay = 86'400;

constexpr const char* kPalette[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
                                    "#393b79", "#637939", "#8c6d31", "#843c39"};

std::string Day(std::int64_t t) { return FormatIsoUtc(t).substr(0, 10); }

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

std::string TypeColor(const std::vector<std::string>& types, const std::string& type) {
  const auto it = std::find(types.begin(), types.end(), type);
  const std::size_t i = it == types.end() ? 0 : static_cast<std::size_t>(it - types.begin());
  return kPalette[i % std::size(kPalette)];
}

std::string TimelineSvg(const std::vector<TimelineBucket>& timeline, const std::string& bucket) {
  if (timeline.empty()) return "<p class=\"muted\" id=\"timeline-empty\">No events in this window.</p>";
  std::set<std::string> type_set;
  std::uint64_t max_total = 1;
  for (const TimelineBucket& b : timeline) {
    std::uint64_t total = 0;
    for (const auto& [type, n] : b.by_type) {
      type_set.insert(type);
      total += n;
    }
    max_total = std::max(max_total, total);
  }
  const std::vector<std::string> types(type_set.begin(), type_set.end());
  const std::int64_t step = bucket == "week" ? 7 * kDay : kDay;
  const std::int64_t first = timeline.front().start_unix_s, last = timeline.back().start_unix_s;
  const std::int64_t slots = (last - first) / step + 1;
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  const double slot_w = plot_w / static_cast<double>(slots);
  const double bar_w = std::max(1.0, slot_w * 0.8);

  std::string svg = "<svg id=\"timeline\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" "
                    "width=\"" + std::to_string(kWidth) + "\" height=\"" + std::to_string(kHeight) +
                    "\" viewBox=\"0 0 " + std::to_string(kWidth) + " " + std::to_string(kHeight) +
                    "\" role=\"img\" aria-label=\"events per " + bucket + " by type\">";
  // Axes and the scale.
  svg += "<line x1=\"" + std::to_string(kLeft) + "\" y1=\"" + std::to_string(kHeight - kBottom) +
         "\" x2=\"" + std::to_string(kWidth - kRight) + "\" y2=\"" +
         std::to_string(kHeight - kBottom) + "\" stroke=\"#888\"/>";
  svg += "<text x=\"" + std::to_string(kLeft - 4) + "\" y=\"" + std::to_string(kTop + 10) +
         "\" font-size=\"11\" text-anchor=\"end\">" + std::to_string(max_total) + "</text>";
  svg += "<text x=\"" + std::to_string(kLeft - 4) + "\" y=\"" + std::to_string(kHeight - kBottom) +
         "\" font-size=\"11\" text-anchor=\"end\">0</text>";
  svg += "<text x=\"" + std::to_string(kLeft) + "\" y=\"" + std::to_string(kHeight - 8) +
         "\" font-size=\"11\">" + Escape(Day(first)) + "</text>";
  svg += "<text x=\"" + std::to_string(kWidth - kRight) + "\" y=\"" + std::to_string(kHeight - 8) +
         "\" font-size=\"11\" text-anchor=\"end\">" + Escape(Day(last)) + "</text>";
  for (const TimelineBucket& b : timeline) {
    const double x = kLeft + static_cast<double>((b.start_unix_s - first) / step) * slot_w;
    double y = kHeight - kBottom;
    for (const auto& [type, n] : b.by_type) {
      const double h = plot_h * static_cast<double>(n) / static_cast<double>(max_total);
      y -= h;
      svg += "<rect class=\"bar\" data-type=\"" + Escape(type) + "\" x=\"" + Num(x) + "\" y=\"" +
             Num(y) + "\" width=\"" + Num(bar_w) + "\" height=\"" + Num(std::max(h, 0.5)) +
             "\" fill=\"" + TypeColor(types, type) + "\"><title>" +
             Escape(Day(b.start_unix_s) + " (" + bucket + "): " + std::to_string(n) + " " + type) +
             "</title></rect>";
    }
  }
  svg += "</svg><p class=\"legend\">";
  for (const std::string& type : types) {
    svg += "<span><svg class=\"swatch\" width=\"12\" height=\"12\"><rect width=\"12\" "
           "height=\"12\" fill=\"" + TypeColor(types, type) + "\"/></svg>" + Escape(type) +
           "</span>";
  }
  return svg + "</p>";
}

}  // namespace newsx::pipelines::serve
