#pragma once

// Helpers of the tests that run cluster workers on a nats-server of their
// own (nats_test_server.h): worker threads, and a store's contents to
// compare with an in-process run.

#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "ingest_fixture.h"
#include "nats_test_server.h"
#include "newsx/core/record_json.h"
#include "newsx/pipelines/cluster/cluster_worker.h"
#include "newsx/store/article_store.h"

namespace newsx::testing {

using pipelines::cluster::ClusterOptions;
using pipelines::cluster::FetchWorkerOptions;
using pipelines::cluster::WorkerCounters;
using pipelines::cluster::WorkerOptions;

inline bool Available(const NatsTestServer& server) {
  if (!server.installed()) {
    WARN("nats-server is not installed (scripts/setup.sh installs it): test skipped");
    return false;
  }
  REQUIRE(server.running());
  return true;
}

// Articles as JSON by id, and the dead letters as "stage source code".
struct StoreContents {
  std::map<std::string, std::string> articles;
  std::multiset<std::string> dead_letters;
};

inline StoreContents Contents(store::ArticleStore& store) {
  StoreContents out;
  REQUIRE(store.ScanArticles([&](const ExtractedArticle& x) {
                 Article a = x.article;
                 a.fetched.clear();  // Differs between two runs of the same page.
                 out.articles[a.id] = ToJson(a);
                 return true;
               }).ok());
  auto letters = store.ListDeadLetters();
  REQUIRE(letters.ok());
  for (const DeadLetter& d : *letters) out.dead_letters.insert(d.stage + " " + d.source + " " + d.code);
  return out;
}

// Workers on threads of this process, stopped (and joined) on destruction.
class Workers {
 public:
  // `extract_threads` 0: no extract worker; `store` null: no store worker;
  // `fetch` set: a fetch worker with those options too.
  Workers(const ClusterOptions& options, IngestFixture& f, store::ArticleStore* store,
          int extract_threads, std::optional<FetchWorkerOptions> fetch = std::nullopt) {
    if (fetch) {
      threads_.emplace_back([&, options, fetch] {
        fetch_status_ = pipelines::cluster::RunFetchWorker(options, *fetch, f.log, stop_.get_token(), &fetched);
      });
    }
    if (extract_threads > 0) {
      threads_.emplace_back([&, options, extract_threads] {
        extract_status_ = pipelines::cluster::RunExtractWorker(options, WorkerOptions{.threads = extract_threads},
                                           *f.extractor, f.log, stop_.get_token(), &extract);
      });
    }
    if (store != nullptr) {
      threads_.emplace_back([&, options, store] {
        store_status_ = pipelines::cluster::RunStoreWorker(options, *store, f.log, stop_.get_token(), &stored);
      });
    }
  }
  ~Workers() { Stop(); }
  void Stop() {
    stop_.request_stop();
    threads_.clear();
  }
  WorkerCounters fetched;
  WorkerCounters extract;
  WorkerCounters stored;
  Status fetch_status_;
  Status extract_status_;
  Status store_status_;

 private:
  std::stop_source stop_;
  std::vector<std::jthread> threads_;
};

}  // namespace newsx::testing
