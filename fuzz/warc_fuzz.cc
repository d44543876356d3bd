// libFuzzer target: the WARC/ARC reader and the HTTP response decoder on
// arbitrary bytes. Built with -DNEWSX_FUZZ=ON and clang (see fuzz/README.md).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "newsx/ingest/http_response_parser.h"
#include "newsx/ingest/warc_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  newsx::ingest::WarcReaderOptions options;
  options.max_record_bytes = 1u << 20;
  options.max_header_bytes = 64u << 10;
  auto reader = newsx::ingest::WarcReader::FromMemory(input, options);
  newsx::ingest::WarcRecord record;
  // Every record consumes input, so the count is bounded by the size; the
  // guard only turns a hang into a finding.
  for (std::size_t guard = 0; guard <= size + 1; ++guard) {
    auto next = reader->Next(&record);
    if (!next.ok() || !*next) break;
    if (record.type == newsx::ingest::WarcRecordType::kResponse) {
      auto http = newsx::ingest::ParseHttpResponse(record.block, {.max_body_bytes = 1u << 20});
      (void)http.ok();
    }
    if (guard == size + 1) __builtin_trap();
  }
  reader->TakeIssues();
  // The HTTP decoder on its own, for inputs that are not WARC at all.
  auto http = newsx::ingest::ParseHttpResponse(input, {.max_body_bytes = 1u << 20});
  (void)http.ok();
  return 0;
}
