#include "newsx/ingest/http_response_parser.h"

#include <brotli/decode.h>
#include <zlib.h>

#include <charconv>
#include <cstring>

#include "newsx/core/strings.h"
#include "warc/warc_header.h"

namespace newsx::ingest {

namespace {

using internal::TrimHeaderSpace;

constexpr std::size_t kChunk = 64u << 10;

Status TooLarge(std::uint64_t max_bytes) {
  return ResourceExhaustedError("decoded body larger than " + std::to_string(max_bytes) + " bytes");
}

// Inflates zlib, gzip (window_bits 32 + 15: auto-detected) or raw deflate
// (-15) data, including concatenated gzip members.
Result<std::string> Inflate(std::string_view data, int window_bits, std::uint64_t max_bytes,
                            bool* truncated) {
  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) return InternalError("inflateInit2 failed");
  std::string out;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  int rc = Z_OK;
  while (true) {
    const std::size_t old = out.size();
    out.resize(old + kChunk);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + old);
    zs.avail_out = kChunk;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.resize(old + kChunk - zs.avail_out);
    if (out.size() > max_bytes) {
      inflateEnd(&zs);
      return TooLarge(max_bytes);
    }
    if (rc == Z_STREAM_END) {
      // Another gzip member may follow; anything else is trailing junk.
      if (zs.avail_in < 2 || zs.next_in[0] != 0x1f || zs.next_in[1] != 0x8b) break;
      inflateReset(&zs);
      continue;
    }
    if (rc == Z_BUF_ERROR || (rc == Z_OK && zs.avail_in == 0 && zs.avail_out != 0)) {
      *truncated = true;  // The input ended inside the stream.
      break;
    }
    if (rc != Z_OK) {
      const std::string msg = zs.msg != nullptr ? zs.msg : "inflate error";
      inflateEnd(&zs);
      return DataLossError("corrupt compressed body: " + msg);
    }
  }
  inflateEnd(&zs);
  return out;
}

Result<std::string> Unbrotli(std::string_view data, std::uint64_t max_bytes, bool* truncated) {
  BrotliDecoderState* state = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
  if (state == nullptr) return InternalError("BrotliDecoderCreateInstance failed");
  std::string out;
  std::size_t avail_in = data.size();
  const auto* next_in = reinterpret_cast<const std::uint8_t*>(data.data());
  BrotliDecoderResult rc = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
  while (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
    const std::size_t old = out.size();
    out.resize(old + kChunk);
    std::size_t avail_out = kChunk;
    auto* next_out = reinterpret_cast<std::uint8_t*>(out.data() + old);
    rc = BrotliDecoderDecompressStream(state, &avail_in, &next_in, &avail_out, &next_out, nullptr);
    out.resize(old + kChunk - avail_out);
    if (out.size() > max_bytes) {
      BrotliDecoderDestroyInstance(state);
      return TooLarge(max_bytes);
    }
  }
  BrotliDecoderDestroyInstance(state);
  if (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) {
    *truncated = true;
  } else if (rc != BROTLI_DECODER_RESULT_SUCCESS) {
    return DataLossError("corrupt brotli body");
  }
  return out;
}

// Undoes chunked transfer coding. Returns false when `body` does not even
// start like a chunked body (the archiver stored it de-chunked).
bool Dechunk(std::string_view body, std::string* out, bool* truncated) {
  out->clear();
  std::size_t pos = 0;
  bool first = true;
  while (pos < body.size()) {
    const std::size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) {
      *truncated = true;
      return !first;
    }
    std::string_view line = TrimHeaderSpace(body.substr(pos, eol - pos));
    line = line.substr(0, line.find(';'));  // Chunk extensions.
    std::uint64_t size = 0;
    const auto [ptr, ec] = std::from_chars(line.data(), line.data() + line.size(), size, 16);
    if (ec != std::errc() || ptr != line.data() + line.size()) {
      if (first) return false;
      *truncated = true;  // Garbage where a chunk size should be: stop here.
      return true;
    }
    first = false;
    pos = eol + 1;
    if (size == 0) return true;  // Trailers, if any, are ignored.
    if (size > body.size() - pos) {
      out->append(body.substr(pos));
      *truncated = true;
      return true;
    }
    out->append(body.substr(pos, size));
    pos += size;
    // CRLF (or LF) after the chunk data.
    if (pos < body.size() && body[pos] == '\r') ++pos;
    if (pos < body.size() && body[pos] == '\n') ++pos;
  }
  *truncated = true;  // No terminating zero-size chunk.
  return !first;
}

bool LooksCompressed(std::string_view body, std::string_view coding) {
  if (coding == "gzip" || coding == "x-gzip") {
    return body.size() >= 2 && static_cast<unsigned char>(body[0]) == 0x1f &&
           static_cast<unsigned char>(body[1]) == 0x8b;
  }
  if (coding == "deflate") {
    // An HTML body stored decoded starts with text; deflate data rarely does.
    const std::string_view head = TrimHeaderSpace(body.substr(0, 64));
    return !head.starts_with("<") && !head.starts_with("\xef\xbb\xbf");
  }
  return true;
}

}  // namespace

std::string_view ParsedHttpResponse::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreAsciiCase(key, name)) return value;
  }
  return {};
}

Result<std::string> DecodeContentEncoding(std::string_view body, std::string_view coding,
                                          std::uint64_t max_bytes, bool* truncated) {
  const std::string c = AsciiLower(TrimHeaderSpace(coding));
  if (c.empty() || c == "identity" || c == "none") {
    if (body.size() > max_bytes) return TooLarge(max_bytes);
    return std::string(body);
  }
  if (c == "gzip" || c == "x-gzip") return Inflate(body, 32 + MAX_WBITS, max_bytes, truncated);
  if (c == "deflate") {
    // "deflate" is meant to be zlib-wrapped, but servers often send raw deflate.
    bool zlib_truncated = false;
    Result<std::string> zlib = Inflate(body, MAX_WBITS, max_bytes, &zlib_truncated);
    if (zlib.ok()) {
      *truncated = zlib_truncated;
      return zlib;
    }
    if (zlib.status().code() == StatusCode::kResourceExhausted) return zlib;
    return Inflate(body, -MAX_WBITS, max_bytes, truncated);
  }
  if (c == "br") return Unbrotli(body, max_bytes, truncated);
  return UnimplementedError("unsupported content encoding '" + c + "'");
}

Result<ParsedHttpResponse> ParseHttpResponse(std::string_view message,
                                             const HttpResponseParseOptions& options) {
  ParsedHttpResponse response;
  const std::size_t header_end = internal::FindHeaderEnd(message);
  const std::string_view head =
      header_end == std::string_view::npos ? message : message.substr(0, header_end);
  std::string_view body =
      header_end == std::string_view::npos ? std::string_view() : message.substr(header_end);

  std::string_view rest = head;
  std::size_t nl = rest.find('\n');
  const std::string_view status_line = TrimHeaderSpace(rest.substr(0, nl));
  rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
  if (!status_line.starts_with("HTTP/")) {
    return InvalidArgumentError("no HTTP status line");
  }
  const std::size_t sp = status_line.find(' ');
  const std::string_view after = sp == std::string_view::npos ? std::string_view()
                                                              : TrimHeaderSpace(status_line.substr(sp + 1));
  const std::string_view code = after.substr(0, after.find(' '));
  const auto [ptr, ec] = std::from_chars(code.data(), code.data() + code.size(), response.status);
  if (ec != std::errc() || ptr != code.data() + code.size() || response.status < 100 ||
      response.status > 999) {
    return InvalidArgumentError("bad HTTP status line '" + std::string(status_line.substr(0, 80)) +
                                "'");
  }
  if (code.size() < after.size()) response.reason.assign(TrimHeaderSpace(after.substr(code.size())));

  while (!rest.empty()) {
    nl = rest.find('\n');
    const std::string_view raw = rest.substr(0, nl);
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    const std::string_view line = TrimHeaderSpace(raw);
    if (line.empty()) break;
    if ((raw.front() == ' ' || raw.front() == '\t') && !response.headers.empty()) {
      response.headers.back().second.append(" ").append(line);
      continue;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    response.headers.emplace_back(std::string(TrimHeaderSpace(line.substr(0, colon))),
                                  std::string(TrimHeaderSpace(line.substr(colon + 1))));
  }

  std::string dechunked;
  if (AsciiLower(response.Header("Transfer-Encoding")).find("chunked") != std::string::npos &&
      Dechunk(body, &dechunked, &response.body_truncated)) {
    body = dechunked;
  }
  const std::string encodings = AsciiLower(response.Header("Content-Encoding"));
  std::vector<std::string_view> codings;
  for (std::string_view list = encodings; !list.empty();) {
    const std::size_t comma = list.find(',');
    const std::string_view one = TrimHeaderSpace(list.substr(0, comma));
    if (!one.empty()) codings.push_back(one);
    list.remove_prefix(comma == std::string_view::npos ? list.size() : comma + 1);
  }
  std::string decoded(body);
  for (auto it = codings.rbegin(); it != codings.rend(); ++it) {
    if (!LooksCompressed(decoded, *it)) break;  // Stored already decoded.
    NEWSX_ASSIGN_OR_RETURN(decoded, DecodeContentEncoding(decoded, *it, options.max_body_bytes,
                                                          &response.body_truncated));
  }
  if (decoded.size() > options.max_body_bytes) return TooLarge(options.max_body_bytes);
  response.body = std::move(decoded);
  return response;
}

}  // namespace newsx::ingest
