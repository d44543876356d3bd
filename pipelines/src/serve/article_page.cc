// /article?id=...: the article's text with its mentions and event triggers
// marked, and its events.

#include <algorithm>

#include "html.h"
#include "newsx/core/time_format.h"
#include "pages.h"

namespace newsx::pipelines::serve {

namespace {

// Byte offset of each code point of `text` (and of its end), counting an
// invalid UTF-8 byte as one code point, as the analyzer does.
std::vector<std::size_t> CodePointOffsets(const std::string& text) {
  std::vector<std::size_t> offsets;
  std::size_t i = 0;
  while (i < text.size()) {
    offsets.push_back(i);
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + len > text.size()) len = 1;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) len = 1;
    }
    i += len;
  }
  offsets.push_back(text.size());
  return offsets;
}

struct Mark {
  Span span;
  std::string open, close;
};

// The text with marks; a mark overlapping an earlier one is left out (a
// nested mention such as "Nvidia" in "Nvidia H200" shows as the outer one).
std::string MarkedText(const std::string& text, std::vector<Mark> marks) {
  const std::vector<std::size_t> at = CodePointOffsets(text);
  const std::size_t n = at.size() - 1;
  std::stable_sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    return a.span.end > b.span.end;
  });
  std::string out;
  std::size_t pos = 0;  // Code points written.
  for (const Mark& m : marks) {
    if (m.span.begin < pos || m.span.end <= m.span.begin || m.span.end > n) continue;
    out += Escape(std::string_view(text).substr(at[pos], at[m.span.begin] - at[pos]));
    out += m.open +
           Escape(std::string_view(text).substr(at[m.span.begin], at[m.span.end] - at[m.span.begin])) +
           m.close;
    pos = m.span.end;
  }
  return out + Escape(std::string_view(text).substr(at[pos]));
}

std::string Meta(const Article& a) {
  std::string out = "<table id=\"article-meta\"><tbody>";
  auto row = [&](const char* name, const std::string& value) {
    if (!value.empty()) out += "<tr><th>" + std::string(name) + "</th><td>" + Escape(value) + "</td></tr>";
  };
  row("published", a.published);
  row("site", a.site);
  std::string authors;
  for (const std::string& au : a.authors) authors += (authors.empty() ? "" : ", ") + au;
  row("authors", authors);
  row("url", a.canonical_url.empty() ? a.url : a.canonical_url);
  row("source", a.source);
  row("id", a.id);
  return out + "</tbody></table>";
}

}  // namespace

Response ArticlePage(const Request& request, const StoreView& view) {
  if (Status s = CheckParamNames(request, {"id"}); !s.ok()) return ErrorPage(s);
  Result<std::string> id = RequiredParam(request, "id");
  if (!id.ok()) return ErrorPage(id.status());
  Result<ExtractedArticle> x = view.store().GetArticle(*id);
  if (!x.ok()) return ErrorPage(x.status());
  const Article& a = x->article;
  std::vector<Mark> marks;
  for (const Entity& e : x->entities) {
    const std::string open = "<mark class=\"" + std::string(EntityTypeName(e.type)) +
                             "\" title=\"" + Escape(e.id) + "\"><a href=\"" +
                             Href("/entity", {{"id", e.id}}) + "\">";
    for (const Mention& m : e.mentions) marks.push_back(Mark{m.span, open, "</a></mark>"});
  }
  std::vector<store::TimedEvent> events;
  for (const Event& e : x->events) {
    const std::string open = "<span class=\"event-span\" title=\"" + Escape(e.type) + "\">";
    marks.push_back(Mark{e.trigger_span, open, "</span>"});
    // The time the store indexes it under: its own, else the article's.
    const std::optional<std::int64_t> t = ParseDateTime(e.time_start.empty() ? a.published : e.time_start);
    events.push_back(store::TimedEvent{t.value_or(0), e});
  }
  const std::string title = a.title.empty() ? a.id : a.title;
  std::string body = "<h1 id=\"article-title\">" + Escape(title) + "</h1>" + Meta(a) +
                     "<h2>Text</h2><p class=\"muted\">Mentions are marked by type (chip, org, "
                     "person, place) and link to the entity; event triggers are underlined.</p>"
                     "<div class=\"article-text\" id=\"article-text\">" +
                     MarkedText(a.text, std::move(marks)) + "</div><h2>Events</h2>" +
                     EventsTable(events, view, "article-events");
  return Response{200, "text/html; charset=utf-8", Page(title, body)};
}

}  // namespace newsx::pipelines::serve
