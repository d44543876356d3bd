#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace newsx {

// Error categories, after absl::StatusCode. Callers branch on the code, people
// read the message.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // The input itself is malformed (bad HTML, XML, WARC...).
  kNotFound,           // A looked-up key, file or record does not exist.
  kAlreadyExists,      // Creating something that exists.
  kFailedPrecondition, // The system is not in a state to do this (db locked...).
  kResourceExhausted,  // A size, memory or count limit was hit.
  kUnavailable,        // Transient: the caller may retry (network, 5xx...).
  kDeadlineExceeded,   // A timeout expired.
  kCancelled,          // Shutdown was requested.
  kDataLoss,           // Stored or archived data is corrupt or truncated.
  kUnimplemented,      // Not supported (yet).
  kInternal,           // A bug or an unexpected library failure.
  kIoError,            // The OS refused a read or write.
};

// Stable lower-case name of a code ("invalid_argument"), used in logs,
// dead-letter records and JSON.
std::string_view StatusCodeName(StatusCode code);

// The outcome of an operation: OK, or a code with a message. Cheap to copy
// when OK. Thread-compatible.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "invalid_argument: <message>", or "ok".
  std::string ToString() const;

  // Returns a copy whose message is "<context>: <message>"; OK stays OK.
  Status WithContext(std::string_view context) const;

  // Marks a status as deliberately ignored.
  void IgnoreError() const {}

  friend bool operator==(const Status& a, const Status& b) {
    return a.code_ == b.code_ && a.message_ == b.message_;
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgumentError(std::string message) {
  return Status(StatusCode::kInvalidArgument, std::move(message));
}
inline Status NotFoundError(std::string message) {
  return Status(StatusCode::kNotFound, std::move(message));
}
inline Status FailedPreconditionError(std::string message) {
  return Status(StatusCode::kFailedPrecondition, std::move(message));
}
inline Status ResourceExhaustedError(std::string message) {
  return Status(StatusCode::kResourceExhausted, std::move(message));
}
inline Status UnavailableError(std::string message) {
  return Status(StatusCode::kUnavailable, std::move(message));
}
inline Status DeadlineExceededError(std::string message) {
  return Status(StatusCode::kDeadlineExceeded, std::move(message));
}
inline Status CancelledError(std::string message) {
  return Status(StatusCode::kCancelled, std::move(message));
}
inline Status DataLossError(std::string message) {
  return Status(StatusCode::kDataLoss, std::move(message));
}
inline Status UnimplementedError(std::string message) {
  return Status(StatusCode::kUnimplemented, std::move(message));
}
inline Status InternalError(std::string message) {
  return Status(StatusCode::kInternal, std::move(message));
}
inline Status IoError(std::string message) {
  return Status(StatusCode::kIoError, std::move(message));
}

}  // namespace newsx

// Returns from the enclosing function if `expr` (a Status) is not OK.
#define NEWSX_RETURN_IF_ERROR(expr)               \
  do {                                            \
    ::newsx::Status newsx_status_ = (expr);       \
    if (!newsx_status_.ok()) return newsx_status_; \
  } while (false)
