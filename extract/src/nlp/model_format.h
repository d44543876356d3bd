#pragma once

// Byte layout of the model files (models/en-pos.bin, models/en-dep.bin).
//
//   file := magic[8] version:u32 kind:u32, then the model's fields in the
//           fixed order its Serialize() writes them.
//
// Integers are little-endian; arrays are a u64 element count followed by
// the elements' bytes (plain structs of fixed-width fields, as the host
// stores them: the build checks that the host is little-endian). Strings
// are a u32 byte count and the bytes. Readers check every length against
// the bytes left, so a truncated or corrupt file is an error, never an
// out-of-bounds read; the tables they build check their own invariants.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "newsx/core/result.h"

namespace newsx::extract::nlp {

inline constexpr char kModelMagic[8] = {'N', 'X', 'N', 'L', 'P', 'M', '0', '1'};
inline constexpr std::uint32_t kModelVersion = 1;
enum class ModelKind : std::uint32_t { kTagger = 1, kParser = 2 };

// Appends values to a byte string. Not thread-safe.
class ModelWriter {
 public:
  void U32(std::uint32_t v) { Raw(&v, sizeof v); }
  void U64(std::uint64_t v) { Raw(&v, sizeof v); }
  void F32(float v) { Raw(&v, sizeof v); }
  void String(std::string_view s) {
    U32(static_cast<std::uint32_t>(s.size()));
    bytes_.append(s);
  }
  template <typename T, typename A>
  void Array(const std::vector<T, A>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    U64(v.size());
    Raw(v.data(), v.size() * sizeof(T));
  }
  void Strings(const std::vector<std::string>& v) {
    U64(v.size());
    for (const std::string& s : v) String(s);
  }
  std::string& bytes() { return bytes_; }

 private:
  void Raw(const void* p, std::size_t n) { bytes_.append(static_cast<const char*>(p), n); }
  std::string bytes_;
};

// Reads values from bytes; after the first failure every read fails and
// status() says where. Not thread-safe.
class ModelReader {
 public:
  explicit ModelReader(std::string_view bytes) : bytes_(bytes) {}

  bool U32(std::uint32_t* v) { return Raw(v, sizeof *v); }
  bool U64(std::uint64_t* v) { return Raw(v, sizeof *v); }
  bool F32(float* v) { return Raw(v, sizeof *v); }
  bool String(std::string* s) {
    std::uint32_t n = 0;
    if (!U32(&n) || !Need(n)) return false;
    s->assign(bytes_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  template <typename T, typename A>
  bool Array(std::vector<T, A>* v) {
    static_assert(std::is_trivially_copyable_v<T>);
    std::uint64_t n = 0;
    if (!U64(&n)) return false;
    if (n > (bytes_.size() - pos_) / sizeof(T)) return Fail("array longer than the file");
    v->resize(static_cast<std::size_t>(n));
    return Raw(v->data(), static_cast<std::size_t>(n) * sizeof(T));
  }
  bool Strings(std::vector<std::string>* v) {
    std::uint64_t n = 0;
    if (!U64(&n)) return false;
    if (n > bytes_.size() - pos_) return Fail("string list longer than the file");
    v->resize(static_cast<std::size_t>(n));
    for (std::string& s : *v) {
      if (!String(&s)) return false;
    }
    return true;
  }

  // Records a format error (the first one wins) and returns false.
  bool Fail(std::string_view what) {
    if (error_.empty()) error_ = std::string(what) + " at byte " + std::to_string(pos_);
    pos_ = bytes_.size();
    return false;
  }
  bool ok() const { return error_.empty(); }
  bool at_end() const { return pos_ == bytes_.size(); }
  Status status() const {
    return ok() ? Status::Ok() : Status(StatusCode::kInvalidArgument, "model file: " + error_);
  }

 private:
  bool Need(std::size_t n) {
    if (!error_.empty()) return false;
    if (n > bytes_.size() - pos_) return Fail("truncated");
    return true;
  }
  bool Raw(void* p, std::size_t n) {
    if (!Need(n)) return false;
    if (n != 0) std::memcpy(p, bytes_.data() + pos_, n);
    pos_ += n;
    return true;
  }

  std::string_view bytes_;
  std::size_t pos_ = 0;
  std::string error_;
};

// Writes the file header for a model of `kind`.
void WriteModelHeader(ModelKind kind, ModelWriter* w);

// Checks the header; kInvalidArgument if the bytes are not a model of
// `kind` and this version.
Status ReadModelHeader(ModelKind kind, ModelReader* r);

}  // namespace newsx::extract::nlp
