#include "nlp/hashing.h"

#include <xxhash.h>

namespace newsx::extract::nlp {

std::uint64_t HashBytes(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

}  // namespace newsx::extract::nlp
