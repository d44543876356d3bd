// Runs the WARC reader over every file listed in records.json of an
// evaluation folder (default /work/shared/eval/warc) and compares what it
// finds with the listing: record count, and per record offset (in the
// uncompressed stream), type and target URI. Prints per-file agreement, the
// reader's issues for files that disagree or are broken, and the totals.
//
//   warc_eval [eval_dir] [--verbose]
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "newsx/ingest/warc_reader.h"

namespace {

struct Found {
  std::uint64_t offset;
  std::string type;
  std::string target_uri;
};

std::string TypeOf(const newsx::ingest::WarcRecord& record) {
  // The listing names records without a WARC-Type "unknown".
  if (record.type == newsx::ingest::WarcRecordType::kUnknown && record.type_name.empty()) {
    return "unknown";
  }
  return record.type_name.empty() ? "unknown" : record.type_name;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = "/work/shared/eval/warc";
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--verbose") {
      verbose = true;
    } else {
      dir = arg;
    }
  }
  std::ifstream listing_file(dir + "/records.json");
  if (!listing_file) {
    std::fprintf(stderr, "cannot read %s/records.json\n", dir.c_str());
    return 2;
  }
  const nlohmann::json listing = nlohmann::json::parse(listing_file, nullptr, false);
  if (listing.is_discarded()) {
    std::fprintf(stderr, "records.json is not valid JSON\n");
    return 2;
  }
  std::size_t files = 0, files_agree = 0, expected_total = 0, matched_total = 0,
              found_total = 0, files_with_issues = 0;
  for (const auto& [name, entry] : listing.items()) {
    ++files;
    std::vector<Found> found;
    std::vector<std::string> issues;
    auto reader = newsx::ingest::WarcReader::Open(dir + "/" + name);
    if (!reader.ok()) {
      issues.push_back(reader.status().ToString());
    } else {
      newsx::ingest::WarcRecord record;
      for (int guard = 0; guard < 1'000'000; ++guard) {
        auto next = (*reader)->Next(&record);
        if (!next.ok()) {
          issues.push_back(next.status().ToString());
          break;
        }
        if (!*next) break;
        found.push_back({record.offset, TypeOf(record), record.target_uri});
      }
      for (const auto& issue : (*reader)->TakeIssues()) {
        issues.push_back(std::string(issue.lost_data ? "error: " : "warning: ") +
                         issue.status.message());
      }
    }
    const auto& expected = entry["record_list"];
    std::size_t matched = 0;
    std::map<std::uint64_t, const Found*> by_offset;
    for (const Found& f : found) by_offset[f.offset] = &f;
    std::vector<std::string> diffs;
    for (const auto& want : expected) {
      const std::uint64_t offset = want["offset"].get<std::uint64_t>();
      const std::string type = want["type"].get<std::string>();
      std::string uri = want["target_uri"].is_string() ? want["target_uri"].get<std::string>()
                                                        : std::string();
      // The reader drops the <> that WARC 1.0's grammar put around URIs.
      if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') {
        uri = uri.substr(1, uri.size() - 2);
      }
      auto it = by_offset.find(offset);
      if (it == by_offset.end()) {
        diffs.push_back("missing record at " + std::to_string(offset) + " " + type + " " + uri);
      } else if (it->second->type != type || it->second->target_uri != uri) {
        diffs.push_back("record at " + std::to_string(offset) + ": expected " + type + " " + uri +
                        ", read " + it->second->type + " " + it->second->target_uri);
      } else {
        ++matched;
      }
    }
    if (found.size() > expected.size()) {
      diffs.push_back("read " + std::to_string(found.size()) + " records, listing has " +
                      std::to_string(expected.size()));
    }
    const bool agree = diffs.empty() && found.size() == expected.size();
    files_agree += agree ? 1 : 0;
    expected_total += expected.size();
    matched_total += matched;
    found_total += found.size();
    const bool broken = !entry["errors"].empty();
    files_with_issues += issues.empty() ? 0 : 1;
    std::printf("%-4s %3zu/%-3zu %s%s\n", agree ? "ok" : "DIFF", matched, expected.size(),
                name.c_str(), broken ? "  [broken in listing]" : "");
    if (!agree || verbose || broken) {
      for (const std::string& d : diffs) std::printf("       diff: %s\n", d.c_str());
      std::size_t shown = 0;
      for (const std::string& i : issues) {
        if (++shown > 6) {
          std::printf("       ... %zu more issues\n", issues.size() - 6);
          break;
        }
        std::printf("       %s\n", i.c_str());
      }
    }
  }
  std::printf("\nfiles: %zu, agreeing fully: %zu (%.1f%%)\n", files, files_agree,
              files ? 100.0 * files_agree / files : 0.0);
  std::printf("records listed: %zu, matched (offset+type+target URI): %zu (%.1f%%), read: %zu\n",
              expected_total, matched_total,
              expected_total ? 100.0 * matched_total / expected_total : 0.0, found_total);
  std::printf("files with reported issues: %zu\n", files_with_issues);
  return 0;
}
