// libFuzzer target: URL splitting, resolution and canonicalization.
// Input: base, NUL, reference (or one URL, resolved against a fixed base).
// Checks that canonicalization is idempotent.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_input.h"
#include "newsx/core/url.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto [first, second] = newsx::fuzz::SplitAtNul(newsx::fuzz::AsText(data, size));
  const std::string_view base = second.empty() ? "https://fuzz.example/a/b/c?d=e#f" : first;
  const std::string_view ref = second.empty() ? first : second;
  (void)newsx::SplitUrl(ref);
  const std::string resolved = newsx::ResolveUrl(base, ref);
  const std::string canonical = newsx::CanonicalizeUrl(resolved);
  if (!canonical.empty() && newsx::CanonicalizeUrl(canonical) != canonical) __builtin_trap();
  (void)newsx::UrlHost(resolved);
  return 0;
}
