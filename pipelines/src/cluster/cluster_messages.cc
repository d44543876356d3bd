#include "newsx/pipelines/cluster/cluster_messages.h"

#include <charconv>
#include <cstdint>
#include <vector>

#include "newsx/core/hash.h"
#include "newsx/core/record_json.h"
#include "newsx/core/url.h"
#include "newsx/pipelines/cluster/cluster_options.h"

namespace newsx::pipelines::cluster {

namespace {

constexpr std::string_view kPageMagic = "NXP1";
constexpr std::string_view kRecordMagic = "NXR1";

void PutField(std::string& out, std::string_view field) {
  const auto n = static_cast<std::uint32_t>(field.size());
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((n >> (8 * i)) & 0xff));
  out.append(field);
}

// Reads the fields of a frame in order; any overrun makes the frame invalid.
class FieldReader {
 public:
  explicit FieldReader(std::string_view bytes) : rest_(bytes) {}

  bool Magic(std::string_view magic) {
    if (!rest_.starts_with(magic)) return false;
    rest_.remove_prefix(magic.size());
    return true;
  }

  bool Next(std::string* out) {
    if (rest_.size() < 4) return false;
    std::uint32_t n = 0;
    for (int i = 0; i < 4; ++i) {
      n |= static_cast<std::uint32_t>(static_cast<unsigned char>(rest_[i])) << (8 * i);
    }
    rest_.remove_prefix(4);
    if (rest_.size() < n) return false;
    out->assign(rest_.substr(0, n));
    rest_.remove_prefix(n);
    return true;
  }

  bool AtEnd() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

void PutDocument(std::string& out, const RawDocument& d) {
  PutField(out, d.url);
  PutField(out, d.source);
  PutField(out, d.content_type);
  PutField(out, std::to_string(d.fetched_unix_ms));
  PutField(out, d.hint_published);
  PutField(out, d.hint_title);
  PutField(out, d.body);
}

bool ReadDocument(FieldReader& in, RawDocument* d) {
  std::string fetched;
  if (!in.Next(&d->url) || !in.Next(&d->source) || !in.Next(&d->content_type) ||
      !in.Next(&fetched) || !in.Next(&d->hint_published) || !in.Next(&d->hint_title) ||
      !in.Next(&d->body) || !in.AtEnd()) {
    return false;
  }
  const auto [end, ec] =
      std::from_chars(fetched.data(), fetched.data() + fetched.size(), d->fetched_unix_ms);
  return ec == std::errc() && end == fetched.data() + fetched.size();
}

}  // namespace

std::string EncodePage(const PageItem& page) {
  std::string out(kPageMagic);
  out.reserve(page.document.body.size() + page.document.url.size() + 256);
  PutField(out, page.position);
  PutDocument(out, page.document);
  return out;
}

Result<PageItem> DecodePage(std::string_view bytes) {
  FieldReader in(bytes);
  PageItem page;
  if (!in.Magic(kPageMagic) || !in.Next(&page.position) || !ReadDocument(in, &page.document)) {
    return InvalidArgumentError("not a page message (bad or truncated frame)");
  }
  return page;
}

std::string EncodeRecord(const RecordItem& record) {
  std::string out(kRecordMagic);
  PutField(out, record.position);
  PutField(out, ToJson(record.extracted));
  PutDocument(out, record.document);
  return out;
}

Result<RecordItem> DecodeRecord(std::string_view bytes) {
  FieldReader in(bytes);
  RecordItem record;
  std::string json;
  if (!in.Magic(kRecordMagic) || !in.Next(&record.position) || !in.Next(&json) ||
      !ReadDocument(in, &record.document)) {
    return InvalidArgumentError("not a record message (bad or truncated frame)");
  }
  NEWSX_ASSIGN_OR_RETURN(record.extracted, ParseExtractedArticle(json));
  return record;
}

std::string PageMessageId(std::string_view position, std::string_view url) {
  std::string key(position);
  key += '\n';
  key += url;
  return Hash128Hex(key);
}

std::string RecordMessageId(std::string_view page_id) { return "r" + std::string(page_id); }

int FetchPartition(std::string_view url) {
  // 8 hex digits of the host's hash: stable across processes and versions.
  const std::string h = Hash128Hex(UrlHost(url));
  return static_cast<int>(std::stoul(h.substr(0, 8), nullptr, 16) % kFetchPartitions);
}

std::string FetchSubject(int partition) { return "newsx.fetch." + std::to_string(partition); }
std::string FetchConsumer(int partition) { return "fetch-" + std::to_string(partition); }

}  // namespace newsx::pipelines::cluster
