#include "request.h"

#include <nlohmann/json.hpp>

#include <charconv>

#include "newsx/core/time_format.h"

namespace newsx::pipelines::serve {

int HttpStatusFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kUnavailable: return 503;
    default: return 500;
  }
}

Response JsonError(const Status& status) {
  const nlohmann::json body{{"error", status.message()}};
  return Response{HttpStatusFor(status), "application/json",
                  body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

Status CheckParamNames(const Request& request, std::initializer_list<std::string_view> allowed) {
  for (const auto& [name, value] : request.params) {
    bool known = false;
    for (std::string_view a : allowed) known = known || a == name;
    if (known) continue;
    std::string list;
    for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    return InvalidArgumentError("unknown parameter \"" + name.substr(0, 40) + "\" (known: " +
                                (list.empty() ? "none" : list) + ")");
  }
  return Status::Ok();
}

Result<std::string> TextParam(const Request& request, const std::string& name,
                              std::size_t max_bytes) {
  const auto it = request.params.find(name);
  if (it == request.params.end()) return std::string();
  if (it->second.size() > max_bytes) {
    return InvalidArgumentError(name + ": longer than " + std::to_string(max_bytes) + " bytes");
  }
  return it->second;
}

Result<std::string> RequiredParam(const Request& request, const std::string& name) {
  NEWSX_ASSIGN_OR_RETURN(std::string value, TextParam(request, name, 1000));
  if (value.empty()) return InvalidArgumentError(name + ": required");
  return value;
}

Result<std::size_t> LimitParam(const Request& request, const std::string& name,
                               std::size_t default_value, std::size_t max) {
  const auto it = request.params.find(name);
  if (it == request.params.end() || it->second.empty()) return default_value;
  const std::string& s = it->second;
  std::size_t v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || v == 0 || v > max) {
    return InvalidArgumentError(name + ": expected a whole number from 1 to " +
                                std::to_string(max) + ", got \"" + s.substr(0, 40) + "\"");
  }
  return v;
}

Result<std::int64_t> TimeParam(const Request& request, const std::string& name,
                               std::int64_t default_value) {
  const auto it = request.params.find(name);
  if (it == request.params.end() || it->second.empty()) return default_value;
  const std::optional<std::int64_t> t = ParseDateTime(it->second);
  if (!t) {
    return InvalidArgumentError(name + ": expected an ISO 8601 date or time such as 2026-01-28, got \"" +
                                it->second.substr(0, 40) + "\"");
  }
  return *t;
}

Result<std::string> ChoiceParam(const Request& request, const std::string& name,
                                std::initializer_list<std::string_view> choices,
                                std::string_view default_value) {
  const auto it = request.params.find(name);
  if (it == request.params.end() || it->second.empty()) return std::string(default_value);
  std::string list;
  for (std::string_view c : choices) {
    if (c == it->second) return it->second;
    list += (list.empty() ? "" : ", ") + std::string(c);
  }
  return InvalidArgumentError(name + ": expected one of " + list + ", got \"" +
                              it->second.substr(0, 40) + "\"");
}

}  // namespace newsx::pipelines::serve
