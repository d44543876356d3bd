#pragma once

// On-disk layout of the newsx RocksDB database, schema version 3. This is the
// one place that documents it.
//
// Version 3 (2026-12) added the event index values and article_entities,
// so that `newsx serve` filters and counts events and finds co-mentions
// from index entries instead of whole records. A version-2 database is
// still read and written (its older entries have empty event index values
// and no article_entities entries; readers then fall back to the records)
// and ArticleStore::RebuildIndexes (`newsx verify --repair`) rebuilds those
// families and raises it to 3. Version 3 keeps builds that would not
// maintain them from writing to it.
//
// Conventions: integers in keys are 8-byte big-endian so that keys sort
// numerically; "str" in binary values is a u32 big-endian length and the
// bytes (binary_codec.h); times in keys are Unix seconds with the sign bit flipped
// (EncodeTime) so that dates before 1970 sort first. "\0" separates string
// parts (ids and URLs never contain NUL). Values marked JSON use the
// record_json.h encodings. Every value family either starts with a format
// byte (kFormatV1) or is governed by meta "schema_version".
//
// An article's *time* is its published time if parseable, else its fetched
// time, else 0. An event's time is the start of its resolved time value if
// any, else its article's time.
//
// Family          Key                                   Value
// meta            "schema_version"                      decimal ("3", or "2": see above);
//                                                       Open refuses others
//                 "changelog_seq"                       decimal, last changelog seq used
//                 "checkpoint/<name>"                   opaque checkpoint string
//   articles      <article id>                          kFormatV2, u64 changelog seq,
//                                                       str fetched, str source, str url,
//                                                       u32 n + n x str alias URL (sorted),
//                                                       ExtractedArticle without them,
//                                                       binary (article_codec.cc, layout
//                                                       kV2). Still read: kFormatV1, u64
//                                                       seq, str fetched, str source,
//                                                       body in layout kV1 (url inside)
//   raw           <article id>                          kFormatV1, u32 header length,
//                                                       header JSON (url, source,
//                                                       content_type, fetched_unix_ms,
//                                                       hint_published, hint_title),
//                                                       page bytes. zstd-compressed by RocksDB.
//   urls          <url> (fetched, canonical, aliases)   <article id>
//   hashes        <content hash> \0 <article id>        ""  (dedup of identical texts: a
//                                                       page whose text an article already
//                                                       has becomes an alias of it)
//   entities      <entity id>                           kFormatV1, u64 changelog seq,
//                                                       str id, u8 type, str vendor,
//                                                       family, kind, country, last name,
//                                                       u64 mentions, u64 articles, then
//                                                       names, aliases, roles as u32 n +
//                                                       n x (str value, u64 articles):
//                                                       counted merge (entity_record.h)
//   mentions      <entity id> \0 <time> <article id>    decimal mention count in the article
//   mention_time  <time> <entity id> \0 <article id>    decimal mention count (top entities)
//   events        <event id>                            Event JSON
//   event_time    <time> <event id>                     event index value: <type> \0 then
//                                                       the ASCII-lower-cased trigger,
//                                                       sentence, and text and entity id of
//                                                       each argument, \0 between them
//                                                       (event_index_value.h); "" in
//                                                       entries written by version 2
//   event_type    <type> \0 <time> <event id>           event index value
//   event_entity  <entity id> \0 <time> <event id>      event index value (argument and
//                                                       source entities)
//   changelog     <seq u64>                             'a' <article id>
//   dead_letters  <stage> \0 <source>                   DeadLetter JSON (latest failure)
//   stories       <article id>                          kFormatV1, str story id, u64 time
//                                                       (the article's, when written), u32
//                                                       shingles, u32 n + n x u32 MinHash
//                                                       (story_index.h)
//   story_bands   <u64 LSH band key> <article id>       ""  (near-copy candidates; articles
//                                                       under min_shingles have none)
//   story_members <story id> \0 <time> <article id>     ""
//   story_time    <time> <story id> \0 <article id>     ""
//   happenings    <event id>                            kFormatV1, str happening id, str
//                                                       article id, str story id, str site,
//                                                       u64 article time, u64 event time, u8
//                                                       has time, u64 start, u64 end, str
//                                                       type, str polarity, u32 n + n x (str
//                                                       role, str entity id), u32 m + m x
//                                                       (str role, str unit, f64 value)
//                                                       (happening_index.h)
//   happening_story <story id> \0 <type> \0 <event id>  ""  (same-story candidates)
//   happening_entity <type> \0 <entity id> \0 <event time> <event id>
//                                                       ""  (cross-story candidates)
//   happening_members <happening id> \0 <article time> <event id>  ""
//   feeds         <feed url>                            feed state JSON (owned by the crawler)
//   article_entities <article id> \0 <entity id>        decimal mention count (the entities
//                                                       of an article without reading it)
//
// Invariants (checked by ArticleStore::Verify):
// - an article and everything derived from it (raw page, url/hash entries,
//   mentions, events and their indexes, entity counts, changelog entries)
//   are written in one WriteBatch; replacing an article deletes its old
//   derived entries in that same batch;
// - each article has exactly one changelog entry, at the seq stored in its
//   record (the older entry is deleted when it changes); an entity record
//   carries the seq of its latest change, taken from the same counter;
// - an entity's "articles" count equals its number of mentions entries and
//   "mentions" their sum; an entity no article mentions any more is kept with
//   zero counts so that incremental exports can report the change;
// - an article's story record and its band, member and time entries are
//   written and removed with it (articles stored before stories have none
//   until they are reprocessed);
// - so is each event's happening record with its story, entity and member
//   entries.

#include <cstdint>
#include <string>
#include <string_view>

namespace newsx::store::internal {

inline constexpr int kStoreSchemaVersion = 3;
// The oldest version Open accepts (see above).
inline constexpr int kOldestSchemaVersion = 2;
inline constexpr char kFormatV1 = '\x01';
inline constexpr char kFormatV2 = '\x02';  // articles values since event evidence and aliases.

inline constexpr std::string_view kMetaSchemaVersion = "schema_version";
inline constexpr std::string_view kMetaChangelogSeq = "changelog_seq";
inline constexpr std::string_view kCheckpointPrefix = "checkpoint/";

inline constexpr char kChangeArticle = 'a';

// 8-byte big-endian encoding of `v`, so that keys sort numerically.
inline std::string EncodeU64(std::uint64_t v) {
  std::string out(8, '\0');
  for (int i = 7; i >= 0; --i) {
    out[i] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
  return out;
}

inline std::uint64_t DecodeU64(std::string_view s) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8 && i < s.size(); ++i) {
    v = (v << 8) | static_cast<unsigned char>(s[i]);
  }
  return v;
}

// Signed seconds as an order-preserving 8-byte key part.
inline std::string EncodeTime(std::int64_t unix_s) {
  return EncodeU64(static_cast<std::uint64_t>(unix_s) ^ (std::uint64_t{1} << 63));
}

inline std::int64_t DecodeTime(std::string_view s) {
  return static_cast<std::int64_t>(DecodeU64(s) ^ (std::uint64_t{1} << 63));
}

inline std::string Join2(std::string_view a, std::string_view b) {
  std::string key;
  key.reserve(a.size() + 1 + b.size());
  key.append(a);
  key += '\0';
  key.append(b);
  return key;
}

inline std::string MentionKey(std::string_view entity_id, std::int64_t time,
                              std::string_view article_id) {
  return Join2(entity_id, EncodeTime(time).append(article_id));
}

inline std::string MentionTimeKey(std::int64_t time, std::string_view entity_id,
                                  std::string_view article_id) {
  return EncodeTime(time).append(Join2(entity_id, article_id));
}

inline std::string EventTimeKey(std::int64_t time, std::string_view event_id) {
  return EncodeTime(time).append(event_id);
}

// Key of the type and entity event indexes: <prefix> \0 <time> <event id>.
inline std::string EventIndexKey(std::string_view prefix, std::int64_t time,
                                 std::string_view event_id) {
  return Join2(prefix, EncodeTime(time).append(event_id));
}

inline std::string ArticleEntityKey(std::string_view article_id, std::string_view entity_id) {
  return Join2(article_id, entity_id);
}

inline std::string StoryBandKey(std::uint64_t band, std::string_view article_id) {
  return EncodeU64(band).append(article_id);
}

inline std::string StoryMemberKey(std::string_view story_id, std::int64_t time,
                                  std::string_view article_id) {
  return Join2(story_id, EncodeTime(time).append(article_id));
}

inline std::string StoryTimeKey(std::int64_t time, std::string_view story_id,
                                std::string_view article_id) {
  return EncodeTime(time).append(Join2(story_id, article_id));
}

inline std::string HappeningStoryKey(std::string_view story_id, std::string_view type,
                                     std::string_view event_id) {
  return Join2(story_id, Join2(type, event_id));
}

inline std::string HappeningEntityKey(std::string_view type, std::string_view entity_id,
                                      std::int64_t time, std::string_view event_id) {
  return Join2(type, Join2(entity_id, EncodeTime(time).append(event_id)));
}

inline std::string HappeningMemberKey(std::string_view happening_id, std::int64_t time,
                                      std::string_view event_id) {
  return Join2(happening_id, EncodeTime(time).append(event_id));
}

inline std::string ChangeValue(char kind, std::string_view id) {
  std::string value(1, kind);
  value.append(id);
  return value;
}

}  // namespace newsx::store::internal
