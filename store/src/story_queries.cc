// ArticleStore's story reads: the story of an article, a story's members,
// stories by time and entity.

#include <algorithm>
#include <set>

#include "keys.h"
#include "store_impl.h"
#include "story_index.h"

namespace newsx::store {

using namespace internal;

namespace {

Result<StorySummary> LoadStory(const ArticleStore::Impl& impl, std::string_view story_id) {
  StorySummary story;
  story.id = std::string(story_id);
  const std::string prefix = Join2(story_id, "");
  NEWSX_RETURN_IF_ERROR(impl.ScanPrefix(kStoryMembers, prefix, [&](std::string_view key,
                                                                   std::string_view) {
    const std::string_view rest = key.substr(prefix.size());
    if (rest.size() > 8) {
      story.members.push_back({std::string(rest.substr(8)), DecodeTime(rest.substr(0, 8))});
    }
    return true;
  }));
  if (!story.members.empty()) {
    story.first_seen_unix_s = story.members.front().time_unix_s;
    story.last_seen_unix_s = story.members.back().time_unix_s;
  }
  return story;
}

// True if some member of `story` mentions `entity_id` (the mentions key
// holds the article time, the same as the story member's).
Result<bool> MentionsEntity(const ArticleStore::Impl& impl, const StorySummary& story,
                            std::string_view entity_id) {
  for (const StoryMember& m : story.members) {
    NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> v,
                           impl.Get(kMentions, MentionKey(entity_id, m.time_unix_s, m.article_id)));
    if (v) return true;
  }
  return false;
}

}  // namespace

Result<std::optional<std::string>> ArticleStore::StoryOf(std::string_view article_id) const {
  NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> article, impl_->Get(kArticles, article_id));
  if (!article) return NotFoundError("no article " + std::string(article_id));
  NEWSX_ASSIGN_OR_RETURN(std::optional<StoryRecord> record, LoadStoryRecord(*impl_, article_id));
  if (!record) return std::optional<std::string>();
  return std::optional<std::string>(record->story_id);
}

Result<StorySummary> ArticleStore::GetStory(std::string_view story_id) const {
  NEWSX_ASSIGN_OR_RETURN(StorySummary story, LoadStory(*impl_, story_id));
  if (story.members.empty()) return NotFoundError("no story " + std::string(story_id));
  return story;
}

Status ArticleStore::FindStories(const StoryQuery& query,
                                 const std::function<bool(const StorySummary&)>& visit) const {
  const std::string begin =
      query.since_unix_s == kMinTime ? std::string() : EncodeTime(query.since_unix_s);
  const std::string end =
      query.until_unix_s == kMaxTime ? std::string() : EncodeTime(query.until_unix_s);
  std::set<std::string> seen;
  Status error;
  bool go_on = true;
  NEWSX_RETURN_IF_ERROR(impl_->Scan(kStoryTime, begin, end, [&](std::string_view key,
                                                                std::string_view) {
    const std::string_view rest = key.substr(std::min<std::size_t>(8, key.size()));
    const std::string story_id(rest.substr(0, rest.find('\0')));
    if (!seen.insert(story_id).second) return true;
    Result<StorySummary> story = LoadStory(*impl_, story_id);
    if (!story.ok()) {
      error = story.status();
      return false;
    }
    if (story->members.size() < query.min_articles) return true;
    if (!query.entity_id.empty()) {
      Result<bool> mentions = MentionsEntity(*impl_, *story, query.entity_id);
      if (!mentions.ok()) {
        error = mentions.status();
        return false;
      }
      if (!*mentions) return true;
    }
    go_on = visit(*story);
    return go_on;
  }));
  return error;
}

}  // namespace newsx::store
