#pragma once

#include <string>
#include <string_view>

#include "newsx/core/analysis.h"
#include "newsx/core/raw_document.h"
#include "newsx/core/result.h"

namespace newsx::pipelines::cluster {

// What travels on the streams. Bodies are bytes in any charset, so pages
// use a length-prefixed binary frame rather than JSON; the article itself
// uses the JSON data contract (record_json.h). Thread-safe (pure).
//
// Frame: 4-byte magic ("NXP1" page, "NXR1" record), then fields, each a
// 4-byte little-endian length and that many bytes.
//   page:   position, url, source, content_type, fetched_unix_ms (decimal),
//           hint_published, hint_title, body
//   record: position, article JSON, then the page fields from url on

// A page to extract, with where it was read (for dead letters).
struct PageItem {
  std::string position;
  RawDocument document;
};

// An extracted article with the page it came from, for the store.
struct RecordItem {
  std::string position;
  ExtractedArticle extracted;
  RawDocument document;
};

std::string EncodePage(const PageItem& page);
// kInvalidArgument for a truncated or foreign frame.
Result<PageItem> DecodePage(std::string_view bytes);

std::string EncodeRecord(const RecordItem& record);
// kInvalidArgument for a truncated or foreign frame or a bad article JSON.
Result<RecordItem> DecodeRecord(std::string_view bytes);

// JetStream message id of a page read at `position` with `url`: the same
// page read twice (a producer re-run) gets the same id, so the server drops
// the copy within its de-duplication window. 32 hex digits.
std::string PageMessageId(std::string_view position, std::string_view url);

// Message id of the record extracted from the page with `page_id`: a page
// redelivered after its record was published yields the same id, which
// the server drops as a duplicate.
std::string RecordMessageId(std::string_view page_id);

// The fetch partition (0 to kFetchPartitions - 1) of `url`: a hash of its
// host (UrlHost), so that every URL of one host goes to one partition.
int FetchPartition(std::string_view url);

// The subject of fetch partition `partition` ("newsx.fetch.7") and the
// durable consumer that takes it ("fetch-7").
std::string FetchSubject(int partition);
std::string FetchConsumer(int partition);

}  // namespace newsx::pipelines::cluster
