#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>

namespace newsx::extract::internal {

// Finds the article body of a parsed page and returns its text: one line per
// paragraph, heading, list item or table row, whitespace collapsed, not yet
// NFC. Boilerplate is left out: navigation, share bars, comments, related
// links, newsletter and cookie boxes, forms, captions, headers and footers,
// lines that repeat `title`, and the short linked lines that end an article
// by pointing elsewhere. Returns "" when the page has no text.
//
// How: every block of text gets a score (its length when it reads like
// prose, minus its length when it is mostly links or a short fragment);
// the element whose subtree has the highest total is the article. Elements
// marked as boilerplate by tag, ARIA role, hidden state or class/id words are
// excluded first, unless they hold most of the page's text. No rule names a
// site. Uses the nodes' `_private` field as scratch; the document must not be
// shared with another thread during the call.
// When `writer` is given, it receives a second walk, after the text's end is
// known, and writes the same lines as Markdown or HTML (content_writer.h). When `article` is given, it
// is set to the element chosen as the article (valid while `doc` lives).
class ContentWriter;
std::string ExtractMainContent(xmlDoc* doc, std::string_view title,
                               ContentWriter* writer = nullptr,
                               const xmlNode** article = nullptr);

}  // namespace newsx::extract::internal
