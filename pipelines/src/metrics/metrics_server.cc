#include "newsx/pipelines/metrics_server.h"

#include <atomic>
#include <charconv>
#include <chrono>
#include <thread>

#include "metrics/http_listener.h"
#include "metrics/prometheus_text.h"

namespace newsx::pipelines {

Result<ListenAddress> ParseListenAddress(std::string_view flag, const std::string& text) {
  const std::string name(flag);
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return InvalidArgumentError(name + ": expected HOST:PORT, e.g. 127.0.0.1:8080");
  }
  ListenAddress at;
  at.host = text.substr(0, colon);
  if (at.host.size() >= 2 && at.host.front() == '[' && at.host.back() == ']') {
    at.host = at.host.substr(1, at.host.size() - 2);
  }
  const std::string port = text.substr(colon + 1);
  int p = -1;
  const auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), p);
  if (ec != std::errc() || ptr != port.data() + port.size() || p < 0 || p > 65535) {
    return InvalidArgumentError(name + ": port must be 0-65535, got \"" + port + "\"");
  }
  at.port = p;
  return at;
}

bool IsLoopbackHost(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1";
}

std::string HttpUrl(const std::string& host, int port) {
  const bool v6 = host.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

struct MetricsServer::Impl {
  httplib::Server http;
  RenderFn render;
  int port = 0;
  std::thread listener;
  std::atomic<bool> listen_returned{false};
};

Result<std::unique_ptr<MetricsServer>> MetricsServer::Start(const ListenAddress& at,
                                                            RenderFn render) {
  auto impl = std::make_unique<Impl>();
  impl->render = std::move(render);
  Impl* raw = impl.get();
  // Scrapes are rare and small: one thread answers them.
  metrics::ConfigureHttp(&impl->http, 1);
  impl->http.Get("/metrics", [raw](const httplib::Request&, httplib::Response& res) {
    res.set_content(raw->render(), metrics::kContentType);
  });
  NEWSX_ASSIGN_OR_RETURN(impl->port, metrics::BindHttp(&impl->http, at.host, at.port));
  impl->listener = std::thread([raw] {
    raw->http.listen_after_bind();
    raw->listen_returned = true;
  });
  // stop() before the listener runs would be lost (httplib 0.11 stops only
  // a running server) and the destructor would wait forever.
  while (!impl->http.is_running() && !impl->listen_returned) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return std::unique_ptr<MetricsServer>(new MetricsServer(std::move(impl)));
}

MetricsServer::MetricsServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

MetricsServer::~MetricsServer() {
  impl_->http.stop();
  if (impl_->listener.joinable()) impl_->listener.join();
}

int MetricsServer::port() const { return impl_->port; }

}  // namespace newsx::pipelines
