#include <catch2/catch.hpp>

#include "newsx/core/url.h"

using newsx::CanonicalizeUrl;
using newsx::ResolveUrl;

TEST_CASE("ResolveUrl follows RFC 3986 section 5.4 examples", "[core][url]") {
  const std::string base = "http://a/b/c/d;p?q";
  CHECK(ResolveUrl(base, "g") == "http://a/b/c/g");
  CHECK(ResolveUrl(base, "./g") == "http://a/b/c/g");
  CHECK(ResolveUrl(base, "g/") == "http://a/b/c/g/");
  CHECK(ResolveUrl(base, "/g") == "http://a/g");
  CHECK(ResolveUrl(base, "//g") == "http://g");
  CHECK(ResolveUrl(base, "?y") == "http://a/b/c/d;p?y");
  CHECK(ResolveUrl(base, "g?y") == "http://a/b/c/g?y");
  CHECK(ResolveUrl(base, "#s") == "http://a/b/c/d;p?q#s");
  CHECK(ResolveUrl(base, "") == "http://a/b/c/d;p?q");
  CHECK(ResolveUrl(base, "..") == "http://a/b/");
  CHECK(ResolveUrl(base, "../g") == "http://a/b/g");
  CHECK(ResolveUrl(base, "../../g") == "http://a/g");
  CHECK(ResolveUrl(base, "../../../g") == "http://a/g");
  CHECK(ResolveUrl(base, "g;x=1/../y") == "http://a/b/c/y");
  CHECK(ResolveUrl(base, "https://other.example/x") == "https://other.example/x");
  CHECK(ResolveUrl("not a base", "g") == "");
}

TEST_CASE("CanonicalizeUrl normalizes for deduplication", "[core][url]") {
  CHECK(CanonicalizeUrl("HTTP://WWW.Example.COM:80/a/./b/../c?utm_source=x&id=7#frag") ==
        "http://www.example.com/a/c?id=7");
  CHECK(CanonicalizeUrl("https://example.com") == "https://example.com/");
  CHECK(CanonicalizeUrl("https://example.com:443/x?fbclid=1&gclid=2") == "https://example.com/x");
  CHECK(CanonicalizeUrl("https://example.com:8443/x") == "https://example.com:8443/x");
  CHECK(CanonicalizeUrl("  https://example.com/x  ") == "https://example.com/x");
  CHECK(CanonicalizeUrl("ftp://example.com/x").empty());
  CHECK(CanonicalizeUrl("/relative").empty());
  CHECK(newsx::UrlHost("https://WWW.Reuters.com/world") == "reuters.com");
}
