// Bound phrases, currency prefixes and unit words, read from the
// lexicons/quantity-*.tsv rows; currency symbols.
#include "quantity/modifiers.h"

#include <algorithm>

namespace newsx::extract::internal {
namespace {

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    words.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// One row of quantity-bounds.tsv, quantity-units.tsv or the dollar_prefix
// and national rows of quantity-currencies.tsv.
Status AddRow(const VocabularyRow& row, ModifierTables* tables) {
  const std::string_view table = row.table();
  if (table == "before" || table == "after") {
    NEWSX_RETURN_IF_ERROR(ExpectFields(row, 4));
    if (row.fields[3] != "approx" && row.fields[3] != "-") {
      return RowError(row, "the last field is approx or -");
    }
    const bool approx = row.fields[3] == "approx";
    if (table == "before") {
      tables->prefixes.push_back({SplitWords(row.fields[1]), row.fields[2], approx});
      tables->prefix_last_words.insert(tables->prefixes.back().words.back());
    } else {
      tables->suffixes.push_back({SplitWords(row.fields[1]), row.fields[2], approx});
    }
  } else if (table == "dollar_prefix") {
    NEWSX_RETURN_IF_ERROR(ExpectFields(row, 3));
    tables->dollar_prefixes.push_back({row.fields[1], row.fields[2]});
  } else if (table == "national") {
    NEWSX_RETURN_IF_ERROR(ExpectFields(row, 4));
    tables->nationals.push_back({row.fields[1], row.fields[2], row.fields[3]});
  } else if (table == "unit") {
    NEWSX_RETURN_IF_ERROR(ExpectFields(row, 4));
    // A prefix ("square" -> "sq ") joins the unit after it with a space.
    std::string unit(row.fields[2]);
    if (row.fields[3] == "prefix") unit += ' ';
    tables->units.push_back({std::string(row.fields[1]), std::move(unit),
                             std::string(row.fields[3])});
  }
  return Status::Ok();
}

}  // namespace

Result<ModifierTables> BuildModifierTables(const std::vector<VocabularyRow>& rows) {
  ModifierTables tables;
  for (const VocabularyRow& row : rows) NEWSX_RETURN_IF_ERROR(AddRow(row, &tables));
  auto longer = [](const auto& a, const auto& b) { return a.words.size() > b.words.size(); };
  std::stable_sort(tables.prefixes.begin(), tables.prefixes.end(), longer);
  std::stable_sort(tables.suffixes.begin(), tables.suffixes.end(), longer);
  return tables;
}

std::string_view CurrencySymbolCode(char32_t symbol) {
  switch (symbol) {
    case '$': return "USD";
    case 0xA3: return "GBP";     // £
    case 0xA5: return "JPY";     // ¥
    case 0x20AC: return "EUR";   // €
    case 0x20B9: return "INR";   // ₹
    case 0x20A9: return "KRW";   // ₩
    case 0x20A1: return "CRC";   // ₡
    case 0x20AD: return "LAK";   // ₭
    case 0x20BD: return "RUB";   // ₽
    case 0x20BA: return "TRY";   // ₺
    case 0x20AB: return "VND";   // ₫
    case 0x20AA: return "ILS";   // ₪
    case 0x0E3F: return "THB";   // ฿
    case 0x20A6: return "NGN";   // ₦
    case 0x20B1: return "PHP";   // ₱
    case 0x20B4: return "UAH";   // ₴
    case 0x20B8: return "KZT";   // ₸
    case 0x20AE: return "MNT";   // ₮
    case 0x20B2: return "PYG";   // ₲
    case 0x17DB: return "KHR";   // ៛
    default: return {};
  }
}

std::string_view CurrencyPrefix(const ModifierTables& tables, const TokenizedText& tt,
                                std::size_t before, std::size_t floor, std::size_t* first) {
  if (before == static_cast<std::size_t>(-1) || before < floor) return {};
  const Token& t = tt.tokens[before];
  if (t.kind == TokenKind::kSymbol) {
    std::string_view iso = CurrencySymbolCode(t.symbol);
    if (iso.empty()) return {};
    *first = before;
    if (before >= 1 && before - 1 >= floor && tt.tokens[before - 1].kind == TokenKind::kWord) {
      const Token& w = tt.tokens[before - 1];
      const std::string_view lower = tt.Lower(w);
      const bool glued = !t.space_before;
      if (t.symbol == '$') {
        for (const auto& p : tables.dollar_prefixes) {
          if (lower == p.glued && (glued || lower == "c")) {
            *first = before - 1;
            return p.iso;
          }
        }
      }
      if (glued && t.symbol == 0xA5 && (lower == "cn" || lower == "rmb")) {
        *first = before - 1;
        return "CNY";
      }
    }
    return iso;
  }
  // Codes ("USD 5"), and singular currency names ("dollar 22.5 million").
  if (t.kind == TokenKind::kWord && t.info != nullptr &&
      (t.info->currency_code || (!t.info->currency.empty() && !t.info->currency_needs_amount &&
                                 tt.Lower(t).back() != 's' && t.info->currency_scale == 1))) {
    *first = before;
    return t.info->currency;
  }
  return {};
}

std::string_view NationalCurrency(const ModifierTables& tables, std::string_view nationality,
                                  std::string_view currency_iso) {
  for (const auto& n : tables.nationals) {
    if (n.nationality == nationality && n.currency == currency_iso) return n.iso;
  }
  return {};
}

bool IsNationalityWord(const ModifierTables& tables, std::string_view lower) {
  if (lower == "u" || lower == "s" || lower == "new") return true;
  for (const auto& n : tables.nationals) {
    if (n.nationality == lower) return true;
  }
  return false;
}

const UnitWord* FindUnitWord(const ModifierTables& tables, std::string_view lower) {
  for (const auto& u : tables.units) {
    if (u.word == lower) return &u;
  }
  return nullptr;
}

}  // namespace newsx::extract::internal
