// The English word tables of the quantity grammar, as data.
#include "quantity/lexicon.h"

#include <string>
#include <utility>

namespace newsx::extract::internal {
namespace {

Result<NumClass> ClassField(const VocabularyRow& row, std::size_t i) {
  static constexpr std::pair<std::string_view, NumClass> kClasses[] = {
      {"unit", NumClass::kUnit},       {"teen", NumClass::kTeen},
      {"tens", NumClass::kTens},       {"hundred", NumClass::kHundred},
      {"scale", NumClass::kScale},     {"dozen", NumClass::kDozen}};
  for (const auto& [name, cls] : kClasses) {
    if (row.fields[i] == name) return cls;
  }
  return RowError(row, "unknown number class \"" + std::string(row.fields[i]) + "\"");
}

// Fills the lexicon entry of row.fields[1] from one row of
// quantity-numbers.tsv, quantity-currencies.tsv or quantity-words.tsv.
Status AddRow(const VocabularyRow& row, Lexicon* lexicon) {
  const std::string_view table = row.table();
  // Read by BuildModifierTables(), or below once every word is in.
  for (std::string_view other :
       {"dollar_prefix", "national", "unit", "before", "after", "starter", "relative_ordinal"}) {
    if (table == other) return row.fields.size() >= 2 ? Status::Ok() : ExpectFields(row, 2);
  }
  if (row.fields.size() < 2) return ExpectFields(row, 2);
  WordInfo& info = (*lexicon)[row.fields[1]];
  if (table == "cardinal" || table == "ordinal" || table == "denominator") {
    NEWSX_RETURN_IF_ERROR(ExpectFields(row, 4));
    NEWSX_ASSIGN_OR_RETURN(const NumClass cls, ClassField(row, 2));
    NEWSX_ASSIGN_OR_RETURN(const double value, NumberField(row, 3));
    if (table == "cardinal") {
      info.cardinal_class = cls;
      info.cardinal = value;
      return Status::Ok();
    }
    info.ordinal_class = cls;
    info.ordinal = value;
    if (table == "denominator") {
      info.ordinal_plural = row.fields[1].back() == 's';
      info.denominator_only = true;
    }
    return Status::Ok();
  }
  if (table == "suffix_magnitude" || table == "plural_magnitude" || table == "multiplier") {
    NEWSX_RETURN_IF_ERROR(ExpectFields(row, 3));
    NEWSX_ASSIGN_OR_RETURN(const double value, NumberField(row, 2));
    if (table == "suffix_magnitude") {
      info.suffix_magnitude = value;
    } else if (table == "multiplier") {
      info.multiplier = value;
    } else {
      info.plural_magnitude = true;
      info.vague_low = value;
    }
    return Status::Ok();
  }
  if (table == "vague") {
    NEWSX_RETURN_IF_ERROR(ExpectFields(row, 4));
    NEWSX_ASSIGN_OR_RETURN(info.vague_low, NumberField(row, 2));
    NEWSX_ASSIGN_OR_RETURN(info.vague_high, NumberField(row, 3));
    return Status::Ok();
  }
  if (table == "currency") {
    NEWSX_RETURN_IF_ERROR(ExpectFields(row, 5));
    const std::string_view flag = row.fields[3];
    if (flag != "code" && flag != "needs_amount" && flag != "-") {
      return RowError(row, "currency flag is code, needs_amount or -");
    }
    info.currency = row.fields[2];
    info.currency_code = flag == "code";
    info.currency_needs_amount = flag == "needs_amount";
    NEWSX_ASSIGN_OR_RETURN(info.currency_scale, NumberField(row, 4));
    return Status::Ok();
  }
  if (table == "plural") {
    NEWSX_RETURN_IF_ERROR(ExpectFields(row, 3));
    info.singular = row.fields[2];
    return Status::Ok();
  }
  NEWSX_RETURN_IF_ERROR(ExpectFields(row, 2));
  if (table == "month") info.month = true;
  if (table == "change_verb") info.change_verb = true;
  if (table == "determiner") info.determiner = true;
  if (table == "stop") info.stop = true;
  return Status::Ok();
}

}  // namespace

Result<Lexicon> BuildLexicon(const std::vector<VocabularyRow>& rows, bool relative_ordinals) {
  Lexicon lexicon;
  lexicon.reserve(1024);
  for (const VocabularyRow& row : rows) {
    NEWSX_RETURN_IF_ERROR(AddRow(row, &lexicon));
  }
  for (auto& [word, info] : lexicon) {
    info.starts_number = info.cardinal_class != NumClass::kNone ||
                         info.ordinal_class != NumClass::kNone || info.plural_magnitude ||
                         info.vague_low != 0 || info.multiplier != 0;
  }
  // Words outside the number tables that open a number phrase.
  for (const VocabularyRow& row : rows) {
    if (row.table() == "starter" || (relative_ordinals && row.table() == "relative_ordinal")) {
      lexicon[row.fields[1]].starts_number = true;
    }
  }
  return lexicon;
}

std::string Singularize(std::string_view lower, const Lexicon& lexicon) {
  auto it = lexicon.find(lower);
  if (it != lexicon.end() && !it->second.singular.empty()) {
    return std::string(it->second.singular);
  }
  auto ends = [&](std::string_view s) { return lower.ends_with(s) && lower.size() > s.size() + 1; };
  std::string s(lower);
  if (ends("ies")) return s.substr(0, s.size() - 3) + "y";
  if (ends("sses") || ends("shes") || ends("ches") || ends("xes") || ends("zzes")) {
    return s.substr(0, s.size() - 2);
  }
  if (ends("ss") || ends("us") || ends("is")) return s;
  if (ends("s")) return s.substr(0, s.size() - 1);
  return s;
}

}  // namespace newsx::extract::internal
