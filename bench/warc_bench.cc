// WARC reading speed against the limit, plain zlib inflate of the same file.
//
// Generates a gzip-per-record .warc.gz (CC-NEWS layout: request, response,
// metadata per URL) of at least --mb compressed megabytes from the fixture
// HTML pages in a temp dir, then times, alternately and twice each:
//   inflate  - zlib inflating every gzip member of the file, output discarded;
//   reader   - WarcReader::Next over every record, blocks copied out;
//   source   - WarcSource (reader + HTTP parsing + HTML filter + dedup).
// Times are process CPU seconds (the machine is shared). Prints records/s and MB/s (compressed and uncompressed), the reader/inflate
// ratio and the peak RSS. The file is deleted at the end.
//
//   warc_bench [--mb 200]
#include <sys/resource.h>
#include <zlib.h>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "newsx/ingest/warc_reader.h"
#include "newsx/ingest/warc_source.h"
#include "support/gzip.h"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> LoadPages() {
  std::vector<std::string> pages;
  for (const auto& entry : fs::recursive_directory_iterator(NEWSX_FIXTURES_DIR)) {
    if (entry.path().extension() != ".html") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    pages.push_back(ss.str());
  }
  if (pages.empty()) {
    // No fixtures (a partial checkout): a generic article still exercises the reader.
    pages.push_back("<article><h1>Chip imports</h1><p>Officials said on Tuesday that the first "
                    "shipments of accelerators had been approved for import.</p></article>");
  }
  return pages;
}

std::string Record(const std::string& type, const std::string& uri, const std::string& block,
                   std::uint64_t id) {
  std::string out = "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
                    "\r\nWARC-Date: 2026-01-28T09:30:00Z\r\nWARC-Record-ID: <urn:uuid:" +
                    std::to_string(id) + ">\r\nContent-Type: application/http; msgtype=" +
                    (type == "metadata" ? "x" : type) +
                    "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  return out + block + "\r\n\r\n";
}

// A news-sized page (~40-80 KB) from several fixture pages with per-record
// numbers mixed in, so that members compress about as well as real pages.
std::string MakePage(const std::vector<std::string>& pages, std::mt19937_64& rng, std::uint64_t id) {
  std::string body = "<!doctype html><html><head><title>Story " + std::to_string(id) +
                     "</title></head><body>";
  const std::size_t target = 40'000 + rng() % 40'000;
  while (body.size() < target) {
    const std::string& page = pages[rng() % pages.size()];
    const std::size_t from = rng() % std::max<std::size_t>(1, page.size() / 2);
    body += "<p data-n=\"" + std::to_string(rng()) + "\">";
    body.append(page, from, std::min<std::size_t>(page.size() - from, 6000));
    body += "</p>";
  }
  return body + "</body></html>";
}

struct Uncompressed {
  std::uint64_t bytes = 0;
  std::uint64_t records = 0;
  std::uint64_t file_bytes = 0;
};

Uncompressed Generate(const std::string& path, std::uint64_t min_bytes) {
  const std::vector<std::string> pages = LoadPages();
  std::mt19937_64 rng(42);
  std::ofstream out(path, std::ios::binary);
  Uncompressed total;
  for (std::uint64_t i = 0; total.file_bytes < min_bytes; ++i) {
    const std::string uri = "https://news" + std::to_string(i % 97) + ".example/story/" +
                            std::to_string(i);
    std::string page = MakePage(pages, rng, i);
    const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                             "Content-Length: " + std::to_string(page.size()) + "\r\n\r\n" + page;
    for (const std::string& record :
         {Record("request", uri, "GET / HTTP/1.1\r\nHost: x\r\n\r\n", 3 * i),
          Record("response", uri, http, 3 * i + 1),
          Record("metadata", uri, "fetchTimeMs: 120\r\n", 3 * i + 2)}) {
      const std::string gz = newsx::testing::Gzip(record);
      out.write(gz.data(), static_cast<std::streamsize>(gz.size()));
      total.bytes += record.size();
      total.file_bytes += gz.size();
      ++total.records;
    }
  }
  return total;
}

// Process CPU time: the machine is shared, so wall time would measure the
// neighbours. Everything timed here is single-threaded.
double CpuNow() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec / 1e9;
}

double Seconds(double start) { return CpuNow() - start; }

// The limit: inflate every member, nothing else.
double TimeInflate(const std::string& path, std::uint64_t* out_bytes) {
  const double start = CpuNow();
  std::FILE* file = std::fopen(path.c_str(), "rb");
  std::vector<char> in(256 << 10), out(1 << 20);
  z_stream zs{};
  inflateInit2(&zs, 16 + MAX_WBITS);
  std::uint64_t produced = 0;
  std::size_t n;
  while ((n = std::fread(in.data(), 1, in.size(), file)) > 0) {
    zs.next_in = reinterpret_cast<Bytef*>(in.data());
    zs.avail_in = static_cast<uInt>(n);
    while (zs.avail_in > 0) {
      zs.next_out = reinterpret_cast<Bytef*>(out.data());
      zs.avail_out = static_cast<uInt>(out.size());
      const int rc = inflate(&zs, Z_NO_FLUSH);
      produced += out.size() - zs.avail_out;
      if (rc == Z_STREAM_END) {
        inflateReset(&zs);
      } else if (rc != Z_OK) {
        break;
      }
    }
  }
  inflateEnd(&zs);
  std::fclose(file);
  *out_bytes = produced;
  return Seconds(start);
}

double TimeReader(const std::string& path, std::uint64_t* records) {
  const double start = CpuNow();
  auto reader = newsx::ingest::WarcReader::Open(path);
  if (!reader.ok()) return 0;
  newsx::ingest::WarcRecord record;
  std::uint64_t n = 0, block_bytes = 0;
  while (true) {
    auto next = (*reader)->Next(&record);
    if (!next.ok() || !*next) break;
    ++n;
    block_bytes += record.block.size();
  }
  *records = n;
  return block_bytes > 0 ? Seconds(start) : 0;
}

double TimeSource(const std::string& path, std::uint64_t* documents) {
  const double start = CpuNow();
  auto source = newsx::ingest::WarcSource::Open({path});
  if (!source.ok()) return 0;
  std::uint64_t n = 0;
  while (true) {
    auto next = (*source)->Next();
    if (!next.ok() || !next->has_value()) break;
    n += (*next)->error.ok() ? 1 : 0;
  }
  *documents = n;
  return Seconds(start);
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t mb = 200;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--mb") == 0) mb = std::strtoull(argv[i + 1], nullptr, 10);
  }
  const fs::path dir = fs::temp_directory_path() / ("newsx-warc-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "bench.warc.gz").string();
  std::printf("generating %s (>= %llu MB compressed)...\n", path.c_str(),
              static_cast<unsigned long long>(mb));
  const double gen_start = CpuNow();
  const Uncompressed gen = Generate(path, mb << 20);
  const double mb_file = gen.file_bytes / 1048576.0, mb_raw = gen.bytes / 1048576.0;
  std::printf("  %llu records, %.1f MB compressed, %.1f MB uncompressed, %.1fs\n\n",
              static_cast<unsigned long long>(gen.records), mb_file, mb_raw, Seconds(gen_start));

  double best_inflate = 1e9, best_reader = 1e9, best_source = 1e9;
  std::uint64_t inflated = 0, records = 0, documents = 0;
  for (int round = 0; round < 2; ++round) {
    best_inflate = std::min(best_inflate, TimeInflate(path, &inflated));
    best_reader = std::min(best_reader, TimeReader(path, &records));
  }
  best_source = TimeSource(path, &documents);
  const auto line = [&](const char* name, double s, std::uint64_t n) {
    std::printf("%-8s %7.2fs  %9.0f records/s  %7.1f MB/s compressed  %7.1f MB/s uncompressed\n",
                name, s, n / s, mb_file / s, mb_raw / s);
  };
  line("inflate", best_inflate, gen.records);
  line("reader", best_reader, records);
  line("source", best_source, gen.records);
  std::printf("\nreader / inflate: %.1f%% (target >= 85%%)\n", 100.0 * best_inflate / best_reader);
  std::printf("source / inflate: %.1f%%  (%llu documents)\n", 100.0 * best_inflate / best_source,
              static_cast<unsigned long long>(documents));
  if (inflated != gen.bytes || records != gen.records) {
    std::printf("MISMATCH: inflated %llu bytes, read %llu records\n",
                static_cast<unsigned long long>(inflated), static_cast<unsigned long long>(records));
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak RSS: %.1f MB (target < 300 MB)\n", usage.ru_maxrss / 1024.0);
  std::error_code ec;
  fs::remove_all(dir, ec);
  return 0;
}
