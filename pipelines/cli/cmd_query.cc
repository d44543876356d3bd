// `newsx query`: events, top entities and articles from the database.

#include <algorithm>
#include <iostream>

#include "cli_context.h"
#include "export_rows.h"
#include "newsx/core/record_json.h"
#include "newsx/core/time_format.h"
#include "newsx/core/url.h"
#include "table_writer.h"

namespace newsx::cli {

namespace {

struct QueryFlags {
  std::string format;
  std::string since, until;
  std::size_t limit = 0;
  // events
  std::string type, entity, text;
  // article
  std::string id, url;
};

int UsageError(const CliContext& ctx, const Status& status) {
  ctx.log().Error(status.message());
  return kExitUsage;
}

struct Window {
  std::int64_t since = store::kMinTime;
  std::int64_t until = store::kMaxTime;
};

Result<Window> ParseWindow(const QueryFlags& flags) {
  Window w;
  NEWSX_ASSIGN_OR_RETURN(std::optional<std::int64_t> since, ParseTimeFlag(flags.since, "--since"));
  NEWSX_ASSIGN_OR_RETURN(std::optional<std::int64_t> until, ParseTimeFlag(flags.until, "--until"));
  if (since) w.since = *since;
  if (until) w.until = *until;
  return w;
}

std::string EventArgs(const Event& e) {
  std::string out;
  for (const EventArg& arg : e.args) {
    if (!out.empty()) out += ", ";
    out += arg.role + "=" + (arg.entity_id.empty() ? arg.text : arg.entity_id);
  }
  return out;
}

int RunEvents(const QueryFlags& flags, OutputFormat format, const store::ArticleStore& store,
              const CliContext& ctx) {
  auto window = ParseWindow(flags);
  if (!window.ok()) return UsageError(ctx, window.status());
  store::EventQuery q{.type = flags.type, .entity_id = flags.entity,
                      .since_unix_s = window->since, .until_unix_s = window->until,
                      .text = flags.text};
  TableWriter table({"time", "type", "trigger", "args", "sentence", "article"});
  std::size_t n = 0;
  const Status s = store.FindEvents(q, [&](const Event& e) {
    if (format == OutputFormat::kJsonl) {
      std::cout << EventRow(e) << '\n';
    } else {
      table.AddRow({e.time_value.empty() ? e.time_text : e.time_value, e.type, e.trigger,
                    EventArgs(e), e.sentence, e.article});
    }
    ++n;
    return flags.limit == 0 || n < flags.limit;
  });
  if (!s.ok()) return ReportError(ctx, s, "query events");
  if (format == OutputFormat::kTable) table.Print(std::cout);
  if (n == 0 && table.rows() == 0 && !flags.type.empty()) {
    // No rows: say whether the type exists at all (a typo finds nothing too).
    auto types = store.EventTypes();
    if (types.ok() && std::find(types->begin(), types->end(), flags.type) == types->end()) {
      std::string known;
      for (const std::string& t : *types) known += (known.empty() ? "" : ", ") + t;
      ctx.log().Warn("no stored event has type " + flags.type + "; stored types: " +
                     (known.empty() ? "(none)" : known));
    }
  }
  return kExitOk;
}

int RunTopEntities(const QueryFlags& flags, OutputFormat format,
                   const store::ArticleStore& store, const CliContext& ctx) {
  auto window = ParseWindow(flags);
  if (!window.ok()) return UsageError(ctx, window.status());
  auto rows = store.TopEntities(window->since, window->until, flags.limit == 0 ? 20 : flags.limit);
  if (!rows.ok()) return ReportError(ctx, rows.status(), "query top-entities");
  TableWriter table({"rank", "entity", "name", "mentions", "articles", "all mentions"});
  int rank = 0;
  for (const store::EntityCount& row : *rows) {
    if (format == OutputFormat::kJsonl) {
      std::cout << TopEntityRow(row) << '\n';
      continue;
    }
    table.AddRow({std::to_string(++rank), row.entity.entity.id, row.entity.entity.name,
                  std::to_string(row.mentions_in_window), std::to_string(row.articles_in_window),
                  std::to_string(row.entity.mention_count)});
  }
  if (format == OutputFormat::kTable) table.Print(std::cout);
  return kExitOk;
}

int RunArticle(const QueryFlags& flags, OutputFormat format, const store::ArticleStore& store,
               const CliContext& ctx) {
  if (flags.id.empty() == flags.url.empty()) {
    ctx.log().Error("query article: give exactly one of --id and --url");
    return kExitUsage;
  }
  Result<ExtractedArticle> x = NotFoundError("");
  if (!flags.id.empty()) {
    x = store.GetArticle(flags.id);
  } else {
    x = store.GetArticleByUrl(flags.url);
    const std::string canonical = CanonicalizeUrl(flags.url);
    if (!x.ok() && x.status().code() == StatusCode::kNotFound && !canonical.empty()) {
      x = store.GetArticleByUrl(canonical);
    }
  }
  if (!x.ok()) return ReportError(ctx, x.status(), flags.id.empty() ? flags.url : flags.id);
  if (format == OutputFormat::kJsonl) {
    std::cout << ToJson(*x) << '\n';
    return kExitOk;
  }
  const Article& a = x->article;
  TableWriter table({"field", "value"}, 100);
  table.AddRow({"id", a.id});
  table.AddRow({"title", a.title});
  table.AddRow({"url", a.canonical_url.empty() ? a.url : a.canonical_url});
  table.AddRow({"published", a.published});
  table.AddRow({"site", a.site});
  table.AddRow({"source", a.source});
  table.AddRow({"extractor", a.extractor_version});
  std::string entities;
  for (const Entity& e : x->entities) entities += (entities.empty() ? "" : ", ") + e.id;
  table.AddRow({"entities", entities});
  for (const Event& e : x->events) table.AddRow({"event " + e.type, e.sentence});
  table.AddRow({"text", a.text});
  table.Print(std::cout);
  return kExitOk;
}

}  // namespace

Command AddQueryCommand(CLI::App& root) {
  auto flags = std::make_shared<QueryFlags>();
  CLI::App* app = root.add_subcommand("query", "Query events, top entities or an article");
  app->require_subcommand(1);
  auto add_output = [&](CLI::App* sub) {
    sub->add_option("--format", flags->format,
                    "table or jsonl (default: table on a terminal, else jsonl)")
        ->check(CLI::IsMember({"table", "jsonl"}));
  };
  auto add_window = [&](CLI::App* sub, const char* what) {
    sub->add_option("--since", flags->since, std::string(what) + " at or after this time (ISO 8601)");
    sub->add_option("--until", flags->until, std::string(what) + " before this time (ISO 8601)");
  };
  CLI::App* events = app->add_subcommand("events", "Events by type, entity, time and text");
  events->add_option("--type", flags->type, "Event type, e.g. export_approval");
  events->add_option("--entity", flags->entity, "Entity id taking part, e.g. org:nvidia");
  events->add_option("--text", flags->text, "Words in the sentence, trigger or arguments");
  add_window(events, "Events whose time is");
  events->add_option("--limit", flags->limit, "At most this many events (default: all)");
  add_output(events);
  CLI::App* top = app->add_subcommand("top-entities", "Entities with most mentions in a window");
  add_window(top, "Articles published");
  top->add_option("--limit", flags->limit, "Number of entities (default 20)");
  add_output(top);
  CLI::App* article = app->add_subcommand("article", "One stored article with its findings");
  article->add_option("--id", flags->id, "Article id");
  article->add_option("--url", flags->url, "Article URL (as fetched or canonical)");
  add_output(article);

  return Command{app, [flags, events, top](const CliContext& ctx) {
                   auto format = ChooseOutputFormat(flags->format);
                   if (!format.ok()) return ReportError(ctx, format.status(), "--format");
                   auto store = OpenStoreForReading(ctx);
                   if (!store.ok()) return ReportError(ctx, store.status(), ctx.config().db_path);
                   if (events->parsed()) return RunEvents(*flags, *format, **store, ctx);
                   if (top->parsed()) return RunTopEntities(*flags, *format, **store, ctx);
                   return RunArticle(*flags, *format, **store, ctx);
                 }};
}

}  // namespace newsx::cli
