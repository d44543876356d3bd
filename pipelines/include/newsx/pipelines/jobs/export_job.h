#pragma once

// The export job (`newsx export`, docs/export.md): the database as JSON Lines
// files, incrementally. It writes articles.jsonl, entities.jsonl,
// mentions.jsonl, events.jsonl, stories.jsonl and happenings.jsonl (".gz"
// when gzip; docs/stories.md), plus schema.json and
// schema.sql, into `out_dir`; each file appears only once complete. A named
// cursor remembers the last change exported, so that the next export with
// the same cursor writes only what changed since.

#include <cstdint>
#include <string>

#include "newsx/core/result.h"
#include "newsx/extract/html_extractor.h"
#include "newsx/store/article_store.h"

namespace newsx::pipelines {

struct ExportOptions {
  // Database directory; the cursors live beside the data in
  // <db_path>/export-cursors/<cursor>, so that an export needs only a
  // read-only view of the database.
  std::string db_path = "newsx-data";
  std::string out_dir;  // Created if missing. Required.
  bool gzip = false;    // Write .jsonl.gz files.
  bool full = false;    // Everything, even when the cursor exists.
  std::string cursor = "default";  // One per downstream consumer.
  // kMarkdown or kHtml: each article row also carries its main content in
  // that form ("content", "content_format"), rendered from the stored page
  // by the current HTML extractor (the plain "text" stays the stored one).
  // Default: kText (content null).
  extract::ContentFormat content_format = extract::ContentFormat::kText;
};

struct ExportReport {
  std::uint64_t articles = 0, entities = 0, mentions = 0, events = 0;  // Rows written.
  std::uint64_t stories = 0, happenings = 0;
  // Articles whose content could not be rendered (no stored page, or the
  // page no longer extracts); their content is null.
  std::uint64_t content_unavailable = 0;
  bool full = false;           // Everything was written (no cursor yet, or options.full).
  std::uint64_t after_seq = 0;  // Incremental: changes after this one were written.
  std::uint64_t last_seq = 0;   // The cursor now points here.
};

// Opens the database at options.db_path read-only and exports (below).
// Errors: kNotFound (no database), kIoError (output or cursor not writable),
// store errors. A failed export leaves the cursor where it was: simply redo it.
Result<ExportReport> ExportDatabase(const ExportOptions& options);

// The same on a store already open (read-only or not); options.db_path
// still names where the cursors are.
Result<ExportReport> ExportDatabase(const store::ArticleStore& store, const ExportOptions& options);

}  // namespace newsx::pipelines
