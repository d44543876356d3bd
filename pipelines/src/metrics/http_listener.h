#pragma once

// The cpp-httplib settings shared by `serve` and the crawl's metrics
// endpoint: small responses sent at once, bounded timeouts and bodies,
// safe default headers, and binding that says why it failed.

#include <httplib.h>

#include <string>

#include "newsx/core/result.h"

namespace newsx::pipelines::metrics {

// Sets `threads` request threads (at least 1), TCP_NODELAY, 10 s read and
// write timeouts, a 64 KiB body cap and the headers in `default_headers`
// plus X-Content-Type-Options: nosniff.
void ConfigureHttp(httplib::Server* http, int threads, httplib::Headers default_headers = {});

// Binds `host`:`port` (0: any free port). Returns the bound port, or
// kUnavailable naming the address.
Result<int> BindHttp(httplib::Server* http, const std::string& host, int port);

}  // namespace newsx::pipelines::metrics
