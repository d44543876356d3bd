#include "newsx/pipelines/jobs/export_schema.h"

#include <nlohmann/json.hpp>

namespace newsx::pipelines {

namespace {

constexpr const char* kSpan = "STRUCT(text VARCHAR, \"start\" BIGINT, \"end\" BIGINT)";
constexpr const char* kQuantity =
    "STRUCT(text VARCHAR, \"start\" BIGINT, \"end\" BIGINT, value DOUBLE, low DOUBLE, "
    "high DOUBLE, op VARCHAR, approx BOOLEAN, kind VARCHAR, unit VARCHAR, currency VARCHAR, "
    "\"of\" VARCHAR)";

std::string Evidence() { return std::string("STRUCT(sentence ") + kSpan + ", trigger " + kSpan + ")[]"; }
std::string Args() {
  return std::string("STRUCT(role VARCHAR, entity VARCHAR, text VARCHAR, quantity ") + kQuantity +
         ")[]";
}

// A happening's source; `seen` is an ISO 8601 string (nested timestamps
// are left to the reader).
constexpr const char* kSource =
    "STRUCT(event VARCHAR, article VARCHAR, story VARCHAR, site VARCHAR, seen VARCHAR)";

std::string Sources() { return std::string(kSource) + "[]"; }
std::string SourcesWithEvidence() {
  return "STRUCT(event VARCHAR, article VARCHAR, story VARCHAR, site VARCHAR, seen VARCHAR, "
         "evidence " +
         Evidence() + ")[]";
}

}  // namespace

const std::vector<ExportTable>& ExportTables() {
  static const std::string* const evidence = new std::string(Evidence());
  static const std::string* const args = new std::string(Args());
  static const std::string* const sources = new std::string(Sources());
  static const std::string* const sources_evidence = new std::string(SourcesWithEvidence());
  static const std::vector<ExportTable>* const tables = new std::vector<ExportTable>{
      {"articles",
       {{"id", "VARCHAR"}, {"url", "VARCHAR"}, {"canonical_url", "VARCHAR"},
        {"source", "VARCHAR"}, {"title", "VARCHAR"}, {"authors", "VARCHAR[]"},
        {"published", "TIMESTAMP"}, {"modified", "TIMESTAMP"}, {"fetched", "TIMESTAMP"},
        {"lang", "VARCHAR"}, {"lang_confidence", "DOUBLE"}, {"site", "VARCHAR"}, {"description", "VARCHAR"},
        {"section", "VARCHAR"}, {"tags", "VARCHAR[]"}, {"image", "VARCHAR"},
        {"text", "VARCHAR"}, {"content_hash", "VARCHAR"}, {"extractor_version", "VARCHAR"},
        {"aliases", "VARCHAR[]"}, {"content", "VARCHAR"}, {"content_format", "VARCHAR"}}},
      {"entities",
       {{"id", "VARCHAR"}, {"type", "VARCHAR"}, {"name", "VARCHAR"}, {"aliases", "VARCHAR[]"},
        {"vendor", "VARCHAR"}, {"family", "VARCHAR"}, {"kind", "VARCHAR"},
        {"country", "VARCHAR"}, {"roles", "STRUCT(title VARCHAR, org VARCHAR)[]"},
        {"mention_count", "BIGINT"}, {"article_count", "BIGINT"}}},
      {"mentions",
       {{"entity", "VARCHAR"}, {"article", "VARCHAR"}, {"start", "BIGINT"}, {"end", "BIGINT"},
        {"text", "VARCHAR"}, {"published", "TIMESTAMP"}}},
      {"events",
       {{"id", "VARCHAR"}, {"type", "VARCHAR"}, {"trigger", kSpan}, {"sentence", kSpan},
        {"evidence", evidence->c_str()}, {"args", args->c_str()}, {"time_text", "VARCHAR"},
        {"time_value", "VARCHAR"}, {"time_start", "TIMESTAMP"}, {"time_end", "TIMESTAMP"},
        {"time_source", "VARCHAR"}, {"polarity", "VARCHAR"}, {"modality", "VARCHAR"},
        {"source", "VARCHAR"}, {"article", "VARCHAR"}, {"confidence", "DOUBLE"},
        {"story", "VARCHAR"}, {"happening", "VARCHAR"}, {"sources", sources->c_str()}}},
      {"stories",
       {{"id", "VARCHAR"}, {"first_seen", "TIMESTAMP"}, {"last_seen", "TIMESTAMP"},
        {"article_count", "BIGINT"}, {"title", "VARCHAR"}, {"sites", "VARCHAR[]"},
        {"articles",
         "STRUCT(id VARCHAR, url VARCHAR, site VARCHAR, title VARCHAR, published VARCHAR)[]"},
        {"happenings", "VARCHAR[]"}}},
      {"happenings",
       {{"id", "VARCHAR"}, {"type", "VARCHAR"}, {"first_seen", "TIMESTAMP"},
        {"source_count", "BIGINT"}, {"stories", "VARCHAR[]"}, {"sites", "VARCHAR[]"},
        {"args", args->c_str()}, {"time_start", "TIMESTAMP"}, {"time_end", "TIMESTAMP"},
        {"sources", sources_evidence->c_str()}}},
  };
  return *tables;
}

std::string ExportSchemaJson() {
  nlohmann::ordered_json tables = nlohmann::ordered_json::object();
  nlohmann::ordered_json timestamps = nlohmann::ordered_json::object();
  for (const ExportTable& t : ExportTables()) {
    nlohmann::ordered_json columns = nlohmann::ordered_json::object();
    nlohmann::ordered_json times = nlohmann::ordered_json::array();
    for (const ExportColumn& c : t.columns) {
      columns[c.name] = c.duckdb_type;
      if (std::string_view(c.duckdb_type) == "TIMESTAMP") times.push_back(c.name);
    }
    tables[t.name] = std::move(columns);
    timestamps[t.name] = std::move(times);
  }
  return nlohmann::ordered_json{{"version", 2}, {"tables", tables}, {"timestamps", timestamps}}
      .dump(2);
}

std::string ExportSchemaSql() {
  std::string sql =
      "-- newsx export schema (docs/export.md). In DuckDB: .read schema.sql, then e.g.\n"
      "-- SELECT * FROM newsx_events('exports/full');  -- reads events.jsonl or .jsonl.gz\n";
  for (const ExportTable& t : ExportTables()) {
    sql += "CREATE OR REPLACE MACRO newsx_" + std::string(t.name) +
           "(dir) AS TABLE\n  SELECT * FROM read_json(dir || '/" + t.name +
           ".jsonl*', format = 'newline_delimited', columns = {";
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      std::string type = t.columns[i].duckdb_type;
      std::string quoted;
      for (char c : type) quoted += c == '\'' ? std::string("''") : std::string(1, c);
      sql += (i == 0 ? "" : ", ") + std::string("'") + t.columns[i].name + "': '" + quoted + "'";
    }
    sql += "});\n";
  }
  return sql;
}

}  // namespace newsx::pipelines
