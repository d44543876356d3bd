#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsx {

// The parts of an absolute or relative URL reference (RFC 3986), as views
// into the parsed string. Absent parts are empty; `has_*` tell empty from absent.
struct UrlParts {
  std::string_view scheme;
  std::string_view authority;  // userinfo@host:port
  std::string_view host;
  std::string_view port;
  std::string_view path;
  std::string_view query;
  std::string_view fragment;
  bool has_authority = false;
  bool has_query = false;
  bool has_fragment = false;
};

// Splits `url` into its parts. Never fails: any string is a relative reference.
// Views point into `url`, which must outlive the result.
UrlParts SplitUrl(std::string_view url);

// Resolves `ref` against the absolute `base` (RFC 3986 section 5.2), removing
// dot segments. Returns `ref` unchanged when it is already absolute, and ""
// when `base` is not absolute and `ref` is relative.
std::string ResolveUrl(std::string_view base, std::string_view ref);

// The canonical form used for identity and deduplication: scheme and host
// lower-cased, default port and fragment dropped, dot segments removed, empty
// path made "/", tracking parameters (utm_*, fbclid, gclid, ...) removed,
// surrounding whitespace trimmed, and spaces and control bytes inside the
// path and query percent-encoded (so that the result is its own canonical form).
// Also "" when the host has characters no host can have, or the port is not
// a number. Returns "" if `url` is not an absolute
// http(s) URL.
std::string CanonicalizeUrl(std::string_view url);

// Lower-cased host of an absolute URL without "www.", or "".
std::string UrlHost(std::string_view url);

// Whether the host of `url` is one of `hosts` or below one ("example.com"
// takes www.example.com and news.example.com, not badexample.com); hosts
// are given bare ("example.com") and compared as UrlHost. True when `hosts`
// is empty (no filter).
bool UrlOnHosts(std::string_view url, const std::vector<std::string>& hosts);

// Whether `url` is an absolute http(s) URL (a page to fetch or filter by
// host), as opposed to a file path or an archive position.
bool IsWebUrl(std::string_view url);

}  // namespace newsx
