#include "store_view.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <system_error>

namespace newsx::pipelines::serve {

namespace {

constexpr std::size_t kMaxCacheEntries = 512;

// Names, sizes and modification times of the files of the database
// directory: a writer that stored anything changed at least its log. The
// info log (LOG*) is left out: every open, ours included, appends to it.
std::string DirectoryFingerprint(const std::string& path) {
  std::vector<std::string> parts;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
    std::error_code type_ec;
    if (!entry.is_regular_file(type_ec)) continue;
    if (entry.path().filename().string().rfind("LOG", 0) == 0) continue;
    std::error_code size_ec, time_ec;
    const auto size = entry.file_size(size_ec);
    const auto mtime = entry.last_write_time(time_ec);
    parts.push_back(entry.path().filename().string() + ":" +
                    std::to_string(size_ec ? 0 : size) + ":" +
                    std::to_string(time_ec ? 0 : mtime.time_since_epoch().count()));
  }
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (const std::string& p : parts) out += p + "\n";
  return out;
}

}  // namespace

Result<std::shared_ptr<StoreView>> StoreView::Open(const std::string& db_path) {
  std::shared_ptr<StoreView> view(new StoreView());
  NEWSX_ASSIGN_OR_RETURN(view->store_,
                         store::ArticleStore::Open(
                             {.path = db_path, .create_if_missing = false, .read_only = true}));
  NEWSX_ASSIGN_OR_RETURN(view->stats_, view->store_->Stats());
  NEWSX_RETURN_IF_ERROR(view->store_->ScanEntities([&](const store::StoredEntity& e) {
    view->entities_.push_back(e);
    return true;
  }));
  std::stable_sort(view->entities_.begin(), view->entities_.end(),
                   [](const store::StoredEntity& a, const store::StoredEntity& b) {
                     return a.mention_count > b.mention_count;
                   });
  for (std::size_t i = 0; i < view->entities_.size(); ++i) {
    view->entity_index_.emplace(view->entities_[i].entity.id, i);
  }
  NEWSX_ASSIGN_OR_RETURN(view->event_types_, view->store_->EventTypes());
  NEWSX_ASSIGN_OR_RETURN(store::EventPage latest,
                         view->store_->FindEventsPage({}, {.limit = 1, .newest_first = true}));
  if (!latest.events.empty()) view->latest_event_time_ = latest.events[0].time_unix_s;
  NEWSX_ASSIGN_OR_RETURN(view->last_change_seq_, view->store_->LastChangeSeq());
  view->opened_unix_s_ = std::chrono::duration_cast<std::chrono::seconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
  return view;
}

const store::StoredEntity* StoreView::FindEntity(const std::string& id) const {
  const auto it = entity_index_.find(id);
  return it == entity_index_.end() ? nullptr : &entities_[it->second];
}

std::string StoreView::CacheGet(const std::string& key) const {
  MutexLock lock(cache_mu_);
  const auto it = cache_.find(key);
  return it == cache_.end() ? std::string() : it->second;
}

void StoreView::CachePut(const std::string& key, std::string value) const {
  MutexLock lock(cache_mu_);
  // Crude bound: a view lives until the next write anyway.
  if (cache_.size() >= kMaxCacheEntries) cache_.clear();
  cache_[key] = std::move(value);
}

Status ViewHolder::Init() {
  bool reopened = false;
  return Refresh(&reopened);
}

std::shared_ptr<const StoreView> ViewHolder::Current() const {
  MutexLock lock(mu_);
  return current_;
}

Status ViewHolder::Refresh(bool* reopened) {
  *reopened = false;
  const std::string fingerprint = DirectoryFingerprint(db_path_);
  {
    MutexLock lock(mu_);
    if (current_ != nullptr && fingerprint == fingerprint_) return Status::Ok();
  }
  // Opened outside the lock: requests keep using the old view meanwhile.
  NEWSX_ASSIGN_OR_RETURN(std::shared_ptr<StoreView> view, StoreView::Open(db_path_));
  if (warm_) {
    const auto start = std::chrono::steady_clock::now();
    warm_(*view);
    view->warm_seconds_ =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  MutexLock lock(mu_);
  current_ = std::move(view);
  fingerprint_ = fingerprint;
  *reopened = true;
  return Status::Ok();
}

}  // namespace newsx::pipelines::serve
