#include "json_ld.h"

#include <nlohmann/json.hpp>

namespace newsx::extract::internal {

namespace {

using nlohmann::json;

// Schema.org types whose properties describe the article itself.
bool IsArticleType(std::string_view type) {
  return type.find("Article") != std::string_view::npos || type == "BlogPosting" ||
         type == "Report" || type == "LiveBlogPosting" || type == "SocialMediaPosting" ||
         type == "AnalysisNewsArticle" || type == "OpinionNewsArticle";
}

// 2 for an article, 1 for a web page, 0 otherwise.
int Rank(const json& object) {
  const auto it = object.find("@type");
  if (it == object.end()) return 0;
  int rank = 0;
  auto rank_of = [](const json& t) {
    if (!t.is_string()) return 0;
    const std::string& s = t.get_ref<const std::string&>();
    if (IsArticleType(s)) return 2;
    return s == "WebPage" || s == "ItemPage" ? 1 : 0;
  };
  if (it->is_array()) {
    for (const json& t : *it) rank = std::max(rank, rank_of(t));
  } else {
    rank = rank_of(*it);
  }
  return rank;
}

void FindBest(const json& node, int depth, const json** best, int* best_rank) {
  if (depth > 8) return;
  if (node.is_array()) {
    for (const json& e : node) FindBest(e, depth + 1, best, best_rank);
    return;
  }
  if (!node.is_object()) return;
  const int rank = Rank(node);
  if (rank > *best_rank) {
    *best = &node;
    *best_rank = rank;
  }
  const auto graph = node.find("@graph");
  if (graph != node.end()) FindBest(*graph, depth + 1, best, best_rank);
}

std::string Str(const json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_array() && !j.empty()) return Str(j.front());
  if (j.is_object()) {
    for (const char* key : {"name", "url", "@id"}) {
      const auto it = j.find(key);
      if (it != j.end() && it->is_string()) return it->get<std::string>();
    }
  }
  return "";
}

std::string Field(const json& object, const char* key) {
  const auto it = object.find(key);
  return it == object.end() ? "" : Str(*it);
}

bool IsOrganization(const json& j) {
  const auto it = j.find("@type");
  if (it == j.end() || !it->is_string()) return false;
  const std::string& t = it->get_ref<const std::string&>();
  return t == "Organization" || t == "NewsMediaOrganization" || t == "Corporation";
}

void AddAuthor(const json& j, std::vector<std::string>* out) {
  if (j.is_string()) {
    out->push_back(j.get<std::string>());
  } else if (j.is_object() && !IsOrganization(j)) {
    const auto name = j.find("name");
    if (name != j.end()) {
      std::string s = Str(*name);
      if (!s.empty()) out->push_back(std::move(s));
    }
  }
}

void SetIfEmpty(std::string* field, std::string value) {
  if (field->empty()) *field = std::move(value);
}

}  // namespace

void MergeJsonLd(std::string_view script, JsonLdArticle* out) {
  const json root = json::parse(script.begin(), script.end(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return;
  const json* best = nullptr;
  int best_rank = 0;
  FindBest(root, 0, &best, &best_rank);
  if (best == nullptr) return;
  const json& a = *best;
  SetIfEmpty(&out->headline, Field(a, "headline"));
  if (best_rank == 1) SetIfEmpty(&out->headline, Field(a, "name"));
  SetIfEmpty(&out->date_published, Field(a, "datePublished"));
  SetIfEmpty(&out->date_modified, Field(a, "dateModified"));
  SetIfEmpty(&out->section, Field(a, "articleSection"));
  SetIfEmpty(&out->description, Field(a, "description"));
  SetIfEmpty(&out->image, Field(a, "image"));
  SetIfEmpty(&out->language, Field(a, "inLanguage"));
  SetIfEmpty(&out->url, Field(a, "url"));
  SetIfEmpty(&out->article_body, Field(a, "articleBody"));
  const auto publisher = a.find("publisher");
  if (publisher != a.end()) SetIfEmpty(&out->publisher, Str(*publisher));
  const auto author = a.find("author");
  if (out->authors.empty() && author != a.end()) {
    if (author->is_array()) {
      for (const json& e : *author) AddAuthor(e, &out->authors);
    } else {
      AddAuthor(*author, &out->authors);
    }
  }
  const auto keywords = a.find("keywords");
  if (out->keywords.empty() && keywords != a.end()) {
    if (keywords->is_array()) {
      for (const json& k : *keywords) {
        if (k.is_string()) out->keywords.push_back(k.get<std::string>());
      }
    } else if (keywords->is_string()) {
      const std::string& s = keywords->get_ref<const std::string&>();
      std::size_t start = 0;
      while (start <= s.size()) {
        std::size_t end = s.find(',', start);
        if (end == std::string::npos) end = s.size();
        out->keywords.push_back(s.substr(start, end - start));
        start = end + 1;
      }
    }
  }
}

}  // namespace newsx::extract::internal
