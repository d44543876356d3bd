// FindChipsByRule(): chip models that are not in chips.tsv.

#include "analysis/entity_recognizer.h"

namespace newsx::extract::analysis {

namespace {

// "B60", "MI355X", "910D", "H20E": letters and digits, letters upper-case.
// Not ordinals, units or quarters ("2nd", "7nm", "5bn", "Q3", "5G").
bool IsModelToken(const DocState& d, std::uint32_t i, bool allow_digits_only) {
  const Token& t = d.tok(i);
  if (!(t.flags & kWordToken) || !(t.flags & kHasDigit)) return false;
  const std::string_view s = TokenText(d.tt, t);
  if (s.size() > 12) return false;
  if (!(t.flags & kHasAlpha)) {
    const bool year_like = s.size() == 4 && (s.substr(0, 2) == "19" || s.substr(0, 2) == "20");
    return allow_digits_only && s.size() <= 4 && !year_like;
  }
  if (!(t.flags & kAllUpper) || s.size() < 3 || s[0] == '0') return false;  // "5G", "Q3"
  // Digits then a unit or ordinal suffix: "7NM", "5BN", "2ND", "70B".
  std::size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits == 0) return true;
  const std::string_view rest = s.substr(digits);
  static constexpr std::string_view kUnits[] = {"NM", "BN",  "TH",  "ND", "RD",  "ST",  "GB", "TB",
                                                "MB", "MW",  "GW",  "KW", "KM",  "MM",  "CM", "AM",
                                                "PM", "GHZ", "MHZ", "HZ", "FPS", "TOPS"};
  for (std::string_view u : kUnits) {
    if (rest == u) return false;
  }
  return !(rest.size() == 1 && digits < 3);
}

// Vendor slug of an org id: "org:nvidia" -> "nvidia".
std::string VendorSlug(const std::string& org_id) {
  return org_id.size() > 4 ? org_id.substr(4) : std::string("unknown");
}

Entity MakeChip(const std::string& vendor_id, const std::string& vendor_name,
                const std::string& family, const std::string& prefix, std::string_view model) {
  Entity e;
  e.type = EntityType::kChip;
  e.vendor = vendor_id;
  e.family = family;
  const std::string model_slug = Slugify(model);
  const std::string family_slug = family.empty() ? "" : Slugify(family) + "-";
  e.id = "chip:" + (vendor_id.empty() ? std::string("unknown") : VendorSlug(vendor_id)) + "/" +
         (prefix.empty() ? "" : family_slug) + model_slug;
  e.name = (prefix.empty() ? vendor_name : prefix);
  if (!e.name.empty()) e.name += ' ';
  e.name += model;
  return e;
}

const Entity* EntityOfToken(const DocState& d, std::int64_t i) {
  if (i < 0) return nullptr;
  const std::int32_t e = d.EntityAt(static_cast<std::uint32_t>(i));
  return e < 0 ? nullptr : &d.entities[static_cast<std::size_t>(e)];
}

// The name of a vendor org id, from the lexicon or the document.
std::string VendorName(const DocState& d, const std::string& id) {
  const std::int32_t e = d.Find(id);
  if (e >= 0) return d.entities[static_cast<std::size_t>(e)].name;
  const auto it = d.model.lexicon.entity_index.find(id);
  return it == d.model.lexicon.entity_index.end()
             ? std::string()
             : d.model.lexicon.entities[it->second].entity.name;
}

}  // namespace

void FindChipsByRule(DocState* d) {
  for (std::uint32_t i = 0; i < d->size(); ++i) {
    if (d->covered[i] >= 0) continue;
    const std::uint32_t sentence = d->SentenceOf(i);
    // A family right before the model: "Ascend 910D" extends that mention.
    const Entity* prev = EntityOfToken(*d, static_cast<std::int64_t>(i) - 1);
    if (prev != nullptr && prev->type == EntityType::kChip && !prev->family.empty() &&
        IsModelToken(*d, i, true)) {
      const std::int32_t m = d->covered[i - 1];
      DocMention& mention = d->mentions[static_cast<std::size_t>(m)];
      const Entity chip = MakeChip(prev->vendor, VendorName(*d, prev->vendor), prev->family,
                                   prev->name, TokenText(d->tt, d->tok(i)));
      mention.entity = d->Intern(chip);
      mention.end = i + 1;
      d->covered[i] = m;
      continue;
    }
    if (!IsModelToken(*d, i, false)) continue;
    // A vendor right before: "Nvidia B60", "Nvidia's B60".
    std::int64_t before = static_cast<std::int64_t>(i) - 1;
    if (before >= 0 && (d->tok(static_cast<std::uint32_t>(before)).flags & kPossessive)) --before;
    const Entity* vendor = EntityOfToken(*d, before);
    if (vendor != nullptr && vendor->type == EntityType::kOrg && vendor->kind == "company") {
      d->AddMention(
          i, i + 1,
          d->Intern(MakeChip(vendor->id, vendor->name, "", "", TokenText(d->tt, d->tok(i)))));
      continue;
    }
    // A coordinated model: "the AI200 and AI250", "H20, H800 and A800".
    if (i >= 2 && (d->Is(i - 1, d->model.words.and_) || d->Is(i - 1, d->model.words.comma))) {
      const Entity* left = EntityOfToken(*d, static_cast<std::int64_t>(i) - 2);
      if (left != nullptr && left->type == EntityType::kChip && !left->vendor.empty()) {
        const std::string vendor_id = left->vendor;
        d->AddMention(i, i + 1,
                      d->Intern(MakeChip(vendor_id, VendorName(*d, vendor_id), "", "",
                                         TokenText(d->tt, d->tok(i)))));
        continue;
      }
    }
    // A chip noun after: "X900 accelerators", "X900 AI chips".
    const bool chip_context = i + 1 < d->size() && (d->tok(i + 1).classes & kChipNoun) &&
                              d->SentenceOf(i + 1) == sentence;
    if (!chip_context) continue;
    // "X900 accelerators from Biren" names the vendor after the noun.
    std::string vendor_id;
    const std::uint32_t from = i + 2;
    if (d->Is(from, d->model.words.from) && from + 1 < d->size()) {
      const Entity* e = EntityOfToken(*d, from + 1);
      if (e != nullptr && e->type == EntityType::kOrg && e->kind == "company") vendor_id = e->id;
    }
    for (std::int64_t j = static_cast<std::int64_t>(i) - 1;
         vendor_id.empty() && j >= 0 && d->SentenceOf(static_cast<std::uint32_t>(j)) == sentence;
         --j) {
      const Entity* e = EntityOfToken(*d, j);
      if (e != nullptr && e->type == EntityType::kOrg && e->kind == "company") {
        vendor_id = e->id;
        break;
      }
      if (e != nullptr && e->type == EntityType::kChip && !e->vendor.empty()) {
        vendor_id = e->vendor;
        break;
      }
    }
    d->AddMention(i, i + 1,
                  d->Intern(MakeChip(vendor_id, VendorName(*d, vendor_id), "", "",
                                     TokenText(d->tt, d->tok(i)))));
  }
}

void FindProcessorFamilies(DocState* d) {
  constexpr std::uint32_t kMaxFamilyWords = 3;
  constexpr std::uint32_t kMaxAdjectives = 2;
  for (std::uint32_t i = 1; i + 1 < d->size(); ++i) {
    const std::string_view unit = TokenText(d->tt, d->tok(i + 1));
    if (TokenText(d->tt, d->tok(i)) != "Processing" || (unit != "Unit" && unit != "Units")) continue;
    if (d->covered[i] >= 0 || d->covered[i + 1] >= 0) continue;
    const std::uint32_t sentence = d->SentenceOf(i);
    // The family's own capitalized words: "Native", "Neural", "Tensor".
    std::uint32_t first = i;
    while (first > 0 && i - first < kMaxFamilyWords && d->covered[first - 1] < 0 &&
           (d->tok(first - 1).flags & kWordToken) && (d->tok(first - 1).flags & kUpperInitial) &&
           !(d->tok(first - 1).classes & kNameStop) && d->SentenceOf(first - 1) == sentence) {
      --first;
    }
    if (first == i) continue;
    // The maker right before, past a few lower-case words: "Q.ANT's
    // photonic Native Processing Units". No maker, no product: "Graphics
    // Processing Units" alone name a kind of chip.
    std::int64_t j = static_cast<std::int64_t>(first) - 1;
    for (std::uint32_t k = 0; k < kMaxAdjectives && j >= 0; ++k) {
      const Token& t = d->tok(static_cast<std::uint32_t>(j));
      if (!(t.flags & kWordToken) || (t.flags & kUpperInitial) || d->covered[j] >= 0) break;
      --j;
    }
    if (j >= 0 && (d->tok(static_cast<std::uint32_t>(j)).flags & kPossessive)) --j;
    const Entity* vendor = EntityOfToken(*d, j);
    if (vendor == nullptr && j >= 0) {
      // A firm found elsewhere in the document by this one word ("Q.ANT is
      // headquartered in"): later passes link the word here too.
      const std::int32_t e =
          d->Find("org:" + Slugify(TokenText(d->tt, d->tok(static_cast<std::uint32_t>(j)))));
      if (e >= 0) vendor = &d->entities[static_cast<std::size_t>(e)];
    }
    if (vendor == nullptr || vendor->type != EntityType::kOrg || vendor->kind != "company" ||
        d->SentenceOf(static_cast<std::uint32_t>(j)) != sentence) {
      continue;
    }
    std::string family(d->Text(first, i + 1));
    family += " Unit";
    d->AddMention(first, i + 2, d->Intern(MakeChip(vendor->id, vendor->name, "", "", family)));
    i += 1;
  }
}

}  // namespace newsx::extract::analysis
