#include "newsx/core/strings.h"
#include "warc/warc_header.h"

#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace newsx::ingest::internal {

namespace {

// Splits off the next line (without its LF and trailing CRs).
std::string_view NextLine(std::string_view* rest) {
  const std::size_t nl = rest->find('\n');
  std::string_view line = rest->substr(0, nl);
  rest->remove_prefix(nl == std::string_view::npos ? rest->size() : nl + 1);
  while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool ParseUint(std::string_view text, std::uint64_t* value) {
  const std::optional<std::uint64_t> parsed = ParseU64(TrimHeaderSpace(text));
  if (parsed) *value = *parsed;
  return parsed.has_value();
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

WarcRecordType TypeFromName(std::string_view name) {
  struct Entry {
    std::string_view name;
    WarcRecordType type;
  };
  static constexpr Entry kTypes[] = {
      {"response", WarcRecordType::kResponse},   {"request", WarcRecordType::kRequest},
      {"metadata", WarcRecordType::kMetadata},   {"warcinfo", WarcRecordType::kWarcinfo},
      {"resource", WarcRecordType::kResource},   {"revisit", WarcRecordType::kRevisit},
      {"conversion", WarcRecordType::kConversion}, {"continuation", WarcRecordType::kContinuation},
  };
  for (const Entry& e : kTypes) {
    if (EqualsIgnoreAsciiCase(e.name, name)) return e.type;
  }
  return WarcRecordType::kUnknown;
}

std::string_view StripAngles(std::string_view uri) {
  uri = TrimHeaderSpace(uri);
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') {
    uri = uri.substr(1, uri.size() - 2);
  }
  return uri;
}

void SetKnownField(std::string_view name, std::string_view value, WarcRecord* record) {
  if (EqualsIgnoreAsciiCase(name, "WARC-Type")) {
    record->type_name.assign(value);
    record->type = TypeFromName(value);
  } else if (EqualsIgnoreAsciiCase(name, "WARC-Target-URI")) {
    record->target_uri.assign(StripAngles(value));
  } else if (EqualsIgnoreAsciiCase(name, "WARC-Date")) {
    record->date.assign(value);
  } else if (EqualsIgnoreAsciiCase(name, "WARC-Record-ID")) {
    record->record_id.assign(value);
  } else if (EqualsIgnoreAsciiCase(name, "Content-Type")) {
    record->content_type.assign(value);
  } else if (EqualsIgnoreAsciiCase(name, "WARC-Payload-Digest")) {
    record->payload_digest.assign(value);
  } else if (EqualsIgnoreAsciiCase(name, "WARC-Identified-Payload-Type")) {
    record->identified_payload_type.assign(value);
  }
}

void ResetFields(WarcRecord* record) {
  record->version.clear();
  record->type = WarcRecordType::kUnknown;
  record->type_name.clear();
  record->target_uri.clear();
  record->date.clear();
  record->record_id.clear();
  record->content_type.clear();
  record->payload_digest.clear();
  record->identified_payload_type.clear();
  record->content_length = 0;
  record->headers.clear();
  record->truncated = false;
  record->oversized = false;
}

// WARC/0.17 and earlier put the main fields on the version line itself.
Status ParseOldVersionLine(std::string_view rest, WarcRecord* record) {
  std::vector<std::string_view> tokens;
  while (!rest.empty()) {
    rest = TrimHeaderSpace(rest);
    const std::size_t sp = rest.find(' ');
    tokens.push_back(rest.substr(0, sp));
    rest.remove_prefix(sp == std::string_view::npos ? rest.size() : sp);
  }
  if (tokens.size() < 2 || !ParseUint(tokens[0], &record->content_length)) {
    return InvalidArgumentError("unreadable WARC version line");
  }
  SetKnownField("WARC-Type", tokens[1], record);
  if (tokens.size() > 2) SetKnownField("WARC-Target-URI", tokens[2], record);
  if (tokens.size() > 3) SetKnownField("WARC-Date", tokens[3], record);
  if (tokens.size() > 4) SetKnownField("WARC-Record-ID", tokens[4], record);
  if (tokens.size() > 5) SetKnownField("Content-Type", tokens[5], record);
  return Status::Ok();
}

}  // namespace

std::string_view TrimHeaderSpace(std::string_view s) {
  return TrimRight(TrimLeft(s, " \t"), " \t\r");
}

std::size_t FindHeaderEnd(std::string_view data) {
  std::size_t pos = 0;
  while (pos < data.size()) {
    const void* hit = std::memchr(data.data() + pos, '\n', data.size() - pos);
    if (hit == nullptr) return std::string_view::npos;
    const std::size_t nl = static_cast<std::size_t>(static_cast<const char*>(hit) - data.data());
    std::size_t line_start = pos;
    while (line_start < nl && data[line_start] == '\r') ++line_start;
    if (line_start == nl && pos > 0) return nl + 1;
    pos = nl + 1;
  }
  return std::string_view::npos;
}

Status ParseWarcHeader(std::string_view block, WarcRecord* record) {
  ResetFields(record);
  std::string_view rest = block;
  const std::string_view first = NextLine(&rest);
  if (!first.starts_with("WARC/")) return InvalidArgumentError("no WARC/ version line");
  const std::string_view version_and_more = first.substr(5);
  const std::size_t sp = version_and_more.find(' ');
  record->version.assign(TrimHeaderSpace(version_and_more.substr(0, sp)));
  bool have_length = false;
  if (sp != std::string_view::npos && !TrimHeaderSpace(version_and_more.substr(sp)).empty()) {
    NEWSX_RETURN_IF_ERROR(ParseOldVersionLine(version_and_more.substr(sp), record));
    have_length = true;
  }
  while (!rest.empty()) {
    const std::string_view line = NextLine(&rest);
    if (line.empty()) break;
    if ((line.front() == ' ' || line.front() == '\t') && !record->headers.empty()) {
      std::string& value = record->headers.back().second;
      value.push_back(' ');
      value.append(TrimHeaderSpace(line));
      SetKnownField(record->headers.back().first, value, record);
      continue;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // Not a field; tolerated.
    const std::string_view name = TrimHeaderSpace(line.substr(0, colon));
    const std::string_view value = TrimHeaderSpace(line.substr(colon + 1));
    record->headers.emplace_back(std::string(name), std::string(value));
    if (EqualsIgnoreAsciiCase(name, "Content-Length")) {
      if (!ParseUint(value, &record->content_length)) {
        return InvalidArgumentError("unreadable Content-Length '" + std::string(value) + "'");
      }
      have_length = true;
    } else {
      SetKnownField(name, value, record);
    }
  }
  if (!have_length) return InvalidArgumentError("no Content-Length field");
  return Status::Ok();
}

Status ParseArcHeader(std::string_view line, int arc_version, WarcRecord* record) {
  ResetFields(record);
  while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::vector<std::string_view> fields;
  std::string_view rest = line;
  while (!rest.empty()) {
    const std::size_t sp = rest.find(' ');
    const std::string_view field = rest.substr(0, sp);
    if (!field.empty()) fields.push_back(field);
    rest.remove_prefix(sp == std::string_view::npos ? rest.size() : sp + 1);
  }
  // Fields after the URL, counted from the end (the URL may hold spaces).
  const std::size_t tail = arc_version == 2 ? 9 : 4;
  if (fields.size() < tail + 1) return InvalidArgumentError("too few fields");
  const std::size_t n = fields.size();
  const std::string_view length = fields[n - 1];
  const std::string_view date = fields[n - tail + 1];
  const std::string_view mime = fields[n - tail + 2];
  // 12 to 14 digits, some writers append milliseconds.
  if (!AllDigits(date) || date.size() < 12 || date.size() > 18) {
    return InvalidArgumentError("bad date field '" + std::string(date) + "'");
  }
  // "-1" appears in the wild for an empty record.
  if (length == "-1") {
    record->content_length = 0;
  } else if (!ParseUint(length, &record->content_length)) {
    return InvalidArgumentError("bad length field '" + std::string(length) + "'");
  }
  const std::size_t url_end =
      static_cast<std::size_t>(fields[n - tail].data() - line.data());
  record->target_uri.assign(TrimHeaderSpace(line.substr(0, url_end)));
  record->version = "arc";
  record->date.assign(date);
  record->content_type.assign(mime);
  if (record->target_uri.starts_with("filedesc://")) {
    record->type = WarcRecordType::kArcFiledesc;
    record->type_name = "filedesc";
  } else {
    record->type = WarcRecordType::kResponse;
    record->type_name = "response";
  }
  return Status::Ok();
}

}  // namespace newsx::ingest::internal
