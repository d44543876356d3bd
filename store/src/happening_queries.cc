// ArticleStore's happening reads: the happening of an event, a happening's
// sources, the happenings of a story, all happenings.

#include <set>

#include "happening_index.h"
#include "keys.h"
#include "store_impl.h"

namespace newsx::store {

using namespace internal;

namespace {

// Adds the source behind member key `rest` (<time><event id>) to `h`.
Status AddSource(const ArticleStore::Impl& impl, std::string_view rest, HappeningSummary& h) {
  if (rest.size() <= 8) return Status::Ok();
  const std::string_view event_id = rest.substr(8);
  NEWSX_ASSIGN_OR_RETURN(std::optional<HappeningRecord> r, LoadHappeningRecord(impl, event_id));
  if (!r) return Status::Ok();
  if (h.type.empty()) h.type = r->type;
  h.sources.push_back(
      {std::string(event_id), r->article_id, r->story_id, r->site, DecodeTime(rest.substr(0, 8))});
  return Status::Ok();
}

void Finish(HappeningSummary& h) {
  if (!h.sources.empty()) h.first_seen_unix_s = h.sources.front().time_unix_s;
}

}  // namespace

double ArticleStore::StorySeconds() const { return impl_->story_nanos.load() * 1e-9; }

Result<std::optional<std::string>> ArticleStore::HappeningOf(std::string_view event_id) const {
  NEWSX_ASSIGN_OR_RETURN(std::optional<HappeningRecord> r, LoadHappeningRecord(*impl_, event_id));
  if (!r) return std::optional<std::string>();
  return std::optional<std::string>(r->happening_id);
}

Result<HappeningSummary> ArticleStore::GetHappening(std::string_view happening_id) const {
  HappeningSummary h;
  h.id = std::string(happening_id);
  const std::string prefix = Join2(happening_id, "");
  Status error;
  NEWSX_RETURN_IF_ERROR(impl_->ScanPrefix(kHappeningMembers, prefix, [&](std::string_view key,
                                                                         std::string_view) {
    error = AddSource(*impl_, key.substr(prefix.size()), h);
    return error.ok();
  }));
  NEWSX_RETURN_IF_ERROR(error);
  if (h.sources.empty()) return NotFoundError("no happening " + std::string(happening_id));
  Finish(h);
  return h;
}

Result<std::vector<std::string>> ArticleStore::StoryHappenings(std::string_view story_id) const {
  std::set<std::string> ids;
  const std::string prefix = Join2(story_id, "");
  Status error;
  NEWSX_RETURN_IF_ERROR(impl_->ScanPrefix(kHappeningStory, prefix, [&](std::string_view key,
                                                                       std::string_view) {
    const std::string_view rest = key.substr(prefix.size());
    const std::size_t nul = rest.find('\0');
    if (nul == std::string_view::npos) return true;
    Result<std::optional<HappeningRecord>> r = LoadHappeningRecord(*impl_, rest.substr(nul + 1));
    if (!r.ok()) {
      error = r.status();
      return false;
    }
    if (r->has_value()) ids.insert((*r)->happening_id);
    return true;
  }));
  NEWSX_RETURN_IF_ERROR(error);
  return std::vector<std::string>(ids.begin(), ids.end());
}

Status ArticleStore::ScanHappenings(
    const std::function<bool(const HappeningSummary&)>& visit) const {
  // Members are keyed by happening id first: each happening's are adjacent.
  HappeningSummary current;
  Status error;
  bool go_on = true;
  NEWSX_RETURN_IF_ERROR(impl_->Scan(kHappeningMembers, "", "", [&](std::string_view key,
                                                                    std::string_view) {
    const std::size_t nul = key.find('\0');
    if (nul == std::string_view::npos) return true;
    const std::string_view id = key.substr(0, nul);
    if (id != current.id) {
      if (!current.sources.empty()) {
        Finish(current);
        go_on = visit(current);
        if (!go_on) return false;
      }
      current = HappeningSummary{};
      current.id = std::string(id);
    }
    error = AddSource(*impl_, key.substr(nul + 1), current);
    return error.ok();
  }));
  NEWSX_RETURN_IF_ERROR(error);
  if (go_on && !current.sources.empty()) {
    Finish(current);
    visit(current);
  }
  return Status::Ok();
}

}  // namespace newsx::store
