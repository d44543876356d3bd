// `newsx stats`: what the database holds.


#include <iostream>

#include "cli_context.h"
#include "newsx/pipelines/jobs/export_rows.h"
#include "newsx/pipelines/jobs/read_store.h"
#include "table_writer.h"

namespace newsx::cli {

namespace {

void PrintTable(const store::StoreStats& s) {
  TableWriter totals({"records", "count"});
  totals.AddRow({"articles", std::to_string(s.articles)});
  totals.AddRow({"entities", std::to_string(s.entities)});
  totals.AddRow({"mentions", std::to_string(s.mentions)});
  totals.AddRow({"events", std::to_string(s.events)});
  totals.AddRow({"alias URLs (same text)", std::to_string(s.aliases)});
  totals.AddRow({"dead letters", std::to_string(s.dead_letters)});
  totals.AddRow({"live data (MB)", std::to_string(s.live_data_bytes / 1'000'000)});
  totals.Print(std::cout);
  std::cout << '\n';
  TableWriter families({"column family", "keys"});
  for (const auto& [name, n] : s.keys_by_family) families.AddRow({name, std::to_string(n)});
  families.Print(std::cout);
  std::cout << '\n';
  TableWriter sites({"source", "articles"});
  for (const auto& [site, n] : s.articles_by_source) sites.AddRow({site, std::to_string(n)});
  sites.Print(std::cout);
  if (!s.dead_letters_by_reason.empty()) {
    std::cout << '\n';
    TableWriter dead({"dead letters (stage/reason)", "count"});
    for (const auto& [reason, n] : s.dead_letters_by_reason) {
      dead.AddRow({reason, std::to_string(n)});
    }
    dead.Print(std::cout);
  }
}

void PrintJson(const store::StoreStats& s) { std::cout << pipelines::StatsRow(s) << '\n'; }

}  // namespace

Command AddStatsCommand(CLI::App& root) {
  auto format = std::make_shared<std::string>();
  CLI::App* app = root.add_subcommand(
      "stats", "Counts per record kind, column family and source, dead letters by reason");
  app->add_option("--format", *format, "table or jsonl (default: table on a terminal)")
      ->check(CLI::IsMember({"table", "jsonl"}));
  return Command{app, [format](const CliContext& ctx) {
                   auto output = ChooseOutputFormat(*format);
                   if (!output.ok()) return ReportError(ctx, output.status(), "--format");
                   auto store = pipelines::OpenStoreForReading(ctx.config().db_path);
                   if (!store.ok()) return ReportError(ctx, store.status(), ctx.config().db_path);
                   auto stats = (*store)->Stats();
                   if (!stats.ok()) return ReportError(ctx, stats.status(), ctx.config().db_path);
                   if (*output == OutputFormat::kTable) {
                     PrintTable(*stats);
                   } else {
                     PrintJson(*stats);
                   }
                   return kExitOk;
                 }};
}

}  // namespace newsx::cli
