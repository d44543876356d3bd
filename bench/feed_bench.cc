// feed_bench: feed parsing throughput over the evaluation feeds.
//
//   feed_bench [DIR=/work/shared/eval/feeds] [--seconds 3]
//
// Loads every feed file under DIR (.xml .rss .atom .rdf .json) into memory,
// then parses them round after round for the given time in one thread and
// prints feeds/s and MB/s, next to a baseline measured in the same run: a
// bare pugixml DOM parse of the same bytes (no charset handling, no feed
// model), so the ratio shows what the feed layer costs.

#include <pugixml.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "newsx/ingest/feed_parser.h"

namespace {

using Clock = std::chrono::steady_clock;

bool IsFeedFile(const std::filesystem::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".xml" || ext == ".rss" || ext == ".atom" || ext == ".rdf" || ext == ".json";
}

struct Rate {
  double per_s = 0;
  double mb_per_s = 0;
  std::size_t entries = 0;
};

template <typename Fn>
Rate Measure(const std::vector<std::string>& feeds, double seconds, Fn parse) {
  std::size_t parsed = 0, bytes = 0, entries = 0;
  const auto start = Clock::now();
  double elapsed = 0;
  while (elapsed < seconds) {
    for (const std::string& feed : feeds) {
      entries += parse(feed);
      bytes += feed.size();
    }
    parsed += feeds.size();
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  }
  return Rate{parsed / elapsed, bytes / elapsed / 1e6, entries};
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = "/work/shared/eval/feeds";
  double seconds = 3;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) seconds = std::atof(argv[++i]);
    else dir = argv[i];
  }
  std::vector<std::string> feeds;
  std::vector<std::string> names;
  std::size_t total_bytes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || !IsFeedFile(entry.path())) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    total_bytes += ss.str().size();
    feeds.push_back(ss.str());
    names.push_back(entry.path().filename().string());
  }
  if (feeds.empty()) {
    std::fprintf(stderr, "feed_bench: no feed files under %s\n", dir.c_str());
    return 1;
  }
  std::printf("feed_bench: %zu feeds, %.2f MB, from %s\n", feeds.size(), total_bytes / 1e6, dir.c_str());
  const Rate baseline = Measure(feeds, seconds, [](const std::string& feed) -> std::size_t {
    pugi::xml_document doc;
    doc.load_buffer(feed.data(), feed.size());
    return doc.document_element() ? 1 : 0;
  });
  const Rate ours = Measure(feeds, seconds, [](const std::string& feed) -> std::size_t {
    auto parsed = newsx::ingest::ParseFeed(feed);
    return parsed.ok() ? parsed->entries.size() : 0;
  });
  if (std::getenv("FEED_BENCH_SLOWEST") != nullptr) {  // Where the time goes, per file.
    std::vector<std::pair<double, std::string>> slowest;
    for (std::size_t i = 0; i < feeds.size(); ++i) {
      const auto t0 = Clock::now();
      for (int k = 0; k < 20; ++k) newsx::ingest::ParseFeed(feeds[i]).status().IgnoreError();
      slowest.emplace_back(std::chrono::duration<double>(Clock::now() - t0).count() / 20, names[i]);
    }
    std::sort(slowest.rbegin(), slowest.rend());
    for (std::size_t i = 0; i < 12 && i < slowest.size(); ++i) {
      std::printf("  %8.1f us  %s\n", slowest[i].first * 1e6, slowest[i].second.c_str());
    }
  }
  std::printf("pugixml DOM only (baseline): %10.0f feeds/s  %7.1f MB/s\n", baseline.per_s, baseline.mb_per_s);
  std::printf("newsx ParseFeed:             %10.0f feeds/s  %7.1f MB/s  (%.2fx of baseline)\n",
              ours.per_s, ours.mb_per_s, ours.per_s / baseline.per_s);
  return 0;
}
