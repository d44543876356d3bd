#pragma once

#include <memory>
#include <stop_token>
#include <string>
#include <string_view>

#include "newsx/ingest/document_source.h"

namespace newsx::testing {

// Wraps a source and requests a stop when the `stop_after`-th item is
// pulled, as a SIGTERM arriving mid-run would.
class StopAfterSource : public ingest::DocumentSource {
 public:
  StopAfterSource(std::unique_ptr<ingest::DocumentSource> inner, int stop_after,
                  std::stop_source* stop)
      : inner_(std::move(inner)), stop_after_(stop_after), stop_(stop) {}

  Result<std::optional<ingest::SourceItem>> Next() override {
    if (++served_ == stop_after_) stop_->request_stop();
    return inner_->Next();
  }
  std::string Checkpoint() const override { return inner_->Checkpoint(); }
  Status Resume(std::string_view c) override { return inner_->Resume(c); }
  ingest::SourceProgress Progress() const override { return inner_->Progress(); }

 private:
  std::unique_ptr<ingest::DocumentSource> inner_;
  int served_ = 0;
  const int stop_after_;
  std::stop_source* stop_;
};

}  // namespace newsx::testing
