// libFuzzer target: HTML extraction (charset detection, the attribute
// pre-scan, libxml2's parser under our limits, metadata, JSON-LD, main
// content) on arbitrary bytes. Input: Content-Type, NUL, page bytes (or
// only the page).
#include <cstddef>
#include <cstdint>

#include "fuzz_input.h"
#include "newsx/extract/html_extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto [head, rest] = newsx::fuzz::SplitAtNul(newsx::fuzz::AsText(data, size));
  newsx::RawDocument doc;
  doc.url = "https://fuzz.example/a/b.html";
  if (rest.empty()) {
    doc.body = std::string(head);
  } else {
    doc.content_type = std::string(head.substr(0, 200));
    doc.body = std::string(rest);
  }
  doc.fetched_unix_ms = 1769558400000;
  newsx::extract::HtmlExtractOptions options;
  options.max_elements = 20000;
  bool cut = false;
  auto article = newsx::extract::ExtractArticle(doc, options, &cut);
  (void)article.ok();
  return 0;
}
