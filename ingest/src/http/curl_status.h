#pragma once

#include <curl/curl.h>

#include "newsx/core/status.h"

namespace newsx::ingest::internal {

// The one place where CURLcode becomes a Status: timeouts are
// kDeadlineExceeded, size limits kResourceExhausted, connection problems
// kUnavailable, bad URLs kInvalidArgument, the rest kUnavailable.
// `detail` is libcurl's error buffer (may be empty).
Status CurlStatus(CURLcode code, const char* detail);

// True for failures worth retrying (the connection could not be made).
bool IsRetryableCurlError(CURLcode code);

}  // namespace newsx::ingest::internal
