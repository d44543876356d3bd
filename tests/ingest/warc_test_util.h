#pragma once

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "support/gzip.h"

// Builders of WARC records for ingest tests (gzip members: support/gzip.h).
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

inline void WriteBytes(const std::string& path, const std::string& data) {
  std::ofstream(path, std::ios::binary) << data;
}

}  // namespace newsx::testing
