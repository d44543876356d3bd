#pragma once

#include <cstddef>
#include <string_view>

#include "newsx/core/status.h"
#include "newsx/ingest/warc_reader.h"

namespace newsx::ingest::internal {

// Length of the header block at the start of `data` up to and including the
// blank line that ends it, or npos if `data` holds no blank line. Lines may
// end in LF, CRLF or CR CR LF (a known writer bug).
std::size_t FindHeaderEnd(std::string_view data);

// Parses a header block ("WARC/1.0" line, named fields, blank line) into
// `record` (version, type, fields, content_length...). Accepts folded lines,
// the old one-line WARC/0.17 form ("WARC/0.17 <length> <type> <uri> <date>
// <id> <mime>") and stray spaces. Returns kInvalidArgument when the version
// line or Content-Length is missing or unreadable.
Status ParseWarcHeader(std::string_view block, WarcRecord* record);

// Parses an ARC header line ("<url> <ip> <date> <mime> <length>" for
// version 1, ten fields for version 2; the URL may contain spaces) into
// `record`. Returns kInvalidArgument for anything else.
Status ParseArcHeader(std::string_view line, int arc_version, WarcRecord* record);

// A header line or value without the spaces and tabs around it and the CRs
// left at its end (a CR at its start is content, not whitespace).
std::string_view TrimHeaderSpace(std::string_view s);

}  // namespace newsx::ingest::internal
