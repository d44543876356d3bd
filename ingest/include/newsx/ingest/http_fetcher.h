#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "newsx/core/raw_document.h"
#include "newsx/core/result.h"
#include "newsx/ingest/fetch_options.h"

namespace newsx::ingest {

// Initializes libcurl for the process. Call once from main() before any
// thread starts (libcurl's own rule). Returns kInternal if libcurl fails.
Status InitHttpGlobal();

// One URL to fetch. Validators make it a conditional GET.
struct FetchRequest {
  std::string url;            // Absolute http(s) URL.
  std::string etag;           // Sent as If-None-Match when not empty.
  std::string last_modified;  // Sent as If-Modified-Since when not empty.
  std::uint64_t tag = 0;      // The caller's handle, returned unchanged.
};

// The outcome of one FetchRequest.
//  status OK: a 2xx body, or not_modified (304) with an empty body.
//  Otherwise the reason, one per request:
//   kInvalidArgument   not an http(s) URL, or a redirect loop;
//   kFailedPrecondition disallowed by robots.txt, or HTTP 4xx other than 404/410/429;
//   kNotFound          HTTP 404 or 410;
//   kResourceExhausted body larger than max_body_bytes, too many redirects,
//                      or HTTP 429 after the retries;
//   kUnavailable       connection failure, HTTP 5xx after the retries;
//   kDeadlineExceeded  connect, total or low-speed timeout.
struct FetchResponse {
  FetchRequest request;
  Status status;
  int http_status = 0;        // Last HTTP status seen; 0 if none.
  bool not_modified = false;  // 304: the caller's copy is current.
  // url: final URL after redirects; source: the requested URL; body:
  // decoded (gzip/deflate/br removed); content_type: the Content-Type
  // header with its charset; fetched_unix_ms.
  RawDocument document;
  std::string etag;           // Validators of this response, to send next time.
  std::string last_modified;
  int attempts = 0;           // HTTP requests made for it (retries and redirects included).
  int redirects = 0;
  std::optional<std::int64_t> retry_after_s;  // The server's last Retry-After, if any.
};

using FetchCallback = std::function<void(FetchResponse&&)>;

// Counters since creation.
struct FetchStats {
  std::uint64_t requests = 0;  // HTTP requests started (robots.txt included).
  std::uint64_t robots_fetches = 0;
  std::uint64_t retries = 0;
  std::uint64_t redirects = 0;
  std::uint64_t bytes = 0;     // Decoded body bytes received.
};

// An HTTP client on libcurl's multi interface: many transfers in flight in
// the calling thread, with per-host politeness (concurrency, delay,
// robots.txt), redirects, retries and conditional GET as set by
// FetchOptions. It owns no thread: the caller drives it with Poll() (or
// FetchAll()), and callbacks run inside those calls.
// Not thread-safe: use one instance from one thread.
class HttpFetcher {
 public:
  // Returns kInvalidArgument for bad options, kInternal if libcurl fails.
  // REQUIRES: InitHttpGlobal() was called.
  static Result<std::unique_ptr<HttpFetcher>> Create(const FetchOptions& options);
  ~HttpFetcher();

  HttpFetcher(const HttpFetcher&) = delete;
  HttpFetcher& operator=(const HttpFetcher&) = delete;

  // Queues a request; it starts during a later Poll() when its host allows.
  void Add(FetchRequest request);

  // Runs transfers until at least one request finishes, nothing is pending,
  // or `max_wait_ms` passes; calls `on_done` once per finished request (it
  // may call Add()). Returns the number of requests still pending.
  std::size_t Poll(int max_wait_ms, const FetchCallback& on_done);

  // Requests queued or in flight.
  std::size_t pending() const;

  // Adds `requests` and polls until every pending request has finished.
  void FetchAll(std::vector<FetchRequest> requests, const FetchCallback& on_done);

  FetchStats stats() const;

 private:
  struct Impl;
  explicit HttpFetcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsx::ingest
