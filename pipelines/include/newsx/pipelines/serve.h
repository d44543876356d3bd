#pragma once

// `newsx serve`: a read-only HTTP server over the database with a JSON API,
// server-rendered pages and Prometheus metrics (docs/serve.md).

#include <cstdint>
#include <memory>
#include <string>

#include "newsx/core/result.h"
#include "newsx/pipelines/logger.h"

namespace newsx::pipelines {

struct ServeOptions {
  std::string db_path = "newsx-data";  // Opened read-only. Default: ./newsx-data.
  std::string host = "127.0.0.1";      // Address to bind. Default: loopback only.
  int port = 8080;                     // 0: any free port (see Server::port). Default: 8080.
  // How often the database directory is checked for changes by a writer; a
  // changed database is reopened (read-only) and the new view swapped in.
  // 0: never. Default: 10 s.
  int refresh_s = 10;
  // Largest `limit` a request may ask for; larger is a 400. Default: 500.
  std::size_t max_limit = 500;
  // Index entries one event query may examine; past it the page is cut
  // short and its cursor continues. Bounds the time of a request with a
  // rare text filter. Default: 50,000.
  std::size_t max_scanned = 50'000;
  int threads = 4;  // Request threads. Default: 4.
};

// A running server. Thread-safe.
class Server {
 public:
  // Opens the database read-only (kNotFound when there is none), binds
  // (kUnavailable when the address cannot be bound) and starts serving on
  // background threads. `log` must outlive the server.
  static Result<std::unique_ptr<Server>> Start(const ServeOptions& options, Logger* log);
  ~Server();  // Stops and joins.

  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const;  // The bound port.
  // Blocks until Stop() is called (from another thread or a signal watcher).
  void Wait();
  void Stop();

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsx::pipelines
