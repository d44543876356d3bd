#include "newsx/ingest/feed_parser.h"

#include <utility>

#include "feed/feed_internal.h"
#include "feed/feed_text.h"
#include "newsx/core/charset.h"
#include "newsx/core/strings.h"

namespace newsx::ingest {

std::string_view FeedFormatName(FeedFormat format) {
  switch (format) {
    case FeedFormat::kRss090: return "rss090";
    case FeedFormat::kRss091: return "rss091";
    case FeedFormat::kRss092: return "rss092";
    case FeedFormat::kRss10: return "rss10";
    case FeedFormat::kRss20: return "rss20";
    case FeedFormat::kAtom03: return "atom03";
    case FeedFormat::kAtom10: return "atom10";
    case FeedFormat::kJsonFeed: return "json1";
  }
  return "unknown";
}

Result<Feed> ParseFeed(std::string_view bytes, const FeedParseOptions& options) {
  Utf8Text text = DecodeToUtf8(bytes, options.content_type, MarkupKind::kXml);
  const std::string_view body = Trim(text.text(), kMarkupWhitespace);
  if (body.empty()) return InvalidArgumentError("not a feed: empty document");
  Result<Feed> feed = body.front() == '{' ? internal::ParseJsonFeed(body, options)
                                          : internal::ParseXmlFeed(body, options);
  if (!feed.ok()) return feed;
  feed->encoding = std::move(text.charset);
  for (std::string& problem : text.problems) feed->problems.push_back(std::move(problem));
  return feed;
}

}  // namespace newsx::ingest
