#include "newsx/core/strings.h"
#include "newsx/core/text_signature.h"

#include <xxhash.h>

#include <algorithm>
#include <limits>
#include <string>

namespace newsx {

namespace {

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Hashes of the normalized words of `text`, in order.
std::vector<std::uint64_t> WordHashes(std::string_view text) {
  std::vector<std::uint64_t> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(XXH3_64bits(word.data(), word.size()));
    word.clear();
  };
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (!IsWordByte(c)) {
      flush();
    } else {
      word += AsciiLower(ch);
    }
  }
  flush();
  return out;
}

// A 64-bit mixer (splitmix64's finalizer): the i-th MinHash permutation is
// Mix(shingle ^ seed_i), which behaves as an independent hash per i.
std::uint64_t Mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

std::uint64_t Seed(int i) { return Mix(0x9e3779b97f4a7c15ULL * static_cast<std::uint64_t>(i + 1)); }

}  // namespace

TextSignature ComputeTextSignature(std::string_view text, const SignatureOptions& options) {
  TextSignature sig;
  const std::vector<std::uint64_t> words = WordHashes(text);
  const std::size_t w = static_cast<std::size_t>(std::max(1, options.shingle_words));
  if (words.size() < w) return sig;
  std::vector<std::uint64_t> shingles;
  shingles.reserve(words.size() - w + 1);
  for (std::size_t i = 0; i + w <= words.size(); ++i) {
    std::uint64_t h = 0;
    for (std::size_t j = 0; j < w; ++j) h = Mix(h ^ words[i + j]) + j;
    shingles.push_back(h);
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  sig.shingles = static_cast<std::uint32_t>(shingles.size());
  const int k = std::max(1, options.hashes);
  sig.minhash.assign(static_cast<std::size_t>(k), std::numeric_limits<std::uint32_t>::max());
  for (int i = 0; i < k; ++i) {
    const std::uint64_t seed = Seed(i);
    std::uint64_t best = std::numeric_limits<std::uint64_t>::max();
    for (const std::uint64_t s : shingles) best = std::min(best, Mix(s ^ seed));
    sig.minhash[static_cast<std::size_t>(i)] = static_cast<std::uint32_t>(best >> 32);
  }
  return sig;
}

double EstimateJaccard(const TextSignature& a, const TextSignature& b) {
  if (a.minhash.empty() || a.minhash.size() != b.minhash.size()) return 0.0;
  std::size_t equal = 0;
  for (std::size_t i = 0; i < a.minhash.size(); ++i) equal += a.minhash[i] == b.minhash[i];
  return static_cast<double>(equal) / static_cast<double>(a.minhash.size());
}

double EstimateOverlap(const TextSignature& a, const TextSignature& b) {
  const double j = EstimateJaccard(a, b);
  const double smaller = std::min(a.shingles, b.shingles);
  if (j <= 0.0 || smaller <= 0.0) return 0.0;
  // |A ∩ B| = J (|A| + |B|) / (1 + J).
  const double common = j * (static_cast<double>(a.shingles) + b.shingles) / (1.0 + j);
  return std::min(1.0, common / smaller);
}

std::vector<std::uint64_t> SignatureBandKeys(const TextSignature& signature,
                                             const SignatureOptions& options) {
  std::vector<std::uint64_t> keys;
  if (signature.minhash.empty() || options.bands <= 0) return keys;
  const std::size_t rows = signature.minhash.size() / static_cast<std::size_t>(options.bands);
  for (int b = 0; b < options.bands; ++b) {
    std::uint64_t h = Seed(1000 + b);
    for (std::size_t r = 0; r < rows; ++r) {
      h = Mix(h ^ signature.minhash[static_cast<std::size_t>(b) * rows + r]);
    }
    keys.push_back(h);
  }
  return keys;
}

}  // namespace newsx
