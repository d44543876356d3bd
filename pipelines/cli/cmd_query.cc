// `newsx query`: events, top entities and articles from the database (the
// query jobs, newsx/pipelines/jobs/query_job.h), as a table or JSON Lines.

#include <iostream>

#include "cli_context.h"
#include "newsx/core/record_json.h"
#include "newsx/core/time_format.h"
#include "newsx/pipelines/jobs/export_rows.h"
#include "newsx/pipelines/jobs/query_job.h"
#include "newsx/pipelines/jobs/read_store.h"
#include "newsx/pipelines/jobs/story_rows.h"
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
  // stories
  std::size_t min_articles = 1;
};

int UsageError(const CliContext& ctx, const Status& status) {
  ctx.log().Error(status.message());
  return kExitUsage;
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
  auto window = pipelines::ParseTimeWindow(flags.since, flags.until);
  if (!window.ok()) return UsageError(ctx, window.status());
  const pipelines::EventsQuery query{.type = flags.type, .entity = flags.entity,
                                     .text = flags.text, .window = *window,
                                     .limit = flags.limit};
  TableWriter table({"time", "type", "trigger", "args", "sentence", "article"});
  pipelines::EventStoryLookup stories(store);
  Status row_error;
  const Result<std::size_t> n = pipelines::QueryEvents(store, query, [&](const Event& e) {
    if (format == OutputFormat::kJsonl) {
      Result<pipelines::EventStory> story = stories.Lookup(e);
      if (!story.ok()) {
        row_error = story.status();
        return false;
      }
      std::cout << pipelines::EventRow(e, *story) << '\n';
    } else {
      table.AddRow({e.time_value.empty() ? e.time_text : e.time_value, e.type, e.trigger,
                    EventArgs(e), e.sentence, e.article});
    }
    return true;
  });
  if (!n.ok()) return ReportError(ctx, n.status(), "query events");
  if (!row_error.ok()) return ReportError(ctx, row_error, "query events");
  if (format == OutputFormat::kTable) table.Print(std::cout);
  if (*n == 0) {
    if (auto note = pipelines::UnknownEventTypeNote(store, flags.type)) ctx.log().Warn(*note);
  }
  return kExitOk;
}

int RunTopEntities(const QueryFlags& flags, OutputFormat format,
                   const store::ArticleStore& store, const CliContext& ctx) {
  auto window = pipelines::ParseTimeWindow(flags.since, flags.until);
  if (!window.ok()) return UsageError(ctx, window.status());
  auto rows = pipelines::QueryTopEntities(store, {.window = *window, .limit = flags.limit});
  if (!rows.ok()) return ReportError(ctx, rows.status(), "query top-entities");
  TableWriter table({"rank", "entity", "name", "mentions", "articles", "all mentions"});
  int rank = 0;
  for (const store::EntityCount& row : *rows) {
    if (format == OutputFormat::kJsonl) {
      std::cout << pipelines::TopEntityRow(row) << '\n';
      continue;
    }
    table.AddRow({std::to_string(++rank), row.entity.entity.id, row.entity.entity.name,
                  std::to_string(row.mentions_in_window), std::to_string(row.articles_in_window),
                  std::to_string(row.entity.mention_count)});
  }
  if (format == OutputFormat::kTable) table.Print(std::cout);
  return kExitOk;
}

int RunStories(const QueryFlags& flags, OutputFormat format, const store::ArticleStore& store,
               const CliContext& ctx) {
  auto window = pipelines::ParseTimeWindow(flags.since, flags.until);
  if (!window.ok()) return UsageError(ctx, window.status());
  const pipelines::StoriesQuery query{.window = *window, .entity = flags.entity,
                                      .min_articles = flags.min_articles, .limit = flags.limit};
  TableWriter table({"first seen", "story", "articles", "happenings", "sites", "title"});
  const Result<std::size_t> n =
      pipelines::QueryStories(store, query, [&](const pipelines::StoryView& s) {
        if (format == OutputFormat::kJsonl) {
          std::cout << pipelines::StoryRow(s) << '\n';
          return true;
        }
        std::string sites;
        for (const Article& a : s.articles) {
          if (sites.find(a.site) == std::string::npos) sites += (sites.empty() ? "" : ", ") + a.site;
        }
        table.AddRow({s.summary.first_seen_unix_s == 0 ? "" : FormatIsoUtc(s.summary.first_seen_unix_s),
                      s.summary.id, std::to_string(s.summary.members.size()),
                      std::to_string(s.happenings.size()), sites,
                      s.articles.empty() ? "" : s.articles.front().title});
        return true;
      });
  if (!n.ok()) return ReportError(ctx, n.status(), "query stories");
  if (format == OutputFormat::kTable) table.Print(std::cout);
  return kExitOk;
}

int RunArticle(const QueryFlags& flags, OutputFormat format, const store::ArticleStore& store,
               const CliContext& ctx) {
  auto x = pipelines::QueryArticle(store, {.id = flags.id, .url = flags.url});
  if (!x.ok() && x.status().code() == StatusCode::kInvalidArgument) {
    return UsageError(ctx, x.status());
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
  CLI::App* app = root.add_subcommand("query", "Query events, top entities, stories or an article");
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
  CLI::App* stories = app->add_subcommand(
      "stories", "Stories (an article and its syndicated copies) by time and entity");
  add_window(stories, "Stories with an article whose time is");
  stories->add_option("--entity", flags->entity, "An article of the story mentions this entity id");
  stories->add_option("--min-articles", flags->min_articles,
                      "Stories with at least this many articles (default 1)");
  stories->add_option("--limit", flags->limit, "At most this many stories (default: all)");
  add_output(stories);
  CLI::App* article = app->add_subcommand("article", "One stored article with its findings");
  article->add_option("--id", flags->id, "Article id");
  article->add_option("--url", flags->url, "Article URL (as fetched or canonical)");
  add_output(article);

  return Command{app, [flags, events, top, stories](const CliContext& ctx) {
                   auto format = ChooseOutputFormat(flags->format);
                   if (!format.ok()) return ReportError(ctx, format.status(), "--format");
                   auto store = pipelines::OpenStoreForReading(ctx.config().db_path);
                   if (!store.ok()) return ReportError(ctx, store.status(), ctx.config().db_path);
                   if (events->parsed()) return RunEvents(*flags, *format, **store, ctx);
                   if (top->parsed()) return RunTopEntities(*flags, *format, **store, ctx);
                   if (stories->parsed()) return RunStories(*flags, *format, **store, ctx);
                   return RunArticle(*flags, *format, **store, ctx);
                 }};
}

}  // namespace newsx::cli
