#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newsx/core/result.h"

namespace newsx::ingest {

struct HttpResponseParseOptions {
  // Bodies larger than this after decoding are rejected. Default: 64 MiB.
  std::uint64_t max_body_bytes = 64ull << 20;
};

// An HTTP/1.x response as archived in a WARC response record (or an ARC
// record), with the transfer and content encodings removed from the body.
struct ParsedHttpResponse {
  int status = 0;      // 200, 404...
  std::string reason;  // "OK"; may be empty.
  std::vector<std::pair<std::string, std::string>> headers;  // In order, as written.
  std::string body;    // Decoded: de-chunked, gunzipped/inflated/un-brotlied.
  // The body ends early: a chunk or compressed stream was cut off (the
  // archive truncated the capture). What could be decoded is kept.
  bool body_truncated = false;

  // The value of the first header named `name` (case-insensitive), or "".
  std::string_view Header(std::string_view name) const;
};

// Parses `message` ("HTTP/1.1 200 OK", header lines ending in CRLF or LF, a
// blank line, the body). Transfer-Encoding: chunked is undone, then each
// Content-Encoding (gzip, x-gzip, deflate, br, identity) in reverse order.
// Lenient as archives require: a body declared chunked or gzip that is not
// (the archiver already decoded it) is kept as is; a message without a blank
// line has an empty body.
// Returns kInvalidArgument when there is no "HTTP/x.y NNN" status line,
// kUnimplemented for an unknown content encoding, kDataLoss for a corrupt
// compressed body and kResourceExhausted beyond max_body_bytes.
// `message` need only live for the call. Thread-safe (stateless).
Result<ParsedHttpResponse> ParseHttpResponse(std::string_view message,
                                             const HttpResponseParseOptions& options = {});

// Decodes one content coding ("gzip", "x-gzip", "deflate", "br",
// "identity"/"") of `body`, up to max_bytes of output. Sets *truncated when
// the compressed data ends early (the decoded prefix is returned).
// Errors as for ParseHttpResponse. Thread-safe.
Result<std::string> DecodeContentEncoding(std::string_view body, std::string_view coding,
                                          std::uint64_t max_bytes, bool* truncated);

}  // namespace newsx::ingest
