#pragma once

// On-disk layout of the newsx RocksDB database (schema version 1).
//
// Column families, keys and values. All values are JSON (the record_json.h
// encodings, which carry "schema" where they are top-level records) unless
// said otherwise; integers in keys are 8-byte big-endian so that keys sort
// numerically.
//
//   default      unused
//   meta         "schema_version" -> decimal
//                "changelog_seq"  -> decimal, last changelog sequence used
//                "checkpoint/<name>" -> opaque checkpoint string
//   articles     <article id> -> ExtractedArticle JSON (article, entities with
//                this article's mentions, quantities, dates, events)
//   raw          <article id> -> raw page bytes (compressed by RocksDB: zstd)
//   urls         <canonical url> -> <article id>
//   entities     <entity id> -> Entity JSON (canonical; mentions empty) with
//                "mention_count" added
//   mentions     <entity id> \0 <article id> -> number of mentions (decimal)
//   events       <event id> -> Event JSON
//   changelog    <seq u64> -> <article id>, one per stored or changed article
//   dead_letters <time ms u64> <seq u64> -> DeadLetter JSON
//   feeds        <feed url> -> feed state JSON (owned by the crawler)
//
// An article and everything derived from it is written in one WriteBatch.

#include <cstdint>
#include <string>
#include <string_view>

namespace newsx::store::internal {

inline constexpr std::string_view kMetaSchemaVersion = "schema_version";
inline constexpr std::string_view kMetaChangelogSeq = "changelog_seq";
inline constexpr std::string_view kCheckpointPrefix = "checkpoint/";

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

inline std::string MentionKey(std::string_view entity_id, std::string_view article_id) {
  std::string key(entity_id);
  key += '\0';
  key += article_id;
  return key;
}

}  // namespace newsx::store::internal
