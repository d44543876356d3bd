#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "analysis/builtin_lexicons.h"
#include "newsx/core/result.h"
#include "newsx/core/status.h"

namespace newsx::extract::internal {

// The lexicons/quantity-*.tsv files compiled into the library (generated
// at build time, see extract/CMakeLists.txt). Thread-safe (immutable).
std::span<const EmbeddedFile> BuiltinQuantityVocabulary();

// One line of a quantity vocabulary file: tab-separated fields, the first
// naming the table it belongs to ("cardinal", "currency", "unit"...).
struct VocabularyRow {
  std::string_view file;
  int line = 0;
  std::vector<std::string_view> fields;  // Point into the file's content.

  std::string_view table() const { return fields[0]; }
};

// Splits `files` into rows, in file order, skipping blank lines and "#"
// comments. Fails on a row whose table is not one of `tables`. The rows
// point into the files' content, which must outlive them.
Result<std::vector<VocabularyRow>> ReadVocabulary(std::span<const EmbeddedFile> files,
                                                  std::span<const std::string_view> tables);

// An error naming the row's file and line.
Status RowError(const VocabularyRow& row, std::string_view what);
// Fails unless the row has exactly `n` fields, the table name included.
Status ExpectFields(const VocabularyRow& row, std::size_t n);
// Field i as a number ("20", "1e6", "0.01").
Result<double> NumberField(const VocabularyRow& row, std::size_t i);

}  // namespace newsx::extract::internal
