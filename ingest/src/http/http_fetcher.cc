#include "newsx/ingest/http_fetcher.h"

#include <curl/curl.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <utility>

#include "http/curl_status.h"
#include "http/host_state.h"
#include "newsx/core/strings.h"
#include "newsx/core/url.h"

namespace newsx::ingest {

using internal::Clock;
using internal::HostState;
using internal::Job;
using internal::RobotsState;

Status InitHttpGlobal() {
  const CURLcode code = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (code != CURLE_OK) return InternalError(std::string("curl_global_init: ") + curl_easy_strerror(code));
  return Status::Ok();
}

Status FetchOptions::Validate() const {
  if (max_concurrent_transfers < 1) return InvalidArgumentError("max_concurrent_transfers must be >= 1");
  if (per_host_concurrency < 0) return InvalidArgumentError("per_host_concurrency must be >= 0");
  if (per_host_delay_ms < 0) return InvalidArgumentError("per_host_delay_ms must be >= 0");
  if (max_redirects < 0) return InvalidArgumentError("max_redirects must be >= 0");
  if (timeout_ms < 1 || connect_timeout_ms < 1) return InvalidArgumentError("timeouts must be >= 1 ms");
  if (max_retries < 0 || retry_base_delay_ms < 0) return InvalidArgumentError("retries must be >= 0");
  if (max_body_bytes < 1) return InvalidArgumentError("max_body_bytes must be >= 1");
  if (user_agent.empty()) return InvalidArgumentError("user_agent must not be empty");
  return Status::Ok();
}

namespace {

// RFC 9309 2.5: a crawler parses at least the first 500 KiB of robots.txt.
// Longer files are read up to here and parsed; the rest is ignored.
constexpr std::int64_t kRobotsMaxBytes = 500 * 1024;

// One curl easy transfer in flight.
struct Transfer {
  CURL* easy = nullptr;
  std::unique_ptr<Job> job;
  std::string origin;
  std::string body;
  std::int64_t max_bytes = 0;
  bool too_large = false;
  bool keep_prefix = false;  // Over max_bytes: keep the first max_bytes and stop (robots.txt).
  curl_slist* headers = nullptr;
  char error[CURL_ERROR_SIZE] = {};
  HostState* host = nullptr;            // Stable: hosts are never erased.
  std::chrono::milliseconds delay{0};   // The host's delay when this transfer started.
};

// Called by libcurl right before the request goes out on its connection.
// The host's delay counts from here too, so that connection set-up time
// cannot shorten the gap the server sees between two requests.
int OnRequestSent(void* user, char*, char*, int, int) {
  auto* t = static_cast<Transfer*>(user);
  t->host->next_start = std::max(t->host->next_start, Clock::now() + t->delay);
  return CURL_PREREQFUNC_OK;
}

std::size_t OnBody(char* data, std::size_t size, std::size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t bytes = size * n;
  if (static_cast<std::int64_t>(t->body.size() + bytes) > t->max_bytes) {
    t->too_large = true;
    if (t->keep_prefix) {
      t->body.append(data, static_cast<std::size_t>(t->max_bytes) - t->body.size());
    }
    return 0;  // Aborts the transfer with CURLE_WRITE_ERROR.
  }
  t->body.append(data, bytes);
  return bytes;
}

std::string HeaderValue(CURL* easy, const char* name) {
  curl_header* header = nullptr;
  if (curl_easy_header(easy, name, 0, CURLH_HEADER, -1, &header) != CURLHE_OK) return "";
  return header->value;
}

std::int64_t NowUnixMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

namespace internal {

std::string OriginOf(std::string_view url) {
  const UrlParts parts = SplitUrl(url);
  const std::string scheme = AsciiLower(parts.scheme);
  if ((scheme != "http" && scheme != "https") || parts.host.empty()) return "";
  const std::string host = AsciiLower(parts.host);
  const std::string port = parts.port.empty() ? (scheme == "https" ? "443" : "80") : std::string(parts.port);
  return scheme + "://" + host + ":" + port;
}

std::string PathAndQuery(std::string_view url) {
  const UrlParts parts = SplitUrl(url);
  std::string path = parts.path.empty() ? "/" : std::string(parts.path);
  if (parts.has_query) path += "?" + std::string(parts.query);
  return path;
}

}  // namespace internal

struct HttpFetcher::Impl {
  FetchOptions options;
  std::string product_token;
  CURLM* multi = nullptr;
  std::vector<CURL*> idle_easies;
  std::unordered_map<std::string, HostState> hosts;
  std::vector<std::unique_ptr<Transfer>> transfers;  // In flight.
  std::size_t pending = 0;                           // Caller requests not yet delivered.
  int active = 0;
  FetchStats stats;
  std::vector<FetchResponse> done;                   // Finished, to deliver.

  ~Impl() {
    for (auto& t : transfers) {
      curl_multi_remove_handle(multi, t->easy);
      curl_easy_cleanup(t->easy);
      curl_slist_free_all(t->headers);
    }
    for (CURL* easy : idle_easies) curl_easy_cleanup(easy);
    if (multi != nullptr) curl_multi_cleanup(multi);
  }

  std::chrono::milliseconds HostDelay(const HostState& host) const {
    return std::max(host.delay, std::chrono::milliseconds(options.per_host_delay_ms));
  }

  void Finish(std::unique_ptr<Job> job, FetchResponse response) {
    response.request = std::move(job->request);
    response.attempts = job->attempts;
    response.redirects = job->redirects;
    response.retry_after_s = job->retry_after_s;
    if (response.document.url.empty()) response.document.url = job->url;
    response.document.source = response.request.url;
    done.push_back(std::move(response));
  }

  void Fail(std::unique_ptr<Job> job, Status status, int http_status = 0) {
    FetchResponse response;
    response.status = std::move(status);
    response.http_status = http_status;
    Finish(std::move(job), std::move(response));
  }

  // Queues a job at its origin; jobs for unusable URLs fail at once.
  void Enqueue(std::unique_ptr<Job> job, bool front) {
    const std::string origin = internal::OriginOf(job->url);
    if (origin.empty()) {
      Fail(std::move(job), InvalidArgumentError("not an absolute http(s) URL: " + job->url.substr(0, 300)));
      return;
    }
    HostState& host = hosts[origin];
    if (front) host.waiting.push_front(std::move(job));
    else host.waiting.push_back(std::move(job));
  }

  void StartTransfer(std::unique_ptr<Job> job, const std::string& origin, HostState& host,
                     Clock::time_point now) {
    auto t = std::make_unique<Transfer>();
    if (!idle_easies.empty()) {
      t->easy = idle_easies.back();
      idle_easies.pop_back();
      curl_easy_reset(t->easy);
    } else {
      t->easy = curl_easy_init();
    }
    CURL* e = t->easy;
    t->max_bytes = job->is_robots ? kRobotsMaxBytes : options.max_body_bytes;
    t->keep_prefix = job->is_robots;
    curl_easy_setopt(e, CURLOPT_URL, job->url.c_str());
    curl_easy_setopt(e, CURLOPT_USERAGENT, options.user_agent.c_str());
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // Every encoding libcurl decodes.
    curl_easy_setopt(e, CURLOPT_HTTP_VERSION,
                     options.http2 ? CURL_HTTP_VERSION_2TLS : CURL_HTTP_VERSION_1_1);
    // Waiting for a connection that may multiplex pays off only where HTTP/2
  // can be negotiated (TLS ALPN); over plain HTTP/1.1 it would queue
  // requests behind a slow response.
  curl_easy_setopt(e, CURLOPT_PIPEWAIT, origin.rfind("https:", 0) == 0 ? 1L : 0L);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    // Redirects of pages are followed here, hop by hop, so that each hop
    // passes robots and politeness; robots.txt itself follows in libcurl.
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, job->is_robots ? 1L : 0L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, static_cast<long>(options.max_redirects));
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout_ms));
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout_ms));
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, static_cast<long>(options.low_speed_bytes_per_s));
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, static_cast<long>(options.low_speed_window_s));
    // A page announced as too large fails before its body; robots.txt is
    // read up to the limit whatever its announced size.
    if (!t->keep_prefix) {
      curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(t->max_bytes));
    }
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &OnBody);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error);
    curl_easy_setopt(e, CURLOPT_PRIVATE, t.get());
    if (!job->request.etag.empty()) {
      t->headers = curl_slist_append(t->headers, ("If-None-Match: " + job->request.etag).c_str());
    }
    if (!job->request.last_modified.empty()) {
      t->headers = curl_slist_append(t->headers,
                                     ("If-Modified-Since: " + job->request.last_modified).c_str());
    }
    if (t->headers != nullptr) curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
    ++job->attempts;
    ++stats.requests;
    t->host = &host;
    t->delay = HostDelay(host);
    if (t->delay.count() > 0) {
      curl_easy_setopt(e, CURLOPT_PREREQFUNCTION, &OnRequestSent);
      curl_easy_setopt(e, CURLOPT_PREREQDATA, t.get());
    }
    t->job = std::move(job);
    t->origin = origin;
    ++host.active;
    ++active;
    host.next_start = now + HostDelay(host);
    curl_multi_add_handle(multi, e);
    transfers.push_back(std::move(t));
  }

  void StartRobots(const std::string& origin, HostState& host, Clock::time_point now) {
    auto job = std::make_unique<Job>();
    job->is_robots = true;
    job->url = origin + "/robots.txt";
    host.robots_state = RobotsState::kFetching;
    ++stats.robots_fetches;
    StartTransfer(std::move(job), origin, host, now);
  }

  // Starts whatever politeness allows; returns when the next blocked
  // request could start (or max() when nothing waits on time).
  Clock::time_point StartReady(Clock::time_point now) {
    Clock::time_point wake = Clock::time_point::max();
    for (auto& [origin, host] : hosts) {
      while (!host.waiting.empty() && active < options.max_concurrent_transfers) {
        if (options.respect_robots) {
          if (host.robots_state == RobotsState::kReady && now >= host.robots_expiry) {
            host.robots_state = RobotsState::kUnknown;
          }
          if (host.robots_state == RobotsState::kUnknown) {
            if (now < host.next_start) {
              wake = std::min(wake, host.next_start);
              break;
            }
            StartRobots(origin, host, now);
            break;
          }
          if (host.robots_state == RobotsState::kFetching) break;
        }
        if (options.per_host_concurrency > 0 && host.active >= options.per_host_concurrency) break;
        const Clock::time_point ready = std::max(host.next_start, host.waiting.front()->not_before);
        if (now < ready) {
          wake = std::min(wake, ready);
          break;
        }
        std::unique_ptr<Job> job = std::move(host.waiting.front());
        host.waiting.pop_front();
        if (options.respect_robots && !host.robots.Allowed(internal::PathAndQuery(job->url))) {
          Fail(std::move(job), FailedPreconditionError("disallowed by robots.txt: " + job->url.substr(0, 300)));
          continue;
        }
        StartTransfer(std::move(job), origin, host, now);
      }
    }
    return wake;
  }

  void OnRobotsDone(Transfer& t, CURLcode code, long http_status, Clock::time_point now) {
    HostState& host = hosts[t.origin];
    host.robots_state = RobotsState::kReady;
    host.robots_expiry = now + std::chrono::seconds(options.robots_cache_s);
    host.delay = std::chrono::milliseconds(0);
    // A robots.txt cut at the limit (the transfer was stopped there) still
    // counts as fetched; its last line may be cut in two, so it is dropped
    // ("Disallow: /private" cut to "Disallow: /" would ban the whole site).
    const bool cut = code == CURLE_WRITE_ERROR && t.too_large;
    if ((code == CURLE_OK || cut) && http_status >= 200 && http_status < 300) {
      std::string_view text = t.body;
      if (cut) text = text.substr(0, text.rfind('\n') + 1);
      host.robots = RobotsRules::Parse(text, product_token);
      if (const auto delay = host.robots.crawl_delay_s()) {
        const double capped = std::min<double>(*delay, options.max_crawl_delay_s);
        host.delay = std::chrono::milliseconds(static_cast<std::int64_t>(capped * 1000));
      }
    } else if (code == CURLE_OK && http_status >= 400 && http_status < 500) {
      host.robots = RobotsRules::AllowAll();
    } else {
      // RFC 9309 2.3.1.4: unreachable robots.txt means complete disallow.
      host.robots = RobotsRules::DisallowAll();
      host.robots_expiry = now + std::chrono::seconds(options.robots_unavailable_s);
    }
  }

  // Schedules another attempt of the same hop, or gives up with `failure`.
  void RetryOrFail(std::unique_ptr<Job> job, HostState& host, Status failure, int http_status,
                   std::optional<std::int64_t> retry_after_s, Clock::time_point now) {
    job->retry_after_s = retry_after_s;
    if (job->failures >= options.max_retries) {
      Fail(std::move(job), Status(failure.code(), failure.message() + " after " +
                                      std::to_string(job->attempts) + " attempts"),
           http_status);
      return;
    }
    if (retry_after_s && *retry_after_s > options.max_retry_after_s) {
      Fail(std::move(job), Status(failure.code(), failure.message() + "; Retry-After " +
                                      std::to_string(*retry_after_s) + " s is too long"),
           http_status);
      return;
    }
    std::chrono::milliseconds wait(static_cast<std::int64_t>(options.retry_base_delay_ms) << job->failures);
    if (retry_after_s) {
      wait = std::chrono::seconds(*retry_after_s);
      // The server asked the whole host to slow down.
      host.next_start = std::max(host.next_start, now + wait);
    }
    ++job->failures;
    ++stats.retries;
    job->not_before = now + wait;
    Enqueue(std::move(job), /*front=*/true);
  }

  void OnDone(std::unique_ptr<Transfer> t, CURLcode code, Clock::time_point now) {
    long http_status = 0;
    curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &http_status);
    HostState& host = hosts[t->origin];
    --host.active;
    --active;
    stats.bytes += t->body.size();
    std::unique_ptr<Job> job = std::move(t->job);
    if (job->is_robots) {
      OnRobotsDone(*t, code, http_status, now);
      return;
    }
    const int status = static_cast<int>(http_status);
    if (code != CURLE_OK) {
      if (t->too_large || code == CURLE_FILESIZE_EXCEEDED) {
        Fail(std::move(job), ResourceExhaustedError("body larger than " + std::to_string(t->max_bytes) + " bytes"), status);
      } else if (internal::IsRetryableCurlError(code)) {
        RetryOrFail(std::move(job), host, internal::CurlStatus(code, t->error), status, std::nullopt, now);
      } else {
        Fail(std::move(job), internal::CurlStatus(code, t->error), status);
      }
      return;
    }
    std::optional<std::int64_t> retry_after;
    curl_off_t retry_after_raw = 0;
    if (curl_easy_getinfo(t->easy, CURLINFO_RETRY_AFTER, &retry_after_raw) == CURLE_OK && retry_after_raw > 0) {
      retry_after = static_cast<std::int64_t>(retry_after_raw);
    }
    if (status >= 300 && status < 400 && status != 304) {
      char* location = nullptr;
      curl_easy_getinfo(t->easy, CURLINFO_REDIRECT_URL, &location);
      if (location == nullptr || *location == '\0') {
        Fail(std::move(job), UnavailableError("HTTP " + std::to_string(status) + " without Location"), status);
        return;
      }
      if (job->redirects >= options.max_redirects) {
        Fail(std::move(job), ResourceExhaustedError("more than " + std::to_string(options.max_redirects) + " redirects"), status);
        return;
      }
      job->visited.push_back(job->url);
      const std::string target = location;
      if (std::find(job->visited.begin(), job->visited.end(), target) != job->visited.end()) {
        Fail(std::move(job), InvalidArgumentError("redirect loop: " + job->url + " -> " + target), status);
        return;
      }
      ++job->redirects;
      ++stats.redirects;
      job->url = target;
      job->failures = 0;
      Enqueue(std::move(job), /*front=*/false);
      return;
    }
    if (status == 429 || status >= 500) {
      RetryOrFail(std::move(job), host,
                  status == 429 ? ResourceExhaustedError("HTTP 429 Too Many Requests")
                                : UnavailableError("HTTP " + std::to_string(status)),
                  status, retry_after, now);
      return;
    }
    FetchResponse response;
    response.http_status = status;
    if (status == 404 || status == 410) {
      response.status = NotFoundError("HTTP " + std::to_string(status));
    } else if (status >= 400 || status < 200) {
      response.status = FailedPreconditionError("HTTP " + std::to_string(status));
    }
    response.not_modified = status == 304;
    char* content_type = nullptr;
    curl_easy_getinfo(t->easy, CURLINFO_CONTENT_TYPE, &content_type);
    if (content_type != nullptr) response.document.content_type = content_type;
    response.document.url = job->url;
    response.document.fetched_unix_ms = NowUnixMs();
    if (response.status.ok() && !response.not_modified) response.document.body = std::move(t->body);
    response.etag = HeaderValue(t->easy, "ETag");
    response.last_modified = HeaderValue(t->easy, "Last-Modified");
    Finish(std::move(job), std::move(response));
  }

  // Removes finished transfers from curl and handles them.
  void Reap(Clock::time_point now) {
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      Transfer* raw = nullptr;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &raw);
      const CURLcode code = msg->data.result;
      curl_multi_remove_handle(multi, msg->easy_handle);
      auto it = std::find_if(transfers.begin(), transfers.end(),
                             [raw](const std::unique_ptr<Transfer>& p) { return p.get() == raw; });
      std::unique_ptr<Transfer> t = std::move(*it);
      *it = std::move(transfers.back());
      transfers.pop_back();
      curl_slist_free_all(t->headers);
      t->headers = nullptr;
      CURL* easy = t->easy;
      OnDone(std::move(t), code, now);
      idle_easies.push_back(easy);
    }
  }
};

HttpFetcher::HttpFetcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HttpFetcher::~HttpFetcher() = default;

Result<std::unique_ptr<HttpFetcher>> HttpFetcher::Create(const FetchOptions& options) {
  NEWSX_RETURN_IF_ERROR(options.Validate());
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->product_token = ProductToken(options.user_agent);
  impl->multi = curl_multi_init();
  if (impl->multi == nullptr) return InternalError("curl_multi_init failed");
  // Transfers are limited by the scheduler (max_concurrent_transfers);
  // libcurl's own total-connection cap would park transfers behind idle
  // keep-alive connections to other hosts. The cache keeps some idle ones.
  curl_multi_setopt(impl->multi, CURLMOPT_MAXCONNECTS,
                    static_cast<long>(std::max(64, 4 * options.max_concurrent_transfers)));
  return std::unique_ptr<HttpFetcher>(new HttpFetcher(std::move(impl)));
}

void HttpFetcher::Add(FetchRequest request) {
  auto job = std::make_unique<Job>();
  job->url = request.url;
  job->request = std::move(request);
  ++impl_->pending;
  impl_->Enqueue(std::move(job), /*front=*/false);
}

std::size_t HttpFetcher::Poll(int max_wait_ms, const FetchCallback& on_done) {
  Impl& d = *impl_;
  const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(std::max(0, max_wait_ms));
  while (true) {
    Clock::time_point now = Clock::now();
    const Clock::time_point wake = d.StartReady(now);
    int running = 0;
    curl_multi_perform(d.multi, &running);
    d.Reap(Clock::now());
    if (!d.done.empty()) {
      std::vector<FetchResponse> finished;
      finished.swap(d.done);
      d.pending -= finished.size();
      for (FetchResponse& response : finished) on_done(std::move(response));
      return d.pending;
    }
    now = Clock::now();
    if (d.pending == 0 || now >= deadline) return d.pending;
    const Clock::time_point until = std::min(deadline, wake);
    const auto wait_ms = std::chrono::duration_cast<std::chrono::milliseconds>(until - now).count();
    if (d.active > 0) {
      curl_multi_poll(d.multi, nullptr, 0, static_cast<int>(std::clamp<std::int64_t>(wait_ms + 1, 0, 1000)), nullptr);
    } else if (wait_ms > 0) {
      // Nothing in flight: only politeness or backoff delays are pending.
      curl_multi_poll(d.multi, nullptr, 0, static_cast<int>(std::min<std::int64_t>(wait_ms, 1000)), nullptr);
    }
  }
}

std::size_t HttpFetcher::pending() const { return impl_->pending; }

void HttpFetcher::FetchAll(std::vector<FetchRequest> requests, const FetchCallback& on_done) {
  for (FetchRequest& request : requests) Add(std::move(request));
  while (Poll(1000, on_done) > 0) {
  }
}

FetchStats HttpFetcher::stats() const { return impl_->stats; }

}  // namespace newsx::ingest
