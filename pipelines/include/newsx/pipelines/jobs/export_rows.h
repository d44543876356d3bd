#pragma once

// The JSON Lines rows that the export job writes and `newsx query` prints
// (docs/export.md): one flat-ish object per record, readable as they are by
// DuckDB's read_json_auto and pandas.read_json(lines=True).

#include <string>
#include <vector>

#include "newsx/core/analysis.h"
#include "newsx/store/article_store.h"

namespace newsx::pipelines {

// articles.jsonl: the article fields of the data contract (record_json.h),
// with "content" and "content_format" always present (null unless the
// article carries Markdown or HTML content).
std::string ArticleRow(const Article& article);

// entities.jsonl: the canonical entity without mentions, plus
// "mention_count" and "article_count" over all stored articles.
std::string EntityRow(const store::StoredEntity& entity);

// mentions.jsonl: one row per mention occurrence: "entity", "article",
// "start", "end" (code points in the article text), "text", "published".
std::vector<std::string> MentionRows(const ExtractedArticle& x);

// events.jsonl: the event of the data contract with a stable shape: args a
// list of {role, entity, text, quantity}, evidence a list, the time as
// time_text/time_value/time_start/time_end/time_source columns
// (export_schema.h lists every column).
std::string EventRow(const Event& event);

// `query top-entities`: EntityRow plus "mentions_in_window" and "articles_in_window".
std::string TopEntityRow(const store::EntityCount& row);

// `newsx stats --format jsonl` and serve's /api/stats: the StoreStats
// fields by their names ("articles", "entities", ..., "dead_letters_by_reason").
std::string StatsRow(const store::StoreStats& stats);

}  // namespace newsx::pipelines
