// Quantity extraction speed over real article bodies.
//
//   quantity_bench [ground-truth.json] [rounds]
//
// Reads the "articleBody" of every record in the JSON object (default:
// ../shared/eval/article-extraction/ground-truth.json), then times, on one
// thread, a baseline pass that only counts whitespace-separated words, and
// QuantityExtractor::Extract over all bodies. Prints words/s for each and
// the ratio to the baseline. Each figure is the fastest of `rounds` rounds
// (default 50).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "newsx/extract/quantity_extractor.h"

namespace {

using Clock = std::chrono::steady_clock;

std::size_t CountWords(const std::string& text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

template <typename Fn>
double FastestSeconds(int rounds, Fn fn) {
  double best = 1e30;
  for (int r = 0; r < rounds; ++r) {
    const auto start = Clock::now();
    fn();
    const double s = std::chrono::duration<double>(Clock::now() - start).count();
    if (s < best) best = s;
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path =
      argc > 1 ? argv[1] : NEWSX_SOURCE_DIR "/../shared/eval/article-extraction/ground-truth.json";
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 50;
  std::ifstream in(path);
  const nlohmann::json records = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!records.is_object()) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    return 1;
  }
  std::vector<std::string> bodies;
  std::size_t words = 0, bytes = 0;
  for (const auto& [id, record] : records.items()) {
    if (!record.contains("articleBody") || !record["articleBody"].is_string()) continue;
    bodies.push_back(record["articleBody"].get<std::string>());
    words += CountWords(bodies.back());
    bytes += bodies.back().size();
  }
  if (words == 0) {
    std::fprintf(stderr, "%s has no articleBody texts\n", path.c_str());
    return 1;
  }
  auto extractor = newsx::extract::QuantityExtractor::Create({});
  if (!extractor.ok()) return 1;

  // Rounds alternate between the three passes so that load from other
  // processes on a shared machine hits them alike; each keeps its fastest.
  std::size_t sink = 0, found = 0;
  double baseline_s = 1e30, extract_s = 1e30, numbers_s = 1e30;
  for (int r = 0; r < rounds; ++r) {
    baseline_s = std::min(baseline_s, FastestSeconds(1, [&] {
      for (const auto& body : bodies) sink += CountWords(body);
    }));
    extract_s = std::min(extract_s, FastestSeconds(1, [&] {
      found = 0;
      for (const auto& body : bodies) found += (*extractor)->Extract(body).size();
    }));
    numbers_s = std::min(numbers_s, FastestSeconds(1, [&] {
      for (const auto& body : bodies) sink += (*extractor)->ExtractNumbers(body).size();
    }));
  }
  std::printf("corpus: %zu articles, %zu words, %.1f MB, %zu quantities found\n", bodies.size(),
              words, bytes / 1e6, found);
  std::printf("%-34s %12.0f words/s\n", "baseline (count words)", words / baseline_s);
  std::printf("%-34s %12.0f words/s  (%.1f%% of baseline)\n", "QuantityExtractor::ExtractNumbers",
              words / numbers_s, 100 * baseline_s / numbers_s);
  std::printf("%-34s %12.0f words/s  (%.1f%% of baseline)\n", "QuantityExtractor::Extract",
              words / extract_s, 100 * baseline_s / extract_s);
  return sink == 0 ? 1 : 0;
}
