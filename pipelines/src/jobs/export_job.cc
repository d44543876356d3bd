#include "newsx/pipelines/jobs/export_job.h"

#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <set>

#include "newsx/pipelines/jobs/export_rows.h"
#include "newsx/pipelines/jobs/export_schema.h"
#include "newsx/pipelines/jobs/jsonl_file.h"
#include "newsx/pipelines/jobs/read_store.h"
#include "newsx/pipelines/jobs/story_rows.h"

namespace newsx::pipelines {

namespace {

// The output files, written together.
struct ExportFiles {
  std::unique_ptr<JsonlFile> articles, entities, mentions, events, stories, happenings;
  std::unique_ptr<EventStoryLookup> lookup;
  // Incremental: the stories and happenings of the exported articles.
  std::set<std::string> touched_stories, touched_happenings;
  // Rendering of each article's content (ExportOptions::content_format).
  const store::ArticleStore* store = nullptr;
  extract::ContentFormat content_format = extract::ContentFormat::kText;
  std::uint64_t content_unavailable = 0;

  static Result<ExportFiles> Create(const store::ArticleStore& store, const std::string& dir,
                                    bool gzip, extract::ContentFormat content_format) {
    ExportFiles f;
    f.store = &store;
    f.content_format = content_format;
    f.lookup = std::make_unique<EventStoryLookup>(store);
    NEWSX_ASSIGN_OR_RETURN(f.articles, JsonlFile::Create(dir, "articles.jsonl", gzip));
    NEWSX_ASSIGN_OR_RETURN(f.entities, JsonlFile::Create(dir, "entities.jsonl", gzip));
    NEWSX_ASSIGN_OR_RETURN(f.mentions, JsonlFile::Create(dir, "mentions.jsonl", gzip));
    NEWSX_ASSIGN_OR_RETURN(f.events, JsonlFile::Create(dir, "events.jsonl", gzip));
    NEWSX_ASSIGN_OR_RETURN(f.stories, JsonlFile::Create(dir, "stories.jsonl", gzip));
    NEWSX_ASSIGN_OR_RETURN(f.happenings, JsonlFile::Create(dir, "happenings.jsonl", gzip));
    return f;
  }

  Status WriteArticle(const ExtractedArticle& x) {
    if (content_format == extract::ContentFormat::kText) {
      NEWSX_RETURN_IF_ERROR(articles->Write(ArticleRow(x.article)));
    } else {
      Article article = x.article;
      if (!RenderContent(&article)) ++content_unavailable;
      NEWSX_RETURN_IF_ERROR(articles->Write(ArticleRow(article)));
    }
    for (const std::string& row : MentionRows(x)) NEWSX_RETURN_IF_ERROR(mentions->Write(row));
    for (const Event& e : x.events) {
      NEWSX_ASSIGN_OR_RETURN(EventStory story, lookup->Lookup(e));
      NEWSX_RETURN_IF_ERROR(events->Write(EventRow(e, story)));
      if (!story.happening.empty()) touched_happenings.insert(story.happening);
    }
    return Status::Ok();
  }

  // Fills the article's content from its stored page, in content_format;
  // false (content left empty) when there is no page or it does not
  // extract any more. Only the HTML layer runs: no analysis.
  bool RenderContent(Article* article) const {
    Result<RawDocument> raw = store->GetRawDocument(article->id);
    if (!raw.ok()) return false;
    extract::HtmlExtractOptions html;
    html.format = content_format;
    Result<Article> rendered = extract::ExtractArticle(*raw, html);
    if (!rendered.ok() || rendered->content_format.empty()) return false;
    article->content = std::move(rendered->content);
    article->content_format = std::move(rendered->content_format);
    return true;
  }

  Status WriteStory(const store::ArticleStore& store, store::StorySummary summary) {
    NEWSX_ASSIGN_OR_RETURN(StoryView view, LoadStoryView(store, std::move(summary)));
    return stories->Write(StoryRow(view));
  }

  Status WriteHappening(const store::ArticleStore& store, store::HappeningSummary summary) {
    NEWSX_ASSIGN_OR_RETURN(HappeningView view, LoadHappeningView(store, std::move(summary)));
    if (view.summary.sources.empty()) return Status::Ok();
    return happenings->Write(HappeningRow(view));
  }

  Status Commit() {
    for (JsonlFile* f : {articles.get(), entities.get(), mentions.get(), events.get(),
                         stories.get(), happenings.get()}) {
      NEWSX_RETURN_IF_ERROR(f->Commit());
    }
    return Status::Ok();
  }
};

Status ExportAll(const store::ArticleStore& store, ExportFiles& files) {
  Status write_error;
  NEWSX_RETURN_IF_ERROR(store.ScanArticles([&](const ExtractedArticle& x) {
    write_error = files.WriteArticle(x);
    return write_error.ok();
  }));
  NEWSX_RETURN_IF_ERROR(write_error);
  NEWSX_RETURN_IF_ERROR(store.ScanEntities([&](const store::StoredEntity& e) {
    write_error = files.entities->Write(EntityRow(e));
    return write_error.ok();
  }));
  NEWSX_RETURN_IF_ERROR(write_error);
  NEWSX_RETURN_IF_ERROR(store.FindStories({}, [&](const store::StorySummary& s) {
    write_error = files.WriteStory(store, s);
    return write_error.ok();
  }));
  NEWSX_RETURN_IF_ERROR(write_error);
  NEWSX_RETURN_IF_ERROR(store.ScanHappenings([&](const store::HappeningSummary& h) {
    write_error = files.WriteHappening(store, h);
    return write_error.ok();
  }));
  return write_error;
}

// Records changed in (after, last]: their current state. Entities that no
// article mentions any more are written with zero counts, so that consumers
// see the change.
Status ExportChanges(const store::ArticleStore& store, const std::uint64_t after,
                     const std::uint64_t last, ExportFiles& files) {
  constexpr std::size_t kBatch = 4096;
  for (std::uint64_t cursor = after; cursor < last;) {
    NEWSX_ASSIGN_OR_RETURN(std::vector<store::Change> changes, store.ReadChanges(cursor, kBatch));
    if (changes.empty()) break;
    for (const store::Change& change : changes) {
      if (change.seq > last) break;
      NEWSX_ASSIGN_OR_RETURN(ExtractedArticle x, store.GetArticle(change.article_id));
      NEWSX_RETURN_IF_ERROR(files.WriteArticle(x));
      NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> story, store.StoryOf(x.article.id));
      if (story) files.touched_stories.insert(*story);
    }
    cursor = changes.back().seq;
  }
  Status write_error;
  NEWSX_RETURN_IF_ERROR(store.ScanChangedEntities(after, last, [&](const store::StoredEntity& e) {
    write_error = files.entities->Write(EntityRow(e));
    return write_error.ok();
  }));
  NEWSX_RETURN_IF_ERROR(write_error);
  // The current state of the stories and happenings the changed articles
  // are in (one they left is written again when another of its articles changes).
  for (const std::string& id : files.touched_stories) {
    Result<store::StorySummary> s = store.GetStory(id);
    if (!s.ok() && s.status().code() == StatusCode::kNotFound) continue;
    if (!s.ok()) return s.status();
    NEWSX_RETURN_IF_ERROR(files.WriteStory(store, std::move(s).value()));
  }
  for (const std::string& id : files.touched_happenings) {
    Result<store::HappeningSummary> h = store.GetHappening(id);
    if (!h.ok() && h.status().code() == StatusCode::kNotFound) continue;
    if (!h.ok()) return h.status();
    NEWSX_RETURN_IF_ERROR(files.WriteHappening(store, std::move(h).value()));
  }
  return Status::Ok();
}

// Writes `text` to `path` through a temporary file and a rename.
Status WriteFileAtomically(const std::filesystem::path& path, const std::string& text) {
  const std::filesystem::path tmp = path.parent_path() / ("." + path.filename().string() + ".tmp");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!(out << text) || !out.flush()) return IoError("cannot write " + tmp.string());
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return IoError("renaming " + tmp.string() + ": " + ec.message());
  return Status::Ok();
}

// Export cursors live in files beside the database (<db>/export-cursors/<name>),
// not in RocksDB, so that an export needs only a read-only view and runs
// while a crawl or backfill writes. Cursors of older versions, stored in the
// database as checkpoint "export:<name>", are still read.
std::filesystem::path CursorPath(const std::string& db, const std::string& name) {
  std::string file;
  for (char c : name) file += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_';
  return std::filesystem::path(db) / "export-cursors" / file;
}

Result<std::optional<std::string>> ReadCursor(const store::ArticleStore& store,
                                              const std::string& db, const std::string& name) {
  std::ifstream in(CursorPath(db, name));
  std::string value;
  if (in && std::getline(in, value)) return std::optional<std::string>(value);
  return store.GetCheckpoint("export:" + name);
}

Status WriteCursor(const std::string& db, const std::string& name, std::uint64_t seq) {
  const std::filesystem::path path = CursorPath(db, name);
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) return IoError("cannot create " + path.parent_path().string() + ": " + ec.message());
  return WriteFileAtomically(path, std::to_string(seq) + "\n");
}

}  // namespace

Result<ExportReport> ExportDatabase(const ExportOptions& options) {
  NEWSX_ASSIGN_OR_RETURN(std::unique_ptr<store::ArticleStore> store,
                         OpenStoreForReading(options.db_path));
  return ExportDatabase(*store, options);
}

Result<ExportReport> ExportDatabase(const store::ArticleStore& store, const ExportOptions& options) {
  if (options.out_dir.empty()) return InvalidArgumentError("export: no output directory");
  std::error_code ec;
  std::filesystem::create_directories(options.out_dir, ec);
  if (ec) return IoError("cannot create " + options.out_dir + ": " + ec.message());
  const std::string& db = options.db_path;
  NEWSX_ASSIGN_OR_RETURN(std::optional<std::string> cursor, ReadCursor(store, db, options.cursor));
  ExportReport report;
  if (cursor) std::from_chars(cursor->data(), cursor->data() + cursor->size(), report.after_seq);
  report.full = options.full || !cursor;
  NEWSX_ASSIGN_OR_RETURN(report.last_seq, store.LastChangeSeq());
  NEWSX_ASSIGN_OR_RETURN(ExportFiles files, ExportFiles::Create(store, options.out_dir,
                                                                options.gzip,
                                                                options.content_format));
  NEWSX_RETURN_IF_ERROR(report.full
                            ? ExportAll(store, files)
                            : ExportChanges(store, report.after_seq, report.last_seq, files));
  NEWSX_RETURN_IF_ERROR(files.Commit());
  // The columns beside the rows, so that even an empty file reads with them.
  const std::filesystem::path out(options.out_dir);
  NEWSX_RETURN_IF_ERROR(WriteFileAtomically(out / "schema.json", ExportSchemaJson()));
  NEWSX_RETURN_IF_ERROR(WriteFileAtomically(out / "schema.sql", ExportSchemaSql()));
  // Only once the files are complete: a failed export is simply redone.
  NEWSX_RETURN_IF_ERROR(WriteCursor(db, options.cursor, report.last_seq));
  report.articles = files.articles->lines();
  report.entities = files.entities->lines();
  report.mentions = files.mentions->lines();
  report.events = files.events->lines();
  report.stories = files.stories->lines();
  report.happenings = files.happenings->lines();
  report.content_unavailable = files.content_unavailable;
  return report;
}

}  // namespace newsx::pipelines
