// newsx_demo_server: serves the crawl fixtures on 127.0.0.1 so that the
// README's demo (and anyone trying `newsx crawl`) needs no network.
//
//   newsx_demo_server [--port 8765] [--root fixtures/crawl]
//                     [--articles fixtures/demo/pages] [--lifetime-s 600]
//
// Prints "listening on http://127.0.0.1:<port>" once ready, logs each
// request on stderr, and exits after --lifetime-s seconds or on SIGINT/SIGTERM.

#include <httplib.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <thread>

namespace {

httplib::Server* g_server = nullptr;  // For the signal handler only.

void Stop(int) {
  if (g_server != nullptr) g_server->stop();
}

}  // namespace

int main(int argc, char** argv) {
  int port = 8765;
  int lifetime_s = 600;
  std::string root = NEWSX_SOURCE_DIR "/fixtures/crawl";
  std::string articles = NEWSX_SOURCE_DIR "/fixtures/demo/pages";
  const char* usage =
      "usage: %s [--port N] [--root DIR] [--articles DIR] [--lifetime-s N]\n"
      "Serves the offline crawl demo (feeds, robots.txt, article pages) on 127.0.0.1.\n";
  for (int i = 1; i < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      std::printf(usage, argv[0]);
      return 0;
    }
    if (i + 1 >= argc) {  // A flag without its value.
      std::fprintf(stderr, usage, argv[0]);
      return 2;
    }
    if (flag == "--port") port = std::atoi(argv[i + 1]);
    else if (flag == "--root") root = argv[i + 1];
    else if (flag == "--articles") articles = argv[i + 1];
    else if (flag == "--lifetime-s") lifetime_s = std::atoi(argv[i + 1]);
    else {
      std::fprintf(stderr, usage, argv[0]);
      return 2;
    }
  }
  httplib::Server server;
  if (!server.set_mount_point("/articles", articles) || !server.set_mount_point("/", root)) {
    std::fprintf(stderr, "newsx_demo_server: cannot serve %s or %s\n", root.c_str(), articles.c_str());
    return 1;
  }
  server.set_file_extension_and_mimetype_mapping("xml", "application/rss+xml; charset=utf-8");
  server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    std::fprintf(stderr, "demo_server: %d %s %s (%s)\n", res.status, req.method.c_str(),
                 req.path.c_str(), req.get_header_value("User-Agent").c_str());
  });
  // Validators, so that a second crawl gets 304 Not Modified for the feeds.
  server.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (res.status != 200 || res.body.empty()) return;
    char etag[32];
    std::snprintf(etag, sizeof etag, "\"%016zx\"", std::hash<std::string>{}(res.body));
    res.set_header("ETag", etag);
    if (req.get_header_value("If-None-Match") == etag) {
      res.status = 304;
      res.body.clear();
    }
  });
  g_server = &server;
  std::signal(SIGINT, Stop);
  std::signal(SIGTERM, Stop);
  if (!server.bind_to_port("127.0.0.1", port)) {
    std::fprintf(stderr, "newsx_demo_server: cannot listen on 127.0.0.1:%d\n", port);
    return 1;
  }
  std::thread timer([&server, lifetime_s] {
    for (int i = 0; i < lifetime_s * 10 && server.is_running() ; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    server.stop();
  });
  std::printf("listening on http://127.0.0.1:%d\n", port);
  std::fflush(stdout);
  server.listen_after_bind();
  timer.join();
  return 0;
}
