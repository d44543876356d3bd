#pragma once

// Builders of ExtractedArticle records, and a store to put them in, for the
// store tests.

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "newsx/core/analysis.h"
#include "newsx/core/hash.h"
#include "newsx/store/article_store.h"

namespace newsx::testing {

// A store opened read-write at `path` (a TempDir); the test stops if it fails.
inline std::unique_ptr<store::ArticleStore> OpenStore(const std::string& path) {
  auto opened = store::ArticleStore::Open({.path = path});
  REQUIRE(opened.ok());
  return std::move(opened).value();
}

// A report of `n` paragraphs (numbered from `from`) about `topic`: distinct
// words per topic, so that reports on one topic are near-copies.
inline std::string Report(const std::string& topic, int n, int from = 0) {
  std::string out;
  for (int i = from; i < from + n; ++i) {
    out += "In " + topic + " news, paragraph " + std::to_string(i) + " says that " +
           std::to_string(i * 31) + " people watched the " + topic + " event on day " +
           std::to_string(i + 3) + ".\n";
  }
  return out;
}

inline Entity MakeEntity(const std::string& id, const std::string& name, int mentions) {
  Entity e{.id = id, .type = EntityType::kOrg, .name = name};
  if (id.rfind("chip:", 0) == 0) e.type = EntityType::kChip;
  if (id.rfind("person:", 0) == 0) e.type = EntityType::kPerson;
  for (int i = 0; i < mentions; ++i) {
    e.mentions.push_back(Mention{Span{static_cast<std::size_t>(i * 10),
                                      static_cast<std::size_t>(i * 10 + name.size())},
                                 name});
  }
  return e;
}

inline Event MakeEvent(const std::string& article_id, const std::string& type,
                       const std::vector<std::string>& entity_ids, const std::string& sentence,
                       const std::string& time_value = "") {
  Event e;
  e.id = article_id + ":" + type + ":" + std::to_string(sentence.size());
  e.type = type;
  e.trigger = type;
  e.sentence = sentence;
  e.article = article_id;
  e.time_value = time_value;
  e.confidence = 0.8;
  for (std::size_t i = 0; i < entity_ids.size(); ++i) {
    e.args.push_back(EventArg{.role = i == 0 ? "agent" : "item" + std::to_string(i),
                              .entity_id = entity_ids[i], .text = entity_ids[i]});
  }
  return e;
}

// An article at `url` with `entities` and `events`, published at `published`.
inline ExtractedArticle MakeArticle(const std::string& url, const std::string& text,
                                    std::vector<Entity> entities = {},
                                    const std::string& published = "2026-01-28T09:30:00Z",
                                    const std::string& version = "test-1") {
  ExtractedArticle x;
  x.article.url = url;
  x.article.canonical_url = url;
  x.article.id = ArticleId(url);
  x.article.title = "Title of " + url;
  x.article.site = "example.com";
  x.article.published = published;
  x.article.fetched = "2026-01-29T00:00:00Z";
  x.article.text = text;
  x.article.content_hash = ContentHash(text);
  x.article.extractor_version = version;
  x.entities = std::move(entities);
  return x;
}

}  // namespace newsx::testing
