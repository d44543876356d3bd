#include "newsx/ingest/fetching_source.h"

#include <utility>

#include "newsx/core/time_format.h"

namespace newsx::ingest {

SourceItem FetchedItem(SourceItem item, FetchResponse&& response) {
  if (!response.status.ok()) {
    item.error = response.status.WithContext(response.request.url);
    item.stage = "fetch";
    return item;
  }
  RawDocument fetched = std::move(response.document);
  fetched.source = std::move(item.document.source);
  fetched.hint_published = std::move(item.document.hint_published);
  fetched.hint_title = std::move(item.document.hint_title);
  fetched.needs_fetch = false;
  item.document = std::move(fetched);
  return item;
}

FetchingSource::FetchingSource(std::unique_ptr<DocumentSource> inner,
                               std::unique_ptr<HttpFetcher> fetcher,
                               const FetchingSourceOptions& options)
    : inner_(std::move(inner)), fetcher_(std::move(fetcher)), options_(options),
      checkpoint_(inner_->Checkpoint()) {}

Status FetchingSource::Resume(std::string_view checkpoint) {
  NEWSX_RETURN_IF_ERROR(inner_->Resume(checkpoint));
  checkpoint_ = std::string(checkpoint);
  return Status::Ok();
}

SourceProgress FetchingSource::Progress() const { return inner_->Progress(); }

bool FetchingSource::OutsideWindow(const RawDocument& doc) const {
  if (doc.hint_published.empty()) return false;
  const auto t = ParseDateTime(doc.hint_published);
  if (!t) return false;
  return (options_.since_unix_s && *t < *options_.since_unix_s) ||
         (options_.until_unix_s && *t >= *options_.until_unix_s);
}

Status FetchingSource::PullInner() {
  NEWSX_ASSIGN_OR_RETURN(std::optional<SourceItem> next, inner_->Next());
  if (!next) {
    inner_done_ = true;
    return Status::Ok();
  }
  const std::uint64_t index = first_index_ + pending_.size();
  pending_.push_back(Pending{inner_->Checkpoint(), false, {}});
  SourceItem& item = *next;
  if (!item.error.ok() || !item.document.needs_fetch) {
    ready_.emplace_back(index, std::move(item));
  } else if (OutsideWindow(item.document)) {
    ++skipped_;
    MarkYielded(index);
  } else {
    fetcher_->Add(FetchRequest{.url = item.document.url, .tag = index});
    pending_.back().item = std::move(item);
    ++in_flight_;
  }
  return Status::Ok();
}

void FetchingSource::OnFetched(FetchResponse&& response) {
  --in_flight_;
  const std::uint64_t index = response.request.tag;
  Pending& p = pending_[index - first_index_];
  SourceItem item = FetchedItem(std::move(p.item), std::move(response));
  ready_.emplace_back(index, std::move(item));
}

void FetchingSource::MarkYielded(std::uint64_t index) {
  pending_[index - first_index_].yielded = true;
  while (!pending_.empty() && pending_.front().yielded) {
    checkpoint_ = std::move(pending_.front().checkpoint_after);
    pending_.pop_front();
    ++first_index_;
  }
}

Result<std::optional<SourceItem>> FetchingSource::Next() {
  while (true) {
    while (!inner_done_ && in_flight_ < options_.max_in_flight && ready_.empty()) {
      NEWSX_RETURN_IF_ERROR(PullInner());
    }
    if (!ready_.empty()) {
      auto [index, item] = std::move(ready_.front());
      ready_.pop_front();
      MarkYielded(index);
      return std::optional<SourceItem>(std::move(item));
    }
    if (in_flight_ == 0 && inner_done_) return std::optional<SourceItem>();
    fetcher_->Poll(200, [this](FetchResponse&& r) { OnFetched(std::move(r)); });
  }
}

}  // namespace newsx::ingest
