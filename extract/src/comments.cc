#include "comments.h"

#include "boilerplate.h"
#include "html_dom.h"
#include "newsx/core/strings.h"

namespace newsx::extract::internal {

namespace {

constexpr std::string_view kCommentStems[] = {"comment", "kommentar", "comentario"};

bool NamesComments(const xmlNode* node) {
  for (const std::string_view attr : {Attr(node, "class"), Attr(node, "id")}) {
    if (attr.empty()) continue;
    const std::string lower = AsciiLower(attr);
    for (const std::string_view stem : kCommentStems) {
      if (lower.find(stem) != std::string::npos) return true;
    }
  }
  return false;
}

// The reply form's wrapper ("comment-respond", "commentform") with its
// heading ("Leave a Reply").
bool IsReplyForm(const xmlNode* node) {
  for (const std::string_view attr : {Attr(node, "class"), Attr(node, "id")}) {
    if (attr.empty()) continue;
    const std::string lower = AsciiLower(attr);
    for (const std::string_view stem : {"respond", "comment-form", "commentform", "reply-title"}) {
      if (lower.find(stem) != std::string::npos) return true;
    }
  }
  return false;
}

bool Contains(const xmlNode* outer, const xmlNode* inner) {
  for (const xmlNode* n = inner; n != nullptr; n = n->parent) {
    if (n == outer) return true;
  }
  return false;
}

class CommentWriter {
 public:
  void Section(const xmlNode* node) {
    Walk(node, 0, false);
    Flush();
  }
  std::string Take() { return std::move(out_); }

 private:
  void Walk(const xmlNode* node, int depth, bool in_link) {
    if (depth > kMaxDomDepth) return;
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content == nullptr) continue;
        const std::string_view s(reinterpret_cast<const char*>(n->content));
        line_ += s;
        if (in_link) link_ += s;
        continue;
      }
      if (!IsElement(n)) continue;
      const std::string_view name = Name(n);
      const TagKind kind = KindOf(name);
      // The reply form and its labels are no comment.
      if (kind == TagKind::kDrop || name == "form" || IsReplyForm(n) ||
          ClassifyBoilerplate(n) == Boilerplate::kCertain) {
        continue;
      }
      if (kind == TagKind::kBreak) {
        Flush();
        continue;
      }
      if (kind == TagKind::kInline) {
        Walk(n, depth + 1, in_link || name == "a");
        continue;
      }
      Flush();
      Walk(n, depth + 1, in_link || name == "a");
      Flush();
    }
  }

  void Flush() {
    std::string line = CollapseSpace(line_);
    const std::string link = CollapseSpace(link_);
    line_.clear();
    link_.clear();
    // "Reply", "Log in to reply", the commenter's linked name alone.
    if (line.empty() || line == link || IsFurnitureLine(line)) return;
    if (!out_.empty()) out_ += '\n';
    out_ += line;
  }

  std::string line_;
  std::string link_;
  std::string out_;
};

void FindSections(const xmlNode* node, const xmlNode* article, int depth, CommentWriter* w) {
  if (depth > kMaxDomDepth) return;
  for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
    if (!IsElement(n) || n == article) continue;
    const std::string_view name = Name(n);
    if (KindOf(name) == TagKind::kDrop && name != "footer" && name != "aside") continue;
    if (name != "body" && name != "html" && NamesComments(n) &&
        (article == nullptr || !Contains(n, article))) {
      w->Section(n);
      continue;
    }
    FindSections(n, article, depth + 1, w);
  }
}

}  // namespace

std::string ExtractComments(const xmlDoc* doc, const xmlNode* article) {
  CommentWriter writer;
  const xmlNode* root = xmlDocGetRootElement(doc);
  if (root != nullptr) FindSections(root, article, 0, &writer);
  return writer.Take();
}

}  // namespace newsx::extract::internal
