#include "entity_record.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace newsx::store::internal {

namespace {

using nlohmann::json;

void Count(std::map<std::string, std::int64_t>* counts, const std::string& value, int sign) {
  if (value.empty()) return;
  std::int64_t& n = (*counts)[value];
  n += sign;
  if (n <= 0) counts->erase(value);
}

void KeepFirst(std::string* field, const std::string& value) {
  if (field->empty()) *field = value;
}

std::map<std::string, std::int64_t> CountsFromJson(const json& j, const char* key) {
  std::map<std::string, std::int64_t> out;
  const auto it = j.find(key);
  if (it == j.end() || !it->is_object()) return out;
  for (const auto& [k, v] : it->items()) {
    if (v.is_number_integer() && v.get<std::int64_t>() > 0) out[k] = v.get<std::int64_t>();
  }
  return out;
}

std::string Str(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::uint64_t U64(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_number_unsigned() ? it->get<std::uint64_t>() : 0;
}

EntityType TypeFromName(const std::string& name) {
  if (name == "chip") return EntityType::kChip;
  if (name == "person") return EntityType::kPerson;
  if (name == "place") return EntityType::kPlace;
  return EntityType::kOrg;
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

std::string EncodeEntityRecord(const EntityRecord& r) {
  const json j{{"v", 1},
               {"seq", r.seq},
               {"id", r.id},
               {"type", EntityTypeName(r.type)},
               {"vendor", r.vendor},
               {"family", r.family},
               {"kind", r.kind},
               {"country", r.country},
               {"name", r.last_name},
               {"mentions", r.mention_count},
               {"articles", r.article_count},
               {"names", r.names},
               {"aliases", r.aliases},
               {"roles", r.roles}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<EntityRecord> DecodeEntityRecord(std::string_view value) {
  const json j = json::parse(value, nullptr, false);
  if (!j.is_object() || !j.contains("v") || j["v"] != 1) {
    return DataLossError("entity value has an unknown format");
  }
  EntityRecord r;
  r.seq = U64(j, "seq");
  r.id = Str(j, "id");
  r.type = TypeFromName(Str(j, "type"));
  r.vendor = Str(j, "vendor");
  r.family = Str(j, "family");
  r.kind = Str(j, "kind");
  r.country = Str(j, "country");
  r.last_name = Str(j, "name");
  r.mention_count = U64(j, "mentions");
  r.article_count = U64(j, "articles");
  r.names = CountsFromJson(j, "names");
  r.aliases = CountsFromJson(j, "aliases");
  r.roles = CountsFromJson(j, "roles");
  return r;
}

}  // namespace newsx::store::internal
