#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>

#include "newsx/ingest/document_source.h"
#include "newsx/ingest/http_fetcher.h"

namespace newsx::ingest {

struct FetchingSourceOptions {
  // URL-only items fetched at once (the fetcher's politeness still applies
  // per host). Default: 32.
  int max_in_flight = 32;
  // URL-only items whose hint_published lies outside [since, until) are
  // dropped before fetching; items without the hint are fetched.
  std::optional<std::int64_t> since_unix_s;
  std::optional<std::int64_t> until_unix_s;
};

// What the URL-only `item` becomes once fetched: the fetched page (needs_fetch
// false) keeping the item's source and hints, or the fetch failure as the
// item's error (stage "fetch"). The fetch stage of FetchingSource and of the
// cluster's fetch workers.
SourceItem FetchedItem(SourceItem item, FetchResponse&& response);

// Wraps a source that yields URL-only documents (sitemaps, URL lists):
// fetches them through one HttpFetcher, driven from Next() in the consumer's
// thread, and yields the fetched pages, or the fetch failure as an item
// error (stage "fetch"). Items that already have a body pass through.
// Fetched documents keep the inner item's source and hints.
//
// Checkpoint() names the inner position after the longest run of items that
// have all been yielded, so resuming never skips an item that was still
// being fetched (yielded items after it are redone, harmlessly).
// Not thread-safe: one consumer.
class FetchingSource final : public DocumentSource {
 public:
  FetchingSource(std::unique_ptr<DocumentSource> inner,
                 std::unique_ptr<HttpFetcher> fetcher,
                 const FetchingSourceOptions& options);

  Result<std::optional<SourceItem>> Next() override;
  std::string Checkpoint() const override { return checkpoint_; }
  Status Resume(std::string_view checkpoint) override;
  SourceProgress Progress() const override;

  // URL-only items dropped by the since/until window.
  std::uint64_t skipped() const { return skipped_; }

 private:
  // One inner item, in inner order, until it and all before it are yielded.
  struct Pending {
    std::string checkpoint_after;  // Inner checkpoint just after this item.
    bool yielded = false;
    SourceItem item;       // URL-only original, while being fetched.
  };

  Status PullInner();
  bool OutsideWindow(const RawDocument& doc) const;
  void OnFetched(FetchResponse&& response);
  void MarkYielded(std::uint64_t index);

  std::unique_ptr<DocumentSource> inner_;
  std::unique_ptr<HttpFetcher> fetcher_;
  const FetchingSourceOptions options_;
  std::deque<Pending> pending_;      // pending_[0] has index first_index_.
  std::uint64_t first_index_ = 0;
  std::deque<std::pair<std::uint64_t, SourceItem>> ready_;  // (index, item).
  int in_flight_ = 0;
  bool inner_done_ = false;
  std::string checkpoint_;
  std::uint64_t skipped_ = 0;
};

}  // namespace newsx::ingest
