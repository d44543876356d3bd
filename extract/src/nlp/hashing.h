#pragma once

// Feature ids: 64-bit hashes of a template number and its atoms (word
// hashes, tag ids, labels, distances). Word strings are hashed once per
// token with XXH3; everything else is mixed with a few multiplications, so
// that a feature costs no allocation and a handful of cycles.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace newsx::extract::nlp {

// XXH3-64 of `s` (seed 0). Stable across platforms: model files store
// features built from these hashes.
std::uint64_t HashBytes(std::string_view s);

// The splitmix64 finalizer: a bijection with full avalanche.
inline std::uint64_t Mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline std::uint64_t Rotl64(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

// A feature of template `t` over one, two or three atoms. Order matters
// (f(t, a, b) != f(t, b, a)).
inline std::uint64_t Feat(std::uint32_t t, std::uint64_t a) {
  return Mix64(a * 0x9e3779b97f4a7c15ULL + t);
}
inline std::uint64_t Feat(std::uint32_t t, std::uint64_t a, std::uint64_t b) {
  return Mix64(a * 0x9e3779b97f4a7c15ULL + Rotl64(b, 29) * 0xc2b2ae3d27d4eb4fULL + t);
}
inline std::uint64_t Feat(std::uint32_t t, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  return Mix64(a * 0x9e3779b97f4a7c15ULL + Rotl64(b, 29) * 0xc2b2ae3d27d4eb4fULL +
               Rotl64(c, 43) * 0x165667b19e3779f9ULL + t);
}

// Slot or bucket of key `f` among n < 2^32, by multiply-shift of its low
// 32 bits (tables then need not be a power of two in size; the high 32
// bits serve as the key's check).
inline std::size_t BucketIndex(std::uint64_t f, std::size_t n) {
  return static_cast<std::size_t>(((f & 0xFFFFFFFFULL) * n) >> 32);
}

}  // namespace newsx::extract::nlp
