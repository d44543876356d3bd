#pragma once

// A minimal HTTP endpoint that answers GET /metrics with text from a
// callback (Prometheus text format), e.g. `crawl --metrics-listen ADDR`.
// `serve` has its own /metrics (serve.h).

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "newsx/core/result.h"

namespace newsx::pipelines {

struct ListenAddress {
  std::string host = "127.0.0.1";
  int port = 0;  // 0: any free port.
};

// Parses "HOST:PORT" (HOST may be "[v6]"; port 0-65535). kInvalidArgument
// naming `flag` (e.g. "--listen") otherwise.
Result<ListenAddress> ParseListenAddress(std::string_view flag, const std::string& text);

// 127.0.0.1, localhost or ::1.
bool IsLoopbackHost(const std::string& host);

// "http://HOST:PORT" with a v6 host in brackets.
std::string HttpUrl(const std::string& host, int port);

// Thread-safe. GET /metrics calls `render` on a request thread, so it must
// be thread-safe; any other path is a 404.
class MetricsServer {
 public:
  using RenderFn = std::function<std::string()>;
  // Binds and serves on a background thread; kUnavailable when the
  // address cannot be bound.
  static Result<std::unique_ptr<MetricsServer>> Start(const ListenAddress& at, RenderFn render);
  ~MetricsServer();  // Stops and joins.

  MetricsServer(const MetricsServer&) = delete;
  MetricsServer& operator=(const MetricsServer&) = delete;

  int port() const;  // The bound port.

  struct Impl;

 private:
  explicit MetricsServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsx::pipelines
