// Hostile and freak pages through the extract stage (and the store): time
// and peak memory per page, each page in its own child process so that
// the peak (ru_maxrss of the child) is that page's alone.
//
//   hostile_bench [--only NAME] [--no-limits] [--store]
//   hostile_bench --write DIR [--only NAME]
//
// --no-limits lifts the per-article caps (ArticleLimits) to show what they
// save (needs many GB for the biggest pages); --store also stores each
// article in a fresh database and runs Verify on it. --write saves the
// pages as DIR/NAME.html instead, to measure them through the CLI
// (docs/reliability.md: /usr/bin/time -v newsx extract DIR/NAME.html).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "newsx/extract/article_extractor.h"
#include "newsx/store/article_store.h"

namespace {

using namespace newsx;

// News-like sentences: names, numbers, dates and event triggers, so that
// every analysis stage has work, as on a real (but endless) article.
std::string NewsParagraph(std::size_t n) {
  static const char* kSentences[] = {
      "China approved imports of %zu Nvidia H200 chips on January 28, 2026, according to Reuters.",
      "TSMC said it would invest $%zu billion in Arizona by 2027, up 35 percent from last year.",
      "Microsoft ordered %zu Blackwell servers from Dell, the company said on Monday.",
      "Huawei shipped more than %zu Ascend 910C accelerators in the third quarter.",
      "The Commerce Department widened export curbs on %zu Chinese companies last week.",
      "ASML received Dutch licences for %zu lithography systems, a spokesperson said.",
  };
  char buf[256];
  std::string p = "<p>";
  for (std::size_t i = 0; i < 4; ++i) {
    std::snprintf(buf, sizeof buf, kSentences[(n + i) % 6], 100 + (n * 7 + i) % 900000);
    p += buf;
    p += ' ';
  }
  return p + "</p>\n";
}

std::string Wrap(const std::string& body) {
  return "<!DOCTYPE html><html><head><meta charset=utf-8><title>Hostile page</title></head>"
         "<body><article>" + body + "</article></body></html>";
}

std::string NewsPage(std::size_t bytes) {
  std::string body;
  for (std::size_t n = 0; body.size() < bytes; ++n) body += NewsParagraph(n);
  return Wrap(body);
}

std::string Repeat(const std::string& unit, std::size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

struct Page {
  const char* name;
  std::function<std::string()> make;
};

// Just under HtmlExtractOptions::max_input_bytes (16 MiB): the worst a
// page can be and still be parsed.
constexpr std::size_t kAtCap = (16u << 20) - (100u << 10);

const std::vector<Page>& Pages() {
  static const std::vector<Page> pages = {
      {"news-50mb", [] { return NewsPage(50u << 20); }},
      {"news-16mb", [] { return NewsPage(kAtCap); }},
      {"news-one-paragraph-16mb",
       [] {
         std::string body;
         for (std::size_t n = 0; body.size() < kAtCap; ++n) {
           std::string p = NewsParagraph(n);
           body += p.substr(3, p.size() - 3 - 5) + " ";
         }
         return Wrap("<p>" + body + "</p>");
       }},
      {"attributes-300k",
       [] {
         std::string tag = "<div";
         for (int i = 0; i < 300000; ++i) tag += " a" + std::to_string(i) + "=\"\"";
         return Wrap(tag + ">" + NewsParagraph(1) + "</div>");
       }},
      {"nesting-500k", [] { return Wrap(Repeat("<div>", 500000 * 5) + NewsParagraph(2)); }},
      {"unclosed-p-16mb", [] { return Wrap(Repeat("<p>chips ", kAtCap)); }},
      {"table-16mb", [] { return Wrap("<table>" + Repeat("<tr><td>4</td><td>H200</td></tr>", kAtCap) + "</table>"); }},
      {"one-word-16mb", [] { return Wrap("<p>" + std::string(kAtCap, 'x') + "</p>"); }},
      {"numbers-16mb", [] { return Wrap("<p>" + Repeat("12 34.5% $6bn 7 million ", kAtCap) + "</p>"); }},
      {"names-16mb", [] { return Wrap("<p>" + Repeat("Nvidia TSMC Huawei China Reuters H200 ", kAtCap) + "</p>"); }},
      {"char-refs-16mb", [] { return Wrap("<p>" + Repeat("&amp;&#x4e2d;&eacute; ", kAtCap) + "</p>"); }},
      {"script-16mb", [] { return Wrap("<script>" + Repeat("if (a<b && c>d) { x = '<p a b c>'; }\n", kAtCap) + "</script>" + NewsParagraph(3)); }},
      {"comment-16mb", [] { return Wrap("<!--" + Repeat("<p>hidden</p> ", kAtCap) + "-->" + NewsParagraph(4)); }},
      {"attribute-value-16mb", [] { return Wrap("<div title=\"" + std::string(kAtCap, 'v') + "\">" + NewsParagraph(5) + "</div>"); }},
      {"inline-nesting-16mb", [] { return Wrap("<p>" + Repeat("<b><i>H200 ", kAtCap) + "</p>"); }},
  };
  return pages;
}

struct Outcome {
  double seconds = 0;
  std::size_t text_bytes = 0, entities = 0, mentions = 0, quantities = 0, dates = 0, events = 0;
  char status[200] = {};
  char truncation[200] = {};
  double verify_seconds = -1;
};

Outcome RunOne(const Page& page, bool limits, bool store) {
  Outcome out;
  extract::ExtractorOptions options;
  if (!limits) {
    const std::size_t max = std::numeric_limits<std::size_t>::max();
    options.limits = {max, max, max, max, max, max};
  }
  auto extractor = extract::ArticleExtractor::Create(options);
  if (!extractor.ok()) {
    std::snprintf(out.status, sizeof out.status, "%s", extractor.status().ToString().c_str());
    return out;
  }
  RawDocument doc;
  doc.url = std::string("https://hostile.example/") + page.name;
  doc.body = page.make();
  const auto start = std::chrono::steady_clock::now();
  extract::Truncation truncation;
  auto x = (*extractor)->Extract(doc, &truncation);
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!x.ok()) {
    std::snprintf(out.status, sizeof out.status, "%s", x.status().ToString().c_str());
    return out;
  }
  std::snprintf(out.status, sizeof out.status, "ok");
  std::snprintf(out.truncation, sizeof out.truncation, "%s", truncation.ToString().c_str());
  out.text_bytes = x->article.text.size();
  out.entities = x->entities.size();
  for (const Entity& e : x->entities) out.mentions += e.mentions.size();
  out.quantities = x->quantities.size();
  out.dates = x->dates.size();
  out.events = x->events.size();
  if (store) {
    char dir[] = "/tmp/hostile-bench-XXXXXX";
    if (::mkdtemp(dir) == nullptr) return out;
    {
      auto db = store::ArticleStore::Open({.path = std::string(dir) + "/db"});
      if (db.ok() && (*db)->Put(*x, doc).ok()) {
        const auto vstart = std::chrono::steady_clock::now();
        auto problems = (*db)->Verify();
        if (problems.ok() && problems->empty()) {
          out.verify_seconds =
              std::chrono::duration<double>(std::chrono::steady_clock::now() - vstart).count();
        }
      }
    }
    std::system((std::string("rm -rf ") + dir).c_str());
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  bool limits = true;
  bool store = false;
  std::string only;
  std::string write_dir;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--no-limits") == 0) limits = false;
    else if (std::strcmp(argv[i], "--store") == 0) store = true;
    else if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc) only = argv[++i];
    else if (std::strcmp(argv[i], "--write") == 0 && i + 1 < argc) write_dir = argv[++i];
  }
  if (!write_dir.empty()) {
    for (const Page& page : Pages()) {
      if (!only.empty() && only != page.name) continue;
      const std::string path = write_dir + "/" + page.name + ".html";
      std::ofstream file(path, std::ios::binary);
      const std::string body = page.make();
      file.write(body.data(), static_cast<std::streamsize>(body.size()));
      if (!file) {
        std::fprintf(stderr, "cannot write %s\n", path.c_str());
        return 1;
      }
      std::printf("%s\n", path.c_str());
    }
    return 0;
  }
  std::printf("%-24s %9s %8s %10s %9s %7s %9s %8s %7s %8s  %s\n", "page", "MB", "s", "peak MB",
              "text KB", "ents", "mentions", "quants", "events", "verify s", "result");
  for (const Page& page : Pages()) {
    if (!only.empty() && only != page.name) continue;
    int fds[2];
    if (::pipe(fds) != 0) return 1;
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::close(fds[0]);
      const Outcome out = RunOne(page, limits, store);
      const ssize_t written = ::write(fds[1], &out, sizeof out);
      ::_exit(written == sizeof out ? 0 : 1);
    }
    ::close(fds[1]);
    Outcome out;
    const ssize_t got = ::read(fds[0], &out, sizeof out);
    ::close(fds[0]);
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    const double size_mb = static_cast<double>(page.make().size()) / (1 << 20);
    if (got != sizeof out) {
      std::printf("%-24s %9.1f  child died (status %d)\n", page.name, size_mb, status);
      continue;
    }
    std::printf("%-24s %9.1f %8.2f %10.0f %9zu %7zu %9zu %8zu %7zu %8.2f  %s%s%s\n", page.name,
                size_mb, out.seconds, static_cast<double>(usage.ru_maxrss) / 1024.0,
                out.text_bytes / 1024, out.entities, out.mentions, out.quantities, out.events,
                out.verify_seconds, out.status, out.truncation[0] ? "; " : "", out.truncation);
    std::fflush(stdout);
  }
  return 0;
}
