#include "content_writer.h"

#include <libxml/uri.h>

#include "html_dom.h"
#include "newsx/core/strings.h"

namespace newsx::extract::internal {

namespace {


bool IsHeading(std::string_view name) {
  return name.size() == 2 && name[0] == 'h' && name[1] >= '2' && name[1] <= '6';
}

bool IsContainer(std::string_view name) {
  return name == "ul" || name == "ol" || name == "table" || name == "blockquote" || name == "li";
}

std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// Backslash before the characters that would start Markdown markup inside
// a line; `|` too, since a line may be a table cell.
std::string EscapeMarkdown(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '|' ||
        c == '<') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

// A line that Markdown would read as a heading, quotation, list item or
// rule gets its first character escaped.
std::string ProtectLineStart(std::string line) {
  if (line.empty()) return line;
  const char c = line[0];
  bool markup = c == '#' || c == '>' || ((c == '-' || c == '+') && line.size() > 1 && line[1] == ' ');
  if (c >= '0' && c <= '9') {
    std::size_t i = 0;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
    if (i < line.size() && (line[i] == '.' || line[i] == ')')) {
      line.insert(i, "\\");
      return line;
    }
  }
  return markup ? "\\" + line : line;
}

std::string Trimmed(std::string_view s) { return std::string(Trim(s, kMarkupWhitespace)); }

}  // namespace

ContentWriter::ContentWriter(ContentFormat format, const xmlChar* base_url)
    : format_(format), base_url_(base_url) {}

void ContentWriter::Append(std::string_view s) {
  if (format_ == ContentFormat::kMarkdown) {
    // Code spans show backslashes as they are.
    line_ += code_depth_ > 0 ? std::string(s) : EscapeMarkdown(s);
  } else {
    line_ += EscapeHtml(s);
  }
}

void ContentWriter::Text(const char* text) {
  // Whitespace collapsed as it comes; the ends are trimmed per line.
  std::string_view s(text);
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    // U+00A0 (no-break space) collapses too, as in CollapseSpace().
    const bool nbsp = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
    if (IsMarkupSpace(static_cast<char>(c)) || nbsp) {
      if (!line_.empty() && line_.back() != ' ') line_ += ' ';
      i += nbsp ? 2 : 1;
      continue;
    }
    std::size_t j = i;
    while (j < s.size()) {
      const auto d = static_cast<unsigned char>(s[j]);
      if (IsMarkupSpace(static_cast<char>(d)) || (d == 0xC2 && j + 1 < s.size() &&
                         static_cast<unsigned char>(s[j + 1]) == 0xA0)) {
        break;
      }
      ++j;
    }
    Append(s.substr(i, j - i));
    i = j;
  }
}

void ContentWriter::OpenInline(const xmlNode* node) {
  const std::string_view name = Name(node);
  const bool md = format_ == ContentFormat::kMarkdown;
  Inline in;
  in.start = line_.size();
  std::string open;
  if (name == "a") {
    const std::string_view href = Attr(node, "href");
    std::string url;
    if (!href.empty() && href.substr(0, 11) != "javascript:" && href[0] != '#') {
      const std::string h(href);
      xmlChar* built = xmlBuildURI(reinterpret_cast<const xmlChar*>(h.c_str()), base_url_);
      url = built != nullptr ? reinterpret_cast<const char*>(built) : h;
      xmlFree(built);
    }
    if (!url.empty()) {
      if (md) {
        open = "[";
        std::string target;
        for (const char c : url) {
          if (c == ' ') target += "%20";
          else if (c == '(') target += "%28";
          else if (c == ')') target += "%29";
          else target += c;
        }
        in.close = "](" + target + ")";
      } else {
        open = "<a href=\"" + EscapeHtml(url) + "\">";
        in.close = "</a>";
      }
    }
  } else if (name == "strong" || name == "b") {
    open = md ? "**" : "<strong>";
    in.close = md ? "**" : "</strong>";
  } else if (name == "em" || name == "i") {
    open = md ? "*" : "<em>";
    in.close = md ? "*" : "</em>";
  } else if (name == "code" || name == "kbd" || name == "samp" || name == "tt") {
    open = md ? "`" : "<code>";
    in.close = md ? "`" : "</code>";
    in.code = true;
    ++code_depth_;
  }
  // Nested emphasis of the same kind adds nothing.
  for (const Inline& outer : inlines_) {
    if (!in.close.empty() && outer.close == in.close && name != "a") open.clear(), in.close.clear();
  }
  line_ += open;
  in.end = line_.size();
  inlines_.push_back(std::move(in));
}

void ContentWriter::CloseInline(const xmlNode*) {
  if (inlines_.empty()) return;  // The line ended inside the element.
  Inline in = std::move(inlines_.back());
  inlines_.pop_back();
  if (in.code) --code_depth_;
  CloseMark(in);
}

void ContentWriter::CloseOpenMarks() {
  while (!inlines_.empty()) {
    CloseMark(inlines_.back());
    inlines_.pop_back();
  }
  code_depth_ = 0;
}

void ContentWriter::CloseMark(const Inline& in) {
  if (in.close.empty() || in.end > line_.size()) return;
  if (Trimmed(std::string_view(line_).substr(in.end)).empty()) {
    // Nothing inside (an image link, an empty <b>): no markup.
    const std::string inside = line_.substr(in.end);
    line_.resize(in.start);
    line_ += inside;
    return;
  }
  // "**word **" is not emphasis in Markdown: the space goes after the mark.
  const bool space_after = line_.back() == ' ';
  if (space_after) line_.pop_back();
  if (in.end < line_.size() && line_[in.end] == ' ') {
    line_.erase(in.end, 1);
    line_.insert(in.start, " ");
  }
  line_ += in.close;
  if (space_after) line_ += ' ';
}

void ContentWriter::Cell(const xmlNode* node) {
  CloseOpenMarks();
  if (in_row_cells_) {
    cells_.push_back(Trimmed(line_));
    header_cells_.push_back(current_cell_header_);
  } else if (!Trimmed(line_).empty()) {
    cells_.push_back(Trimmed(line_));
    header_cells_.push_back(false);
  }
  line_.clear();
  inlines_.clear();
  code_depth_ = 0;
  in_row_cells_ = true;
  current_cell_header_ = Name(node) == "th";
}

void ContentWriter::OpenBlock(const xmlNode* node) {
  Block b;
  b.name = Name(node);
  blocks_.push_back(b);
}

void ContentWriter::CloseBlock(const xmlNode*) {
  if (blocks_.empty()) return;
  const Block b = blocks_.back();
  blocks_.pop_back();
  if (format_ == ContentFormat::kHtml && b.opened) {
    out_ += "</" + std::string(b.name) + ">\n";
  }
  if (b.name == "table" || b.name == "ul" || b.name == "ol") last_tight_ = false;
}

void ContentWriter::Separate(bool tight) {
  if (out_.empty()) return;
  if (format_ == ContentFormat::kHtml) return;
  out_ += (tight && last_tight_) ? "\n" : "\n\n";
}

void ContentWriter::OpenContainers() {
  for (Block& b : blocks_) {
    if (b.opened || !IsContainer(b.name)) continue;
    b.opened = true;
    if (format_ == ContentFormat::kHtml) out_ += "<" + std::string(b.name) + ">";
    if (format_ == ContentFormat::kHtml && b.name != "li") out_ += "\n";
  }
}

void ContentWriter::EndLine(bool kept) {
  // Marks still open (a <br> inside <b>) close with the line.
  CloseOpenMarks();
  if (in_row_cells_) {
    cells_.push_back(Trimmed(line_));
    header_cells_.push_back(current_cell_header_);
  }
  std::string line = Trimmed(line_);
  line_.clear();
  inlines_.clear();
  code_depth_ = 0;
  const bool row = in_row_cells_;
  in_row_cells_ = false;
  if (!kept || (line.empty() && cells_.empty())) {
    cells_.clear();
    header_cells_.clear();
    return;
  }
  OpenContainers();
  if (row) {
    line.clear();  // The cells hold it.
  }
  if (format_ == ContentFormat::kMarkdown) {
    WriteMarkdownLine(std::move(line));
  } else {
    WriteHtmlLine(std::move(line));
  }
  cells_.clear();
  header_cells_.clear();
}

void ContentWriter::WriteMarkdownLine(std::string line) {
  std::string quote;
  int lists = 0;
  Block* list = nullptr;
  Block* item = nullptr;
  Block* table = nullptr;
  std::string_view heading;
  for (Block& b : blocks_) {
    if (b.name == "blockquote") quote += "> ";
    if (b.name == "ul" || b.name == "ol") {
      ++lists;
      list = &b;
      item = nullptr;
    }
    if (b.name == "li") item = &b;
    if (b.name == "table") table = &b;
    if (IsHeading(b.name)) heading = b.name;
  }
  std::string prefix = quote;
  bool tight = false;
  if (!cells_.empty()) {
    std::string row = "|";
    for (const std::string& c : cells_) row += " " + c + " |";
    if (table != nullptr && table->items++ == 0) {
      row += "\n" + quote + "|";
      for (std::size_t i = 0; i < cells_.size(); ++i) row += " --- |";
    }
    Separate(true);
    last_tight_ = true;
    out_ += prefix + row;
    return;
  }
  if (item != nullptr && list != nullptr) {
    const std::string indent(static_cast<std::size_t>(2 * (lists - 1)), ' ');
    if (item->first_line) {
      item->first_line = false;
      ++list->items;
      prefix += indent + (list->name == "ol" ? std::to_string(list->items) + ". " : "- ");
      tight = true;
    } else {
      prefix += indent + "  ";
      tight = true;
    }
    line = ProtectLineStart(std::move(line));
  } else if (!heading.empty()) {
    prefix += std::string(static_cast<std::size_t>(heading[1] - '0'), '#') + " ";
  } else {
    line = ProtectLineStart(std::move(line));
  }
  Separate(tight);
  last_tight_ = tight;
  out_ += prefix + line;
}

void ContentWriter::WriteHtmlLine(std::string line) {
  if (!cells_.empty()) {
    out_ += "<tr>";
    for (std::size_t i = 0; i < cells_.size(); ++i) {
      const char* tag = header_cells_[i] ? "th" : "td";
      out_ += std::string("<") + tag + ">" + cells_[i] + "</" + tag + ">";
    }
    out_ += "</tr>\n";
    return;
  }
  Block* item = nullptr;
  std::string_view heading;
  for (Block& b : blocks_) {
    if (b.name == "li") item = &b;
    if (IsHeading(b.name)) heading = b.name;
  }
  if (item != nullptr) {
    if (!item->first_line) out_ += "<br>";
    item->first_line = false;
    out_ += line;
    return;
  }
  if (!heading.empty()) {
    out_ += "<" + std::string(heading) + ">" + line + "</" + std::string(heading) + ">\n";
    return;
  }
  out_ += "<p>" + line + "</p>\n";
}

std::string ContentWriter::Take() {
  while (!out_.empty() && out_.back() == '\n') out_.pop_back();
  return std::move(out_);
}

}  // namespace newsx::extract::internal
