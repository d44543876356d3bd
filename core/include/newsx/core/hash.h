#pragma once

#include <string>
#include <string_view>

namespace newsx {

// 128-bit XXH3 of `data` as 32 lower-case hex digits. Stable across
// platforms and versions: it is part of the stored data contract.
std::string Hash128Hex(std::string_view data);

// Article id: the first 16 hex digits of Hash128Hex(canonical_url).
std::string ArticleId(std::string_view canonical_url);

// Content hash of an article text: "xxh128:" + Hash128Hex(text).
std::string ContentHash(std::string_view text);

}  // namespace newsx
