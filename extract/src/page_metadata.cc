#include "page_metadata.h"

#include <re2/re2.h>

#include <algorithm>
#include <utility>

#include "html_dom.h"
#include "json_ld.h"
#include "newsx/core/strings.h"
#include "newsx/core/time_format.h"
#include "newsx/core/url.h"

namespace newsx::extract::internal {

namespace {

// Earliest plausible publication time (1990-01-01): older dates on news
// pages are placeholders or parse accidents.
constexpr std::int64_t kEarliestDate = 631152000;

// Everything the metadata comes from, gathered in one walk of the tree.
struct RawPage {
  std::vector<std::pair<std::string, std::string>> metas;  // Lower-case key, content.
  std::vector<std::string> json_ld;
  std::vector<std::string> times;         // <time datetime>, marked ones first.
  std::vector<std::string> author_links;  // rel=author, itemprop=author.
  std::vector<std::string> author_pages;  // Links to /author/... pages.
  std::string title_tag;
  std::string h1;
  std::string html_lang;
  std::string canonical;
  std::string image_src;
};

// Bylines link to the author's page; a page links to few of them.
constexpr std::size_t kMaxAuthorPages = 4;
// Dates and bylines from markup kept per page: the first ones are the
// article's, and the bound keeps hostile pages linear.
constexpr std::size_t kMaxCandidates = 16;

// A link to an author's page by the usual CMS paths (/author/jane-doe/).
// Runs for every link of a page: one pass over the slashes of `href`
// rather than one search of the whole href per directory name.
bool IsAuthorPage(std::string_view href) {
  for (std::size_t at = href.find('/'); at != std::string_view::npos;
       at = href.find('/', at + 1)) {
    const std::string_view rest = href.substr(at);
    for (std::string_view dir : {"/author/", "/authors/", "/contributor/", "/contributors/"}) {
      if (rest.starts_with(dir)) return true;
    }
  }
  return false;
}

void AddMeta(const xmlNode* n, RawPage* raw) {
  std::string_view key = Attr(n, "property");
  if (key.empty()) key = Attr(n, "name");
  if (key.empty()) key = Attr(n, "itemprop");
  if (key.empty()) key = Attr(n, "http-equiv");
  std::string_view content = Attr(n, "content");
  if (content.empty()) content = Attr(n, "value");
  if (key.empty() || content.empty()) return;
  raw->metas.emplace_back(AsciiLower(key), CollapseSpace(content));
}

void Collect(const xmlNode* node, int depth, RawPage* raw) {
  if (depth > kMaxDomDepth) return;
  for (const xmlNode* n = node; n != nullptr; n = n->next) {
    if (!IsElement(n)) continue;
    const std::string_view name = Name(n);
    if (name == "meta") {
      AddMeta(n, raw);
    } else if (name == "script") {
      if (AsciiLower(Attr(n, "type")) == "application/ld+json" && n->children != nullptr &&
          n->children->content != nullptr) {
        raw->json_ld.emplace_back(reinterpret_cast<const char*>(n->children->content));
      }
      continue;
    } else if (name == "style") {
      continue;
    } else if (name == "link") {
      const std::string rel = AsciiLower(Attr(n, "rel"));
      if (rel == "canonical" && raw->canonical.empty()) raw->canonical = Attr(n, "href");
      if (rel == "image_src" && raw->image_src.empty()) raw->image_src = Attr(n, "href");
    } else if (name == "title" && raw->title_tag.empty()) {
      raw->title_tag = TextOf(n);
    } else if (name == "h1" && raw->h1.empty()) {
      raw->h1 = TextOf(n);
    } else if (name == "html" && raw->html_lang.empty()) {
      raw->html_lang = Attr(n, "lang");
    }
    const std::string_view itemprop = Attr(n, "itemprop");
    if ((name == "time" || itemprop == "datePublished") && raw->times.size() < kMaxCandidates) {
      std::string when(Attr(n, "datetime"));
      if (when.empty()) when = Attr(n, "content");
      if (when.empty() && name == "time") when = TextOf(n);
      const bool marked = itemprop == "datePublished" || HasAttr(n, "pubdate");
      if (!when.empty()) {
        raw->times.insert(marked ? raw->times.begin() : raw->times.end(), std::move(when));
      }
    }
    if (name != "meta" && raw->author_links.size() < kMaxCandidates &&
        (itemprop == "author" || (name == "a" && Attr(n, "rel") == "author"))) {
      std::string text = TextOf(n);
      if (!text.empty()) raw->author_links.push_back(std::move(text));
    } else if (name == "a" && raw->author_pages.size() < kMaxAuthorPages &&
               IsAuthorPage(Attr(n, "href"))) {
      std::string text = TextOf(n);
      if (!text.empty()) raw->author_pages.push_back(std::move(text));
    }
    Collect(n->children, depth + 1, raw);
  }
}

std::string FirstMeta(const RawPage& raw, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    for (const auto& [k, v] : raw.metas) {
      if (k == key && !v.empty()) return v;
    }
  }
  return "";
}

std::vector<std::string> AllMeta(const RawPage& raw, const char* key) {
  std::vector<std::string> out;
  for (const auto& [k, v] : raw.metas) {
    if (k == key) out.push_back(v);
  }
  return out;
}

// Removes " | Site", " - Site" and similar suffixes (and "Site | " prefixes).
std::string StripSiteName(std::string title, std::string_view site, std::string_view h1) {
  static constexpr const char* kSeparators[] = {
      " | ", " - ", " – ", " — ", " :: ", " » ", " · ", " • ", " / "};
  if (!h1.empty() && title.size() > h1.size() && title.compare(0, h1.size(), h1) == 0) {
    return std::string(h1);
  }
  const std::string site_lower = AsciiLower(site);
  for (int round = 0; round < 3; ++round) {
    std::size_t cut = std::string::npos, cut_len = 0;
    for (const char* sep : kSeparators) {
      const std::size_t at = title.rfind(sep);
      if (at != std::string::npos && (cut == std::string::npos || at > cut)) {
        cut = at;
        cut_len = std::char_traits<char>::length(sep);
      }
    }
    if (cut == std::string::npos || cut == 0) break;
    const std::string suffix = AsciiLower(title.substr(cut + cut_len));
    const std::string prefix = AsciiLower(title.substr(0, cut));
    const bool suffix_is_site =
        !site_lower.empty() && (suffix.find(site_lower) != std::string::npos ||
                                site_lower.find(suffix) != std::string::npos);
    const bool prefix_is_site = !site_lower.empty() && prefix == site_lower;
    const auto words = [](const std::string& s) { return std::count(s.begin(), s.end(), ' ') + 1; };
    if (prefix_is_site) {
      title = title.substr(cut + cut_len);
    } else if (suffix_is_site || (words(suffix) <= 3 && words(prefix) >= 4)) {
      title.resize(cut);
    } else {
      break;
    }
  }
  return title;
}

std::string ParseDate(std::string_view text, std::int64_t fetched_unix_s) {
  const std::optional<std::int64_t> t = ParseDateTime(CollapseSpace(text));
  if (!t || *t < kEarliestDate || (fetched_unix_s > 0 && *t > fetched_unix_s)) return "";
  return FormatIsoUtc(*t);
}

std::string FirstDate(const std::vector<std::string>& candidates, std::int64_t fetched_unix_s) {
  for (const std::string& c : candidates) {
    std::string date = ParseDate(c, fetched_unix_s);
    if (!date.empty()) return date;
  }
  return "";
}

std::string LanguageTag(std::string_view raw) {
  std::string tag = AsciiLower(CollapseSpace(raw));
  const std::size_t end = tag.find_first_of("-_ ,;");
  if (end != std::string::npos) tag.resize(end);
  if (tag.size() < 2 || tag.size() > 3) return "";
  for (char c : tag) {
    if (c < 'a' || c > 'z') return "";
  }
  return tag;
}

bool LooksLikeName(std::string_view s) {
  if (s.size() < 2 || s.size() > 80) return false;
  if (s.find('@') != std::string_view::npos || s.find("http") != std::string_view::npos ||
      s.find('/') != std::string_view::npos) {
    return false;
  }
  // "Cleveland.com", "NJ Advance Media for NJ.com": a publication, not a person.
  static const RE2 kDomain("(?i)\\w\\.(?:com|net|org|co|info|news|in|uk|de|fr|au|ca)\\b");
  if (RE2::PartialMatch(s, kDomain)) return false;
  // "AP Auto Writer", "Senior Editor": a job title that followed the name.
  static const RE2 kRole(
      "(?i)\\b(?:writer|editor|correspondent|reporter|staff|contributor|columnist)s?\\b");
  if (RE2::PartialMatch(s, kRole)) return false;
  return std::count_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }) == 0;
}

// Splits bylines into names: drops "By", splits on "and", commas and
// ampersands, drops the site name and anything that is not a name.
std::vector<std::string> CleanAuthors(const std::vector<std::string>& raw, std::string_view site,
                                      std::string_view publisher) {
  static const RE2 kSplit("(?i)\\s*(?:,|;|\\||&|\\band\\b)\\s*");
  static const RE2 kBy("(?i)^\\s*(?:by|written by|posted by|von|par|por)\\s*:?\\s+");
  std::vector<std::string> out;
  for (const std::string& entry : raw) {
    std::string s = CollapseSpace(entry);
    RE2::Replace(&s, kBy, "");
    std::string parts = s;
    RE2::GlobalReplace(&parts, kSplit, "\n");
    std::size_t start = 0;
    while (start <= parts.size()) {
      std::size_t end = parts.find('\n', start);
      if (end == std::string::npos) end = parts.size();
      std::string name = CollapseSpace(std::string_view(parts).substr(start, end - start));
      RE2::Replace(&name, kBy, "");
      start = end + 1;
      if (!LooksLikeName(name) || EqualsIgnoreAsciiCase(name, site) ||
          EqualsIgnoreAsciiCase(name, publisher)) {
        continue;
      }
      const bool seen = std::any_of(
          out.begin(), out.end(), [&](const std::string& o) { return EqualsIgnoreAsciiCase(o, name); });
      if (!seen) out.push_back(std::move(name));
    }
  }
  return out;
}

std::vector<std::string> SplitTags(const std::vector<std::string>& raw) {
  std::vector<std::string> out;
  for (const std::string& entry : raw) {
    std::size_t start = 0;
    while (start <= entry.size()) {
      std::size_t end = entry.find(',', start);
      if (end == std::string::npos) end = entry.size();
      std::string tag = CollapseSpace(std::string_view(entry).substr(start, end - start));
      start = end + 1;
      if (!tag.empty() && std::find(out.begin(), out.end(), tag) == out.end()) {
        out.push_back(std::move(tag));
      }
    }
  }
  return out;
}

std::string Absolute(std::string_view page_url, std::string_view ref) {
  const std::string trimmed = CollapseSpace(ref);
  if (trimmed.empty()) return "";
  std::string resolved = ResolveUrl(page_url, trimmed);
  return resolved.empty() ? trimmed : resolved;
}

}  // namespace

std::int64_t DateFromUrl(std::string_view url) {
  static const RE2 kDate(
      "/((?:19|20)\\d\\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\\d|3[01])(?:/|[-_]|\\b)");
  int year = 0, month = 0, day = 0;
  if (!RE2::PartialMatch(SplitUrl(url).path, kDate, &year, &month, &day)) return -1;
  return DaysFromCivil(year, month, day) * 86400;
}

PageMetadata ExtractMetadata(const xmlDoc* doc, std::string_view page_url,
                             std::int64_t fetched_unix_s) {
  RawPage raw;
  Collect(doc->children, 0, &raw);
  JsonLdArticle ld;
  for (const std::string& script : raw.json_ld) MergeJsonLd(script, &ld);

  PageMetadata m;
  m.site = FirstMeta(raw, {"og:site_name", "application-name", "al:iphone:app_name"});
  if (m.site.empty()) m.site = CollapseSpace(ld.publisher);
  if (m.site.rfind("http://", 0) == 0 || m.site.rfind("https://", 0) == 0) m.site = UrlHost(m.site);
  const std::string_view scheme = SplitUrl(page_url).scheme;
  if (m.site.empty() && (scheme == "http" || scheme == "https")) m.site = UrlHost(page_url);

  std::string title = CollapseSpace(ld.headline);
  if (title.empty()) title = FirstMeta(raw, {"og:title", "twitter:title"});
  if (title.empty()) title = raw.title_tag;
  if (title.empty()) title = raw.h1;
  m.title = StripSiteName(title, m.site, raw.h1);

  std::vector<std::string> bylines = ld.authors;
  if (bylines.empty()) {
    for (const char* key : {"author", "article:author", "byl", "dc.creator", "parsely-author",
                            "sailthru.author", "dcterms.creator"}) {
      for (std::string& v : AllMeta(raw, key)) bylines.push_back(std::move(v));
    }
  }
  m.authors = CleanAuthors(bylines, m.site, ld.publisher);
  if (m.authors.empty()) m.authors = CleanAuthors(raw.author_links, m.site, ld.publisher);
  if (m.authors.empty()) m.authors = CleanAuthors(raw.author_pages, m.site, ld.publisher);

  std::vector<std::string> published = {ld.date_published};
  for (const char* key :
       {"article:published_time", "article:published", "og:published_time", "published_time",
        "datepublished", "pubdate", "publishdate", "publish-date", "publish_date",
        "article.published", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created",
        "date", "sailthru.date", "parsely-pub-date", "og:pubdate"}) {
    published.push_back(FirstMeta(raw, {key}));
  }
  published.insert(published.end(), raw.times.begin(), raw.times.end());
  m.published = FirstDate(published, fetched_unix_s);
  m.modified =
      FirstDate({ld.date_modified,
                 FirstMeta(raw, {"article:modified_time", "article:modified", "og:updated_time",
                                 "datemodified", "dcterms.modified", "last-modified"})},
                fetched_unix_s);

  m.lang = LanguageTag(raw.html_lang);
  if (m.lang.empty())
    m.lang =
        LanguageTag(FirstMeta(raw, {"content-language", "dc.language", "language", "og:locale"}));
  if (m.lang.empty()) m.lang = LanguageTag(ld.language);

  m.canonical_url = Absolute(page_url, raw.canonical);
  if (m.canonical_url.empty()) m.canonical_url = Absolute(page_url, FirstMeta(raw, {"og:url"}));
  if (m.canonical_url.empty()) m.canonical_url = Absolute(page_url, ld.url);

  // Last resort for the date: the path of the page's URL or canonical URL
  // (saved pages have a file: URL).
  for (std::string_view url : {page_url, std::string_view(m.canonical_url)}) {
    if (!m.published.empty()) break;
    const std::int64_t from_url = DateFromUrl(url);
    if (from_url >= kEarliestDate && (fetched_unix_s <= 0 || from_url <= fetched_unix_s)) {
      m.published = FormatIsoUtc(from_url);
    }
  }

  m.description = FirstMeta(raw, {"og:description", "description", "twitter:description"});
  if (m.description.empty()) m.description = CollapseSpace(ld.description);
  m.section = FirstMeta(raw, {"article:section", "parsely-section", "section"});
  if (m.section.empty()) m.section = CollapseSpace(ld.section);

  std::vector<std::string> tags = AllMeta(raw, "article:tag");
  if (tags.empty()) tags = ld.keywords;
  if (tags.empty()) tags = AllMeta(raw, "news_keywords");
  if (tags.empty()) tags = AllMeta(raw, "keywords");
  m.tags = SplitTags(tags);

  std::string image =
      FirstMeta(raw, {"og:image", "og:image:url", "twitter:image", "twitter:image:src"});
  if (image.empty()) image = ld.image;
  if (image.empty()) image = raw.image_src;
  m.image = Absolute(page_url, image);
  m.json_ld_body = CollapseSpace(ld.article_body);
  m.title = DecodeEntities(m.title);
  m.site = DecodeEntities(m.site);
  m.description = DecodeEntities(m.description);
  m.section = DecodeEntities(m.section);
  for (std::string& tag : m.tags) tag = DecodeEntities(tag);
  for (std::string& author : m.authors) author = DecodeEntities(author);
  return m;
}

}  // namespace newsx::extract::internal
