#include "happening_index.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>

#include "binary_codec.h"
#include "keys.h"
#include "newsx/core/time_format.h"
#include "newsx/core/time_interval.h"
#include "newsx/core/url.h"
#include "record_codec.h"

namespace newsx::store::internal {

const HappeningSettings& DefaultHappeningSettings() {
  static const HappeningSettings settings;
  return settings;
}

std::string EncodeHappeningRecord(const HappeningRecord& r) {
  BinaryWriter w;
  w.U8(static_cast<std::uint8_t>(kFormatV1));
  w.Str(r.happening_id);
  w.Str(r.article_id);
  w.Str(r.story_id);
  w.Str(r.site);
  w.U64(static_cast<std::uint64_t>(r.article_time));
  w.U64(static_cast<std::uint64_t>(r.event_time));
  w.U8(r.has_time ? 1 : 0);
  w.U64(static_cast<std::uint64_t>(r.time_start));
  w.U64(static_cast<std::uint64_t>(r.time_end));
  w.Str(r.type);
  w.Str(r.polarity);
  w.U32(static_cast<std::uint32_t>(r.entities.size()));
  for (const auto& [role, id] : r.entities) {
    w.Str(role);
    w.Str(id);
  }
  w.U32(static_cast<std::uint32_t>(r.amounts.size()));
  for (const HappeningRecord::Amount& a : r.amounts) {
    w.Str(a.role);
    w.Str(a.unit);
    w.U64(std::bit_cast<std::uint64_t>(a.value));
  }
  return w.Take();
}

Result<HappeningRecord> DecodeHappeningRecord(std::string_view value) {
  BinaryReader r(value);
  if (r.U8() != static_cast<std::uint8_t>(kFormatV1)) {
    return DataLossError("happening record has an unknown format");
  }
  HappeningRecord h;
  h.happening_id = std::string(r.Str());
  h.article_id = std::string(r.Str());
  h.story_id = std::string(r.Str());
  h.site = std::string(r.Str());
  h.article_time = static_cast<std::int64_t>(r.U64());
  h.event_time = static_cast<std::int64_t>(r.U64());
  h.has_time = r.U8() != 0;
  h.time_start = static_cast<std::int64_t>(r.U64());
  h.time_end = static_cast<std::int64_t>(r.U64());
  h.type = std::string(r.Str());
  h.polarity = std::string(r.Str());
  const std::uint32_t n = r.U32();
  if (!r.ok() || n > 4096) return DataLossError("happening record is truncated");
  for (std::uint32_t i = 0; i < n && r.ok(); ++i) {
    std::string role(r.Str());
    h.entities.emplace_back(std::move(role), std::string(r.Str()));
  }
  const std::uint32_t m = r.U32();
  if (!r.ok() || m > 4096) return DataLossError("happening record is truncated");
  for (std::uint32_t i = 0; i < m && r.ok(); ++i) {
    HappeningRecord::Amount a;
    a.role = std::string(r.Str());
    a.unit = std::string(r.Str());
    a.value = std::bit_cast<double>(r.U64());
    h.amounts.push_back(std::move(a));
  }
  if (!r.ok() || !r.done()) return DataLossError("happening record is truncated");
  return h;
}

HappeningRecord MakeHappeningRecord(const ExtractedArticle& x, const Event& e,
                                    std::string_view story_id) {
  const Article& a = x.article;
  HappeningRecord r;
  r.article_id = a.id;
  r.story_id = std::string(story_id);
  r.site = !a.site.empty() ? a.site : UrlHost(a.canonical_url.empty() ? a.url : a.canonical_url);
  r.article_time = ArticleTime(a);
  r.event_time = EventTime(e, r.article_time);
  std::string start = e.time_start, end = e.time_end;
  if (start.empty()) {
    if (const auto interval = DateValueIsoInterval(e.time_value)) {
      start = interval->start;
      end = interval->end;
    }
  }
  if (const auto s = ParseDateTime(start)) {
    r.has_time = true;
    r.time_start = *s;
    const auto t = ParseDateTime(end);
    r.time_end = t && *t > *s ? *t : *s + 86400;
  }
  r.type = e.type;
  r.polarity = e.polarity;
  for (const EventArg& arg : e.args) {
    if (!arg.entity_id.empty()) r.entities.emplace_back(arg.role, arg.entity_id);
    if (arg.quantity && arg.quantity->value) {
      r.amounts.push_back({arg.role, arg.quantity->unit, *arg.quantity->value});
    }
  }
  std::sort(r.entities.begin(), r.entities.end());
  r.entities.erase(std::unique(r.entities.begin(), r.entities.end()), r.entities.end());
  return r;
}

std::vector<IndexEntry> HappeningEntries(std::string_view event_id,
                                         const HappeningRecord& record) {
  std::vector<IndexEntry> out;
  out.push_back({kHappenings, std::string(event_id), EncodeHappeningRecord(record)});
  if (!record.story_id.empty()) {
    out.push_back({kHappeningStory, HappeningStoryKey(record.story_id, record.type, event_id), ""});
  }
  std::set<std::string> entities;
  for (const auto& [role, id] : record.entities) entities.insert(id);
  for (const std::string& id : entities) {
    out.push_back(
        {kHappeningEntity, HappeningEntityKey(record.type, id, record.event_time, event_id), ""});
  }
  out.push_back({kHappeningMembers,
                 HappeningMemberKey(record.happening_id, record.article_time, event_id), ""});
  return out;
}

Result<std::optional<HappeningRecord>> LoadHappeningRecord(const ArticleStore::Impl& impl,
                                                           std::string_view event_id) {
  NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> value, impl.Get(kHappenings, event_id));
  if (!value) return std::optional<HappeningRecord>();
  Result<HappeningRecord> record = DecodeHappeningRecord(*value);
  if (!record.ok()) return record.status().WithContext("happening of " + std::string(event_id));
  return std::optional<HappeningRecord>(std::move(record).value());
}

namespace {

// Roles filled with entities, and the entities of each.
std::map<std::string, std::set<std::string>> RoleEntities(const HappeningRecord& r) {
  std::map<std::string, std::set<std::string>> roles;
  for (const auto& [role, id] : r.entities) roles[role].insert(id);
  return roles;
}

bool SameAmount(const HappeningRecord::Amount& a, const HappeningRecord::Amount& b,
                double tolerance) {
  if (!a.unit.empty() && !b.unit.empty() && a.unit != b.unit) return false;
  const double scale = std::max(std::fabs(a.value), std::fabs(b.value));
  return std::fabs(a.value - b.value) <= tolerance * scale;
}

// Number of roles in which `a` and `b` share an entity.
std::size_t SharedRoles(const HappeningRecord& a, const HappeningRecord& b) {
  const auto ra = RoleEntities(a);
  const auto rb = RoleEntities(b);
  std::size_t shared = 0;
  for (const auto& [role, ids] : ra) {
    auto it = rb.find(role);
    if (it == rb.end()) continue;
    shared += std::any_of(ids.begin(), ids.end(),
                          [&](const std::string& id) { return it->second.count(id) > 0; });
  }
  return shared;
}

}  // namespace

bool CompatibleHappenings(const HappeningRecord& a, const HappeningRecord& b, bool same_story) {
  const HappeningSettings& s = DefaultHappeningSettings();
  if (a.type != b.type || a.polarity != b.polarity) return false;
  const auto ra = RoleEntities(a);
  const auto rb = RoleEntities(b);
  for (const auto& [role, ids] : ra) {
    auto it = rb.find(role);
    if (it == rb.end()) continue;
    const bool shared = std::any_of(ids.begin(), ids.end(),
                                    [&](const std::string& id) { return it->second.count(id) > 0; });
    if (!shared) return false;
  }
  for (const HappeningRecord::Amount& x : a.amounts) {
    for (const HappeningRecord::Amount& y : b.amounts) {
      if (x.role == y.role && !SameAmount(x, y, s.quantity_tolerance)) return false;
    }
  }
  if (a.has_time && b.has_time &&
      (a.time_start - s.time_slack_s >= b.time_end + s.time_slack_s ||
       b.time_start - s.time_slack_s >= a.time_end + s.time_slack_s)) {
    return false;
  }
  if (!same_story) {
    // Different wording of possibly different happenings: only the same
    // main entities in the same roles, close in time.
    if (ra.empty() || ra.size() != rb.size() || SharedRoles(a, b) != ra.size()) return false;
    if (std::llabs(a.event_time - b.event_time) > s.cross_story_window_s) return false;
  }
  return true;
}

namespace {

// True if happening `id` has an event outside `excluded` articles.
Result<bool> HasOtherEvents(const ArticleStore::Impl& impl, std::string_view id,
                            const std::set<std::string>& excluded) {
  const std::string prefix = Join2(id, "");
  bool found = false;
  Status error;
  NEWSX_RETURN_IF_ERROR(impl.ScanPrefix(kHappeningMembers, prefix, [&](std::string_view key,
                                                                       std::string_view) {
    const std::string_view rest = key.substr(prefix.size());
    if (rest.size() <= 8) return true;
    Result<std::optional<HappeningRecord>> r = LoadHappeningRecord(impl, rest.substr(8));
    if (!r.ok()) {
      error = r.status();
      return false;
    }
    found = r->has_value() && !excluded.count((*r)->article_id);
    return !found;
  }));
  NEWSX_RETURN_IF_ERROR(error);
  return found;
}

struct Candidate {
  HappeningRecord record;
  bool same_story = false;
};

// Candidates of `r` from the indexes, by event id (a candidate found through
// both indexes counts as same-story).
Status IndexCandidates(const ArticleStore::Impl& impl, const HappeningRecord& r,
                       const std::set<std::string>& excluded,
                       std::map<std::string, Candidate>& out) {
  const HappeningSettings& s = DefaultHappeningSettings();
  std::map<std::string, bool> ids;  // Event id -> same story.
  auto collect = [&](Family f, std::string_view begin, std::string_view end, bool same_story) {
    std::size_t seen = 0;
    return impl.Scan(f, begin, end, [&](std::string_view key, std::string_view) {
      // Both keys are `begin`'s fixed part (with the time, for entity keys)
      // followed by the event id.
      const std::string_view event_id = key.substr(std::min(begin.size(), key.size()));
      auto [it, inserted] = ids.emplace(std::string(event_id), same_story);
      if (!inserted) it->second = it->second || same_story;
      return ++seen < s.max_candidates_per_key;
    });
  };
  if (!r.story_id.empty()) {
    const std::string prefix = HappeningStoryKey(r.story_id, r.type, "");
    std::string end = prefix;
    end.back() = '\x01';  // Just past every key with this prefix (it ends with the NUL).
    NEWSX_RETURN_IF_ERROR(collect(kHappeningStory, prefix, end, true));
  }
  std::set<std::string> entities;
  for (const auto& [role, id] : r.entities) entities.insert(id);
  for (const std::string& entity : entities) {
    const std::string begin =
        HappeningEntityKey(r.type, entity, r.event_time - s.cross_story_window_s, "");
    const std::string end =
        HappeningEntityKey(r.type, entity, r.event_time + s.cross_story_window_s + 1, "");
    NEWSX_RETURN_IF_ERROR(collect(kHappeningEntity, begin, end, false));
  }
  for (const auto& [event_id, same_story] : ids) {
    NEWSX_ASSIGN_OR_RETURN(std::optional<HappeningRecord> record,
                           LoadHappeningRecord(impl, event_id));
    if (!record || excluded.count(record->article_id)) continue;
    const bool same = same_story || (!r.story_id.empty() && record->story_id == r.story_id);
    out[event_id] = Candidate{std::move(*record), same};
  }
  return Status::Ok();
}

// True if candidate `a` is a better match for `r` than `b`.
bool Better(const HappeningRecord& r, const Candidate& a, const Candidate& b) {
  if (a.same_story != b.same_story) return a.same_story;
  const std::size_t sa = SharedRoles(r, a.record), sb = SharedRoles(r, b.record);
  if (sa != sb) return sa > sb;
  if (a.record.article_time != b.record.article_time) {
    return a.record.article_time < b.record.article_time;
  }
  return a.record.happening_id < b.record.happening_id;
}

}  // namespace

Status AssignHappenings(const ArticleStore::Impl& impl, const std::vector<std::string>& event_ids,
                        std::vector<HappeningRecord>& records,
                        const std::set<std::string>& excluded,
                        const std::map<std::string, std::string>& previous) {
  for (std::size_t i = 0; i < records.size(); ++i) {
    HappeningRecord& r = records[i];
    std::map<std::string, Candidate> candidates;
    NEWSX_RETURN_IF_ERROR(IndexCandidates(impl, r, excluded, candidates));
    // The article's earlier events: the same report stated twice.
    for (std::size_t j = 0; j < i; ++j) candidates[event_ids[j]] = Candidate{records[j], true};
    const auto prev_it = previous.find(event_ids[i]);
    const std::optional<std::string> prev =
        prev_it == previous.end() ? std::nullopt : std::optional<std::string>(prev_it->second);
    const Candidate* best = nullptr;
    bool previous_matched = false;
    for (const auto& [id, c] : candidates) {
      if (!CompatibleHappenings(r, c.record, c.same_story)) continue;
      if (prev && c.record.happening_id == *prev) previous_matched = true;
      if (best == nullptr || Better(r, c, *best)) best = &c;
    }
    if (previous_matched) {
      r.happening_id = *prev;
    } else if (best != nullptr) {
      r.happening_id = best->record.happening_id;
    } else {
      bool taken = true;
      if (prev) {
        NEWSX_ASSIGN_OR_RETURN(taken, HasOtherEvents(impl, *prev, excluded));
        if (!taken) r.happening_id = *prev;
      }
      if (taken) {
        NEWSX_ASSIGN_OR_RETURN(taken, HasOtherEvents(impl, event_ids[i], excluded));
        r.happening_id = event_ids[i];
        if (taken) {
          // Its id is held by the happening it left: a distinct name.
          char suffix[24];
          std::snprintf(suffix, sizeof suffix, "-%llx",
                        static_cast<unsigned long long>(r.article_time) & 0xffffffffull);
          r.happening_id += suffix;
        }
      }
    }
  }
  return Status::Ok();
}

}  // namespace newsx::store::internal
