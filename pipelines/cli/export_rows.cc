#include "export_rows.h"

#include <nlohmann/json.hpp>

#include "newsx/core/record_json.h"

namespace newsx::cli {

namespace {

using nlohmann::json;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json EntityObject(const store::StoredEntity& e) {
  json j = json::parse(ToJson(e.entity), nullptr, false);
  j.erase("mentions");
  j["mention_count"] = e.mention_count;
  j["article_count"] = e.article_count;
  return j;
}

}  // namespace

std::string ArticleRow(const Article& article) { return ToJson(article); }

std::string EntityRow(const store::StoredEntity& entity) { return Dump(EntityObject(entity)); }

std::vector<std::string> MentionRows(const ExtractedArticle& x) {
  std::vector<std::string> rows;
  const json published = x.article.published.empty() ? json(nullptr) : json(x.article.published);
  for (const Entity& e : x.entities) {
    for (const Mention& m : e.mentions) {
      rows.push_back(Dump(json{{"entity", e.id},
                               {"article", x.article.id},
                               {"start", m.span.begin},
                               {"end", m.span.end},
                               {"text", m.text},
                               {"published", published}}));
    }
  }
  return rows;
}

std::string EventRow(const Event& event) { return ToJson(event); }

std::string TopEntityRow(const store::EntityCount& row) {
  json j = EntityObject(row.entity);
  j["mentions_in_window"] = row.mentions_in_window;
  j["articles_in_window"] = row.articles_in_window;
  return Dump(j);
}

Result<std::unique_ptr<store::ArticleStore>> OpenStoreForReading(const CliContext& ctx) {
  return store::ArticleStore::Open(
      {.path = ctx.config().db_path, .create_if_missing = false, .read_only = true});
}

}  // namespace newsx::cli
