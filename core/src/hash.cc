#include "newsx/core/hash.h"

#include <xxhash.h>

#include <cstdio>

namespace newsx {

std::string Hash128Hex(std::string_view data) {
  const XXH128_hash_t h = XXH3_128bits(data.data(), data.size());
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx",
                static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return std::string(buf, 32);
}

std::string ArticleId(std::string_view canonical_url) {
  return Hash128Hex(canonical_url).substr(0, 16);
}

std::string ContentHash(std::string_view text) {
  return "xxh128:" + Hash128Hex(text);
}

}  // namespace newsx
