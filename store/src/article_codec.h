#pragma once

// Binary encoding of an ExtractedArticle for the articles family: a few
// times cheaper to write and read than its JSON, which matters because every
// stored article is encoded once and every scan (export, verify) decodes it.

#include <string>
#include <string_view>

#include "newsx/core/analysis.h"
#include "newsx/core/result.h"

namespace newsx::store::internal {

// Layouts of the encoded body, named by the articles value's format byte
// (keys.h): 1 = schema before event evidence and time intervals; 2 = adds,
// per event, the evidence list and time_start/time_end/time_source.
enum class BodyLayout { kV1 = 1, kV2 = 2 };

// Every field of `x` except article.fetched, article.source, article.url and
// article.aliases (kept beside it in the articles value, see StoredArticle),
// in the current layout (kV2). The url slot is written empty.
std::string EncodeExtractedArticle(const ExtractedArticle& x);

// kDataLoss for bytes that EncodeExtractedArticle did not write in `layout`.
Result<ExtractedArticle> DecodeExtractedArticle(std::string_view bytes,
                                                BodyLayout layout = BodyLayout::kV2);

}  // namespace newsx::store::internal
