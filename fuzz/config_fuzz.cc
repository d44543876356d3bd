// libFuzzer target: the TOML config file; any input is a config or an
// error with a position, and a parsed config validates without crashing.
#include <cstddef>
#include <cstdint>

#include "fuzz_input.h"
#include "newsx/pipelines/config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto config = newsx::pipelines::ParseConfig(newsx::fuzz::AsText(data, size), "fuzz.toml");
  if (config.ok()) {
    (void)config->Validate().ok();
    (void)newsx::pipelines::FetchOptionsFromConfig(*config).Validate().ok();
  }
  return 0;
}
