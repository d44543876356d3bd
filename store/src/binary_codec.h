#pragma once

// Minimal binary encoding for store values: big-endian fixed-width integers
// and u32-length-prefixed strings. Cheaper than JSON on the write path,
// which re-encodes every mentioned entity's record for each article.

#include <cstdint>
#include <string>
#include <string_view>

namespace newsx::store::internal {

class BinaryWriter {
 public:
  void U8(std::uint8_t v) { out_ += static_cast<char>(v); }
  void U32(std::uint32_t v) { Fixed(v, 4); }
  void U64(std::uint64_t v) { Fixed(v, 8); }
  void Str(std::string_view s) {
    U32(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  void Raw(std::string_view s) { out_.append(s); }
  std::string Take() { return std::move(out_); }

 private:
  void Fixed(std::uint64_t v, int bytes) {
    for (int i = bytes - 1; i >= 0; --i) out_ += static_cast<char>((v >> (8 * i)) & 0xff);
  }
  std::string out_;
};

// Reads what BinaryWriter wrote. After any read past the end, ok() is false
// and reads return zero values.
class BinaryReader {
 public:
  explicit BinaryReader(std::string_view in) : in_(in) {}

  std::uint8_t U8() { return static_cast<std::uint8_t>(Fixed(1)); }
  std::uint32_t U32() { return static_cast<std::uint32_t>(Fixed(4)); }
  std::uint64_t U64() { return Fixed(8); }
  std::string_view Str() {
    const std::uint32_t n = U32();
    if (!ok_ || in_.size() < n) return Fail();
    std::string_view s = in_.substr(0, n);
    in_.remove_prefix(n);
    return s;
  }
  std::string_view Rest() {
    std::string_view s = in_;
    in_ = {};
    return s;
  }
  bool ok() const { return ok_; }
  bool done() const { return in_.empty(); }

 private:
  std::uint64_t Fixed(std::size_t bytes) {
    if (in_.size() < bytes) {
      Fail();
      return 0;
    }
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(in_[i]);
    in_.remove_prefix(bytes);
    return v;
  }
  std::string_view Fail() {
    ok_ = false;
    in_ = {};
    return {};
  }
  std::string_view in_;
  bool ok_ = true;
};

}  // namespace newsx::store::internal
