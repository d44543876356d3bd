#pragma once

#include <cstdint>
#include <string>

namespace newsx {

// An input that failed, kept so that nothing is silently dropped.
struct DeadLetter {
  std::string source;   // The item: URL, "file.warc.gz@offset", file path.
  std::string stage;    // "fetch", "extract", "store", "read"...
  std::string code;     // StatusCodeName() of the failure.
  std::string reason;   // Human-readable message.
  std::int64_t time_unix_ms = 0;
};

}  // namespace newsx
