#pragma once

#include <libxml/tree.h>

#include <string>

namespace newsx::extract::internal {

// Readers' comments of a page, apart from the article: the text of the
// outermost elements whose class or id names comments ("comments",
// "commentlist", "comment-body", "kommentare", "comentarios"...) outside
// `article` (the main-content element; those that wrap it, such as a body
// class "comments-open", are looked into instead). One line per block,
// whitespace collapsed, not yet NFC. Left out: the reply form, hidden
// elements, scripts and media, lines that are only links ("Reply",
// "Log in") and page furniture. Returns "" when the page shows none
// (comments loaded by scripts are not in the page).
std::string ExtractComments(const xmlDoc* doc, const xmlNode* article);

}  // namespace newsx::extract::internal
