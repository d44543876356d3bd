#pragma once

#include <cstddef>
#include <string_view>

namespace newsx::extract::text {

// Which newlines of a text end a paragraph.
//
// Text extracted from HTML has one paragraph (heading, list item) per line,
// so every newline ends one. Plain text that was hard-wrapped at a fixed
// width (press releases, Federal Register notices, e-mail) breaks lines in
// the middle of sentences and names ("National Science\nFoundation") and
// separates paragraphs with blank lines; there a newline is a space unless
// a blank line, a list item or the short last line of a paragraph says
// otherwise. Thread-compatible; holds a view of the text.
class LineBreaks {
 public:
  // Decides once, from the line lengths and line endings of `text`, whether
  // it is hard-wrapped. O(n). `text` must outlive this object.
  explicit LineBreaks(std::string_view text);

  bool wrapped() const { return wrapped_; }

  // REQUIRES: text[pos] == '\n'. True when the newline at byte `pos` ends a
  // paragraph: when a blank line follows or precedes, or the next line
  // starts a list item; never when the line runs on into the next (it ends
  // no sentence, and the next line starts with a lower-case word or the
  // line ends with "the", "since", "and"... or a comma); otherwise always in text that
  // is not hard-wrapped, and in wrapped text when the line is short and
  // ends a sentence.
  bool EndsParagraph(std::size_t pos) const;

 private:
  std::string_view text_;
  bool wrapped_ = false;
  std::size_t width_ = 0;  // Typical wrap width in bytes (wrapped text only).
};

}  // namespace newsx::extract::text
