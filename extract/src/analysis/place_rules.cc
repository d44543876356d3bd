// FindCityRegionPairs(): "Nashua, NH", "Boise, Idaho", "Mesa, Ariz." —
// the news convention of naming a city by its state or province.

#include "analysis/entity_recognizer.h"

namespace newsx::extract::analysis {

namespace {

constexpr std::uint32_t kMaxCityTokens = 4;

bool Capitalized(const Token& t) {
  return (t.flags & kWordToken) && (t.flags & kUpperInitial) && (t.flags & kHasAlpha);
}

// The region named by a code at token i ("NH"; "Ariz" before "."), or -1.
std::int32_t RegionByCode(DocState* d, std::uint32_t i) {
  const auto& codes = d->model.lexicon.region_codes;
  const std::string text(TokenText(d->tt, d->tok(i)));
  const auto it = codes.find(text);
  if (it == codes.end()) return -1;
  const auto e = d->model.lexicon.entity_index.find(it->second);
  if (e == d->model.lexicon.entity_index.end()) return -1;
  const Entity& region = d->model.lexicon.entities[e->second].entity;
  // Two-letter postal codes are written in capitals; the next word must not
  // continue a sentence in capitals ("OR" is also a word), unless the word
  // before the comma is a known city of the code's country ("Boise, ID
  // supports").
  if (i + 1 < d->size()) {
    const Token& next = d->tok(i + 1);
    const bool lower_word = (next.flags & kWordToken) && !(next.flags & kUpperInitial);
    const std::int32_t before = i >= 2 ? d->EntityAt(i - 2) : -1;
    const bool known_city =
        before >= 0 && d->entities[static_cast<std::size_t>(before)].type == EntityType::kPlace &&
        d->entities[static_cast<std::size_t>(before)].country == region.country;
    if (lower_word && TokenText(d->tt, next) != "and" && !known_city) return -1;
  }
  return d->Intern(region);
}

// The region or country mentioned at token i, or -1.
std::int32_t RegionAt(const DocState& d, std::uint32_t i) {
  const std::int32_t e = d.EntityAt(i);
  if (e < 0) return -1;
  const Entity& x = d.entities[static_cast<std::size_t>(e)];
  return x.type == EntityType::kPlace && (x.kind == "region" || x.kind == "country") ? e : -1;
}

// The city before the comma at `comma`: the capitalized words ending there,
// as a city of `region`'s country. Before a postal code a country's name
// gives way ("Malta, NY" is not the country); no other mention does
// ("Arizona, Ohio" is a list).
void CityBefore(DocState* d, std::uint32_t comma, std::int32_t region, bool by_code) {
  if (comma == 0) return;
  std::uint32_t end = comma, first = comma;
  const std::int32_t existing = d->covered[end - 1];
  if (existing >= 0) {
    const DocMention m = d->mentions[static_cast<std::size_t>(existing)];
    const Entity& e = d->entities[static_cast<std::size_t>(m.entity)];
    if (!by_code || e.type != EntityType::kPlace || e.kind != "country" || m.end != end) return;
    first = m.first;
    d->RemoveMention(existing);
  } else {
    while (first > 0 && end - first < kMaxCityTokens && d->covered[first - 1] < 0 &&
           Capitalized(d->tok(first - 1)) && !(d->tok(first - 1).classes & kNameStop) &&
           !(d->tok(first).flags & kParagraphStart)) {
      --first;
    }
    // Before a postal code a word is a town ("Clay, NY"); before a region's
    // name it may be a list ("Energy, Texas and ...").
    if (first == end || (end - first == 1 && !by_code && IsWeakWord(*d, first))) return;
  }
  const Entity& r = d->entities[static_cast<std::size_t>(region)];
  const std::string country = r.kind == "country" ? r.id : r.country;
  // A listed city of that name and country keeps its id; another gets the
  // region in its id, so that "Malta, NY" is not the country.
  std::int32_t city = ListedEntity(d, first, end, EntityType::kPlace);
  if (city >= 0) {
    const Entity& c = d->entities[static_cast<std::size_t>(city)];
    if (c.kind != "city" || c.country != country) city = -1;
  }
  if (city < 0) {
    Entity e;
    e.type = EntityType::kPlace;
    e.kind = "city";
    e.country = country;
    e.name = std::string(d->Text(first, end));
    for (char& ch : e.name) {
      if (ch == '\n') ch = ' ';
    }
    e.id = "place:" + Slugify(e.name) + "-" + r.id.substr(r.id.find(':') + 1);
    city = d->Find(e.id);
    if (city < 0) city = d->Intern(e);
  }
  d->AddMention(first, end, city);
}

}  // namespace

void FindCityRegionPairs(DocState* d) {
  const CommonWords& w = d->model.words;
  for (std::uint32_t i = 2; i < d->size(); ++i) {
    if (!d->Is(i - 1, w.comma) || !Capitalized(d->tok(i - 2)) ||
        d->SentenceOf(i - 2) != d->SentenceOf(i)) {
      continue;
    }
    std::int32_t region = RegionAt(*d, i);
    bool by_code = false;
    if (region < 0 && d->covered[i] < 0) {
      region = RegionByCode(d, i);
      by_code = region >= 0 && d->AddMention(i, i + 1, region);
      if (!by_code) region = -1;
    }
    if (region >= 0) CityBefore(d, i - 1, region, by_code);
  }
}

void DropCurrencyPrefixes(DocState* d) {
  for (std::int32_t k = static_cast<std::int32_t>(d->mentions.size()) - 1; k >= 0; --k) {
    const DocMention& m = d->mentions[static_cast<std::size_t>(k)];
    if (d->entities[static_cast<std::size_t>(m.entity)].type != EntityType::kPlace ||
        m.end >= d->size()) {
      continue;
    }
    const Token& last = d->tok(m.end - 1);
    const Token& next = d->tok(m.end);
    if (next.begin == last.end && TokenText(d->tt, next) == "$") d->RemoveMention(k);
  }
}

}  // namespace newsx::extract::analysis
