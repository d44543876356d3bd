#include "main_content.h"

#include <cstdint>
#include <vector>

#include "boilerplate.h"
#include "content_writer.h"
#include "html_dom.h"

namespace newsx::extract::internal {

namespace {

// A block of prose shorter than this (in characters) is a fragment (label,
// date, button) rather than a paragraph.
constexpr int kMinParagraphChars = 80;
// Weight of a short non-link fragment against the article: small, since
// articles carry subheadings and data tables too.
constexpr double kFragmentPenalty = 0.05;
// An element marked itemprop=articleBody wins when its text is at least this
// share of the best-scoring element's.
constexpr double kMarkedBodyShare = 0.5;
// Story cards are at most this long (characters).
constexpr int kMaxTeaserChars = 500;
// Lists shorter than this are not judged as teaser lists.
constexpr int kMinTeaserItems = 3;
// Blocks with a larger share of link text are navigation.
constexpr double kMaxLinkDensity = 0.5;
// A boilerplate-looking element holding more than this share of the page's
// non-link text is kept: it is the article's own container, oddly named.
constexpr double kProtectedShare = 0.5;

// How far above the article element the headline may sit for the prose
// between the two to count as the article's lead.
constexpr int kLeadLevels = 6;

// A child holding at least this share of its parent's score is the article.
constexpr double kNarrowShare = 0.85;

// Lines shorter than this (characters) that end the article and hold a
// link point elsewhere: two paragraphs' minimum.
constexpr int kMaxPointerChars = 2 * kMinParagraphChars;
// ...and a line shorter than this before them is their heading.
constexpr int kMaxHeadingChars = 40;

// Characters of text, not counting whitespace (code points, not bytes).
int CountChars(const xmlChar* text) {
  int n = 0;
  for (const xmlChar* p = text; *p != 0; ++p) {
    const unsigned char c = *p;
    if ((c & 0xC0) == 0x80 || c == ' ' || c == '\n' || c == '\t' || c == '\r') continue;
    ++n;
  }
  return n;
}

struct Chunk {
  int text = 0;
  int link = 0;
};

struct NodeStats {
  TagKind kind = TagKind::kBlock;  // Looked up once, read by every pass.
  int text = 0;      // Characters in the subtree (boilerplate excluded).
  int link = 0;      // ...of which inside links.
  double score = 0;  // Sum of the block scores in the subtree.
  bool landmark = false;  // nav, header, footer or aside (IsLandmarkTag).
  bool section_header = false;  // A <header> inside <article>, <main> or <section>.
  bool removed = false;
};

// Mostly links and too little other text to be a paragraph: navigation,
// related stories, tag lists.
bool IsLinkList(int text, int link) {
  return link > kMaxLinkDensity * text && text - link < kMinParagraphChars;
}

double ScoreChunk(const Chunk& c) {
  if (c.text == 0) return 0;
  const int prose = c.text - c.link;
  // Enough words outside links make a paragraph, whatever links it carries.
  if (prose >= kMinParagraphChars) return prose;
  if (c.link > kMaxLinkDensity * c.text) return -c.text;
  return -kFragmentPenalty * c.text;
}

// The first non-blank text under `node` is inside a link.
bool StartsWithLink(const xmlNode* node, int depth, bool in_link, bool* found) {
  if (depth > kMaxDomDepth) return false;
  for (const xmlNode* n = node->children; n != nullptr && !*found; n = n->next) {
    if (n->type == XML_TEXT_NODE && n->content != nullptr && CountChars(n->content) > 0) {
      *found = true;
      return in_link;
    }
    if (IsElement(n) && KindOf(Name(n)) != TagKind::kDrop) {
      const bool linked = StartsWithLink(n, depth + 1, in_link || Name(n) == "a", found);
      if (*found) return linked;
    }
  }
  return false;
}

// 1 for <h1> .. 6 for <h6>; kNoRank for anything else (a label line ranks
// below every heading).
constexpr int kNoRank = 7;
int HeadingRank(std::string_view name) {
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return name[1] - '0';
  return kNoRank;
}

bool IsMedia(std::string_view name) {
  return name == "figure" || name == "img" || name == "picture" || name == "video" ||
         name == "audio" || name == "iframe" || name == "embed" || name == "object" ||
         name == "svg" || name == "canvas";
}

// Sectioning elements whose <header> is their own, not the page's.
bool IsSectioning(std::string_view name) {
  return name == "article" || name == "main" || name == "section";
}

bool IsSubheading(std::string_view name) {
  return name.size() == 2 && name[0] == 'h' && name[1] >= '2' && name[1] <= '6';
}

// A linked h2..h6 somewhere under `node`.
bool HasLinkedSubheading(const xmlNode* node, int depth, bool in_heading) {
  if (depth > kMaxDomDepth) return false;
  for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
    if (!IsElement(n)) continue;
    if (in_heading && Name(n) == "a") return true;
    if (HasLinkedSubheading(n, depth + 1, in_heading || IsSubheading(Name(n)))) return true;
  }
  return false;
}

// A story card: a short <article> element whose headline is a link to the
// story. Pages list other stories this way.
bool IsTeaserCard(const xmlNode* node, int text) {
  return Name(node) == "article" && text <= kMaxTeaserChars && HasLinkedSubheading(node, 0, false);
}

// A list of story teasers (headline link, then a summary): most items of a
// list start with a link. Such lists are related or latest stories, not the
// article, even when the summaries read like prose.
bool IsTeaserList(const xmlNode* node) {
  const std::string_view name = Name(node);
  if (name != "ul" && name != "ol") return false;
  int items = 0, linked = 0;
  for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
    if (!IsElement(n) || Name(n) != "li") continue;
    bool found = false;
    const bool starts_with_link = StartsWithLink(n, 0, false, &found);
    if (!found) continue;
    ++items;
    if (starts_with_link) ++linked;
  }
  return items >= kMinTeaserItems && linked * 3 >= items * 2;
}

// An embedded post: a wrapper (often named "social" or "embed") whose
// content is a <blockquote>, within two levels.
bool WrapsQuotation(const xmlNode* node, int levels = 2) {
  for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
    if (!IsElement(n)) continue;
    if (Name(n) == "blockquote") return true;
    if (levels > 1 && WrapsQuotation(n, levels - 1)) return true;
  }
  return false;
}

class ContentFinder {
 public:
  ContentFinder(std::string_view title, ContentWriter* writer)
      : title_(CollapseSpace(title)), writer_(writer) {}

  const xmlNode* article() const { return best_; }

  std::string Run(xmlDoc* doc) {
    std::string text = RunOnce(doc);
    if (!text.empty()) return text;
    // Pages that build their body with scripts may offer the text to
    // readers without scripts in <noscript>: read it when nothing else is.
    *this = ContentFinder(title_, writer_);
    read_noscript_ = true;
    text = RunOnce(doc);
    if (!text.empty()) return text;
    // Class names are a convention, and some pages break it everywhere: the
    // article is named for a share button beside it and the page's comments
    // outweigh it, or each slide of a story is a separate "gallery" element.
    // When the names leave nothing, read the page without them (hidden
    // elements and boilerplate roles stay out).
    *this = ContentFinder(title_, writer_);
    read_noscript_ = true;
    trust_names_ = false;
    return RunOnce(doc);
  }

 private:
  std::string RunOnce(xmlDoc* doc) {
    xmlNode* root = xmlDocGetRootElement(doc);
    if (root == nullptr) return "";
    stats_.reserve(4096);
    // Pass 1: how much text each element holds before any boilerplate
    // decision, to protect the article container from a misleading name.
    Chunk page;
    Measure(root, KindOf(Name(root)), 0, false, &page);
    page_text_ = page.text - page.link;
    // Pass 2: block scores with boilerplate removed.
    Chunk outside;  // Text outside the root element: none.
    Score(root, 0, false, &outside);
    best_ = root;
    best_score_ = Stats(root).score;
    FindBest(root, 0);
    // No block reads like prose (a page of short lines): keep the whole
    // page, less its boilerplate, rather than one arbitrary fragment.
    if (best_score_ <= 0) best_ = root;
    NarrowBest();
    PreferMarkedBody();
    const std::vector<const xmlNode*> lead = FindLead(root);
    // The text first, to know where the article ends; then, when a format
    // is asked for, the same walk again feeding the writer up to that line,
    // so that the formatted content holds exactly the lines of the text.
    ContentWriter* const writer = writer_;
    writer_ = nullptr;
    EmitArticle(lead);
    const std::size_t kept = KeptLines();
    if (writer == nullptr) {
      // A line after the first starts after its '\n', which goes with it.
      if (kept < lines_.size()) out_.resize(lines_[kept].start - 1);
      return std::move(out_);
    }
    writer_ = writer;
    max_lines_ = kept;
    out_.clear();
    lines_.clear();
    EmitArticle(lead);
    return std::move(out_);
  }

  void EmitArticle(const std::vector<const xmlNode*>& lead) {
    EmitLead(lead);
    Emit(best_, 0);
    FlushLine();
  }

  // How many lines the article keeps: the last lines go when they are short
  // and hold a link. Articles end with pointers elsewhere ("Sign up here",
  // "back to the list", "more on this in our guide", "next: ...") that sit
  // in the body's own container and read as its prose; the body's last
  // paragraph is rarely short and linked. A heading-length line left last
  // by them was their heading ("Contact", "Further reading"). When such
  // lines would be more than half of the text's characters, they are what
  // the page offers (a page of links, a list of downloads) and all stay.
  std::size_t KeptLines() const {
    int total = 0;
    for (const Line& line : lines_) total += line.chars;
    std::size_t n = lines_.size();
    int cut = 0;
    while (n > 1 && lines_[n - 1].linked && lines_[n - 1].chars < kMaxPointerChars) {
      cut += lines_[--n].chars;
    }
    if (n < lines_.size() && n > 1 && lines_[n - 1].chars < kMaxHeadingChars) {
      cut += lines_[--n].chars;
    }
    return 2 * cut > total ? lines_.size() : n;
  }

  NodeStats& Stats(const xmlNode* n) {
    return stats_[reinterpret_cast<std::uintptr_t>(n->_private) - 1];
  }

  // A text node's character count, as Measure left it in its _private:
  // Score reads each text node again and counting twice cost more.
  static int CachedChars(const xmlNode* text) {
    return static_cast<int>(reinterpret_cast<std::uintptr_t>(text->_private));
  }

  void Measure(xmlNode* node, TagKind kind, int depth, bool in_link, Chunk* chunk) {
    stats_.push_back({});
    node->_private = reinterpret_cast<void*>(static_cast<std::uintptr_t>(stats_.size()));
    Chunk own;
    if (depth <= kMaxDomDepth) {
      for (xmlNode* n = node->children; n != nullptr; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
          const int chars = n->content ? CountChars(n->content) : 0;
          n->_private = reinterpret_cast<void*>(static_cast<std::uintptr_t>(chars));
          own.text += chars;
          if (in_link) own.link += chars;
        } else if (IsElement(n)) {
          const std::string_view child_name = Name(n);
          // A <header> inside sectioning content heads that section (the
          // HTML spec gives it no banner role): an article's headline, lead
          // and byline, not the page's masthead.
          const bool section_header = sections_ > 0 && child_name == "header";
          const TagKind child_kind = (read_noscript_ && child_name == "noscript") || section_header
                                         ? TagKind::kBlock
                                         : KindOf(child_name);
          const bool landmark = child_kind == TagKind::kDrop && IsLandmarkTag(child_name);
          const bool section = IsSectioning(child_name);
          if (child_kind == TagKind::kDrop && !landmark) {
            n->_private = nullptr;
          } else {
            // A landmark is measured as a block, so that Score can tell a
            // misparsed one holding the article from a real one. Its text
            // stays out of the enclosing totals, as when it was dropped:
            // the shares that protect named containers are of the text
            // outside landmarks.
            Chunk landmark_text;
            landmark_depth_ += landmark;
            sections_ += section;
            Measure(n, landmark ? TagKind::kBlock : child_kind, depth + 1,
                    in_link || child_name == "a", landmark ? &landmark_text : &own);
            sections_ -= section;
            landmark_depth_ -= landmark;
            Stats(n).landmark = landmark;
            Stats(n).section_header = section_header;
            if (landmark && landmark_depth_ == 0) {
              landmark_prose_ += landmark_text.text - landmark_text.link;
            }
          }
        }
      }
    }
    NodeStats& s = Stats(node);
    s.kind = kind;
    s.text = own.text;
    s.link = own.link;
    chunk->text += own.text;
    chunk->link += own.link;
  }

  // Adds the element's inline text to `chunk` (the enclosing block's) and
  // records in its stats the text, link text and block scores of its
  // subtree, boilerplate excluded.
  void Score(xmlNode* node, int depth, bool in_link, Chunk* chunk) {
    NodeStats& s = Stats(node);
    const int raw_text = s.text;
    const int raw_prose = s.text - s.link;
    const TagKind kind = s.kind;
    const bool landmark = s.landmark;
    const bool section_header = s.section_header;
    s = NodeStats{.kind = kind, .landmark = landmark, .section_header = section_header};
    const std::string_view name = Name(node);
    // Pages hide <html> or <body> until their scripts run; they are never
    // boilerplate. A section's <header> is often named after its tag
    // ("entry-header"); only hiding or a role removes it, and its parts
    // (bylines, dates) are judged one by one.
    Boilerplate boilerplate =
        name == "html" || name == "body" ? Boilerplate::kNo : ClassifyBoilerplate(node);
    // A form (a rating, review, contact or sign-up box) is not article
    // text, but some sites wrap their whole page in one: judged like a
    // named element, kept when it holds most of the page's text.
    if (name == "form" && boilerplate == Boilerplate::kNo) boilerplate = Boilerplate::kNamed;
    if ((section_header || !trust_names_) && boilerplate == Boilerplate::kNamed) {
      boilerplate = Boilerplate::kNo;
    }
    if (boilerplate == Boilerplate::kCertain ||
        (boilerplate == Boilerplate::kNamed && raw_prose <= kProtectedShare * page_text_ &&
         !WrapsQuotation(node)) ||
        (landmark && raw_prose <= kProtectedShare * (page_text_ + landmark_prose_)) ||
        IsTeaserList(node) || IsTeaserCard(node, raw_text)) {
      s.removed = true;
      return;
    }
    // A table row reads as one line: its cells are not separate blocks.
    const bool block = kind != TagKind::kInline && name != "td" && name != "th";
    Chunk own;
    Chunk* target = block ? &own : chunk;
    double child_score = 0;
    int text = 0, link = 0;
    if (depth <= kMaxDomDepth) {
      for (xmlNode* n = node->children; n != nullptr; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
          const int chars = CachedChars(n);
          target->text += chars;
          text += chars;
          if (in_link) {
            target->link += chars;
            link += chars;
          }
        } else if (IsElement(n) && n->_private != nullptr) {
          Score(n, depth + 1, in_link || Name(n) == "a", target);
          const NodeStats& c = Stats(n);
          if (c.removed) continue;
          child_score += c.score;
          text += c.text;
          link += c.link;
        }
      }
    }
    // A data table (results, ingredients) reads as one block: each of its
    // rows is a short line, but together they are the content.
    if (name == "table" && IsDataTable(node, 0)) {
      child_score = ScoreChunk(Chunk{.text = text, .link = link});
    }
    NodeStats& done = Stats(node);
    done.text = text;
    done.link = link;
    // A section's header does not move the choice of the article: its lead
    // is text when the article chosen holds it, as a dropped landmark's was not.
    done.score = section_header ? 0 : child_score + (block ? ScoreChunk(own) : 0);
  }

  // A table whose cells hold only inline text: data, not page layout.
  static bool IsDataTable(const xmlNode* node, int depth) {
    if (depth > 3) return true;
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
      if (!IsElement(n)) continue;
      const std::string_view name = Name(n);
      if (name == "td" || name == "th") {
        if (HasBlockChild(n)) return false;
      } else if (name == "table" || !IsDataTable(n, depth + 1)) {
        return false;
      }
    }
    return true;
  }

  void FindBest(const xmlNode* node, int depth) {
    if (depth > kMaxDomDepth) return;
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
      if (!IsElement(n) || n->_private == nullptr) continue;
      const NodeStats& s = Stats(n);
      // A section's header and what it holds (the lead) are never the
      // article: they score nothing for it, and a long lead must not win
      // over a short body.
      if (s.removed || s.section_header) continue;
      if (marked_body_ == nullptr && Attr(n, "itemprop") == "articleBody") marked_body_ = n;
      FindBest(n, depth + 1);
      if (s.score > best_score_) {
        best_ = n;
        best_score_ = s.score;
      }
    }
  }

  // The best element's score is its children's summed, so a box after the
  // body that reads as prose (an author's bio, a press contact, a reader
  // prompt, a disclaimer) lifts the body's container above the body. When
  // one child holds most of the score and no prose comes before it (a lead
  // beside the headline), that child is the article.
  void NarrowBest() {
    if (best_score_ <= 0) return;
    for (int level = 0; level < kMaxDomDepth; ++level) {
      const xmlNode* top = nullptr;
      double top_score = 0;
      int prose = 0;         // Non-link characters of the children read so far.
      int prose_before = 0;  // ...and of those before the top child.
      bool headline = false, headline_before = false;
      bool sections = false;  // A subheading before the child: the page's own sections.
      for (const xmlNode* n = best_->children; n != nullptr; n = n->next) {
        if (!IsElement(n) || n->_private == nullptr) continue;
        const NodeStats& s = Stats(n);
        if (s.removed) continue;
        if (!s.section_header && s.score > top_score) {
          top = n;
          top_score = s.score;
          prose_before = prose;
          headline_before = headline && !sections;
        }
        prose += s.text - s.link;
        headline = headline || (Name(n) == "h1" && ReadsAsTitle(n)) || ContainsHeadline(n, 0);
        sections = sections || IsSubheading(Name(n)) || HasSubheading(n, 0);
      }
      // Prose before the body is its lead: the container is the article,
      // unless the headline comes before it too (the lead search finds it).
      if (top == nullptr || top_score < kNarrowShare * Stats(best_).score ||
          (prose_before >= kMinParagraphChars && !headline_before)) {
        return;
      }
      best_ = top;
    }
  }

  // schema.org microdata names the article body outright; trust it over the
  // scores when it holds a fair share of the text the scores found.
  void PreferMarkedBody() {
    if (marked_body_ == nullptr || marked_body_ == best_) return;
    const NodeStats& marked = Stats(marked_body_);
    const NodeStats& best = Stats(best_);
    if (!marked.removed &&
        marked.text - marked.link >= kMarkedBodyShare * (best.text - best.link)) {
      best_ = marked_body_;
    }
  }

  // The lead (standfirst) of many articles sits between the headline and
  // the body's container, outside the latter: beside the <h1> in a <header>,
  // or in an element named "teaser" or "intro" that the boilerplate rules
  // remove. Returns the prose blocks after the last <h1> that precedes the
  // article element, looking for that <h1> up to kLeadLevels ancestors up.
  std::vector<const xmlNode*> FindLead(const xmlNode* root) {
    if (best_ == root || ContainsHeadline(best_, 0)) return {};
    const xmlNode* child = best_;
    for (int level = 0; level < kLeadLevels; ++level) {
      const xmlNode* region = child->parent;
      if (region == nullptr || !IsElement(region)) break;
      LeadWalk walk;
      CollectLead(region, 0, false, &walk);
      if (walk.seen_headline) return std::move(walk.lead);
      child = region;
    }
    return {};
  }

  struct LeadWalk {
    std::vector<const xmlNode*> lead;
    bool seen_headline = false;
    bool reached_article = false;
  };

  // The headline (an <h1> that reads as the title) in the text of `node`;
  // headings in removed boilerplate (a "related" box titled with an <h1>)
  // do not count.
  bool ContainsHeadline(const xmlNode* node, int depth) {
    if (depth > kMaxDomDepth) return false;
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
      if (!IsElement(n) || n->_private == nullptr || Stats(n).removed) continue;
      if ((Name(n) == "h1" && ReadsAsTitle(n)) || ContainsHeadline(n, depth + 1)) return true;
    }
    return false;
  }

  // Walks `node` in document order until the article element: each <h1>
  // starts the lead afresh, and each prose block after it joins the lead.
  // Media, forms and hidden elements are skipped, and so are blocks named as
  // boilerplate (captions, bylines) unless named as a lead; <header> is
  // entered, since leads sit there beside the headline.
  void CollectLead(const xmlNode* node, int depth, bool named_lead, LeadWalk* walk) const {
    if (depth > kMaxDomDepth) return;
    for (const xmlNode* n = node->children; n != nullptr && !walk->reached_article; n = n->next) {
      if (!IsElement(n)) continue;
      if (n == best_) {
        walk->reached_article = true;
        return;
      }
      const std::string_view name = Name(n);
      if (IsHeadline(n)) {
        walk->seen_headline = true;
        walk->lead.clear();
        continue;
      }
      const TagKind kind = KindOf(name);
      if ((kind == TagKind::kDrop && name != "header") || kind == TagKind::kBreak) continue;
      const Boilerplate boilerplate = ClassifyBoilerplate(n);
      if (boilerplate == Boilerplate::kCertain) continue;
      const bool lead_named = named_lead || HasLeadName(n);
      if (HasBlockChild(n)) {
        // Entered even when named as boilerplate: the headline's own
        // container is often named "header" or "meta".
        CollectLead(n, depth + 1, lead_named, walk);
      } else if (walk->seen_headline && (boilerplate == Boilerplate::kNo || HasLeadName(n)) &&
                 (IsProse(n) || (lead_named && name == "li" && IsText(n)))) {
        // Inside an element named as the lead, a short list item (one
        // point of a bulleted summary) is lead text too.
        walk->lead.push_back(n);
      }
    }
  }

  // The heading's text begins the page's title, or no title is known to
  // tell. An article that sets its subheadings as <h1> holds <h1>s that are
  // not its headline.
  bool ReadsAsTitle(const xmlNode* heading) const {
    if (title_.empty()) return true;
    const std::string text = CollapseSpace(TextOf(heading));
    return !text.empty() && title_.compare(0, text.size(), text) == 0;
  }

  // The article's headline: an <h1>, or a lower heading marked as the
  // headline (itemprop) or reading as the page's title. Pages that give the
  // <h1> to their logo or section name set the headline in an <h2> or <h3>.
  bool IsHeadline(const xmlNode* node) const {
    const std::string_view name = Name(node);
    if (name == "h1") return true;
    if (!IsSubheading(name)) return false;
    if (Attr(node, "itemprop") == "headline") return true;
    if (title_.empty()) return false;
    const std::string text = CollapseSpace(TextOf(node));
    return !text.empty() && title_.compare(0, text.size(), text) == 0;
  }

  bool HasSubheading(const xmlNode* node, int depth) {
    if (depth > kMaxDomDepth) return false;
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
      if (!IsElement(n) || n->_private == nullptr || Stats(n).removed) continue;
      if (IsSubheading(Name(n)) || HasSubheading(n, depth + 1)) return true;
    }
    return false;
  }

  // A <header> counts: the lead search enters it.
  static bool HasBlockChild(const xmlNode* node) {
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
      if (IsElement(n) && (KindOf(Name(n)) == TagKind::kBlock || Name(n) == "header")) return true;
    }
    return false;
  }

  // Reads like a paragraph, as ScoreChunk judges one.
  static bool IsProse(const xmlNode* node) {
    Chunk c;
    CountLeadText(node, 0, false, &c);
    return ScoreChunk(c) > 0;
  }

  // Holds text, mostly outside links.
  static bool IsText(const xmlNode* node) {
    Chunk c;
    CountLeadText(node, 0, false, &c);
    return c.text > 0 && c.link <= kMaxLinkDensity * c.text;
  }

  static void CountLeadText(const xmlNode* node, int depth, bool in_link, Chunk* c) {
    if (depth > kMaxDomDepth) return;
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
      if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
        const int chars = CountChars(n->content);
        c->text += chars;
        if (in_link) c->link += chars;
      } else if (IsElement(n) && KindOf(Name(n)) != TagKind::kDrop) {
        CountLeadText(n, depth + 1, in_link || Name(n) == "a", c);
      }
    }
  }

  void EmitLead(const std::vector<const xmlNode*>& lead) {
    for (const xmlNode* n : lead) {
      const std::string text = TextOf(n);
      FlushLine();
      if (writer_ != nullptr) writer_->OpenBlock(n);
      line_ += text;
      if (writer_ != nullptr) writer_->Text(text.c_str());
      FlushLine();
      if (writer_ != nullptr) writer_->CloseBlock(n);
    }
  }

  void Emit(const xmlNode* node, int depth) {
    if (depth > kMaxDomDepth) return;
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content == nullptr) continue;
        line_ += reinterpret_cast<const char*>(n->content);
        if (link_depth_ > 0 && CachedChars(n) > 0) line_linked_ = true;
        if (writer_ != nullptr) writer_->Text(reinterpret_cast<const char*>(n->content));
        continue;
      }
      if (!IsElement(n) || n->_private == nullptr) continue;
      const NodeStats& s = Stats(n);
      if (s.removed) continue;
      const TagKind kind = s.kind;
      if (kind == TagKind::kBreak) {
        FlushLine();
        continue;
      }
      if (kind == TagKind::kInline) {
        if (writer_ != nullptr) writer_->OpenInline(n);
        const bool link = Name(n) == "a";
        link_depth_ += link;
        Emit(n, depth + 1);
        link_depth_ -= link;
        if (writer_ != nullptr) writer_->CloseInline(n);
        continue;
      }
      const std::string_view name = Name(n);
      // The page headline is metadata (the title), not body text.
      // So is a heading in a section's header: the headline's subtitle.
      if (name == "h1" || (header_depth_ > 0 && IsSubheading(name))) continue;
      // A block that is mostly links inside the article: a list of related
      // stories or tags. Quotations (embedded posts) are kept: their links
      // are citations.
      if (quote_depth_ == 0 && IsLinkList(s.text, s.link)) continue;
      if (name == "td" || name == "th") {
        line_ += ' ';
        if (writer_ != nullptr) writer_->Cell(n);
        Emit(n, depth + 1);
        continue;
      }
      // A heading with nothing after it introduced a box the rules removed
      // ("Related articles", "Read more:", "Sources:").
      if ((IsSubheading(name) || IsLabelLine(n, s)) && !HasTextAfter(n, HeadingRank(name))) {
        continue;
      }
      const bool quote = name == "blockquote";
      header_depth_ += s.section_header;
      FlushLine();
      if (writer_ != nullptr) writer_->OpenBlock(n);
      quote_depth_ += quote;
      Emit(n, depth + 1);
      FlushLine();
      quote_depth_ -= quote;
      header_depth_ -= s.section_header;
      if (writer_ != nullptr) writer_->CloseBlock(n);
    }
  }

  // A short line that ends in a colon: a heading set as a paragraph.
  static bool IsLabelLine(const xmlNode* node, const NodeStats& s) {
    if (s.text == 0 || s.text >= kMinParagraphChars) return false;
    const std::string text = TextOf(node);
    return !text.empty() && text.back() == ':';
  }

  // Whether something the walk keeps follows `node`, up to the end of the
  // article element or the next heading of rank `rank` or higher (a lower
  // heading starts a subsection, which is content).
  bool HasTextAfter(const xmlNode* node, int rank) {
    for (const xmlNode* at = node; at != nullptr && at != best_; at = at->parent) {
      // Lists of links after the heading, up to the end of its container:
      // the heading introduced them ("More from this column:"), and what
      // follows the container belongs to another box.
      bool links = false;
      for (const xmlNode* n = at->next; n != nullptr; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
          if (CachedChars(n) > 0) return true;
          continue;
        }
        if (!IsElement(n)) continue;
        // Pictures, videos and embedded posts are what some headings
        // introduce; the text leaves them out but they are not boilerplate.
        if (IsMedia(Name(n))) return true;
        if (n->_private == nullptr) continue;
        const NodeStats& s = Stats(n);
        if (s.removed) continue;
        if (s.text == 0) {
          if (HoldsMedia(n, 0)) return true;
          continue;
        }
        const int next_rank = HeadingRank(Name(n));
        if (next_rank < kNoRank) return next_rank > rank;
        if (!IsLinkList(s.text, s.link)) return true;
        links = true;
      }
      if (links) return false;
    }
    return false;
  }

  bool HoldsMedia(const xmlNode* node, int depth) {
    if (depth > 3) return false;
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
      if (!IsElement(n)) continue;
      if (IsMedia(Name(n))) return true;
      if (n->_private != nullptr && !Stats(n).removed && HoldsMedia(n, depth + 1)) return true;
    }
    return false;
  }

  void FlushLine() {
    if (line_.empty()) {
      if (writer_ != nullptr) writer_->EndLine(false);
      return;
    }
    std::string line = CollapseSpace(line_);
    line_.clear();
    const bool linked = line_linked_;
    line_linked_ = false;
    const int chars = CountChars(reinterpret_cast<const xmlChar*>(line.c_str()));
    // In a section's header only paragraphs are text (the lead); its short
    // lines are the section label, date and byline.
    const bool kept = !line.empty() && lines_.size() < max_lines_ && line != title_ &&
                      !IsFurnitureLine(line) && !IsCreditLine(line) &&
                      (header_depth_ == 0 || chars >= kMinParagraphChars);
    if (writer_ != nullptr) writer_->EndLine(kept);
    if (!kept) return;
    if (!out_.empty()) out_ += '\n';
    lines_.push_back({out_.size(), linked, chars});
    out_ += line;
  }

  // A line of the text: where it starts in out_, whether any of it is link
  // text, and its characters.
  struct Line {
    std::size_t start = 0;
    bool linked = false;
    int chars = 0;
  };

  std::string title_;
  ContentWriter* writer_;  // Null: plain text only.
  std::vector<NodeStats> stats_;
  int page_text_ = 0;      // Non-link characters outside landmarks.
  int landmark_prose_ = 0;  // ...and inside them (outermost landmarks).
  int landmark_depth_ = 0;  // Landmarks around the element being measured.
  int sections_ = 0;        // <article>, <main> and <section> elements around it.
  const xmlNode* best_ = nullptr;
  const xmlNode* marked_body_ = nullptr;
  double best_score_ = 0;
  std::string line_;
  int quote_depth_ = 0;  // Number of <blockquote> elements being emitted.
  int header_depth_ = 0;        // ...and of section headers.
  bool read_noscript_ = false;  // <noscript> is text, not dropped.
  bool trust_names_ = true;     // Class and id names can make boilerplate.
  std::string out_;
  std::vector<Line> lines_;           // The lines of out_.
  std::size_t max_lines_ = SIZE_MAX;  // Lines past this are not kept.
  int link_depth_ = 0;                // Links around the text being emitted.
  bool line_linked_ = false;          // The current line holds link text.
};

}  // namespace

std::string ExtractMainContent(xmlDoc* doc, std::string_view title, ContentWriter* writer,
                               const xmlNode** article) {
  ContentFinder finder(title, writer);
  std::string text = finder.Run(doc);
  if (article != nullptr) *article = finder.article();
  return text;
}

}  // namespace newsx::extract::internal
