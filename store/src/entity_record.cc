#include "entity_record.h"

#include <algorithm>

#include "binary_codec.h"
#include "keys.h"

namespace newsx::store::internal {

namespace {

void Count(std::map<std::string, std::int64_t>* counts, const std::string& value, int sign) {
  if (value.empty()) return;
  std::int64_t& n = (*counts)[value];
  n += sign;
  if (n <= 0) counts->erase(value);
}

void KeepFirst(std::string* field, const std::string& value) {
  if (field->empty()) *field = value;
}

}  // namespace

void EntityRecord::Apply(const Entity& e, int sign) {
  if (sign > 0) {
    type = e.type;
    KeepFirst(&vendor, e.vendor);
    KeepFirst(&family, e.family);
    KeepFirst(&kind, e.kind);
    KeepFirst(&country, e.country);
    if (!e.name.empty()) last_name = e.name;
    mention_count += e.mentions.size();
    article_count += 1;
  } else {
    mention_count -= std::min<std::uint64_t>(mention_count, e.mentions.size());
    article_count -= std::min<std::uint64_t>(article_count, 1);
  }
  Count(&names, e.name, sign);
  // An article contributes each alias and role once.
  std::vector<std::string> aliases_once = e.aliases;
  std::sort(aliases_once.begin(), aliases_once.end());
  aliases_once.erase(std::unique(aliases_once.begin(), aliases_once.end()), aliases_once.end());
  for (const std::string& alias : aliases_once) Count(&aliases, alias, sign);
  std::vector<std::string> roles_once;
  for (const Role& r : e.roles) roles_once.push_back(r.title + "\t" + r.org);
  std::sort(roles_once.begin(), roles_once.end());
  roles_once.erase(std::unique(roles_once.begin(), roles_once.end()), roles_once.end());
  for (const std::string& role : roles_once) Count(&roles, role, sign);
}

StoredEntity EntityRecord::ToStored() const {
  StoredEntity out;
  Entity& e = out.entity;
  e.id = id;
  e.type = type;
  e.vendor = vendor;
  e.family = family;
  e.kind = kind;
  e.country = country;
  e.name = last_name;
  std::int64_t best = 0;
  for (const auto& [name, n] : names) {  // Ascending, so ties keep the smaller name.
    if (n > best) {
      best = n;
      e.name = name;
    }
  }
  for (const auto& [name, n] : names) {
    if (name != e.name) e.aliases.push_back(name);
  }
  for (const auto& [alias, n] : aliases) {
    if (alias != e.name && !names.count(alias)) e.aliases.push_back(alias);
  }
  std::sort(e.aliases.begin(), e.aliases.end());
  for (const auto& [role, n] : roles) {
    const std::size_t tab = role.find('\t');
    e.roles.push_back(Role{role.substr(0, tab),
                           tab == std::string::npos ? "" : role.substr(tab + 1)});
  }
  out.mention_count = mention_count;
  out.article_count = article_count;
  return out;
}

namespace {

void WriteCounts(BinaryWriter& w, const std::map<std::string, std::int64_t>& counts) {
  w.U32(static_cast<std::uint32_t>(counts.size()));
  for (const auto& [value, n] : counts) {
    w.Str(value);
    w.U64(static_cast<std::uint64_t>(n));
  }
}

std::map<std::string, std::int64_t> ReadCounts(BinaryReader& r) {
  std::map<std::string, std::int64_t> counts;
  const std::uint32_t size = r.U32();
  for (std::uint32_t i = 0; i < size && r.ok(); ++i) {
    std::string value(r.Str());
    const auto n = static_cast<std::int64_t>(r.U64());
    if (n > 0) counts.emplace(std::move(value), n);
  }
  return counts;
}

}  // namespace

std::string EncodeEntityRecord(const EntityRecord& r) {
  BinaryWriter w;
  w.U8(kFormatV1);
  w.U64(r.seq);
  w.Str(r.id);
  w.U8(static_cast<std::uint8_t>(r.type));
  w.Str(r.vendor);
  w.Str(r.family);
  w.Str(r.kind);
  w.Str(r.country);
  w.Str(r.last_name);
  w.U64(r.mention_count);
  w.U64(r.article_count);
  WriteCounts(w, r.names);
  WriteCounts(w, r.aliases);
  WriteCounts(w, r.roles);
  return w.Take();
}

Result<EntityRecord> DecodeEntityRecord(std::string_view value) {
  BinaryReader in(value);
  EntityRecord r;
  const bool known = in.U8() == kFormatV1;
  r.seq = in.U64();
  r.id = std::string(in.Str());
  const std::uint8_t type = in.U8();
  r.type = type <= static_cast<std::uint8_t>(EntityType::kPlace) ? static_cast<EntityType>(type)
                                                                  : EntityType::kOrg;
  r.vendor = std::string(in.Str());
  r.family = std::string(in.Str());
  r.kind = std::string(in.Str());
  r.country = std::string(in.Str());
  r.last_name = std::string(in.Str());
  r.mention_count = in.U64();
  r.article_count = in.U64();
  r.names = ReadCounts(in);
  r.aliases = ReadCounts(in);
  r.roles = ReadCounts(in);
  if (!known || !in.ok() || !in.done()) return DataLossError("entity value has an unknown format");
  return r;
}

bool SameContribution(const Entity& a, const Entity& b) {
  return a.id == b.id && a.type == b.type && a.name == b.name && a.aliases == b.aliases &&
         a.vendor == b.vendor && a.family == b.family && a.kind == b.kind &&
         a.country == b.country && a.roles == b.roles && a.mentions.size() == b.mentions.size();
}

}  // namespace newsx::store::internal
