#include "newsx/extract/html_extractor.h"

#include <optional>
#include <string>

#include "comments.h"
#include "content_writer.h"
#include "html_dom.h"
#include "main_content.h"
#include "newsx/core/charset.h"
#include "newsx/core/hash.h"
#include "newsx/core/strings.h"
#include "newsx/core/time_format.h"
#include "newsx/core/url.h"
#include "newsx/extract/language_id.h"
#include "newsx/extract/text_normalizer.h"
#include "page_metadata.h"

namespace newsx::extract {

namespace {

std::vector<std::string> NormalizeAll(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  out.reserve(values.size());
  for (const std::string& v : values) out.push_back(NormalizeText(v));
  return out;
}

// True when the bytes cannot be a web page: NULs or other control bytes
// make up a noticeable share of the start (images, archives, executables).
bool LooksBinary(std::string_view body) {
  const std::string_view head = body.substr(0, 4096);
  std::size_t control = 0;
  for (const char c : head) {
    const auto u = static_cast<unsigned char>(c);
    if (u == 0 || (u < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) ++control;
  }
  return control * 10 > head.size();
}

// The JSON-LD body is plain text: its lines become paragraphs.
std::string ParagraphsOf(std::string_view text, ContentFormat format) {
  std::string out;
  std::size_t start = 0;
  internal::ContentWriter writer(format, nullptr);
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string line(text.substr(start, end - start));
    writer.Text(line.c_str());
    writer.EndLine(true);
    start = end + 1;
  }
  return writer.Take();
}

}  // namespace

const char* ContentFormatName(ContentFormat format) {
  switch (format) {
    case ContentFormat::kText: return "text";
    case ContentFormat::kMarkdown: return "markdown";
    case ContentFormat::kHtml: return "html";
  }
  return nullptr;
}

Result<Article> ExtractArticle(const RawDocument& doc, const HtmlExtractOptions& options,
                               bool* elements_cut) {
  if (elements_cut != nullptr) *elements_cut = false;
  if (doc.body.size() > options.max_input_bytes) {
    return ResourceExhaustedError("page of " + std::to_string(doc.body.size()) +
                                  " bytes exceeds the limit of " +
                                  std::to_string(options.max_input_bytes));
  }
  const Utf8Text page = DecodeToUtf8(doc.body, doc.content_type, MarkupKind::kHtml);
  if (Trim(page.text(), kMarkupWhitespace).empty()) return InvalidArgumentError("page is empty");
  if (page.source != CharsetSource::kBom && LooksBinary(doc.body)) {
    return InvalidArgumentError("page is binary data, not HTML");
  }
  internal::HtmlDocPtr html =
      internal::ParseHtml(page.text(), doc.url, options.max_elements, elements_cut);
  if (html == nullptr) return InvalidArgumentError("not parseable as HTML");

  const std::int64_t fetched_s = doc.fetched_unix_ms > 0 ? doc.fetched_unix_ms / 1000 : 0;
  internal::PageMetadata meta = internal::ExtractMetadata(html.get(), doc.url, fetched_s);
  const bool formatted = options.format != ContentFormat::kText;
  std::optional<internal::ContentWriter> writer;
  if (formatted) writer.emplace(options.format, html->URL);
  const xmlNode* article_node = nullptr;
  std::string text = internal::ExtractMainContent(html.get(), meta.title,
                                                  writer ? &*writer : nullptr, &article_node);
  std::string comments;
  if (options.comments) comments = internal::ExtractComments(html.get(), article_node);
  std::string content = writer ? writer->Take() : std::string();
  // Pages rendered by scripts may carry their text only in JSON-LD.
  if (text.size() * 5 < meta.json_ld_body.size()) {
    text = std::move(meta.json_ld_body);
    if (formatted) content = ParagraphsOf(text, options.format);
  }
  html.reset();

  Article a;
  a.text = NormalizeText(text);
  if (a.text.empty()) return InvalidArgumentError("page has no article text");
  a.url = doc.url;
  a.source = doc.source;
  a.title = NormalizeText(meta.title.empty() ? doc.hint_title : meta.title);
  a.authors = NormalizeAll(meta.authors);
  a.published = meta.published.empty() ? doc.hint_published : meta.published;
  a.modified = meta.modified;
  if (fetched_s > 0) a.fetched = FormatIsoUtc(fetched_s);
  // The declared language only tips close calls: pages declare "en" in
  // templates whatever they carry.
  LanguageGuess lang = IdentifyLanguage(a.text, meta.lang);
  a.lang = std::move(lang.code);
  a.lang_confidence = lang.confidence;
  a.site = NormalizeText(meta.site);
  a.description = NormalizeText(meta.description);
  a.section = NormalizeText(meta.section);
  a.tags = NormalizeAll(meta.tags);
  a.image = meta.image;
  a.canonical_url = CanonicalizeUrl(meta.canonical_url);
  if (a.canonical_url.empty()) a.canonical_url = CanonicalizeUrl(doc.url);
  a.id = ArticleId(a.canonical_url.empty() ? doc.url : a.canonical_url);
  a.content_hash = ContentHash(a.text);
  a.comments = NormalizeText(comments);
  if (formatted) {
    a.content = NormalizeText(content);
    a.content_format = ContentFormatName(options.format);
  }
  a.extractor_version = kHtmlExtractorVersion;
  return a;
}

}  // namespace newsx::extract
