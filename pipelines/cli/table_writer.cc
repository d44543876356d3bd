#include "table_writer.h"

#include <unistd.h>

#include <algorithm>


namespace newsx::cli {

namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t CodePoints(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return !IsContinuationByte(c); }));
}

// One line, at most `max_chars` code points, cut on a code point boundary.
std::string Cell(std::string_view s, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (!IsContinuationByte(c)) {
      if (chars == max_chars) {
        // Drop back to make room for the ellipsis.
        while (!out.empty() && IsContinuationByte(out.back())) out.pop_back();
        if (!out.empty()) out.pop_back();
        out += "\xE2\x80\xA6";
        return out;
      }
      ++chars;
    }
    out += (c == '\n' || c == '\t' || c == '\r') ? ' ' : c;
  }
  return out;
}

}  // namespace

Result<OutputFormat> ChooseOutputFormat(std::string_view flag) {
  if (flag == "table") return OutputFormat::kTable;
  if (flag == "jsonl" || flag == "json") return OutputFormat::kJsonl;
  if (flag.empty()) return ::isatty(STDOUT_FILENO) ? OutputFormat::kTable : OutputFormat::kJsonl;
  return InvalidArgumentError("--format must be table or jsonl, not " + std::string(flag));
}

TableWriter::TableWriter(std::vector<std::string> headers, std::size_t max_cell_chars)
    : headers_(std::move(headers)), max_cell_chars_(max_cell_chars) {}

void TableWriter::AddRow(std::vector<std::string> cells) {
  for (std::string& cell : cells) cell = Cell(cell, max_cell_chars_);
  cells.resize(headers_.size());
  rows_.push_back(std::move(cells));
}

void TableWriter::Print(std::ostream& out) const {
  std::vector<std::size_t> widths;
  for (const std::string& h : headers_) widths.push_back(CodePoints(h));
  for (const auto& row : rows_) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], CodePoints(row[i]));
    }
  }
  auto print_row = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      out << cells[i];
      if (i + 1 < cells.size()) out << std::string(widths[i] - CodePoints(cells[i]) + 2, ' ');
    }
    out << '\n';
  };
  print_row(headers_);
  std::vector<std::string> rule;
  for (std::size_t w : widths) rule.push_back(std::string(w, '-'));
  print_row(rule);
  for (const auto& row : rows_) print_row(row);
}

}  // namespace newsx::cli
