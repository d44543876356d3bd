// Server lists of ClusterOptions, and connecting through a list of which
// one server is down (a real nats-server, nats_test_server.h).

#include <catch2/catch.hpp>

#include "nats_test_server.h"
#include "newsx/pipelines/cluster/cluster_options.h"
#include "newsx/pipelines/cluster/cluster_status.h"

namespace newsx::pipelines::cluster {
namespace {

TEST_CASE("A comma-separated server list splits into trimmed URLs", "[pipelines][cluster]") {
  ClusterOptions o;
  o.urls = "nats://a:4222, nats://b:4222 ,,nats://c:4222,";
  CHECK(o.Servers() == std::vector<std::string>{"nats://a:4222", "nats://b:4222", "nats://c:4222"});
  CHECK(o.Validate().ok());
  o.urls = " , ";
  CHECK(o.Servers().empty());
  CHECK(o.Validate().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("Clients connect through a server list of which one server is down",
          "[pipelines][cluster]") {
  testing::NatsTestServer server;
  if (!server.installed()) {
    WARN("nats-server is not installed (scripts/setup.sh installs it): test skipped");
    return;
  }
  REQUIRE(server.running());
  ClusterOptions o;
  // Port 1 on loopback: nothing listens there (privileged, never a test's).
  // The client tries the list in random order, so either way round occurs.
  o.urls = "nats://127.0.0.1:1," + server.url();
  REQUIRE(CreateTopology(o).ok());
  auto status = GetClusterStatus(o);
  REQUIRE(status.ok());
  CHECK(status->streams.size() == 3);  // Pages, records, fetch.
}

}  // namespace
}  // namespace newsx::pipelines::cluster
