#pragma once

// A real cpp-httplib server on 127.0.0.1 (a free port) for loopback tests
// of the HTTP client and the crawler. Handlers are registered before
// Start(); the destructor stops the server and joins its thread.

#include <httplib.h>

#include <chrono>
#include <string>
#include <thread>

namespace newsx::testing {

class HttpTestServer {
 public:
  explicit HttpTestServer(const std::string& host = "127.0.0.1") : host_(host) {}
  ~HttpTestServer() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  HttpTestServer(const HttpTestServer&) = delete;
  HttpTestServer& operator=(const HttpTestServer&) = delete;

  httplib::Server& server() { return server_; }

  // Binds a free port and serves in a background thread; false if binding failed.
  bool Start() {
    port_ = server_.bind_to_any_port(host_);
    if (port_ <= 0) return false;
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    for (int i = 0; i < 200 && !server_.is_running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return server_.is_running();
  }

  int port() const { return port_; }
  std::string Url(const std::string& path) const {
    return "http://" + host_ + ":" + std::to_string(port_) + path;
  }

 private:
  std::string host_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace newsx::testing
