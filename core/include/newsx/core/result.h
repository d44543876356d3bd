#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "newsx/core/status.h"

namespace newsx {

// A value of type T, or the non-OK Status explaining why there is none.
// GCC 12 has no std::expected; this is the small subset we need.
// Thread-compatible.
template <typename T>
class [[nodiscard]] Result {
 public:
  // REQUIRES: !status.ok().
  Result(Status status) : data_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(data_).ok());
  }
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(data_); }

  // OK when a value is held.
  Status status() const { return ok() ? Status() : std::get<Status>(data_); }

  // REQUIRES: ok().
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<Status, T> data_;
};

}  // namespace newsx

#define NEWSX_CONCAT_INNER_(a, b) a##b
#define NEWSX_CONCAT_(a, b) NEWSX_CONCAT_INNER_(a, b)

// Evaluates `expr` (a Result<T>); on error returns its Status from the
// enclosing function, else moves the value into `lhs` (a declaration or an
// lvalue).
#define NEWSX_ASSIGN_OR_RETURN(lhs, expr) \
  NEWSX_ASSIGN_OR_RETURN_IMPL_(NEWSX_CONCAT_(newsx_result_, __LINE__), lhs, expr)
#define NEWSX_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                 \
  if (!tmp.ok()) return tmp.status();                \
  lhs = std::move(tmp).value()
