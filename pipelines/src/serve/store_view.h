#pragma once

// What the server reads: one read-only open of the database, with what is
// costly to compute once per open (counts, the entity list for search).
// A writer's later changes are not visible in a view; ViewHolder swaps in
// a new view when the database directory changes.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "newsx/core/mutex.h"
#include "newsx/core/result.h"
#include "newsx/store/article_store.h"

namespace newsx::pipelines::serve {

// Immutable after Open except for the response cache. Thread-safe.
class StoreView {
 public:
  // Opens `db_path` read-only and computes the stats and the entity list.
  // kNotFound when there is no database.
  static Result<std::shared_ptr<StoreView>> Open(const std::string& db_path);

  const store::ArticleStore& store() const { return *store_; }
  const store::StoreStats& stats() const { return stats_; }
  // Every entity some article mentions, most mentioned first.
  const std::vector<store::StoredEntity>& entities() const { return entities_; }
  // The listed entity with this id, or nullptr.
  const store::StoredEntity* FindEntity(const std::string& id) const;
  const std::vector<std::string>& event_types() const { return event_types_; }
  // Time of the latest event (index time), or 0 when there is none.
  std::int64_t latest_event_time() const { return latest_event_time_; }
  std::uint64_t last_change_seq() const { return last_change_seq_; }
  std::int64_t opened_unix_s() const { return opened_unix_s_; }
  // Seconds ViewHolder's warm-up took on this view before serving it.
  double warm_seconds() const { return warm_seconds_; }

  // A small cache of computed responses, valid for this view only (the
  // data cannot change under it). Empty string: absent.
  std::string CacheGet(const std::string& key) const;
  void CachePut(const std::string& key, std::string value) const;

 private:
  StoreView() = default;
  std::unique_ptr<store::ArticleStore> store_;
  store::StoreStats stats_;
  std::vector<store::StoredEntity> entities_;
  std::unordered_map<std::string, std::size_t> entity_index_;  // id -> position in entities_.
  std::vector<std::string> event_types_;
  std::int64_t latest_event_time_ = 0;
  std::uint64_t last_change_seq_ = 0;
  std::int64_t opened_unix_s_ = 0;
  double warm_seconds_ = 0;  // Set by ViewHolder before the view is shared.
  friend class ViewHolder;
  mutable Mutex cache_mu_;
  mutable std::map<std::string, std::string> cache_ NEWSX_GUARDED_BY(cache_mu_);
};

// The current view, replaced by Refresh when the database changed.
// Thread-safe.
class ViewHolder {
 public:
  // `warm` runs on each new view before it is served (on the thread that
  // opens it), to fill its cache with what the first requests would
  // otherwise compute while a client waits.
  using WarmUp = std::function<void(const StoreView&)>;
  explicit ViewHolder(std::string db_path, WarmUp warm = {})
      : db_path_(std::move(db_path)), warm_(std::move(warm)) {}

  // Opens the first view. kNotFound when there is no database.
  Status Init();
  std::shared_ptr<const StoreView> Current() const;
  // Reopens when the directory's files changed since the current view was
  // opened (a writer flushed, compacted or logged). Sets *reopened.
  Status Refresh(bool* reopened);

 private:
  const std::string db_path_;
  const WarmUp warm_;
  mutable Mutex mu_;
  std::shared_ptr<const StoreView> current_ NEWSX_GUARDED_BY(mu_);
  std::string fingerprint_ NEWSX_GUARDED_BY(mu_);  // Only Refresh/Init write it.
};

}  // namespace newsx::pipelines::serve
