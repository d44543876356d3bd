#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newsx/core/analysis.h"
#include "newsx/core/dead_letter.h"
#include "newsx/core/result.h"

namespace newsx::store {

struct StoreOptions {
  std::string path = "newsx-data";  // Database directory. Default: ./newsx-data.
  bool create_if_missing = true;    // Default: true.
  bool read_only = false;           // Open without taking the write lock. Default: false.
};

// Record counts, for `newsx stats` and the demo.
struct StoreStats {
  std::uint64_t articles = 0;
  std::uint64_t entities = 0;
  std::uint64_t mentions = 0;
  std::uint64_t events = 0;
  std::uint64_t dead_letters = 0;
  std::map<std::string, std::uint64_t> dead_letters_by_reason;  // "stage/code" -> count.
};

// The embedded RocksDB database that holds articles and everything derived
// from them. The only code that knows RocksDB. Key layouts and value
// encodings are documented in store/src/keys.h.
//
// Thread-safe: one instance is shared by all workers of a process. A second
// process opening the same directory for writing gets kFailedPrecondition.
class ArticleStore {
 public:
  // Opens or creates the database. Returns kFailedPrecondition "database is
  // in use by another newsx process" when another process holds it,
  // kNotFound when it does not exist and !create_if_missing, kIoError or
  // kDataLoss for other RocksDB failures.
  static Result<std::unique_ptr<ArticleStore>> Open(const StoreOptions& options);
  ~ArticleStore();

  ArticleStore(const ArticleStore&) = delete;
  ArticleStore& operator=(const ArticleStore&) = delete;

  // Stores the article, its raw page and everything derived from it in one
  // atomic write. Storing the same article again (same id, same content
  // hash and extractor version) changes nothing.
  Status Put(const ExtractedArticle& extracted, std::string_view raw_page);

  // True if an article with this canonical URL is stored.
  Result<bool> ContainsUrl(std::string_view canonical_url) const;

  // Records an input that failed.
  Status PutDeadLetter(const DeadLetter& dead_letter);

  // Named checkpoints for resumable jobs ("backfill:<input>").
  Status PutCheckpoint(std::string_view name, std::string_view value);
  Result<std::optional<std::string>> GetCheckpoint(std::string_view name) const;

  // Crawl state of one feed, as an opaque JSON document owned by the crawler
  // (ETag, Last-Modified, next due time...). Keyed by feed URL.
  Status PutFeedState(std::string_view feed_url, std::string_view state_json);
  Result<std::optional<std::string>> GetFeedState(std::string_view feed_url) const;
  // Every feed state, sorted by feed URL: (feed_url, state_json).
  Result<std::vector<std::pair<std::string, std::string>>> ListFeedStates() const;

  Result<StoreStats> Stats() const;

  // Loads a stored article by id. kNotFound if absent.
  Result<ExtractedArticle> GetArticle(std::string_view id) const;

 private:
  struct Impl;
  explicit ArticleStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsx::store
