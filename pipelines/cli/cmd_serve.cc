// `newsx serve`: the read-only HTTP server (docs/serve.md).

#include <stop_token>

#include "cli_context.h"
#include "newsx/pipelines/metrics_server.h"
#include "newsx/pipelines/serve.h"

namespace newsx::cli {

namespace {

struct ServeFlags {
  std::string listen = "127.0.0.1:8080";
  int refresh_s = 10;
};

// "HOST:PORT" (HOST may be [v6]); port 0 picks a free one.
Status ParseListen(const std::string& listen, pipelines::ServeOptions* options) {
  NEWSX_ASSIGN_OR_RETURN(pipelines::ListenAddress at,
                         pipelines::ParseListenAddress("--listen", listen));
  options->host = at.host;
  options->port = at.port;
  return Status::Ok();
}

}  // namespace

Command AddServeCommand(CLI::App& root) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* app = root.add_subcommand(
      "serve", "Serve the database read-only: JSON API, pages and /metrics over HTTP");
  app->add_option("--listen", flags->listen,
                  "Address to listen on, HOST:PORT (default 127.0.0.1:8080, loopback only)");
  app->add_option("--refresh", flags->refresh_s,
                  "Seconds between checks for a writer's changes (0: never; default 10)")
      ->check(CLI::Range(0, 86400));
  return Command{app, [flags](const CliContext& ctx) {
                   pipelines::ServeOptions options;
                   options.db_path = ctx.config().db_path;
                   options.refresh_s = flags->refresh_s;
                   if (Status s = ParseListen(flags->listen, &options); !s.ok()) {
                     ctx.log().Error(s.message());
                     return kExitUsage;
                   }
                   if (!pipelines::IsLoopbackHost(options.host)) {
                     ctx.log().Warn("serve: listening on " + options.host +
                                    ", not loopback: anyone who can reach it can read the database");
                   }
                   auto server = pipelines::Server::Start(options, &ctx.log());
                   if (!server.ok()) return ReportError(ctx, server.status(), ctx.config().db_path);
                   ctx.log().Info("serving " + ctx.config().db_path + " at " +
                                  pipelines::HttpUrl(options.host, (*server)->port()) + "/");
                   std::stop_callback on_signal(ctx.shutdown().token(),
                                                [&server] { (*server)->Stop(); });
                   (*server)->Wait();
                   return kExitOk;
                 }};
}

}  // namespace newsx::cli
