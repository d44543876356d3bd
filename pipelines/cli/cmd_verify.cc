// `newsx verify`: the database's indexes against its records.

#include <cstdio>

#include "cli_context.h"
#include "export_rows.h"

namespace newsx::cli {

namespace {

int Run(std::size_t max_problems, const CliContext& ctx) {
  auto store = OpenStoreForReading(ctx);
  if (!store.ok()) return ReportError(ctx, store.status(), ctx.config().db_path);
  auto problems = (*store)->Verify(max_problems);
  if (!problems.ok()) return ReportError(ctx, problems.status(), ctx.config().db_path);
  for (const store::Inconsistency& p : *problems) {
    std::printf("inconsistent: %s %s: %s\n", p.family.c_str(), p.key.c_str(), p.problem.c_str());
  }
  if (!problems->empty()) {
    std::printf("verify: %zu inconsistencies%s in %s\n", problems->size(),
                problems->size() >= max_problems ? " (stopped at --max)" : "",
                ctx.config().db_path.c_str());
    return kExitFailure;
  }
  std::printf("verify: ok, every index entry points to its record and every record is indexed\n");
  return kExitOk;
}

}  // namespace

Command AddVerifyCommand(CLI::App& root) {
  auto max_problems = std::make_shared<std::size_t>(1000);
  CLI::App* app = root.add_subcommand(
      "verify", "Check that every index entry points to a record and every record is indexed; "
                "exit 1 naming each inconsistency");
  app->add_option("--max", *max_problems, "Stop after this many inconsistencies (default 1000)")
      ->check(CLI::PositiveNumber);
  return Command{app, [max_problems](const CliContext& ctx) { return Run(*max_problems, ctx); }};
}

}  // namespace newsx::cli
