#pragma once

// A loopback news site for crawl interruption tests: one RSS feed
// (/feed.xml) listing `articles` pages (/a/0.html ...), each with its own
// text, and 404 for robots.txt. The request for page `gate` runs a hook
// first and can be held until Release(), so that a test can interrupt a
// crawl at an exact point instead of after a guessed delay.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "ingest/http_test_server.h"

namespace newsx::testing {

class GatedNewsSite {
 public:
  // `hold` keeps the gate request waiting until Release(); `on_gate` runs
  // when it arrives (before any waiting).
  GatedNewsSite(int articles, int gate, bool hold, std::function<void()> on_gate = nullptr)
      : articles_(articles), gate_(gate), hold_(hold), on_gate_(std::move(on_gate)) {
    server_.server().Get("/feed.xml", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(Feed(), "application/rss+xml");
    });
    server_.server().Get(R"(/a/(\d+)\.html)", [this](const httplib::Request& req,
                                                     httplib::Response& res) {
      const int n = std::stoi(req.matches[1]);
      Count(req.path);
      if (n == gate_) Gate();
      res.set_content(Page(n), "text/html; charset=utf-8");
    });
    started_ = server_.Start();
  }
  ~GatedNewsSite() { Release(); }
  GatedNewsSite(const GatedNewsSite&) = delete;
  GatedNewsSite& operator=(const GatedNewsSite&) = delete;

  bool started() const { return started_; }
  std::string FeedUrl() const { return server_.Url("/feed.xml"); }

  // Waits until the gate request has arrived; false after `limit` (a hang
  // guard, not a timing assumption).
  bool WaitForGate(std::chrono::seconds limit) {
    std::unique_lock<std::mutex> lock(mu_);
    return cv_.wait_for(lock, limit, [this] { return reached_; });
  }

  // Lets held and future gate requests through.
  void Release() {
    std::lock_guard<std::mutex> lock(mu_);
    released_ = true;
    cv_.notify_all();
  }

  int Hits(const std::string& path) {
    std::lock_guard<std::mutex> lock(mu_);
    return hits_[path];
  }

  static std::string Page(int n) {
    const std::string title = "Story " + std::to_string(n) + " of the crawl test";
    std::string body;
    for (int i = 0; i < 3; ++i) {
      body += "<p>" + title + ": Nvidia shipped " + std::to_string(100 + n) +
              " H200 chips to cloud customers in quarter " + std::to_string(i + 1) +
              ", the company said in a statement on Monday.</p>";
    }
    return "<html><head><title>" + title + "</title></head><body><article><h1>" + title +
           "</h1>" + body + "</article></body></html>";
  }

 private:
  std::string Feed() const {
    std::string items;
    for (int n = 0; n < articles_; ++n) {
      items += "<item><title>Story " + std::to_string(n) + "</title><link>/a/" +
               std::to_string(n) + ".html</link><pubDate>Wed, 28 Jan 2026 00:" +
               (n % 60 < 10 ? "0" : "") + std::to_string(n % 60) + ":00 GMT</pubDate></item>";
    }
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Gated</title><link>/</link>" +
           items + "</channel></rss>";
  }

  void Count(const std::string& path) {
    std::lock_guard<std::mutex> lock(mu_);
    ++hits_[path];
  }

  void Gate() {
    if (on_gate_) on_gate_();
    std::unique_lock<std::mutex> lock(mu_);
    reached_ = true;
    cv_.notify_all();
    if (hold_) cv_.wait(lock, [this] { return released_; });
  }

  const int articles_;
  const int gate_;
  const bool hold_;
  const std::function<void()> on_gate_;
  bool started_ = false;
  std::mutex mu_;
  std::condition_variable cv_;
  bool reached_ = false;               // Guarded by mu_.
  bool released_ = false;              // Guarded by mu_.
  std::map<std::string, int> hits_;    // Guarded by mu_.
  // Last, so that it stops (joining its handlers) before the rest goes.
  HttpTestServer server_;
};

}  // namespace newsx::testing
