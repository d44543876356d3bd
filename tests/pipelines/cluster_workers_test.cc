// The extract and store stages as workers over a real nats-server with
// JetStream (nats_test_server.h): the store ends up exactly as the
// in-process pipeline leaves it, also when messages are delivered twice.

#include <nats/nats.h>

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <thread>

#include "demo_pages.h"
#include "ingest_fixture.h"
#include "cluster_test_workers.h"
#include "nats_test_server.h"
#include "newsx/core/record_json.h"
#include "newsx/pipelines/cluster/cluster_messages.h"
#include "newsx/pipelines/cluster/cluster_producer.h"
#include "newsx/pipelines/cluster/cluster_status.h"
#include "newsx/pipelines/cluster/cluster_worker.h"
#include "newsx/pipelines/source_factory.h"
#include "temp_dir.h"

namespace newsx::pipelines::cluster {
namespace {

using testing::IngestFixture;
using testing::NatsTestServer;
using testing::TempDir;
using testing::Available;
using testing::Contents;
using testing::StoreContents;
using testing::Workers;

// Generous bounds: they only end a broken test, a passing one never waits them.
constexpr int kDrainTimeoutMs = 60'000;

ClusterOptions TestOptions(const NatsTestServer& server) {
  ClusterOptions o;
  o.urls = server.url();
  o.ack_wait_ms = 1000;  // Redeliveries come quickly.
  return o;
}

StoreContents InProcess(IngestFixture& f) {
  TempDir db;
  auto store = store::ArticleStore::Open({.path = db.path()});
  REQUIRE(store.ok());
  auto source = OpenSource({f.input.path()});
  REQUIRE(source.ok());
  IngestOptions options;
  options.extract_workers = 1;
  auto report = RunIngest(**source, *f.extractor, **store, options, f.log, std::stop_token());
  REQUIRE(report.ok());
  return Contents(**store);
}

void Produce(IngestFixture& f, const ClusterOptions& options, std::uint64_t expect_read) {
  auto source = OpenSource({f.input.path()});
  REQUIRE(source.ok());
  auto report = PublishSource(**source, options, f.log, std::stop_token());
  REQUIRE(report.ok());
  CHECK(report->read == expect_read);
}

// Takes up to `n` messages from a consumer and never acks them: what a
// worker killed mid-item leaves behind. Calls `each` on every one first.
void TakeWithoutAck(const std::string& url, const char* stream, const char* consumer,
                    const char* subject, int n, const std::function<void(natsMsg*)>& each) {
  natsConnection* conn = nullptr;
  REQUIRE(natsConnection_ConnectTo(&conn, url.c_str()) == NATS_OK);
  jsCtx* js = nullptr;
  REQUIRE(natsConnection_JetStream(&js, conn, nullptr) == NATS_OK);
  jsSubOptions so;
  jsSubOptions_Init(&so);
  so.Stream = stream;
  so.Consumer = consumer;
  natsSubscription* sub = nullptr;
  REQUIRE(js_PullSubscribe(&sub, js, subject, consumer, nullptr, &so, nullptr) == NATS_OK);
  natsMsgList list{nullptr, 0};
  REQUIRE(natsSubscription_Fetch(&list, sub, n, 10'000, nullptr) == NATS_OK);
  CHECK(list.Count == n);
  for (int i = 0; i < list.Count; ++i) each(list.Msgs[i]);
  natsMsgList_Destroy(&list);
  natsSubscription_Destroy(sub);
  jsCtx_Destroy(js);
  natsConnection_Destroy(conn);
}

void WaitPagesExtracted(const ClusterOptions& options) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kDrainTimeoutMs);
  while (std::chrono::steady_clock::now() < deadline) {
    auto status = GetClusterStatus(options);
    REQUIRE(status.ok());
    if (status->streams[0].messages == 0) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  FAIL("pages not extracted in time");
}

TEST_CASE("Cluster workers store exactly what the in-process pipeline stores",
          "[pipelines][cluster]") {
  NatsTestServer server;
  if (!Available(server)) return;
  IngestFixture f;
  const int good = testing::WriteDemoPages(f.input.path(), 4);
  const StoreContents expected = InProcess(f);
  REQUIRE(expected.articles.size() == static_cast<std::size_t>(good));

  const ClusterOptions options = TestOptions(server);
  REQUIRE(CreateTopology(options).ok());
  Produce(f, options, static_cast<std::uint64_t>(good) + 4);  // + demo/pages/bad
  // A second producer run of the same input: every page is a duplicate
  // message id, which the stream drops.
  {
    auto source = OpenSource({f.input.path()});
    REQUIRE(source.ok());
    auto again = PublishSource(**source, options, f.log, std::stop_token());
    REQUIRE(again.ok());
    CHECK(again->published == 0);
    CHECK(again->deduplicated > 0);
  }
  auto store = store::ArticleStore::Open({.path = f.db.path()});
  REQUIRE(store.ok());
  {
    Workers workers(options, f, store->get(), 2);
    auto drained = WaitUntilDrained(options, kDrainTimeoutMs, std::stop_token());
    REQUIRE(drained.ok());
    REQUIRE(*drained);
    workers.Stop();
    CHECK(workers.extract_status_.ok());
    CHECK(workers.store_status_.ok());
    CHECK(workers.stored.new_articles.load() == static_cast<std::uint64_t>(good));
    CHECK(workers.stored.unchanged.load() == 0);
  }
  const StoreContents got = Contents(**store);
  CHECK(got.articles.size() == expected.articles.size());
  CHECK(got.articles == expected.articles);
  CHECK(got.dead_letters == expected.dead_letters);
  auto problems = (*store)->Verify();
  REQUIRE(problems.ok());
  CHECK(problems->empty());
}

TEST_CASE("Cluster workers turn redeliveries into neither losses nor duplicates",
          "[pipelines][cluster]") {
  NatsTestServer server;
  if (!Available(server)) return;
  IngestFixture f;
  const int good = testing::WriteDemoPages(f.input.path(), 2);
  const ClusterOptions options = TestOptions(server);
  REQUIRE(CreateTopology(options).ok());
  Produce(f, options, static_cast<std::uint64_t>(good) + 4);

  // An extract worker that published the records of two pages and died
  // before acking them: the pages come back, their records must not.
  natsConnection* conn = nullptr;
  REQUIRE(natsConnection_ConnectTo(&conn, options.urls.c_str()) == NATS_OK);
  jsCtx* js = nullptr;
  REQUIRE(natsConnection_JetStream(&js, conn, nullptr) == NATS_OK);
  TakeWithoutAck(options.urls, kPagesStream, kExtractConsumer, kPagesSubject, 2, [&](natsMsg* m) {
    auto page = DecodePage(std::string_view(natsMsg_GetData(m), natsMsg_GetDataLength(m)));
    REQUIRE(page.ok());
    auto x = f.extractor->Extract(page->document);
    if (!x.ok()) return;  // A bad page: its dead letter is the worker's job.
    const std::string record = EncodeRecord(RecordItem{page->position, *x, page->document});
    jsPubOptions po;
    jsPubOptions_Init(&po);
    const std::string id = RecordMessageId(PageMessageId(page->position, page->document.url));
    po.MsgId = id.c_str();
    REQUIRE(js_Publish(nullptr, js, kArticleSubject, record.data(),
                       static_cast<int>(record.size()), &po, nullptr) == NATS_OK);
  });
  jsCtx_Destroy(js);
  natsConnection_Destroy(conn);

  auto store = store::ArticleStore::Open({.path = f.db.path()});
  REQUIRE(store.ok());
  std::uint64_t extract_redeliveries = 0;
  {
    Workers extract_only(options, f, nullptr, 1);
    WaitPagesExtracted(options);
    extract_only.Stop();
    extract_redeliveries = extract_only.extract.redeliveries.load();
  }
  // The two pages taken without an ack come back; under a slow build
  // (ThreadSanitizer) the ack wait may also lapse for a page in work, so
  // more is allowed: losses and duplicates are what the checks below rule out.
  CHECK(extract_redeliveries >= 2);

  // A store worker that wrote two records and died before acking them.
  int written_early = 0;
  TakeWithoutAck(options.urls, kRecordsStream, kStoreConsumer, kRecordsSubjects, 2, [&](natsMsg* m) {
    if (std::string_view(natsMsg_GetSubject(m)) != kArticleSubject) return;  // A dead letter.
    auto record = DecodeRecord(std::string_view(natsMsg_GetData(m), natsMsg_GetDataLength(m)));
    REQUIRE(record.ok());
    REQUIRE((*store)->Put(record->extracted, record->document).ok());
    ++written_early;
  });

  auto status = GetClusterStatus(options);
  REQUIRE(status.ok());
  // Each good page's record once (the early two were dropped as duplicates
  // when the redelivered pages republished them), plus the dead letters.
  CHECK(status->streams[1].last_seq == static_cast<std::uint64_t>(good) + 4);
  {
    Workers store_only(options, f, store->get(), 0);
    auto drained = WaitUntilDrained(options, kDrainTimeoutMs, std::stop_token());
    REQUIRE(drained.ok());
    REQUIRE(*drained);
    store_only.Stop();
    CHECK(store_only.stored.redeliveries.load() == 2);
    CHECK(store_only.stored.unchanged.load() == static_cast<std::uint64_t>(written_early));
    CHECK(store_only.stored.new_articles.load() ==
          static_cast<std::uint64_t>(good - written_early));
  }
  std::size_t articles = 0;
  REQUIRE((*store)->ScanArticles([&](const ExtractedArticle&) { return ++articles, true; }).ok());
  CHECK(articles == static_cast<std::size_t>(good));
  auto problems = (*store)->Verify();
  REQUIRE(problems.ok());
  CHECK(problems->empty());
}

}  // namespace
}  // namespace newsx::pipelines::cluster
