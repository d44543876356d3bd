#include "newsx/core/text_signature.h"

#include <catch2/catch.hpp>
#include <string>

namespace newsx {
namespace {

// A text of `n` sentences, each with words of its own (seeded by `topic`).
std::string Sentences(int n, const std::string& topic, int from = 0) {
  std::string out;
  for (int i = from; i < from + n; ++i) {
    out += "The " + topic + " report number " + std::to_string(i) + " said officials met " +
           std::to_string(i * 7) + " delegates in city " + std::to_string(i * 13) + ".\n";
  }
  return out;
}

TEST_CASE("ComputeTextSignature ignores case, punctuation and spacing", "[core][signature]") {
  const TextSignature a = ComputeTextSignature("China approved imports, of the H200 chips today.");
  const TextSignature b = ComputeTextSignature("china  approved IMPORTS of the h200 chips -- today");
  REQUIRE(a.minhash.size() == 64);
  CHECK(a.minhash == b.minhash);
  CHECK(a.shingles == 5);  // 8 words, 4-word shingles.
  CHECK(EstimateJaccard(a, b) == 1.0);
}

TEST_CASE("ComputeTextSignature of a text shorter than a shingle is empty", "[core][signature]") {
  const TextSignature s = ComputeTextSignature("three words only");
  CHECK(s.minhash.empty());
  CHECK(s.shingles == 0);
  CHECK(SignatureBandKeys(s).empty());
  CHECK(EstimateOverlap(s, s) == 0.0);
}

TEST_CASE("Overlap stays high for a cut copy; unrelated texts score near 0",
          "[core][signature]") {
  const TextSignature full = ComputeTextSignature(Sentences(40, "trade"));
  const TextSignature half = ComputeTextSignature(Sentences(20, "trade"));
  const TextSignature other = ComputeTextSignature(Sentences(40, "weather", 100));
  CHECK(EstimateJaccard(full, half) < 0.75);   // Jaccard penalizes the cut...
  CHECK(EstimateOverlap(full, half) > 0.8);    // ...the overlap coefficient does not.
  CHECK(EstimateOverlap(full, other) < 0.2);
}

TEST_CASE("SignatureBandKeys: one key per band, shared by identical bands", "[core][signature]") {
  const TextSignature a = ComputeTextSignature(Sentences(30, "trade"));
  const TextSignature b = ComputeTextSignature(Sentences(30, "trade") + "One more line here.");
  const auto ka = SignatureBandKeys(a);
  const auto kb = SignatureBandKeys(b);
  REQUIRE(ka.size() == 32);
  REQUIRE(kb.size() == 32);
  int shared = 0;
  for (std::size_t i = 0; i < ka.size(); ++i) shared += ka[i] == kb[i];
  CHECK(shared > 16);
  // Deterministic across runs and platforms (part of the stored data).
  CHECK(SignatureBandKeys(a) == ka);
}

}  // namespace
}  // namespace newsx
