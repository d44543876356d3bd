#pragma once

// Near-duplicate detection of article texts: MinHash signatures over word
// shingles, and the LSH band keys that find candidate near-copies without
// comparing all pairs. The numbers (shingle length, hashes, bands,
// thresholds) were measured on the syndication test set, see docs/stories.md.

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsx {

// Parameters of the signature. Part of the stored data: signatures made
// with other parameters do not compare (the store keeps one setting).
struct SignatureOptions {
  int shingle_words = 4;  // Words per shingle. Default: 4.
  int hashes = 64;        // MinHash values per signature. Default: 64.
  int bands = 32;         // LSH bands (hashes / bands rows each). Default: 32.
};

// MinHash signature of a text's word shingles. Words are runs of ASCII
// letters and digits (lower-cased) and of non-ASCII bytes, so that
// punctuation, case and spacing edits do not change a shingle.
struct TextSignature {
  std::vector<std::uint32_t> minhash;  // `hashes` values; empty when no shingle.
  std::uint32_t shingles = 0;          // Distinct shingles (estimated set size).
};

// Deterministic (the same on every platform and run). Texts shorter than
// one shingle have an empty signature. Thread-safe (pure).
TextSignature ComputeTextSignature(std::string_view text, const SignatureOptions& options = {});

// Estimated Jaccard similarity of the two shingle sets: the fraction of
// equal MinHash values. 0 when either is empty or their lengths differ.
double EstimateJaccard(const TextSignature& a, const TextSignature& b);

// Estimated overlap coefficient |A ∩ B| / min(|A|, |B|), from the Jaccard
// estimate and the set sizes: high when one text is a cut version of the
// other, which Jaccard alone penalizes. In [0, 1].
double EstimateOverlap(const TextSignature& a, const TextSignature& b);

// One 64-bit key per LSH band (band index mixed in): two texts whose
// signatures agree on every row of some band share that band's key.
// Empty for an empty signature. REQUIRES: options.hashes % options.bands == 0.
std::vector<std::uint64_t> SignatureBandKeys(const TextSignature& signature,
                                             const SignatureOptions& options = {});

}  // namespace newsx
