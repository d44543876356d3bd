#include "metrics/http_listener.h"

#include <algorithm>

namespace newsx::pipelines::metrics {

void ConfigureHttp(httplib::Server* http, int threads, httplib::Headers default_headers) {
  const int n = std::max(1, threads);
  http->new_task_queue = [n] { return new httplib::ThreadPool(n); };
  // Small responses would otherwise wait ~40 ms for the delayed ACK (Nagle).
  http->set_tcp_nodelay(true);
  http->set_read_timeout(10, 0);
  http->set_write_timeout(10, 0);
  http->set_payload_max_length(64 * 1024);
  default_headers.emplace("X-Content-Type-Options", "nosniff");
  http->set_default_headers(std::move(default_headers));
}

Result<int> BindHttp(httplib::Server* http, const std::string& host, int port) {
  if (port == 0) {
    const int bound = http->bind_to_any_port(host);
    if (bound <= 0) return UnavailableError("cannot bind " + host);
    return bound;
  }
  if (!http->bind_to_port(host, port)) {
    return UnavailableError("cannot bind " + host + ":" + std::to_string(port) +
                            " (in use, or not an address of this machine)");
  }
  return port;
}

}  // namespace newsx::pipelines::metrics
