#pragma once

// A small database for the CLI tests of query, export and verify, written
// through the store API so that its content is known exactly.

#include <string>

#include <nlohmann/json.hpp>

#include "newsx/core/hash.h"
#include "newsx/store/article_store.h"

namespace newsx::testing {

inline ExtractedArticle QueryTestArticle(const std::string& url, const std::string& published,
                                         const std::string& text) {
  ExtractedArticle x;
  x.article.url = url;
  x.article.canonical_url = url;
  x.article.id = ArticleId(url);
  x.article.title = "About " + url;
  x.article.site = "Example News";
  x.article.published = published;
  x.article.text = text;
  x.article.content_hash = ContentHash(text);
  x.article.extractor_version = "test-1";
  return x;
}

inline Entity QueryTestEntity(const std::string& id, const std::string& name, int mentions) {
  Entity e{.id = id, .type = EntityType::kOrg, .name = name};
  for (int i = 0; i < mentions; ++i) {
    e.mentions.push_back(Mention{Span{static_cast<std::size_t>(10 * i),
                                      static_cast<std::size_t>(10 * i + name.size())},
                                 name});
  }
  return e;
}

inline Event QueryTestEvent(const ExtractedArticle& x, const std::string& type,
                            const std::string& entity, const std::string& sentence) {
  Event e;
  e.id = x.article.id + ":" + type;
  e.type = type;
  e.trigger = type;
  e.sentence = sentence;
  e.article = x.article.id;
  e.args.push_back(EventArg{.role = "agent", .entity_id = entity, .text = entity});
  e.confidence = 0.9;
  return e;
}

// Three articles: January (Nvidia order, Nvidia x3), mid-January (AMD
// visit to Beijing, AMD x1 + Nvidia x1), February (Nvidia order, Intel x4).
inline ExtractedArticle QueryTestJanuary() {
  auto x = QueryTestArticle("https://news.example/jan", "2026-01-05T10:00:00Z",
                            "Nvidia took an order.");
  x.entities = {QueryTestEntity("org:nvidia", "Nvidia", 3)};
  x.events = {QueryTestEvent(x, "order", "org:nvidia", "ByteDance ordered Nvidia chips.")};
  return x;
}

inline ExtractedArticle QueryTestMid() {
  auto x = QueryTestArticle("https://news.example/mid", "2026-01-20T10:00:00Z",
                            "AMD visited Beijing.");
  x.entities = {QueryTestEntity("org:amd", "AMD", 1), QueryTestEntity("org:nvidia", "Nvidia", 1)};
  x.events = {QueryTestEvent(x, "visit", "org:amd", "Lisa Su visited Beijing.")};
  return x;
}

inline ExtractedArticle QueryTestFebruary() {
  auto x = QueryTestArticle("https://news.example/feb", "2026-02-10T10:00:00Z",
                            "Intel and Nvidia.");
  x.entities = {QueryTestEntity("org:intel", "Intel", 4)};
  x.events = {QueryTestEvent(x, "order", "org:nvidia", "Microsoft ordered Nvidia GPUs.")};
  return x;
}

// Writes the three articles into a new database at `path`.
inline bool WriteQueryTestDb(const std::string& path) {
  auto store = store::ArticleStore::Open({.path = path});
  if (!store.ok()) return false;
  for (const auto& x : {QueryTestJanuary(), QueryTestMid(), QueryTestFebruary()}) {
    if (!(*store)->Put(x, "<html><p>" + x.article.text + "</p></html>").ok()) return false;
  }
  return true;
}

// Parses every line of `text` as a JSON object; an empty array for "".
// A line that is not a JSON object is a test failure, reported by the caller
// through the returned `bad_lines` count.
struct JsonLines {
  std::vector<nlohmann::json> rows;
  int bad_lines = 0;
};

inline JsonLines ParseJsonLines(const std::string& text) {
  JsonLines out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    auto j = nlohmann::json::parse(text.substr(start, end - start), nullptr, false);
    if (j.is_object()) {
      out.rows.push_back(std::move(j));
    } else {
      ++out.bad_lines;
    }
    start = end + 1;
  }
  return out;
}

}  // namespace newsx::testing
