// `newsx verify`: the database's indexes against its records (the verify
// job, newsx/pipelines/jobs/verify_job.h).

#include <cstdio>

#include "cli_context.h"
#include "newsx/pipelines/jobs/verify_job.h"

namespace newsx::cli {

namespace {

int Run(std::size_t max_problems, bool repair, const CliContext& ctx) {
  const std::string& db = ctx.config().db_path;
  if (repair) {
    auto repaired = pipelines::RepairIndexes(db);
    if (!repaired.ok()) return ReportError(ctx, repaired.status(), db);
    std::printf("verify: rebuilt the event and article-entity indexes from %llu articles "
                "(schema version %d, now 3)\n",
                static_cast<unsigned long long>(repaired->articles), repaired->schema_before);
  }
  auto report = pipelines::VerifyDatabase(db, max_problems);
  if (!report.ok()) return ReportError(ctx, report.status(), db);
  for (const store::Inconsistency& p : report->problems) {
    std::printf("inconsistent: %s %s: %s\n", p.family.c_str(), p.key.c_str(), p.problem.c_str());
  }
  if (!report->problems.empty()) {
    std::printf("verify: %zu inconsistencies%s in %s\n", report->problems.size(),
                report->stopped_at_max ? " (stopped at --max)" : "", db.c_str());
    return kExitFailure;
  }
  std::printf("verify: ok, every index entry points to its record and every record is indexed\n");
  return kExitOk;
}

}  // namespace

Command AddVerifyCommand(CLI::App& root) {
  auto max_problems = std::make_shared<std::size_t>(1000);
  auto repair = std::make_shared<bool>(false);
  CLI::App* app = root.add_subcommand(
      "verify", "Check that every index entry points to a record and every record is indexed; "
                "exit 1 naming each inconsistency");
  app->add_option("--max", *max_problems, "Stop after this many inconsistencies (default 1000)")
      ->check(CLI::PositiveNumber);
  app->add_flag("--repair", *repair,
                "First rebuild the event indexes and the article-entity index from the article "
                "records (upgrades a schema-version-2 database; needs the database free of "
                "writers)");
  return Command{app, [max_problems, repair](const CliContext& ctx) {
                   return Run(*max_problems, *repair, ctx);
                 }};
}

}  // namespace newsx::cli
