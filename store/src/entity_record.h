#pragma once

// The entities family value: a canonical entity as a counted merge of what
// each article says about it, so that removing one article's contribution
// (reprocessing) restores exactly the state without it.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "newsx/core/analysis.h"
#include "newsx/core/result.h"
#include "newsx/store/store_types.h"

namespace newsx::store::internal {

struct EntityRecord {
  std::uint64_t seq = 0;  // Its changelog entry.
  std::string id;
  EntityType type = EntityType::kOrg;
  // Type-specific attributes: the first non-empty value seen is kept.
  std::string vendor, family, kind, country;
  std::string last_name;  // Display name when no article names it any more.
  std::uint64_t mention_count = 0;
  std::uint64_t article_count = 0;
  // Value -> number of articles saying it. Role keys are "title\torg".
  std::map<std::string, std::int64_t> names, aliases, roles;

  // Adds (sign +1) or removes (sign -1) one article's view of the entity.
  void Apply(const Entity& contribution, int sign);

  // The merged entity: most frequent name (ties: smaller), aliases (every
  // other name and alias), roles, attributes.
  StoredEntity ToStored() const;
};

// Binary, see keys.h.
std::string EncodeEntityRecord(const EntityRecord& record);
// kDataLoss for a value that is not an entity record.
Result<EntityRecord> DecodeEntityRecord(std::string_view value);

// True when two views of an entity from one article contribute the same to
// its record (so replacing one by the other changes nothing).
bool SameContribution(const Entity& a, const Entity& b);

}  // namespace newsx::store::internal
