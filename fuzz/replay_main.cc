// Runs a fuzz target's entry point over files, without libFuzzer: the
// seed corpus and the inputs that once crashed (fuzz/corpus/<target>/) run
// in every test build, sanitizers or not. Usage: fuzz_replay TARGET DIR|FILE...
// Each target's LLVMFuzzerTestOneInput is compiled as NewsxFuzz_<target>
// (fuzz/CMakeLists.txt); a new target adds a line to kTargets.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using FuzzFn = int (*)(const std::uint8_t* data, std::size_t size);

#define NEWSX_FUZZ_TARGET(name) \
  extern "C" int NewsxFuzz_##name(const std::uint8_t* data, std::size_t size);
NEWSX_FUZZ_TARGET(warc)
NEWSX_FUZZ_TARGET(html)
NEWSX_FUZZ_TARGET(feed)
NEWSX_FUZZ_TARGET(sitemap)
NEWSX_FUZZ_TARGET(url)
NEWSX_FUZZ_TARGET(date)
NEWSX_FUZZ_TARGET(quantity)
NEWSX_FUZZ_TARGET(lexicon)
NEWSX_FUZZ_TARGET(config)

namespace {

struct Target {
  std::string_view name;
  FuzzFn run;
};

constexpr Target kTargets[] = {
    {"warc", NewsxFuzz_warc},       {"html", NewsxFuzz_html},
    {"feed", NewsxFuzz_feed},       {"sitemap", NewsxFuzz_sitemap},
    {"url", NewsxFuzz_url},         {"date", NewsxFuzz_date},
    {"quantity", NewsxFuzz_quantity}, {"lexicon", NewsxFuzz_lexicon},
    {"config", NewsxFuzz_config},
};

}  // namespace

int main(int argc, char** argv) {
  FuzzFn run = nullptr;
  for (const Target& t : kTargets) {
    if (argc > 1 && t.name == argv[1]) run = t.run;
  }
  if (run == nullptr) {
    std::fprintf(stderr, "usage: fuzz_replay TARGET DIR|FILE...\n");
    return 2;
  }
  std::vector<std::filesystem::path> files;
  for (int i = 2; i < argc; ++i) {
    const std::filesystem::path path(argv[i]);
    if (std::filesystem::is_directory(path)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
    } else {
      files.push_back(path);
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "no inputs\n");
    return 2;
  }
  for (const std::filesystem::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string input = bytes.str();
    run(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
  }
  std::printf("%zu inputs ran\n", files.size());
  return 0;
}
