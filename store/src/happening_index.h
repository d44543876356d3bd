#pragma once

// Happenings: one real-world happening reported by several sources. Each
// stored event has a happening record (its happening id and what decides
// whether two events can be the same happening); events of the same type
// find their candidates through two indexes, never by comparing all pairs:
// - the events of the same story with the same type (happening_story);
// - the events of the same type naming the same entity, within a time
//   window (happening_entity), for reports of one happening in different
//   stories (other wording, not syndicated copies).
// Key layouts are in keys.h; the rules are in docs/stories.md.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "derived_entries.h"
#include "newsx/core/analysis.h"
#include "newsx/core/result.h"
#include "store_impl.h"

namespace newsx::store::internal {

struct HappeningSettings {
  // Resolved event times must overlap once each is widened by this much
  // (relative dates are resolved against each source's own publication day).
  std::int64_t time_slack_s = 86400;
  // Across stories, the events' times (resolved, else the article's) are at
  // most this far apart.
  std::int64_t cross_story_window_s = 3 * 86400;
  // Quantities of a role both events fill agree within this relative
  // difference (rounding: "about 400,000" and "400,500").
  double quantity_tolerance = 0.1;
  // Index entries read per candidate key: enough for every source of one
  // happening, bounded so that a busy entity does not make a write slow.
  std::size_t max_candidates_per_key = 64;
};

const HappeningSettings& DefaultHappeningSettings();

// The happening value of one event.
struct HappeningRecord {
  std::string happening_id;
  std::string article_id;
  std::string story_id;
  std::string site;               // The article's site name, else its URL's host.
  std::int64_t article_time = 0;  // The article's time (member key).
  std::int64_t event_time = 0;    // Resolved start, else the article's time (entity key).
  bool has_time = false;          // The event has a resolved time [time_start, time_end).
  std::int64_t time_start = 0;
  std::int64_t time_end = 0;
  std::string type;
  std::string polarity;
  std::vector<std::pair<std::string, std::string>> entities;  // (role, entity id), sorted.
  struct Amount {
    std::string role;
    std::string unit;
    double value = 0.0;
  };
  std::vector<Amount> amounts;  // Quantity arguments with a value.
};

std::string EncodeHappeningRecord(const HappeningRecord& record);
// kDataLoss for a value that is not in this format.
Result<HappeningRecord> DecodeHappeningRecord(std::string_view value);

// The record of event `e` of article `x` (ids filled), before its happening is chosen.
HappeningRecord MakeHappeningRecord(const ExtractedArticle& x, const Event& e,
                                    std::string_view story_id);

// The happening record, story, entity and member entries of event `event_id`.
std::vector<IndexEntry> HappeningEntries(std::string_view event_id, const HappeningRecord& record);

Result<std::optional<HappeningRecord>> LoadHappeningRecord(const ArticleStore::Impl& impl,
                                                           std::string_view event_id);

// True if `a` and `b` can report the same happening: same type and
// polarity; in each role both fill with entities, a shared entity; in each
// role both fill with amounts, the same unit and values within
// quantity_tolerance; resolved times overlapping once widened by
// time_slack_s. Across stories (`same_story` false) also: both name
// entities, in the same roles (none missing on either side), and their
// times are within cross_story_window_s.
bool CompatibleHappenings(const HappeningRecord& a, const HappeningRecord& b, bool same_story);

// Chooses the happening of each event of an article being written (records
// from MakeHappeningRecord, in event order; fills happening_id). Candidates
// are the indexed events (leaving out those of the articles in `excluded`:
// the article itself and those this write removes) and the article's
// earlier events. In order:
// - the event's previous happening (`previous`, by event id) when a
//   compatible candidate is in it;
// - the happening of the best compatible candidate: same story first, then
//   most shared entities, then the earliest source, then the smaller id;
// - the previous happening when no other event is in it;
// - a new happening named after the event (with a suffix when taken).
// Call under write_mu.
Status AssignHappenings(const ArticleStore::Impl& impl, const std::vector<std::string>& event_ids,
                        std::vector<HappeningRecord>& records,
                        const std::set<std::string>& excluded,
                        const std::map<std::string, std::string>& previous)
    NEWSX_REQUIRES(impl.write_mu);

}  // namespace newsx::store::internal
