// Reading the quantity vocabulary files (lexicons/quantity-*.tsv).
#include "quantity/vocabulary.h"

#include <algorithm>
#include <cstdlib>
#include <string>

namespace newsx::extract::internal {

Result<std::vector<VocabularyRow>> ReadVocabulary(std::span<const EmbeddedFile> files,
                                                  std::span<const std::string_view> tables) {
  std::vector<VocabularyRow> rows;
  for (const EmbeddedFile& f : files) {
    std::string_view rest = f.content;
    int line = 0;
    while (!rest.empty()) {
      const std::size_t nl = rest.find('\n');
      std::string_view text = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      ++line;
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      if (text.empty() || text.front() == '#') continue;
      VocabularyRow row{f.name, line, {}};
      for (std::size_t start = 0;;) {
        const std::size_t tab = text.find('\t', start);
        row.fields.push_back(text.substr(start, tab - start));
        if (tab == std::string_view::npos) break;
        start = tab + 1;
      }
      if (std::find(tables.begin(), tables.end(), row.table()) == tables.end()) {
        return RowError(row, "unknown table \"" + std::string(row.table()) + "\"");
      }
      for (std::string_view field : row.fields) {
        if (field.empty()) return RowError(row, "empty field");
      }
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

Status RowError(const VocabularyRow& row, std::string_view what) {
  return InvalidArgumentError(std::string(row.file) + ":" + std::to_string(row.line) + ": " +
                              std::string(what));
}

Status ExpectFields(const VocabularyRow& row, std::size_t n) {
  if (row.fields.size() == n) return Status::Ok();
  return RowError(row, std::string(row.table()) + " rows have " + std::to_string(n) +
                           " fields, this one " + std::to_string(row.fields.size()));
}

Result<double> NumberField(const VocabularyRow& row, std::size_t i) {
  const std::string text(row.fields[i]);
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return RowError(row, "not a number: " + text);
  return value;
}

}  // namespace newsx::extract::internal
