#pragma once

// Output of the read commands (query, stats): an aligned text table for
// people on a terminal, JSON Lines for programs.

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "newsx/core/result.h"

namespace newsx::cli {

enum class OutputFormat { kTable, kJsonl };

// "table", "jsonl", or "" for automatic: a table when stdout is a terminal,
// JSON Lines otherwise. kInvalidArgument for anything else.
Result<OutputFormat> ChooseOutputFormat(std::string_view flag);

// Collects rows, then prints them with columns padded to the widest cell
// (cells longer than `max_cell_chars` code points are cut with "…").
// Newlines and tabs in cells are shown as spaces. Not thread-safe.
class TableWriter {
 public:
  explicit TableWriter(std::vector<std::string> headers, std::size_t max_cell_chars = 60);

  // REQUIRES: cells.size() == number of headers.
  void AddRow(std::vector<std::string> cells);
  std::size_t rows() const { return rows_.size(); }

  void Print(std::ostream& out) const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
  std::size_t max_cell_chars_;
};

}  // namespace newsx::cli
