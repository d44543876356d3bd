#pragma once

#include <libxml/tree.h>

#include <string_view>

namespace newsx::extract::internal {

// How an element takes part in the page's text layout.
enum class TagKind {
  kDrop,    // Never article text: scripts, forms, media, navigation, asides.
  kInline,  // Text flows through it into the enclosing block (a, span, em...).
  kBreak,   // <br>: a line break inside a block.
  kBlock,   // Starts its own block of text (p, div, li, h1, td, unknown tags).
};

TagKind KindOf(std::string_view tag);

// Page landmarks dropped by tag (nav, header, footer, aside). Unlike scripts
// or media they can hold the article by accident: libxml2's HTML parser
// leaves a landmark open when its end tag is mismatched, and the rest of the
// page then nests inside it.
bool IsLandmarkTag(std::string_view tag);

// Why an element looks like boilerplate, if it does.
enum class Boilerplate {
  kNo,
  // Hidden (hidden attribute, aria-hidden, display:none) or given a
  // boilerplate ARIA role (navigation, banner, dialog...): never content.
  kCertain,
  // Its class or id names boilerplate (share, comment, related, newsletter,
  // cookie, sidebar, ad...): a convention that article containers sometimes
  // break. Words are matched whole after splitting on non-letters, or as
  // distinctive stems inside camelCase names; no site is named.
  kNamed,
};

Boilerplate ClassifyBoilerplate(const xmlNode* element);

// Its class or id names the article's lead ("teaser", "intro", "standfirst",
// "excerpt"...), whole words only. Some of these names are boilerplate
// elsewhere on a page (teasers of other stories); main_content.cc asks only
// between an article's headline and its body.
bool HasLeadName(const xmlNode* element);

// True for short lines that are page furniture in any article ("Advertisement",
// "Read more", "Share this article"...), compared case-insensitively.
bool IsFurnitureLine(std::string_view line);

// True for short picture credits and captions set as text lines: lines
// under 200 bytes that open with a credit label and a colon ("Foto:",
// "Photo credit:", "Abbildung:", "Quelle:"...), or lines under 120 bytes
// that carry a copyright sign.
bool IsCreditLine(std::string_view line);

}  // namespace newsx::extract::internal
