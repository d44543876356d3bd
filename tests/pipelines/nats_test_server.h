#pragma once

// A real nats-server with JetStream on 127.0.0.1, on a free port, with its
// store in a temp directory; stopped and removed on destruction. When
// nats-server is not installed (scripts/setup.sh installs it) available()
// is false and tests say so and pass without running.

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "spawn.h"
#include "temp_dir.h"

namespace newsx::testing {

class NatsTestServer {
 public:
  // `max_payload_mb`: the largest message the server takes (its default,
  // 1 MB, is below some real pages with their article; docs/scaleout.md).
  explicit NatsTestServer(int max_payload_mb = 8) {
    for (const char* candidate : {"/usr/sbin/nats-server", "/usr/bin/nats-server",
                                  "/usr/local/bin/nats-server"}) {
      if (::access(candidate, X_OK) == 0) binary_ = candidate;
    }
    if (binary_.empty()) return;
    // A port taken between picking and binding makes the server exit: try
    // another one (bounded).
    for (int attempt = 0; attempt < 5 && pid_ <= 0; ++attempt) {
      port_ = FreePort();
      // max_payload has no command-line flag: the rest goes in a config file.
      const std::string config = dir_.File("nats.conf");
      std::ofstream(config) << "listen: 127.0.0.1:" << port_ << "\nmax_payload: "
                            << max_payload_mb << "MB\njetstream { store_dir: \"" << dir_.File("js")
                            << "\" }\n";
      const pid_t pid = SpawnQuiet({binary_, "-c", config});
      if (WaitListening(pid)) pid_ = pid;
    }
  }
  ~NatsTestServer() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
  }
  NatsTestServer(const NatsTestServer&) = delete;
  NatsTestServer& operator=(const NatsTestServer&) = delete;

  bool installed() const { return !binary_.empty(); }
  bool running() const { return pid_ > 0; }
  std::string url() const { return "nats://127.0.0.1:" + std::to_string(port_); }

 private:
  static int FreePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
  }

  // Until the port accepts connections (up to 20 s, for a loaded machine),
  // or the server exited.
  bool WaitListening(pid_t pid) const {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (::waitpid(pid, &status, WNOHANG) == pid) return false;
      const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
      sockaddr_in addr{};
      addr.sin_family = AF_INET;
      addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      addr.sin_port = htons(static_cast<std::uint16_t>(port_));
      const bool up = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
      ::close(fd);
      if (up) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return false;
  }

  TempDir dir_;
  std::string binary_;
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace newsx::testing
