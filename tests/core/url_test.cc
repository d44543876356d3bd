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

// Found by fuzz/url_fuzz: a control byte left at the end of the path once the
// fragment was dropped was trimmed by a second canonicalization, so the
// canonical form of a canonical URL differed (two keys for one article).
TEST_CASE("CanonicalizeUrl is its own fixed point with control bytes and spaces",
          "[core][url][reliability]") {
  using newsx::CanonicalizeUrl;
  const std::string url = std::string("https://WWW.R/f$\xff") + '\0' + "#frag";
  const std::string once = CanonicalizeUrl(url);
  CHECK(once == "https://www.r/f$\xff%00");
  CHECK(CanonicalizeUrl(once) == once);
  CHECK(CanonicalizeUrl("https://a.example/a b?q=x y") == "https://a.example/a%20b?q=x%20y");
  CHECK(CanonicalizeUrl(CanonicalizeUrl("https://a.example/x\t#y")) == "https://a.example/x%09");
  // A host with a ':' left over ("http::") is not a host.
  CHECK(CanonicalizeUrl("https://www.example.http::") == "");
  CHECK(CanonicalizeUrl("https://a.example:80x/") == "");
  CHECK(CanonicalizeUrl("https://./") == "");
  CHECK(CanonicalizeUrl("https://[::1]:8080/x") == "https://[::1]:8080/x");
  CHECK(CanonicalizeUrl("https://b\xc3\xbc" "cher.example/") == "https://b\xc3\xbc" "cher.example/");
}

TEST_CASE("A host filter takes the host and its subdomains, not look-alikes", "[core][url]") {
  using newsx::UrlOnHosts;
  const std::vector<std::string> hosts = {"example.com", "www.news.example"};
  CHECK(UrlOnHosts("https://example.com/a", hosts));
  CHECK(UrlOnHosts("https://www.example.com/a", hosts));
  CHECK(UrlOnHosts("http://NEWS.Example.com:8080/b", hosts));
  CHECK_FALSE(UrlOnHosts("https://badexample.com/a", hosts));
  CHECK(UrlOnHosts("https://news.example/x", hosts));  // "www." is dropped on both sides.
  CHECK_FALSE(UrlOnHosts("/path/to/page.html", hosts));
  CHECK(UrlOnHosts("/path/to/page.html", {}));  // No filter.
  CHECK(newsx::IsWebUrl("https://a.example/"));
  CHECK_FALSE(newsx::IsWebUrl("archive.warc.gz@1234"));
}
