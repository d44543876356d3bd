// Server: cpp-httplib (Debian libcpp-httplib-dev) in front of the API,
// page and metrics handlers, and the thread that swaps in a new view of
// the database when a writer changed it.

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <exception>
#include <stop_token>
#include <thread>

#include "api.h"
#include "html.h"
#include "metrics.h"
#include "metrics/http_listener.h"
#include "newsx/core/mutex.h"
#include "newsx/pipelines/serve.h"
#include "newsx/pipelines/stop_wait.h"
#include "pages.h"
#include "request.h"
#include "store_view.h"

namespace newsx::pipelines {

using serve::Request;
using serve::Response;

struct Server::Impl {
  ServeOptions options;
  Logger* log = nullptr;
  serve::ViewHolder views;
  serve::ServeMetrics metrics;
  httplib::Server http;
  int port = 0;
  std::thread listener;
  std::jthread refresher;
  Mutex stop_mu;
  std::condition_variable stopped_cv;
  bool stopped NEWSX_GUARDED_BY(stop_mu) = false;

  // Each new view computes the overview page (top entities, the events
  // timeline: a few hundred ms on a large database) before it is served.
  explicit Impl(const ServeOptions& o)
      : options(o), views(o.db_path, [this](const serve::StoreView& view) {
          serve::HandlePage(Request{"/", {}}, view, options);
        }) {}

  Response Dispatch(const Request& request) {
    std::shared_ptr<const serve::StoreView> view = views.Current();
    if (request.path == "/metrics") {
      return Response{200, pipelines::metrics::kContentType, metrics.Render(*view)};
    }
    if (serve::IsApiPath(request.path)) return serve::HandleApi(request, *view, options);
    return serve::HandlePage(request, *view, options);
  }

  void Handle(const httplib::Request& req, httplib::Response& res) {
    const auto start = std::chrono::steady_clock::now();
    Request request;
    request.path = req.path;
    for (const auto& [name, value] : req.params) request.params[name] = value;
    Response response;
    try {
      response = Dispatch(request);
    } catch (const std::exception& e) {
      // A bug, not the client's fault; the server keeps serving.
      log->Error(std::string("serve: ") + e.what(), {{"path", request.path}});
      response = serve::JsonError(InternalError("internal error"));
    }
    res.status = response.status;
    res.set_content(std::move(response.body), response.content_type.c_str());
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    metrics.ObserveRequest(serve::RouteLabel(request.path), response.status, seconds);
  }

  void RefreshLoop(std::stop_token stop) {
    while (SleepUnlessStopped(stop, std::int64_t{options.refresh_s} * 1000)) {
      bool reopened = false;
      const Status s = views.Refresh(&reopened);
      if (!s.ok()) {
        metrics.CountRefreshError();
        log->Warn("serve: could not reopen the database, still serving the previous view: " +
                  s.message());
      } else if (reopened) {
        metrics.CountReopen();
        log->Debug("serve: reopened the database after a change");
      }
    }
  }
};

Result<std::unique_ptr<Server>> Server::Start(const ServeOptions& options, Logger* log) {
  auto impl = std::make_unique<Impl>(options);
  impl->log = log;
  NEWSX_RETURN_IF_ERROR(impl->views.Init());
  if (impl->views.Current()->store().SchemaVersion() < 3) {
    log->Warn("serve: the database has schema version 2: entity pages and text filters read "
              "whole records and are slow on a large database; stop its writers and run "
              "`newsx --db " + options.db_path + " verify --repair` to build the indexes they use");
  }
  Impl* raw = impl.get();
  metrics::ConfigureHttp(&impl->http, options.threads,
                         {{"Content-Security-Policy", serve::kContentSecurityPolicy},
                          {"Referrer-Policy", "no-referrer"},
                          {"X-Frame-Options", "DENY"}});
  impl->http.Get(".*", [raw](const httplib::Request& req, httplib::Response& res) {
    raw->Handle(req, res);
  });
  NEWSX_ASSIGN_OR_RETURN(impl->port, metrics::BindHttp(&impl->http, options.host, options.port));
  impl->listener = std::thread([raw] { raw->http.listen_after_bind(); });
  if (options.refresh_s > 0) {
    impl->refresher = std::jthread([raw](std::stop_token stop) { raw->RefreshLoop(stop); });
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() {
  Stop();
  if (impl_->refresher.joinable()) {
    impl_->refresher.request_stop();
    impl_->refresher.join();
  }
  if (impl_->listener.joinable()) impl_->listener.join();
}

int Server::port() const { return impl_->port; }

void Server::Stop() {
  impl_->http.stop();
  MutexLock lock(impl_->stop_mu);
  impl_->stopped = true;
  impl_->stopped_cv.notify_all();
}

void Server::Wait() {
  MutexLock lock(impl_->stop_mu);
  while (!impl_->stopped) impl_->stop_mu.Wait(impl_->stopped_cv);
}

}  // namespace newsx::pipelines
