#pragma once

#include <optional>
#include <string>
#include <string_view>

// zlib helpers for tests and benchmarks: making compressed inputs and reading
// compressed outputs. Not part of any module (newsx_test_support).
namespace newsx::testing {

// The three wrappings of a deflate stream HTTP and WARC files meet.
enum class DeflateWrapper { kGzip, kZlib, kRaw };

// `data` deflated in one piece at zlib's default level. For kGzip,
// `gzip_extra` (when not empty) becomes the member's FEXTRA field, as some
// WARC writers put an index there.
std::string Deflate(std::string_view data, DeflateWrapper wrapper = DeflateWrapper::kGzip,
                    std::string_view gzip_extra = {});

// One gzip member holding `data`.
inline std::string Gzip(std::string_view data) { return Deflate(data); }

// The decompressed contents of the gzip (or plain) file at `path`; nullopt
// when it cannot be opened or is corrupt.
std::optional<std::string> ReadGzipFile(const std::string& path);

}  // namespace newsx::testing
