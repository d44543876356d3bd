#include "newsx/core/strings.h"
#include "newsx/core/url.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace newsx {

namespace {

// URL parsers drop leading and trailing C0 controls and spaces (WHATWG URL).
std::string_view TrimControls(std::string_view s) {
  return TrimIf(s, [](char c) { return static_cast<unsigned char>(c) <= ' '; });
}

// Percent-encodes space, C0 controls and DEL, as browsers do in paths and
// queries: left raw, a trailing one would be trimmed by the next
// canonicalization, and the canonical form must be a fixed point.
std::string EncodeControls(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= ' ' || u == 0x7f) {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  return out;
}

// RFC 3986 reg-name (unreserved, pct-encoded, sub-delims; bytes >= 0x80
// for IDNs written raw) or an IP literal in brackets; and a port of digits.
bool ValidHostAndPort(std::string_view host, std::string_view port) {
  for (const char c : port) {
    if (c < '0' || c > '9') return false;
  }
  if (host.front() == '[') return host.size() > 2 && host.back() == ']';
  for (const char c : host) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) continue;
    if (std::string_view("-._~%!$&'()*+,;=").find(c) == std::string_view::npos) return false;
  }
  return true;
}

// RFC 3986 section 5.2.4.
std::string RemoveDotSegments(std::string_view path) {
  std::vector<std::string_view> out;
  const bool absolute = !path.empty() && path.front() == '/';
  std::size_t pos = absolute ? 1 : 0;
  bool trailing_slash = false;
  while (pos <= path.size()) {
    std::size_t end = path.find('/', pos);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view seg = path.substr(pos, end - pos);
    trailing_slash = false;
    if (seg == ".") {
      trailing_slash = true;
    } else if (seg == "..") {
      if (!out.empty()) out.pop_back();
      trailing_slash = true;
    } else {
      out.push_back(seg);
    }
    pos = end + 1;
  }
  std::string result = absolute ? "/" : "";
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (i > 0) result += '/';
    result += out[i];
  }
  if (trailing_slash && !result.empty() && result.back() != '/') result += '/';
  return result;
}

std::string MergePaths(const UrlParts& base, std::string_view ref_path) {
  if (base.has_authority && base.path.empty()) {
    std::string merged(1, '/');
    merged.append(ref_path);
    return merged;
  }
  const std::size_t slash = base.path.rfind('/');
  if (slash == std::string_view::npos) return std::string(ref_path);
  return std::string(base.path.substr(0, slash + 1)) + std::string(ref_path);
}

std::string Join(std::string_view scheme, bool has_authority, std::string_view authority,
                 std::string_view path, bool has_query, std::string_view query,
                 bool has_fragment, std::string_view fragment) {
  std::string out;
  out.reserve(scheme.size() + authority.size() + path.size() + query.size() + 8);
  if (!scheme.empty()) {
    out += scheme;
    out += ':';
  }
  if (has_authority) {
    out += "//";
    out += authority;
  }
  out += path;
  if (has_query) {
    out += '?';
    out += query;
  }
  if (has_fragment) {
    out += '#';
    out += fragment;
  }
  return out;
}

bool IsTrackingParam(std::string_view name) {
  const std::string lower = AsciiLower(name);
  if (lower.rfind("utm_", 0) == 0) return true;
  static constexpr std::string_view kNames[] = {
      "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "igshid",
      "yclid", "ocid", "cmpid", "smid", "smtyp", "__twitter_impression", "guccounter",
      "guce_referrer", "guce_referrer_sig", "_hsenc", "_hsmi", "mkt_tok", "wt.mc_id"};
  return std::find(std::begin(kNames), std::end(kNames), lower) != std::end(kNames);
}

std::string FilterQuery(std::string_view query) {
  std::string out;
  std::size_t pos = 0;
  while (pos <= query.size()) {
    std::size_t end = query.find('&', pos);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view param = query.substr(pos, end - pos);
    const std::string_view name = param.substr(0, param.find('='));
    if (!param.empty() && !IsTrackingParam(name)) {
      if (!out.empty()) out += '&';
      out += param;
    }
    pos = end + 1;
  }
  return out;
}

}  // namespace

UrlParts SplitUrl(std::string_view url) {
  UrlParts p;
  std::string_view rest = url;
  // Scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":".
  const std::size_t colon = rest.find(':');
  if (colon != std::string_view::npos && colon > 0 &&
      std::isalpha(static_cast<unsigned char>(rest[0]))) {
    bool valid = true;
    for (std::size_t i = 1; i < colon; ++i) {
      const char c = rest[i];
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') {
        valid = false;
        break;
      }
    }
    if (valid) {
      p.scheme = rest.substr(0, colon);
      rest.remove_prefix(colon + 1);
    }
  }
  if (const std::size_t hash = rest.find('#'); hash != std::string_view::npos) {
    p.has_fragment = true;
    p.fragment = rest.substr(hash + 1);
    rest = rest.substr(0, hash);
  }
  if (const std::size_t q = rest.find('?'); q != std::string_view::npos) {
    p.has_query = true;
    p.query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  if (rest.size() >= 2 && rest[0] == '/' && rest[1] == '/') {
    p.has_authority = true;
    rest.remove_prefix(2);
    const std::size_t slash = rest.find('/');
    p.authority = rest.substr(0, slash);
    p.path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
    std::string_view hostport = p.authority;
    if (const std::size_t at = hostport.rfind('@'); at != std::string_view::npos) {
      hostport.remove_prefix(at + 1);
    }
    const std::size_t bracket = hostport.rfind(']');
    const std::size_t port_colon = hostport.rfind(':');
    if (port_colon != std::string_view::npos &&
        (bracket == std::string_view::npos || port_colon > bracket)) {
      p.host = hostport.substr(0, port_colon);
      p.port = hostport.substr(port_colon + 1);
    } else {
      p.host = hostport;
    }
  } else {
    p.path = rest;
  }
  return p;
}

std::string ResolveUrl(std::string_view base_url, std::string_view ref_url) {
  const std::string_view ref_trimmed = TrimControls(ref_url);
  const UrlParts ref = SplitUrl(ref_trimmed);
  if (!ref.scheme.empty()) {
    return Join(AsciiLower(ref.scheme), ref.has_authority, ref.authority, RemoveDotSegments(ref.path),
                ref.has_query, ref.query, ref.has_fragment, ref.fragment);
  }
  const UrlParts base = SplitUrl(TrimControls(base_url));
  if (base.scheme.empty()) return "";
  if (ref.has_authority) {
    return Join(base.scheme, true, ref.authority, RemoveDotSegments(ref.path), ref.has_query,
                ref.query, ref.has_fragment, ref.fragment);
  }
  std::string path;
  bool has_query = ref.has_query;
  std::string_view query = ref.query;
  if (ref.path.empty()) {
    path = std::string(base.path);
    if (!ref.has_query) {
      has_query = base.has_query;
      query = base.query;
    }
  } else if (ref.path.front() == '/') {
    path = RemoveDotSegments(ref.path);
  } else {
    path = RemoveDotSegments(MergePaths(base, ref.path));
  }
  return Join(base.scheme, base.has_authority, base.authority, path, has_query, query,
              ref.has_fragment, ref.fragment);
}

std::string CanonicalizeUrl(std::string_view url) {
  const UrlParts p = SplitUrl(TrimControls(url));
  const std::string scheme = AsciiLower(p.scheme);
  if ((scheme != "http" && scheme != "https") || !p.has_authority || p.host.empty()) return "";
  if (!ValidHostAndPort(p.host, p.port)) return "";
  std::string host = AsciiLower(p.host);
  while (!host.empty() && host.back() == '.') host.pop_back();
  if (host.empty()) return "";  // "https://./" names no host.
  std::string authority = host;
  const bool default_port = p.port.empty() || (scheme == "http" && p.port == "80") ||
                            (scheme == "https" && p.port == "443");
  if (!default_port) {
    authority += ':';
    authority.append(p.port);
  }
  std::string path = EncodeControls(RemoveDotSegments(p.path));
  if (path.empty()) path.push_back('/');
  const std::string query = p.has_query ? EncodeControls(FilterQuery(p.query)) : "";
  return Join(scheme, true, authority, path, !query.empty(), query, false, "");
}

std::string UrlHost(std::string_view url) {
  const UrlParts p = SplitUrl(TrimControls(url));
  if (!p.has_authority) return "";
  std::string host = AsciiLower(p.host);
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

bool UrlOnHosts(std::string_view url, const std::vector<std::string>& hosts) {
  if (hosts.empty()) return true;
  const std::string host = UrlHost(url);
  for (const std::string& wanted : hosts) {
    const std::string w = UrlHost("http://" + wanted);
    if (host == w || (host.size() > w.size() && host.ends_with("." + w))) return true;
  }
  return false;
}

bool IsWebUrl(std::string_view url) {
  return url.starts_with("http://") || url.starts_with("https://");
}

}  // namespace newsx
