// `newsx extract`: HTML pages or plain text in, one JSON record per input out.

#include <filesystem>
#include <iostream>
#include <iterator>

#include "cli_context.h"
#include "newsx/core/record_json.h"
#include "newsx/core/time_format.h"
#include "newsx/ingest/saved_page_source.h"

namespace newsx::cli {

namespace {

struct ExtractFlags {
  std::vector<std::string> inputs;
  bool text = false;
  bool conllu = false;
  std::string format = "text";
  bool comments = false;
  std::string url;
  std::string published;
  std::string title;
};

Result<std::string> ReadInput(const std::string& input) {
  if (input == "-") {
    std::string data((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return data;
  }
  return ingest::ReadMaybeGzippedFile(input, 256ull << 20);
}

// Batch mode: every saved page under `dir` (recursively, sorted), one JSON
// line each, in one process. Returns the number of pages that failed.
// The record is printed anyway; stderr says what the per-article limits cut.
void WarnIfTruncated(const CliContext& ctx, const extract::Truncation& truncation,
                     const std::string& item) {
  if (!truncation.any()) return;
  ctx.log().Warn("truncated: " + truncation.ToString(), {{"item", item}});
}

int ExtractDirectory(const extract::ArticleExtractor& extractor, const ExtractFlags& flags,
                     const std::string& dir, const CliContext& ctx) {
  auto source = ingest::SavedPageSource::Open({dir});
  if (!source.ok()) {
    ReportError(ctx, source.status(), dir);
    return 1;
  }
  int failures = 0;
  while (true) {
    Result<std::optional<ingest::SourceItem>> item = (*source)->Next();
    if (!item.ok()) {
      ReportError(ctx, item.status(), dir);
      return failures + 1;
    }
    if (!item->has_value()) return failures;
    ingest::SourceItem& page = **item;
    if (!page.error.ok()) {
      ReportError(ctx, page.error, page.position);
      ++failures;
      continue;
    }
    page.document.hint_published = flags.published;
    extract::Truncation truncation;
    Result<ExtractedArticle> x = extractor.Extract(page.document, &truncation);
    if (!x.ok()) {
      ReportError(ctx, x.status(), page.position);
      ++failures;
      continue;
    }
    WarnIfTruncated(ctx, truncation, page.position);
    std::cout << ToJson(*x) << '\n';
  }
}

int Run(ExtractFlags flags, const CliContext& ctx) {
  if (!flags.published.empty()) {
    const std::optional<std::int64_t> published = ParseDateTime(flags.published);
    if (!published) {
      ctx.log().Error("--published: not a date: " + flags.published +
                      " (give ISO 8601 like 2026-01-28 or 2026-01-28T09:30:00Z, or RFC 822)");
      return kExitUsage;
    }
    flags.published = FormatIsoUtc(*published);
  }
  extract::HtmlExtractOptions html;
  if (flags.format == "markdown") html.format = extract::ContentFormat::kMarkdown;
  if (flags.format == "html") html.format = extract::ContentFormat::kHtml;
  html.comments = flags.comments;
  auto extractor = ctx.MakeExtractor(html);
  if (!extractor.ok()) return ReportError(ctx, extractor.status(), "lexicons");
  int failures = 0;
  for (const std::string& input : flags.inputs) {
    std::error_code ec;
    if (!flags.text && std::filesystem::is_directory(input, ec)) {
      failures += ExtractDirectory(**extractor, flags, input, ctx);
      continue;
    }
    Result<std::string> bytes = ReadInput(input);
    if (!bytes.ok()) {
      ReportError(ctx, bytes.status(), input);
      ++failures;
      continue;
    }
    Result<ExtractedArticle> x = InvalidArgumentError("unreachable");
    extract::Truncation truncation;
    if (flags.text) {
      x = (*extractor)->ExtractText(extract::TextInput{std::move(bytes).value(), flags.title,
                                                        flags.url, flags.published},
                                    &truncation);
    } else {
      RawDocument doc;
      doc.url = flags.url.empty() ? (input == "-" ? "" : "file://" + input) : flags.url;
      doc.source = input;
      doc.body = std::move(bytes).value();
      doc.hint_published = flags.published;
      doc.hint_title = flags.title;
      x = (*extractor)->Extract(doc, &truncation);
    }
    if (!x.ok()) {
      ReportError(ctx, x.status(), input);
      ++failures;
      continue;
    }
    WarnIfTruncated(ctx, truncation, input);
    if (flags.conllu) {
      std::cout << (*extractor)->analyzer().Conllu(*x);
    } else {
      std::cout << ToJson(*x) << '\n';
    }
  }
  std::cout.flush();
  return failures == 0 ? kExitOk : kExitFailure;
}

}  // namespace

Command AddExtractCommand(CLI::App& root) {
  auto flags = std::make_shared<ExtractFlags>();
  CLI::App* app = root.add_subcommand(
      "extract", "Extract article, entities, quantities, dates and events from pages (no "
                 "database); prints one JSON line per input");
  app->add_option("inputs", flags->inputs,
                  "HTML files (.html or .html.gz), directories of them (batch mode: all "
                  "pages in one process), or - for stdin")
      ->required();
  app->add_flag("--text", flags->text, "Inputs are plain text, not HTML");
  app->add_flag("--conllu", flags->conllu,
                "Print the analysis of the text as CoNLL-U (tokens, lemmas, tags, "
                "dependency tree, name labels, entities) instead of JSON, for writing rules");
  app->add_option("--format", flags->format,
                  "Also give the article as article.content in this form: text (no "
                  "content, the default), markdown or html; article.text stays plain and "
                  "the basis of all spans")
      ->check(CLI::IsMember({"text", "markdown", "html"}));
  app->add_flag("--comments", flags->comments,
                "Also give the readers' comments shown on the page as article.comments, "
                "apart from the article text");
  app->add_option("--url", flags->url, "URL of the page (for ids and relative links)");
  app->add_option("--published", flags->published,
                  "Publication time (ISO 8601) when the page has none; relative dates "
                  "resolve against it");
  app->add_option("--title", flags->title, "Title, for --text inputs");
  return Command{app, [flags](const CliContext& ctx) { return Run(*flags, ctx); }};
}

}  // namespace newsx::cli
