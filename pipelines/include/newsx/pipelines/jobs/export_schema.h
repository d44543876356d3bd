#pragma once

// The export contract's columns (docs/export.md): every row of an export
// file has every column of its file, null when absent, so that readers see
// the same shape whatever the data. `newsx export` writes this schema beside
// the files (schema.json, and schema.sql with DuckDB table macros), so that
// even an empty incremental export reads with the same columns.

#include <string>
#include <string_view>
#include <vector>

namespace newsx::pipelines {

struct ExportColumn {
  const char* name;
  const char* duckdb_type;  // DuckDB type of the column.
};

struct ExportTable {
  const char* name;  // "articles" -> articles.jsonl.
  std::vector<ExportColumn> columns;
};

// The export files' columns, in row order.
const std::vector<ExportTable>& ExportTables();

// schema.json: {"version": 2, "tables": {"articles": {"<column>": "<DuckDB type>", ...}, ...},
// "timestamps": {"articles": ["published", ...], ...}} (columns to parse as dates).
std::string ExportSchemaJson();

// schema.sql: one DuckDB table macro per file, newsx_<name>(dir), that reads
// <dir>/<name>.jsonl or .jsonl.gz with the columns above.
std::string ExportSchemaSql();

}  // namespace newsx::pipelines
