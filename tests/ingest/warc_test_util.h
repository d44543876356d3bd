#pragma once

#include <zlib.h>

#include <fstream>
#include <string>
#include <utility>
#include <vector>

// Builders of WARC records and gzip members for ingest tests.
namespace newsx::testing {

inline std::string WarcRecordBytes(const std::string& type, const std::string& uri,
                                   const std::string& block,
                                   const std::vector<std::pair<std::string, std::string>>& extra = {},
                                   const std::string& date = "2026-01-28T09:30:00Z") {
  std::string out = "WARC/1.1\r\nWARC-Type: " + type + "\r\n";
  if (!uri.empty()) out += "WARC-Target-URI: " + uri + "\r\n";
  out += "WARC-Date: " + date + "\r\n";
  out += "WARC-Record-ID: <urn:uuid:" + std::to_string(std::hash<std::string>{}(uri + block)) +
         ">\r\n";
  for (const auto& [name, value] : extra) out += name + ": " + value + "\r\n";
  if (type == "response") out += "Content-Type: application/http; msgtype=response\r\n";
  out += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  return out + block + "\r\n\r\n";
}

inline std::string HttpResponseBytes(int status, const std::string& content_type,
                                     const std::string& body) {
  std::string out = "HTTP/1.1 " + std::to_string(status) + " X\r\n";
  if (!content_type.empty()) out += "Content-Type: " + content_type + "\r\n";
  out += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  return out + body;
}

inline std::string HtmlResponseRecord(const std::string& uri, const std::string& body) {
  return WarcRecordBytes("response", uri, HttpResponseBytes(200, "text/html; charset=utf-8", body));
}

// One gzip member holding `data`.
inline std::string GzipMember(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

inline void WriteBytes(const std::string& path, const std::string& data) {
  std::ofstream(path, std::ios::binary) << data;
}

}  // namespace newsx::testing
