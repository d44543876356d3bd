#pragma once

// The database the serve tests read: the three query-test articles plus
// one whose title, entity and sentence are markup (the XSS case).

#include <string>

#include "newsx/store/article_store.h"
#include "query_test_db.h"

namespace newsx::testing {

inline constexpr const char* kScriptTitle = "<script>alert(1)</script>";

inline ExtractedArticle ServeTestHostile() {
  auto x = QueryTestArticle("https://news.example/xss", "2026-01-25T10:00:00Z",
                            "Evil <b>Corp</b> ordered 5,000 chips from Nvidia.");
  x.article.title = kScriptTitle;
  Entity evil{.id = "org:evil-corp", .type = EntityType::kOrg,
              .name = "<img src=x onerror=alert(2)>"};
  evil.mentions.push_back(Mention{Span{0, 16}, "Evil <b>Corp</b>"});
  Entity nvidia{.id = "org:nvidia", .type = EntityType::kOrg, .name = "Nvidia"};
  nvidia.mentions.push_back(Mention{Span{42, 48}, "Nvidia"});
  x.entities = {evil, nvidia};
  Event e = QueryTestEvent(x, "order", "org:evil-corp", "Evil <b>Corp</b> ordered 5,000 chips.");
  Quantity q{.text = "5,000", .span = Span{25, 30}, .value = 5000, .kind = "number", .unit = "chip"};
  e.args.push_back(EventArg{.role = "quantity", .text = "5,000", .quantity = q});
  e.args.push_back(EventArg{.role = "seller", .entity_id = "org:nvidia", .text = "Nvidia"});
  e.trigger = "ordered";
  e.trigger_span = Span{17, 24};
  e.source = "org:nvidia";
  x.events = {e};
  return x;
}

// Writes the four articles into a new database at `path`.
inline bool WriteServeTestDb(const std::string& path) {
  if (!WriteQueryTestDb(path)) return false;
  auto store = store::ArticleStore::Open({.path = path});
  if (!store.ok()) return false;
  const ExtractedArticle x = ServeTestHostile();
  return (*store)->Put(x, "<html><p>" + x.article.text + "</p></html>").ok();
}

}  // namespace newsx::testing
