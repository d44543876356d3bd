#pragma once

// The server's view of an HTTP exchange, independent of the HTTP library so
// that handlers are plain functions (tested without sockets too).

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

#include "newsx/core/result.h"

namespace newsx::pipelines::serve {

struct Request {
  std::string path;
  std::map<std::string, std::string> params;  // Query parameters; the last of a name wins.
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

// 400 for kInvalidArgument, 404 for kNotFound, 503 for kUnavailable, else
// 500; the body is {"error": message}.
Response JsonError(const Status& status);
int HttpStatusFor(const Status& status);

// Parameter readers: each returns kInvalidArgument with a message naming
// the parameter when its value is malformed. Absent parameters give the
// default.

// kInvalidArgument naming the first parameter not in `allowed` (typos
// should not silently do nothing).
Status CheckParamNames(const Request& request, std::initializer_list<std::string_view> allowed);
// A text parameter of at most `max_bytes` bytes, valid UTF-8 not checked.
Result<std::string> TextParam(const Request& request, const std::string& name,
                              std::size_t max_bytes = 200);
// A required text parameter.
Result<std::string> RequiredParam(const Request& request, const std::string& name);
// A positive integer in [1, max].
Result<std::size_t> LimitParam(const Request& request, const std::string& name,
                               std::size_t default_value, std::size_t max);
// An ISO 8601 date or date-time (ParseDateTime) as Unix seconds.
Result<std::int64_t> TimeParam(const Request& request, const std::string& name,
                               std::int64_t default_value);
// One of `choices`.
Result<std::string> ChoiceParam(const Request& request, const std::string& name,
                                std::initializer_list<std::string_view> choices,
                                std::string_view default_value);

}  // namespace newsx::pipelines::serve
