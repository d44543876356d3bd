#pragma once

// Binary encoding of an ExtractedArticle for the articles family: a few
// times cheaper to write and read than its JSON, which matters because every
// stored article is encoded once and every scan (export, verify) decodes it.

#include <string>
#include <string_view>

#include "newsx/core/analysis.h"
#include "newsx/core/result.h"

namespace newsx::store::internal {

// Every field of `x` except article.fetched and article.source (kept beside
// it in the articles value, see StoredArticle).
std::string EncodeExtractedArticle(const ExtractedArticle& x);

// kDataLoss for bytes that EncodeExtractedArticle did not write.
Result<ExtractedArticle> DecodeExtractedArticle(std::string_view bytes);

}  // namespace newsx::store::internal
