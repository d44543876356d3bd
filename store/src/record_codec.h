#pragma once

// Value encodings of the articles and raw families, and the derived times
// used in index keys (see keys.h).

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/core/analysis.h"
#include "newsx/core/raw_document.h"
#include "newsx/core/result.h"
#include "article_codec.h"

namespace newsx::store::internal {

// A decoded articles value. The encoded body leaves out `fetched`,
// `source`, `url` and `aliases` (kept beside it) so that a re-fetch of an
// unchanged article, from any of its URLs, is recognized by comparing bytes,
// without decoding.
struct StoredArticle {
  BodyLayout layout = BodyLayout::kV2;  // Of `body`; values are written in kV2.
  std::uint64_t seq = 0;  // Its changelog entry.
  std::string fetched;
  std::string source;
  std::string url;                   // kV2 only; kV1 bodies hold the url.
  std::vector<std::string> aliases;  // kV2 only. Sorted.
  std::string body;  // EncodeExtractedArticle (article_codec.h).
};

std::string EncodeArticleValue(const StoredArticle& stored);
// kDataLoss for a value that is not in this format.
Result<StoredArticle> DecodeArticleValue(std::string_view value);
// Decodes and parses. kDataLoss on failure.
Result<ExtractedArticle> ParseArticleValue(std::string_view value);
// Parses a decoded value (fetched, source, url and aliases filled in).
Result<ExtractedArticle> ParseStoredArticle(StoredArticle stored);

std::string EncodeRawDocument(const RawDocument& doc);
// kDataLoss for a value that is not in this format.
Result<RawDocument> DecodeRawDocument(std::string_view value);

// The article's time (published, else fetched, else 0), Unix seconds.
std::int64_t ArticleTime(const Article& article);
// The start of the event's resolved time value, else `article_time`.
std::int64_t EventTime(const Event& event, std::int64_t article_time);
// Entities an event refers to (argument fillers and source), sorted, unique.
std::vector<std::string> EventEntityIds(const Event& event);

// The article's entities by id, duplicates of one id merged (mentions,
// aliases and roles concatenated), so that each id counts once per article.
std::map<std::string, Entity> EntitiesById(const std::vector<Entity>& entities);

}  // namespace newsx::store::internal
