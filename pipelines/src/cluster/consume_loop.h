#pragma once

#include <functional>
#include <stop_token>

#include "nats_client.h"
#include "newsx/pipelines/logger.h"

namespace newsx::pipelines::cluster::internal {

// Handles one delivered message and acks it (or not). A non-OK status
// stops the whole worker (infrastructure failure), leaving the message
// unacked for another worker.
using MessageHandler = std::function<Status(Message&)>;

// Runs `threads` consumer threads on the durable `consumer` of `stream`,
// each with its own pull subscription, until `stop` or a handler error.
// Fetch failures while servers are lost are logged and retried.
Status RunConsumers(NatsClient& client, const char* stream, const char* consumer,
                    const char* subject, int threads, const MessageHandler& handle, Logger& log,
                    std::stop_token stop);

}  // namespace newsx::pipelines::cluster::internal
