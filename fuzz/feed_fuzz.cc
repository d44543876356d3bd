// libFuzzer target: feed parsing (RSS, Atom, JSON Feed, charset handling,
// the XML repair of ill-formed feeds) and feed lists (OPML, plain lists).
// Input: Content-Type, NUL, feed bytes (or only the feed bytes).
#include <cstddef>
#include <cstdint>

#include "fuzz_input.h"
#include "newsx/ingest/feed_parser.h"
#include "newsx/ingest/opml_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = newsx::fuzz::AsText(data, size);
  auto [head, rest] = newsx::fuzz::SplitAtNul(input);
  newsx::ingest::FeedParseOptions options;
  options.feed_url = "https://fuzz.example/feeds/rss.xml";
  std::string_view bytes = input;
  if (!rest.empty()) {
    options.content_type = std::string(head.substr(0, 200));
    bytes = rest;
  }
  auto feed = newsx::ingest::ParseFeed(bytes, options);
  (void)feed.ok();
  auto list = newsx::ingest::ParseFeedList(input);
  (void)list.ok();
  return 0;
}
