#include "crawl/crawl_source.h"

#include <algorithm>
#include <chrono>
#include <unordered_set>
#include <utility>

#include "newsx/core/time_format.h"
#include "newsx/core/url.h"

namespace newsx::pipelines::internal {
namespace {

// Article requests carry this bit in their tag; feed requests do not.
constexpr std::uint64_t kArticleTag = std::uint64_t{1} << 63;

std::int64_t NowUnixS() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

CrawlSource::CrawlSource(const CrawlOptions& options, std::unique_ptr<ingest::HttpFetcher> fetcher,
                         ingest::FeedStateStore* states, Logger* log, CrawlReport* report,
                         std::stop_token stop, ArticleFetch article_fetch)
    : options_(options), fetcher_(std::move(fetcher)), states_store_(states),
      article_fetch_(article_fetch), log_(log), report_(report), stop_(std::move(stop)) {}

Status CrawlSource::Start() {
  const std::int64_t now = NowUnixS();
  for (const std::string& url : options_.feeds) {
    if (states_.count(url) != 0) continue;
    NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> json, states_store_->Get(url));
    ingest::FeedState state;
    if (json) {
      Result<ingest::FeedState> parsed = ingest::FeedStateFromJson(*json);
      if (parsed.ok()) {
        state = std::move(parsed).value();
      } else {
        log_->Warn("ignoring unreadable feed state", {{"feed", url}, {"error", parsed.status().message()}});
      }
    }
    const bool due = options_.force || state.next_due_unix_s <= now;
    if (due) {
      ++report_->feeds_due;
      AddRequest(ingest::FetchRequest{url, state.etag, state.last_modified, feed_urls_.size()});
      feed_urls_.push_back(url);
    } else {
      log_->Debug("feed not due", {{"feed", url}, {"next_due", FormatIsoUtc(state.next_due_unix_s)}});
    }
    // Entries an interrupted pass did not finish; those stored since (by
    // that pass before it died) are done.
    std::size_t resumed = 0;
    for (ingest::PendingEntry& entry : state.pending) {
      NEWSX_ASSIGN_OR_RETURN(bool stored, states_store_->Stored(entry.url));
      if (!stored && QueueArticle(url, std::move(entry))) ++resumed;
    }
    if (resumed > 0) {
      report_->entries_resumed += resumed;
      log_->Info("resuming entries of an interrupted crawl", {{"feed", url}, {"entries", std::to_string(resumed)}});
    }
    states_.emplace(url, std::move(state));
  }
  return Status::Ok();
}

void CrawlSource::Finish() {
  for (auto& [url, state] : states_) {
    const bool had_pending = !state.pending.empty();
    const auto it = feed_articles_.find(url);
    if (!had_pending && it == feed_articles_.end()) continue;
    SaveState(url, state, /*only_undelivered=*/true);
  }
}

bool CrawlSource::QueueArticle(const std::string& feed_url, ingest::PendingEntry entry) {
  if (!queued_urls_.insert(entry.url).second) return false;
  const std::size_t index = articles_.size();
  if (article_fetch_ == ArticleFetch::kHere) {
    AddRequest(ingest::FetchRequest{entry.url, "", "", kArticleTag | index});
  } else {
    ingest::SourceItem item;
    item.position = entry.url;
    item.document.url = entry.url;
    item.document.needs_fetch = true;
    item.document.source = feed_url;
    item.document.hint_title = entry.title;
    item.document.hint_published = entry.published;
    ready_.push_back(Ready{index, std::move(item)});
  }
  articles_.push_back(EntryHint{feed_url, std::move(entry)});
  feed_articles_[feed_url].push_back(index);
  return true;
}

Result<std::optional<ingest::SourceItem>> CrawlSource::Next() {
  while (ready_.empty()) {
    // Entries not handed out stay pending (Finish) for the next pass.
    if (stop_.stop_requested()) return std::optional<ingest::SourceItem>();
    // Every fetch done (URL-only items are ready as their feed is read).
    if (fetcher_->pending() == 0) return std::optional<ingest::SourceItem>();
    fetcher_->Poll(200, [this](ingest::FetchResponse&& r) { OnResponse(std::move(r)); });
    if (options_.metrics != nullptr) options_.metrics->SetFetchQueue(fetcher_->pending(), ready_.size());
  }
  Ready ready = std::move(ready_.front());
  ready_.pop_front();
  articles_[ready.hint].delivered = true;
  ++items_done_;
  return std::optional<ingest::SourceItem>(std::move(ready.item));
}

ingest::SourceProgress CrawlSource::Progress() const {
  ingest::SourceProgress progress;
  progress.items_done = items_done_;
  return progress;
}

std::int64_t CrawlSource::NextDueUnixS() const {
  std::int64_t next = 0;
  for (const auto& [url, state] : states_) {
    if (next == 0 || state.next_due_unix_s < next) next = state.next_due_unix_s;
  }
  return next;
}

void CrawlSource::AddRequest(ingest::FetchRequest request) {
  if (options_.metrics != nullptr) queued_at_[request.tag] = std::chrono::steady_clock::now();
  fetcher_->Add(std::move(request));
}

double CrawlSource::TakeElapsed(std::uint64_t tag) {
  const auto it = queued_at_.find(tag);
  if (it == queued_at_.end()) return 0;
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - it->second).count();
  queued_at_.erase(it);
  return s;
}

void CrawlSource::OnResponse(ingest::FetchResponse&& response) {
  if ((response.request.tag & kArticleTag) != 0) OnArticle(std::move(response));
  else OnFeed(std::move(response));
}

void CrawlSource::OnFeed(ingest::FetchResponse&& response) {
  const std::string& url = feed_urls_[response.request.tag];
  ingest::FeedState& state = states_[url];
  const std::int64_t now = NowUnixS();
  const ingest::ScheduleOptions& schedule = options_.schedule;
  const double seconds = TakeElapsed(response.request.tag);
  CrawlMetrics* const metrics = options_.metrics;
  if (!response.status.ok()) {
    ++report_->feeds_failed;
    if (metrics) metrics->ObserveFeed("failed", StatusCodeName(response.status.code()), seconds);
    log_->Warn("feed fetch failed", {{"feed", url}, {"error", response.status.ToString()}});
    ingest::ScheduleAfterFailure(&state, now, response.status.ToString(), response.retry_after_s.value_or(0),
                         schedule);
    SaveState(url, state);
    return;
  }
  if (response.not_modified) {
    ++report_->feeds_not_modified;
    if (metrics) metrics->ObserveFeed("not_modified", "", seconds);
    log_->Debug("feed not modified", {{"feed", url}});
    ingest::ScheduleAfterSuccess(&state, now, 0, {}, schedule);
    SaveState(url, state);
    return;
  }
  ingest::FeedParseOptions parse_options;
  parse_options.feed_url = response.document.url;
  parse_options.content_type = response.document.content_type;
  Result<ingest::Feed> feed = ingest::ParseFeed(response.document.body, parse_options);
  if (!feed.ok()) {
    ++report_->feeds_failed;
    if (metrics) metrics->ObserveFeed("failed", "unparsable", seconds);
    log_->Warn("feed unreadable", {{"feed", url}, {"error", feed.status().ToString()}});
    ingest::ScheduleAfterFailure(&state, now, feed.status().ToString(), 0, schedule);
    SaveState(url, state);
    return;
  }
  for (const std::string& problem : feed->problems) {
    log_->Warn("feed problem", {{"feed", url}, {"problem", problem}});
  }
  ++report_->feeds_fetched;
  if (metrics) metrics->ObserveFeed("fetched", "", seconds);
  state.etag = response.etag;
  state.last_modified = response.last_modified;
  std::size_t new_entries = 0;
  QueueNewEntries(url, *feed, &state, &new_entries);
  std::vector<std::int64_t> times;
  for (const ingest::FeedEntry& entry : feed->entries) {
    if (entry.published_unix_s) times.push_back(*entry.published_unix_s);
    else if (entry.updated_unix_s) times.push_back(*entry.updated_unix_s);
  }
  ingest::ScheduleAfterSuccess(&state, now, new_entries, std::move(times), schedule);
  log_->Info("feed fetched", {{"feed", url}, {"entries", std::to_string(feed->entries.size())},
                              {"new", std::to_string(new_entries)},
                              {"next_due", FormatIsoUtc(state.next_due_unix_s)}});
  SaveState(url, state);
}

void CrawlSource::QueueNewEntries(const std::string& feed_url, const ingest::Feed& feed,
                                  ingest::FeedState* state, std::size_t* new_entries) {
  const std::unordered_set<std::string> seen(state->seen_urls.begin(), state->seen_urls.end());
  std::vector<std::string> current;
  for (const ingest::FeedEntry& entry : feed.entries) {
    const std::string canonical = CanonicalizeUrl(entry.link);
    if (canonical.empty()) continue;
    current.push_back(canonical);
    if (seen.count(canonical) != 0 || queued_urls_.count(canonical) != 0) continue;
    Result<bool> stored = states_store_->Stored(canonical);
    if (!stored.ok()) {
      if (store_status_.ok()) store_status_ = stored.status();
      continue;
    }
    if (*stored) continue;
    const std::optional<std::int64_t> when =
        entry.published_unix_s ? entry.published_unix_s : entry.updated_unix_s;
    QueueArticle(feed_url, ingest::PendingEntry{canonical, entry.title, when ? FormatIsoUtc(*when) : ""});
    ++*new_entries;
  }
  report_->entries_new += *new_entries;
  // Remember what the feed lists now, then older URLs, up to the bound.
  std::unordered_set<std::string> kept(current.begin(), current.end());
  for (const std::string& url : state->seen_urls) {
    if (current.size() >= options_.max_seen_per_feed) break;
    if (kept.insert(url).second) current.push_back(url);
  }
  if (current.size() > options_.max_seen_per_feed) current.resize(options_.max_seen_per_feed);
  state->seen_urls = std::move(current);
}

void CrawlSource::OnArticle(ingest::FetchResponse&& response) {
  const std::size_t index = response.request.tag & ~kArticleTag;
  const EntryHint& hint = articles_[index];
  ingest::SourceItem item;
  item.position = response.request.url;
  if (options_.metrics != nullptr) {
    options_.metrics->ObserveArticleFetch(
        response.status.ok() ? "" : StatusCodeName(response.status.code()),
        TakeElapsed(response.request.tag));
  }
  if (!response.status.ok()) {
    item.error = response.status;
    ready_.push_back(Ready{index, std::move(item)});
    return;
  }
  ++report_->articles_fetched;
  item.document = std::move(response.document);
  item.document.source = hint.feed_url;
  item.document.hint_title = hint.entry.title;
  item.document.hint_published = hint.entry.published;
  ready_.push_back(Ready{index, std::move(item)});
}

void CrawlSource::SaveState(const std::string& feed_url, ingest::FeedState& state, bool only_undelivered) {
  state.pending.clear();
  if (const auto it = feed_articles_.find(feed_url); it != feed_articles_.end()) {
    for (const std::size_t index : it->second) {
      const EntryHint& hint = articles_[index];
      if (!only_undelivered || !hint.delivered) state.pending.push_back(hint.entry);
    }
  }
  const Status status = states_store_->Put(feed_url, ingest::FeedStateToJson(state));
  if (!status.ok() && store_status_.ok()) store_status_ = status;
}

}  // namespace newsx::pipelines::internal
