#include "newsx/ingest/crawl_state.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace newsx::ingest {
namespace {

using Json = nlohmann::json;

std::int64_t Clamp(std::int64_t v, const ScheduleOptions& o) {
  return std::clamp(v, o.min_interval_s, std::max(o.min_interval_s, o.max_interval_s));
}

template <typename T>
void Read(const Json& j, const char* key, T* out) {
  const auto it = j.find(key);
  if (it == j.end()) return;
  if constexpr (std::is_same_v<T, std::string>) {
    if (it->is_string()) *out = it->template get<std::string>();
  } else {
    if (it->is_number()) *out = it->template get<T>();
  }
}

}  // namespace

std::string FeedStateToJson(const FeedState& s) {
  Json pending = Json::array();
  for (const PendingEntry& e : s.pending) {
    pending.push_back({{"url", e.url}, {"title", e.title}, {"published", e.published}});
  }
  const Json j = {{"etag", s.etag},
                  {"last_modified", s.last_modified},
                  {"last_fetch", s.last_fetch_unix_s},
                  {"last_success", s.last_success_unix_s},
                  {"last_failure", s.last_failure_unix_s},
                  {"last_error", s.last_error},
                  {"consecutive_failures", s.consecutive_failures},
                  {"interval_s", s.interval_s},
                  {"next_due", s.next_due_unix_s},
                  {"fetches", s.fetches},
                  {"new_entries", s.new_entries},
                  {"seen_urls", s.seen_urls},
                  {"pending", std::move(pending)}};
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<FeedState> FeedStateFromJson(std::string_view json) {
  const Json j = Json::parse(json.begin(), json.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return InvalidArgumentError("feed state is not a JSON object");
  FeedState s;
  Read(j, "etag", &s.etag);
  Read(j, "last_modified", &s.last_modified);
  Read(j, "last_fetch", &s.last_fetch_unix_s);
  Read(j, "last_success", &s.last_success_unix_s);
  Read(j, "last_failure", &s.last_failure_unix_s);
  Read(j, "last_error", &s.last_error);
  Read(j, "consecutive_failures", &s.consecutive_failures);
  Read(j, "interval_s", &s.interval_s);
  Read(j, "next_due", &s.next_due_unix_s);
  Read(j, "fetches", &s.fetches);
  Read(j, "new_entries", &s.new_entries);
  if (const auto it = j.find("seen_urls"); it != j.end() && it->is_array()) {
    for (const Json& url : *it) {
      if (url.is_string()) s.seen_urls.push_back(url.get<std::string>());
    }
  }
  if (const auto it = j.find("pending"); it != j.end() && it->is_array()) {
    for (const Json& entry : *it) {
      if (!entry.is_object()) continue;
      PendingEntry e;
      Read(entry, "url", &e.url);
      Read(entry, "title", &e.title);
      Read(entry, "published", &e.published);
      if (!e.url.empty()) s.pending.push_back(std::move(e));
    }
  }
  return s;
}

void ScheduleAfterSuccess(FeedState* state, std::int64_t now_unix_s, std::size_t new_entries,
                          std::vector<std::int64_t> times, const ScheduleOptions& options) {
  state->last_fetch_unix_s = now_unix_s;
  state->last_success_unix_s = now_unix_s;
  state->consecutive_failures = 0;
  state->last_error.clear();
  ++state->fetches;
  state->new_entries += new_entries;
  std::int64_t interval = state->interval_s > 0 ? state->interval_s : options.min_interval_s;
  // Entry dates tell the publishing rhythm: poll twice per typical gap
  // between the most recent entries (future dates are clock skew; ignored).
  times.erase(std::remove_if(times.begin(), times.end(),
                             [&](std::int64_t t) { return t <= 0 || t > now_unix_s + 3600; }),
              times.end());
  std::sort(times.begin(), times.end(), std::greater<>());
  if (times.size() > 10) times.resize(10);
  if (times.size() >= 2) {
    std::vector<std::int64_t> gaps;
    for (std::size_t i = 1; i < times.size(); ++i) gaps.push_back(times[i - 1] - times[i]);
    // The time since the newest entry counts too: a feed gone quiet slows down.
    gaps.push_back(now_unix_s - times.front());
    std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2), gaps.end());
    interval = gaps[gaps.size() / 2] / 2;
  } else if (new_entries > 0) {
    interval /= 2;
  } else {
    interval += interval / 2;
  }
  state->interval_s = Clamp(interval, options);
  state->next_due_unix_s = now_unix_s + state->interval_s;
}

void ScheduleAfterFailure(FeedState* state, std::int64_t now_unix_s, const std::string& error,
                          std::int64_t retry_after_s, const ScheduleOptions& options) {
  state->last_fetch_unix_s = now_unix_s;
  state->last_failure_unix_s = now_unix_s;
  state->last_error = error;
  ++state->fetches;
  ++state->consecutive_failures;
  const int doublings = std::min(state->consecutive_failures - 1, 20);
  std::int64_t backoff = Clamp(options.min_interval_s << doublings, options);
  backoff = std::max(backoff, retry_after_s);
  state->next_due_unix_s = now_unix_s + backoff;
}

}  // namespace newsx::ingest
