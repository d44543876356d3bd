#include "support/gzip.h"

#include <zlib.h>

#include <vector>

namespace newsx::testing {

std::string Deflate(std::string_view data, DeflateWrapper wrapper, std::string_view gzip_extra) {
  const int window_bits = wrapper == DeflateWrapper::kGzip   ? 16 + MAX_WBITS
                          : wrapper == DeflateWrapper::kZlib ? MAX_WBITS
                                                             : -MAX_WBITS;
  z_stream zs{};
  if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    return {};
  }
  std::vector<unsigned char> extra(gzip_extra.begin(), gzip_extra.end());
  gz_header header{};
  if (wrapper == DeflateWrapper::kGzip && !extra.empty()) {
    header.extra = extra.data();
    header.extra_len = static_cast<uInt>(extra.size());
    deflateSetHeader(&zs, &header);
  }
  std::string out(deflateBound(&zs, data.size()) + 64 + extra.size(), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return result == Z_STREAM_END ? out : std::string();
}

std::optional<std::string> ReadGzipFile(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return std::nullopt;
  std::string out;
  char buf[65536];
  int n = 0;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  const bool ok = n == 0;
  gzclose(f);
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace newsx::testing
