#include "story_index.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "binary_codec.h"
#include "keys.h"

namespace newsx::store::internal {

const StorySettings& DefaultStorySettings() {
  static const StorySettings settings;
  return settings;
}

std::string EncodeStoryRecord(const StoryRecord& record) {
  BinaryWriter w;
  w.U8(static_cast<std::uint8_t>(kFormatV1));
  w.Str(record.story_id);
  w.U64(static_cast<std::uint64_t>(record.time));
  w.U32(record.signature.shingles);
  w.U32(static_cast<std::uint32_t>(record.signature.minhash.size()));
  for (const std::uint32_t h : record.signature.minhash) w.U32(h);
  return w.Take();
}

Result<StoryRecord> DecodeStoryRecord(std::string_view value) {
  BinaryReader r(value);
  if (r.U8() != static_cast<std::uint8_t>(kFormatV1)) {
    return DataLossError("story record has an unknown format");
  }
  StoryRecord record;
  record.story_id = std::string(r.Str());
  record.time = static_cast<std::int64_t>(r.U64());
  record.signature.shingles = r.U32();
  const std::uint32_t n = r.U32();
  if (!r.ok() || n > 4096) return DataLossError("story record is truncated");
  record.signature.minhash.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) record.signature.minhash.push_back(r.U32());
  if (!r.ok() || !r.done()) return DataLossError("story record is truncated");
  return record;
}

std::vector<IndexEntry> StoryEntries(std::string_view article_id, const StoryRecord& record) {
  std::vector<IndexEntry> out;
  out.push_back({kStories, std::string(article_id), EncodeStoryRecord(record)});
  const StorySettings& settings = DefaultStorySettings();
  if (record.signature.shingles >= settings.min_shingles) {
    for (const std::uint64_t band : SignatureBandKeys(record.signature, settings.signature)) {
      out.push_back({kStoryBands, StoryBandKey(band, article_id), ""});
    }
  }
  out.push_back({kStoryMembers, StoryMemberKey(record.story_id, record.time, article_id), ""});
  out.push_back({kStoryTime, StoryTimeKey(record.time, record.story_id, article_id), ""});
  return out;
}

Result<std::optional<StoryRecord>> LoadStoryRecord(const ArticleStore::Impl& impl,
                                                   std::string_view article_id) {
  NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> value, impl.Get(kStories, article_id));
  if (!value) return std::optional<StoryRecord>();
  Result<StoryRecord> record = DecodeStoryRecord(*value);
  if (!record.ok()) return record.status().WithContext("story of " + std::string(article_id));
  return std::optional<StoryRecord>(std::move(record).value());
}

namespace {

// True if story `story_id` has a member not in `excluded`.
Result<bool> HasOtherMembers(const ArticleStore::Impl& impl, std::string_view story_id,
                             const std::set<std::string>& excluded) {
  const std::string prefix = Join2(story_id, "");
  bool found = false;
  NEWSX_RETURN_IF_ERROR(impl.ScanPrefix(kStoryMembers, prefix, [&](std::string_view key,
                                                                   std::string_view) {
    const std::string_view rest = key.substr(prefix.size());
    if (rest.size() > 8 && !excluded.count(std::string(rest.substr(8)))) found = true;
    return !found;
  }));
  return found;
}

}  // namespace

Result<std::string> AssignStory(const ArticleStore::Impl& impl, std::string_view article_id,
                                const TextSignature& signature,
                                const std::set<std::string>& excluded,
                                const std::optional<std::string>& previous) {
  const StorySettings& settings = DefaultStorySettings();
  std::set<std::string> candidates;
  if (signature.shingles >= settings.min_shingles) {
    std::vector<std::string> prefixes;
    for (const std::uint64_t band : SignatureBandKeys(signature, settings.signature)) {
      prefixes.push_back(EncodeU64(band));
    }
    // In key order, so that the one iterator only moves forward.
    std::sort(prefixes.begin(), prefixes.end());
    std::vector<std::size_t> seen(prefixes.size(), 0);
    NEWSX_RETURN_IF_ERROR(impl.ScanPrefixes(
        kStoryBands, prefixes, [&](std::size_t i, std::string_view key, std::string_view) {
          std::string other(key.substr(prefixes[i].size()));
          if (!excluded.count(other)) candidates.insert(std::move(other));
          return ++seen[i] < settings.max_per_band;
        }));
  }
  // The closest near-copy's story, and whether `previous` has a near-copy.
  std::optional<std::string> best_story;
  double best_overlap = 0.0;
  bool previous_matched = false;
  for (const std::string& other : candidates) {
    NEWSX_ASSIGN_OR_RETURN(std::optional<StoryRecord> record, LoadStoryRecord(impl, other));
    if (!record) continue;
    const double overlap = EstimateOverlap(signature, record->signature);
    if (overlap < settings.min_overlap) continue;
    if (previous && record->story_id == *previous) previous_matched = true;
    if (!best_story || overlap > best_overlap ||
        (overlap == best_overlap && record->story_id < *best_story)) {
      best_story = record->story_id;
      best_overlap = overlap;
    }
  }
  if (previous && previous_matched) return *previous;
  if (best_story) return *best_story;
  // No near-copy: the article is a story of its own. It keeps the story it
  // had unless that story still has other articles (its text changed away
  // from theirs); a new story is named after the article, unless that name
  // is taken by a story with other articles.
  if (previous) {
    NEWSX_ASSIGN_OR_RETURN(bool taken, HasOtherMembers(impl, *previous, excluded));
    if (!taken) return *previous;
  }
  NEWSX_ASSIGN_OR_RETURN(bool taken, HasOtherMembers(impl, article_id, excluded));
  if (!taken) return std::string(article_id);
  char suffix[16];
  std::snprintf(suffix, sizeof suffix, "-%08x",
                signature.minhash.empty() ? 0u : static_cast<unsigned>(signature.minhash[0]));
  return std::string(article_id) + suffix;
}

}  // namespace newsx::store::internal
