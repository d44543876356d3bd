// libFuzzer target: quantity extraction (number words, magnitudes, ranges,
// bounds, currencies) on arbitrary text; spans are ordered and inside the text.
#include <cstddef>
#include <cstdint>
#include <memory>

#include "fuzz_input.h"
#include "newsx/extract/quantity_extractor.h"

namespace {

const newsx::extract::QuantityExtractor& Extractor() {
  static const std::unique_ptr<newsx::extract::QuantityExtractor> extractor =
      std::move(newsx::extract::QuantityExtractor::Create({})).value();
  return *extractor;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = newsx::fuzz::AsText(data, size);
  // Spans count code points (an invalid byte counts as one), so no span
  // can end past the byte length, however the text decodes.
  const std::size_t length = text.size();
  for (const newsx::Quantity& q : Extractor().Extract(text)) {
    if (q.span.begin > q.span.end || q.span.end > length) __builtin_trap();
  }
  (void)Extractor().ExtractNumbers(text);
  return 0;
}
