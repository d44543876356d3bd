#include "newsx/core/strings.h"
#include "text/line_breaks.h"

#include <algorithm>
#include <vector>

namespace newsx::extract::text {

namespace {

// A wrapped text has at least this many line pairs to judge from.
constexpr std::size_t kMinPairs = 3;
// Wrap widths seen in practice are 60-80 columns; paragraphs of extracted
// HTML are longer than the maximum almost always, and lines below the
// minimum are lists or menus, not wrapped prose.
constexpr std::size_t kMinWrapWidth = 40;
constexpr std::size_t kMaxWrapWidth = 110;

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

// Line ends drop spaces, tabs and the CR of a CRLF; line starts only
// spaces and tabs.
constexpr std::string_view kLineEndSpace = " \t\r";
constexpr std::string_view kLineStartSpace = " \t";

// Bytes that are not UTF-8 continuation bytes: code points, near enough.
std::size_t Width(std::string_view line) {
  std::size_t n = 0;
  for (const char c : line) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The line ends a sentence: ".", "!", "?" or ":", possibly before a closing
// quote or bracket.
bool EndsSentence(std::string_view line) {
  line = TrimRight(line, kLineEndSpace);
  while (!line.empty()) {
    const auto b = static_cast<unsigned char>(line.back());
    if (b == '"' || b == '\'' || b == ')' || b == ']' || b == '*') {
      line.remove_suffix(1);
    } else if (line.size() >= 3 && line.substr(line.size() - 3) == "\u201d") {
      line.remove_suffix(3);
    } else {
      break;
    }
  }
  if (line.empty()) return false;
  const char c = line.back();
  return c == '.' || c == '!' || c == '?' || c == ':';
}

// "- item", "* item", "• item", "1. item", "(a) item".
bool StartsListItem(std::string_view line) {
  line = TrimLeft(line, kLineStartSpace);
  if (line.size() < 2) return false;
  const char c = line[0];
  if ((c == '-' || c == '*' || c == '+') && line[1] == ' ') return true;
  if (line.substr(0, 3) == "\u2022" || line.substr(0, 3) == "\u2013" ||
      line.substr(0, 3) == "\u2014") {
    return true;
  }
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] >= '0' && line[i] <= '9') ++i;
  if (i > 0 && i + 1 < line.size() && (line[i] == '.' || line[i] == ')') && line[i + 1] == ' ') {
    return true;
  }
  return c == '(' && line.size() >= 4 && line[2] == ')' && line[3] == ' ';
}

std::string_view LineEndingAt(std::string_view text, std::size_t newline) {
  const std::size_t prev = newline == 0 ? std::string_view::npos : text.rfind('\n', newline - 1);
  const std::size_t begin = prev == std::string_view::npos ? 0 : prev + 1;
  return text.substr(begin, newline - begin);
}

std::string_view LineStartingAfter(std::string_view text, std::size_t newline) {
  const std::size_t begin = newline + 1;
  if (begin >= text.size()) return {};
  const std::size_t next = text.find('\n', begin);
  return text.substr(begin, (next == std::string_view::npos ? text.size() : next) - begin);
}

// The line runs on into the next: it does not end a sentence and either
// ends with a word that cannot end one ("the", "since", "and") or the next
// line starts with a lower-case word ("announced", not "iPhone"), or the
// line ends with a comma. Text
// extracted from HTML breaks lines around links and emphasis this way
// ("the Trump Administration\nannounced\na $200 billion investment").
bool RunsOn(std::string_view line, std::string_view next) {
  if (EndsSentence(line)) return false;
  next = TrimLeft(next, kLineStartSpace);
  if (next.size() >= 2 && next[0] >= 'a' && next[0] <= 'z' &&
      ((next[1] >= 'a' && next[1] <= 'z') || next[1] == ' ')) {
    return true;
  }
  line = TrimRight(line, kLineEndSpace);
  // A comma ends no paragraph: the clause goes on ("in Boise,\nIdaho, and").
  if (!line.empty() && line.back() == ',') return true;
  const std::size_t space = line.find_last_of(" \t");
  const std::string_view last = space == std::string_view::npos ? line : line.substr(space + 1);
  static constexpr std::string_view kOpen[] = {
      "a",   "an",   "the",  "of",   "in",  "to",   "for",  "and",     "or",
      "but", "with", "by",   "from", "at",  "on",   "as",   "since",   "than",
      "into", "its", "their", "his", "her", "our",  "that", "between", "about"};
  return std::find(std::begin(kOpen), std::end(kOpen), last) != std::end(kOpen);
}

}  // namespace

LineBreaks::LineBreaks(std::string_view text) : text_(text) {
  // Widths of lines followed by another non-blank line, and how many of
  // those end mid-sentence: the signature of a hard-wrapped text.
  std::vector<std::size_t> widths;
  std::size_t open_pairs = 0;
  std::size_t begin = 0;
  std::string_view prev;
  bool have_prev = false;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = TrimRight(text.substr(begin, end - begin), kLineEndSpace);
    if (IsBlank(line)) {
      have_prev = false;
    } else {
      if (have_prev) {
        widths.push_back(Width(prev));
        open_pairs += !EndsSentence(prev);
      }
      prev = line;
      have_prev = true;
    }
    if (end == text.size()) break;
    begin = end + 1;
  }
  if (widths.size() < kMinPairs) return;
  std::vector<std::size_t> sorted = widths;
  const std::size_t p95 = sorted.size() * 95 / 100;
  std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(p95), sorted.end());
  const std::size_t width = sorted[p95];
  if (width < kMinWrapWidth || width > kMaxWrapWidth) return;
  // Most lines run close to the width, and many end mid-sentence.
  const auto near_width = std::count_if(widths.begin(), widths.end(),
                                        [&](std::size_t w) { return w * 10 >= width * 6; });
  wrapped_ = static_cast<std::size_t>(near_width) * 2 >= widths.size() &&
             open_pairs * 10 >= widths.size() * 3;
  width_ = width;
}

bool LineBreaks::EndsParagraph(std::size_t pos) const {
  const std::string_view line = TrimRight(LineEndingAt(text_, pos), kLineEndSpace);
  const std::string_view next = LineStartingAfter(text_, pos);
  if (IsBlank(line) || IsBlank(next)) return true;
  if (StartsListItem(next)) return true;
  if (RunsOn(line, next)) return false;
  if (!wrapped_) return true;
  return EndsSentence(line) && Width(line) * 10 < width_ * 7;
}

}  // namespace newsx::extract::text
