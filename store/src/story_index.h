#pragma once

// Stories: groups of near-copies of one article (syndicated, lightly edited
// republications). Each stored article has a story record (its MinHash
// signature and story id) and LSH band entries through which a new article
// finds its near-copies with a few prefix seeks, never by comparing all
// pairs. Key layouts are in keys.h.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "derived_entries.h"
#include "newsx/core/result.h"
#include "newsx/core/text_signature.h"
#include "store_impl.h"

namespace newsx::store::internal {

// The signature settings of the store (part of its data: changing them
// needs a reprocess) and the near-copy threshold.
struct StorySettings {
  SignatureOptions signature;
  // Two texts are near-copies when the estimated overlap coefficient of
  // their shingle sets is at least this. Measured: docs/stories.md.
  double min_overlap = 0.4;
  // Texts with fewer shingles are never matched (too short to tell).
  std::uint32_t min_shingles = 20;
  // At most this many articles are read per band key; a band shared by
  // more is a story already found through the first ones.
  std::size_t max_per_band = 32;
};

const StorySettings& DefaultStorySettings();

// The story value of one article.
struct StoryRecord {
  std::string story_id;
  std::int64_t time = 0;  // The article's time when written (member and time keys).
  TextSignature signature;
};

std::string EncodeStoryRecord(const StoryRecord& record);
// kDataLoss for a value that is not in this format.
Result<StoryRecord> DecodeStoryRecord(std::string_view value);

// The story record, band, member and time entries of article `article_id`.
std::vector<IndexEntry> StoryEntries(std::string_view article_id, const StoryRecord& record);

// The article's story record, or nullopt (articles stored before stories).
Result<std::optional<StoryRecord>> LoadStoryRecord(const ArticleStore::Impl& impl,
                                                   std::string_view article_id);

// Chooses the story of an article with signature `signature`. Its
// near-copies are the stored articles that share a band key with it and
// whose overlap reaches min_overlap, leaving out `excluded` (the article
// itself and those this write removes). Then, in order:
// - `previous` (the story the article, or the copy it replaces, had) when
//   one of the near-copies is in it;
// - the story of the closest near-copy (ties: the smaller story id);
// - `previous` when no other article is in it;
// - a new story named after the article (`article_id`, with a suffix when
//   a story of that name has other articles).
// Call under write_mu so that concurrent writes see each other.
Result<std::string> AssignStory(const ArticleStore::Impl& impl, std::string_view article_id,
                                const TextSignature& signature,
                                const std::set<std::string>& excluded,
                                const std::optional<std::string>& previous)
    NEWSX_REQUIRES(impl.write_mu);

}  // namespace newsx::store::internal
