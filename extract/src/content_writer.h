#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

#include "newsx/extract/html_extractor.h"

namespace newsx::extract::internal {

// Writes the main content as Markdown or HTML while ContentFinder (main_content.cc)
// writes its plain text: the finder reports every element and text node of
// the article it walks, and at each line end whether the plain text kept
// that line (a line repeating the title, or "Advertisement", is dropped).
// So the formatted output holds exactly the lines of the plain text, with
// their headings (h2-h6), paragraphs, lists (nested, numbered), tables
// (first row as the header), quotations, links (absolute) and emphasis.
// Whitespace is collapsed as in the plain text; <pre> is not kept as such.
class ContentWriter {
 public:
  // `base_url` resolves relative links (may be null).
  ContentWriter(ContentFormat format, const xmlChar* base_url);

  void Text(const char* text);
  void OpenInline(const xmlNode* node);
  void CloseInline(const xmlNode* node);
  void Cell(const xmlNode* node);  // A td or th starts.
  void OpenBlock(const xmlNode* node);
  void CloseBlock(const xmlNode* node);
  // The current line ends; `kept` tells whether the plain text kept it.
  void EndLine(bool kept);

  // The document, without a trailing newline; the writer is spent.
  std::string Take();

 private:
  struct Block {
    std::string_view name;
    bool opened = false;  // Its start was written (when a kept line came).
    int items = 0;        // ol/ul: items written; table: rows written.
    bool first_line = true;  // li: no line written yet.
  };
  struct Inline {
    std::size_t start = 0;  // Where its opening mark begins in line_.
    std::size_t end = 0;    // Where its content begins.
    std::string close;      // Closing mark; empty: no markup.
    bool code = false;      // A code span: its text is not escaped.
  };

  void Append(std::string_view s);
  void CloseMark(const Inline& in);
  void CloseOpenMarks();
  void OpenContainers();
  void WriteMarkdownLine(std::string line);
  void WriteHtmlLine(std::string line);
  void Separate(bool tight);

  ContentFormat format_;
  const xmlChar* base_url_;
  std::vector<Block> blocks_;
  std::vector<Inline> inlines_;
  std::string line_;  // The current line with its inline markup.
  std::vector<std::string> cells_;  // Finished cells of the current table row.
  std::vector<bool> header_cells_;  // ...whether each was a <th>.
  int code_depth_ = 0;  // Open code spans.
  bool in_row_cells_ = false;
  bool current_cell_header_ = false;
  bool last_tight_ = false;  // The last line written was a list item or table row.
  std::string out_;
};

}  // namespace newsx::extract::internal
