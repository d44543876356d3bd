// Main-content extraction speed: extracts every page of a directory of saved
// HTML pages (.html or .html.gz) in one process on one core, and prints
// docs/s and MB/s next to the bare libxml2 HTML parse rate of the same pages
// measured in the same run. With --predictions FILE it also writes
// {"id","articleBody"} JSON Lines for the article-extraction score.py.
//
// usage: html_extract_bench DIR [--rounds N] [--predictions FILE]

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "newsx/extract/html_extractor.h"
#include "newsx/ingest/saved_page_source.h"

namespace {

struct Page {
  std::string id;
  std::string body;
};

// CPU time of this (single-threaded) process: what one core spends, however
// busy the machine is with other work.
double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::string PageId(const std::filesystem::path& path) {
  std::string name = path.filename().string();
  for (const char* ext : {".gz", ".html", ".htm"}) {
    const std::string e = ext;
    if (name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0) {
      name.resize(name.size() - e.size());
    }
  }
  return name;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: html_extract_bench DIR [--rounds N] [--predictions FILE]\n";
    return 2;
  }
  int rounds = 5;
  std::string predictions;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--rounds") rounds = std::max(1, std::atoi(argv[i + 1]));
    if (flag == "--predictions") predictions = argv[i + 1];
  }
  std::vector<Page> pages;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(argv[1], ec)) {
    const std::string path = entry.path().string();
    if (path.find(".htm") == std::string::npos) continue;
    auto body = newsx::ingest::ReadMaybeGzippedFile(path, 64ull << 20);
    if (!body.ok()) {
      std::cerr << path << ": " << body.status().ToString() << "\n";
      continue;
    }
    pages.push_back({PageId(entry.path()), std::move(body).value()});
  }
  if (ec || pages.empty()) {
    std::cerr << "no pages in " << argv[1] << "\n";
    return 1;
  }
  std::sort(pages.begin(), pages.end(), [](const Page& a, const Page& b) { return a.id < b.id; });
  double mb = 0;
  for (const Page& p : pages) mb += static_cast<double>(p.body.size()) / 1e6;

  // Rounds alternate the baseline (libxml2's HTML parser alone, building and
  // freeing the tree) and the full extraction over all pages. Times are CPU
  // seconds of this process, and the fastest round of each is reported, which
  // filters out most noise from other processes on a shared machine.
  double parse_s = 1e300, extract_s = 1e300;
  std::vector<std::string> texts(pages.size());
  int failures = 0;
  for (int r = 0; r < rounds; ++r) {
    double start = CpuSeconds();
    for (const Page& p : pages) {
      htmlDocPtr doc =
          htmlReadMemory(p.body.data(), static_cast<int>(p.body.size()), "", "UTF-8",
                         HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                             HTML_PARSE_NONET | HTML_PARSE_COMPACT);
      xmlFreeDoc(doc);
    }
    parse_s = std::min(parse_s, CpuSeconds() - start);

    start = CpuSeconds();
    for (std::size_t i = 0; i < pages.size(); ++i) {
      newsx::RawDocument doc;
      doc.url = "https://example.invalid/" + pages[i].id;
      doc.body = pages[i].body;
      auto article = newsx::extract::ExtractArticle(doc);
      if (!article.ok()) {
        if (r == 0) ++failures;
        continue;
      }
      if (r == 0) texts[i] = std::move(article->text);
    }
    extract_s = std::min(extract_s, CpuSeconds() - start);
  }

  const double docs = static_cast<double>(pages.size());
  const double parse_rate = docs / parse_s;
  const double extract_rate = docs / extract_s;
  std::printf("pages=%zu rounds=%d input=%.1f MB failures=%d (CPU time, fastest round of each)\n",
              pages.size(), rounds, mb, failures);
  std::printf("libxml2 parse only  : %8.1f docs/s %7.1f MB/s\n", parse_rate, mb / parse_s);
  std::printf("newsx ExtractArticle: %8.1f docs/s %7.1f MB/s  (%.0f%% of parse rate)\n",
              extract_rate, mb / extract_s, 100.0 * extract_rate / parse_rate);

  if (!predictions.empty()) {
    std::ofstream out(predictions);
    for (std::size_t i = 0; i < pages.size(); ++i) {
      out << nlohmann::json{{"id", pages[i].id}, {"articleBody", texts[i]}}.dump() << '\n';
    }
    if (!out) {
      std::cerr << "cannot write " << predictions << "\n";
      return 1;
    }
  }
  return 0;
}
