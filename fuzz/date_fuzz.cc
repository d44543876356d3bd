// libFuzzer target: date parsing (RFC 822, ISO 8601 and their variants as
// feeds, sitemaps and pages write them). A parsed date formats to ISO 8601
// that parses back to the same time.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_input.h"
#include "newsx/core/time_format.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto parsed = newsx::ParseDateTime(newsx::fuzz::AsText(data, size));
  if (!parsed) return 0;
  // Years 0..9999 are what ISO 8601 strings (and FormatIsoUtc) express.
  if (*parsed < -62167219200 || *parsed > 253402300799) return 0;
  const std::string iso = newsx::FormatIsoUtc(*parsed);
  const auto again = newsx::ParseDateTime(iso);
  if (!again || *again != *parsed) __builtin_trap();
  return 0;
}
