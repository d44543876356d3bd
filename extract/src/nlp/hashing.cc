#include "nlp/hashing.h"

// The hash functions inline (the same XXH3 values as the library's).
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace newsx::extract::nlp {

std::uint64_t HashBytes(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

}  // namespace newsx::extract::nlp
